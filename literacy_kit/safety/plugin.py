"""The safety domain (scam awareness) as a plug-in (entry point ``literacy_kit.domains``: ``safety``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="safety",
    package="literacy_kit.safety",
    title="safety.domain_title",
    certificate_label="safety.cert_label",
    tiles=("literacy_kit.safety.widgets.kiosk_tile:tile",),
    simulators=("literacy_kit.safety.widgets.simulator:ScamSimulator",),
    graded_items={"safety_sort": "literacy_kit.safety.widgets.graded:safety_sort",
                  "safety_phone": "literacy_kit.safety.widgets.graded:safety_phone"},
    preload=("literacy_kit.safety.widgets",),
    lesson="04_safety",
    exercises=("safety",),
    order=40,
)
