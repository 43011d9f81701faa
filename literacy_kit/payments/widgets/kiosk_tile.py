"""The kiosk's safe-transfers tile ("Chuy\u1ec3n ti\u1ec1n an to\u00e0n"): a fresh bank-app simulator on every visit.

Scan, check, pay or refuse: every situation of the simulator, starting with paying a
stall. Nothing typed by an earlier visitor (an amount, a PIN) can be in a new view, and
closing the view closes every screen, shown or not.

>>> from literacy_kit.payments.widgets.kiosk_tile import tile
>>> view = tile.build("en")
>>> view.state.scenario, view.state.screen
('pay_shop', 'situation')
>>> view.close()
"""
from __future__ import annotations

from ...content import load
from ...kiosk.tiles import Tile
from .bank_app import BankAppSimulator


def build(lang: str) -> BankAppSimulator:
    """A clean simulator: nothing typed by an earlier visitor can be in it."""
    return BankAppSimulator(lang=lang)


tile = Tile(key="payments", title=load("payments_scenarios").title, build=build, icon="qrcode",
            order=50)
