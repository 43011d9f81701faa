"""The lamp domain as a plug-in (entry point ``literacy_kit.domains``: ``lamp``)."""
from __future__ import annotations

from literacy_kit.domains import Domain

domain = Domain(
    key="lamp",
    package="lk_demo_domain",
    title="lamp.domain_title",
    certificate_label="lamp.cert_label",
    tiles=("lk_demo_domain.lamp:tile",),
    graded_items={"lamp_switch": "lk_demo_domain.lamp:lamp_switch"},
    preload=("lk_demo_domain.lamp",),
    exercises=("lamp",),
    order=900,
)
