"""The payments domain as a plug-in (entry point ``literacy_kit.domains``: ``payments``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="payments",
    package="literacy_kit.payments",
    title="payments.domain_title",
    certificate_label="payments.cert_label",
    tiles=("literacy_kit.payments.widgets.kiosk_tile:tile",),
    preload=("literacy_kit.payments.widgets.bank_app",),
    lesson="05_payments",
    order=50,
)
