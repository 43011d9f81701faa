"""The AI domain as a plug-in (entry point ``literacy_kit.domains``: ``ai``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="ai",
    package="literacy_kit.ai",
    title="ai.domain_title",
    certificate_label="ai.cert_label",
    tiles=("literacy_kit.ai.widgets.kiosk_tile:tile",),
    graded_items={"paste_check": "literacy_kit.ai.widgets.graded:paste_check",
                  "spot_error": "literacy_kit.ai.widgets.graded:spot_error"},
    preload=("literacy_kit.ai.widgets",),
    lesson="02_ai",
    exercises=("ai",),
    order=30,
)
