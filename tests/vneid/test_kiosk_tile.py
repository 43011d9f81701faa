"""The VNeID kiosk tile: registered through the entry point, fresh on every visit, forgotten
by the idle reset."""
from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit.vneid.widgets.kiosk_tile import tile
from literacy_kit.vneid.widgets.simulator import VNeIDSimulator
from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import load_tiles
from literacy_kit.testing import find, find_one, walk


@pytest.fixture
def app():
    kiosk = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    yield kiosk
    kiosk.home()
    kiosk.close()


def test_tile_is_registered_through_the_entry_point():
    tiles = {t.key: t for t in load_tiles()}
    assert tiles["vneid"] == tile
    assert 10 <= tile.order <= 100
    assert tile.icon == "id-card"
    assert tile.title.get("vi") and tile.title.get("en")
    keys = [t.key for t in load_tiles()]
    assert keys.index("vneid") < keys.index("help")


def test_home_shows_the_tile_in_the_kiosk_language(app):
    button = find_one(app, w.Button, css="lk-kiosk-tile-vneid")
    assert button.description == tile.title.get("vi")
    app.set_lang("en")
    assert button.description == tile.title.get("en")


def test_tap_opens_a_simulator_that_follows_the_kiosk_language(app):
    find_one(app, w.Button, css="lk-kiosk-tile-vneid").click()
    assert app.screen_key == "vneid"
    assert isinstance(app.screen, VNeIDSimulator)
    assert app.screen.lang == "vi"
    app.set_lang("en")
    assert app.screen.lang == "en"
    assert app.screen.current.lang == "en"


def typed_values(view) -> list[str]:
    return [box.value for box in find(view, w.Text) if box.value]


def test_idle_reset_forgets_everything_the_visitor_typed(app):
    sim = app.open_tile("vneid")
    person = sim.citizen
    sim.open_registration()
    sim.accept_intro()
    holder = find_one(sim, css="lk-vneid-field-cccd")
    find_one(holder, w.Text, css="lk-field-input").value = person.cccd
    sim.confirm_ids(phone=person.phone)
    sim.tap_nfc()
    assert sim.state.screen == "details"
    # Screens visited earlier (the one holding the typed number) are off screen now.
    widgets = list(walk(sim)) + [part for screen in sim._screens.values() for part in walk(screen)]
    assert person.cccd in [box.value for box in widgets if isinstance(box, w.Text)]
    app.reset()
    assert app.screen is None and app.screen_key is None
    # Every widget of the visit is closed, shown or not: no model holding what was typed
    # stays open in the kernel (or in the page's widget manager).
    assert all(widget.comm is None for widget in widgets)
    still_open = [widget for widget in _instances.values() if isinstance(widget, w.Text)
                  and widget.value in (person.cccd, person.phone)]
    assert still_open == []
    again = app.open_tile("vneid")
    assert again is not sim
    assert again.state.screen == "welcome"
    assert again.state.account_status == "not_registered"
    assert again.state.card_read == "" and not again.state.portrait_taken
    again.open_registration()
    again.accept_intro()
    assert typed_values(again.holder) == []


def test_home_button_also_discards_the_visit(app):
    sim = app.open_tile("vneid")
    sim.restore({"account_status": "activated"})
    find_one(app, w.Button, css="lk-kiosk-home-button").click()
    assert app.screen is None
    again = app.open_tile("vneid")
    assert again.state.account_status == "not_registered"


def test_each_visit_gets_its_own_synthetic_citizen():
    one, two = tile.build("vi"), tile.build("vi")
    try:
        assert one.seed != two.seed
    finally:
        one.close()
        two.close()
