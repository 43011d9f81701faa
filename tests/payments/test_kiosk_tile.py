"""The "Chuyen tien an toan" kiosk tile: registered through the entry point, fresh on every
visit, and forgotten (amount and PIN typed included) by the idle reset."""
from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import load_tiles
from literacy_kit.payments.logic.bank_app import simulated_pin
from literacy_kit.payments.widgets import BankAppSimulator
from literacy_kit.payments.widgets.kiosk_tile import tile
from literacy_kit.testing import find_one, walk

AMOUNT = "123.456"


@pytest.fixture
def app():
    kiosk = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    yield kiosk
    kiosk.home()
    kiosk.close()


def test_tile_is_registered_through_the_entry_point():
    tiles = {t.key: t for t in load_tiles()}
    assert tiles["payments"] == tile
    assert tile.title.get("vi") == "Chuyển tiền an toàn" and tile.title.get("en") == "Safe transfers"
    keys = [t.key for t in load_tiles()]
    assert keys.index("vneid") < keys.index("payments") < keys.index("help")


def test_home_shows_the_tile_in_the_kiosk_language(app):
    button = find_one(app, w.Button, css="lk-kiosk-tile-payments")
    assert button.description == "Chuyển tiền an toàn"
    app.set_lang("en")
    assert button.description == "Safe transfers"


def test_tap_opens_the_simulator_following_the_language(app):
    find_one(app, w.Button, css="lk-kiosk-tile-payments").click()
    assert app.screen_key == "payments" and isinstance(app.screen, BankAppSimulator)
    app.set_lang("en")
    assert app.screen.lang == "en" and app.screen.current.lang == "en"


def holds_typed(widget) -> bool:
    value = getattr(widget, "value", None)
    return isinstance(value, str) and (AMOUNT in value or simulated_pin() in value)


def test_idle_reset_forgets_the_amount_and_the_pin(app):
    sim = app.open_tile("payments")
    sim.scan()
    sim.type_amount(AMOUNT)
    sim.pay()
    sim.fill("pin", pin=simulated_pin())    # typed, not confirmed
    widgets = list(walk(sim)) + [x for screen in sim.built_screens() for x in walk(screen)]
    assert any(holds_typed(x) for x in widgets)
    app.reset()
    assert app.screen is None
    assert all(x.comm is None for x in widgets)
    assert [x for x in list(_instances.values()) if holds_typed(x)] == []
    again = app.open_tile("payments")
    assert again is not sim and again.state.screen == "situation"
    again.scan()
    assert again.screen("confirm").typed("amount") == ""
