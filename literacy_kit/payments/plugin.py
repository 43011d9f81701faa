"""The payments domain as a plug-in (entry point ``literacy_kit.domains``: ``payments``)."""
from __future__ import annotations

from ..domains import Domain

domain = Domain(
    key="payments",
    package="literacy_kit.payments",
    title="payments.domain_title",
    certificate_label="payments.cert_label",
    tiles=("literacy_kit.payments.widgets.kiosk_tile:tile",),
    simulators=("literacy_kit.payments.widgets.bank_app:BankAppSimulator",),
    graded_items={"pay_right_shop": "literacy_kit.payments.widgets.graded:pay_right_shop",
                  "listing_check": "literacy_kit.payments.widgets.graded:listing_check"},
    preload=("literacy_kit.payments.widgets.graded",),
    lesson="05_payments",
    exercises=("payments",),
    order=50,
)
