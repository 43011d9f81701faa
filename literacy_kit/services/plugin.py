"""The online public services domain as a plug-in (entry point ``literacy_kit.domains``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="services",
    package="literacy_kit.services",
    title="services.domain_title",
    certificate_label="services.cert_label",
    tiles=("literacy_kit.services.widgets.kiosk_tile:tile",),
    simulators=("literacy_kit.services.widgets.simulator:PortalSimulator",),
    graded_items={"services_simulator": "literacy_kit.services.widgets.graded:services_simulator"},
    preload=("literacy_kit.services.widgets.simulator",),
    lesson="03_services",
    exercises=("services",),
    order=20,
    step_cards=("literacy_kit.services.logic.step_cards:step_cards",),
)
