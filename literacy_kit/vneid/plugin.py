"""The VNeID domain as a plug-in (entry point ``literacy_kit.domains``: ``vneid``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="vneid",
    package="literacy_kit.vneid",
    title="vneid.domain_title",
    certificate_label="vneid.cert_label",
    tiles=("literacy_kit.vneid.widgets.kiosk_tile:tile",),
    simulators=("literacy_kit.vneid.widgets.simulator:VNeIDSimulator",),
    graded_items={"vneid_simulator": "literacy_kit.vneid.widgets.graded:vneid_simulator"},
    preload=("literacy_kit.vneid.widgets.simulator",),
    lesson="01_vneid",
    exercises=("vneid",),
    order=10,
    step_cards=("literacy_kit.vneid.logic.step_cards:step_cards",),
)
