"""The public-services kiosk tile: registered through the entry point, a fresh family per visit."""
from __future__ import annotations

import ipywidgets as w

from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import load_tiles
from literacy_kit.services.widgets.kiosk_tile import tile
from literacy_kit.services.widgets.simulator import PortalSimulator
from literacy_kit.testing import close_all, find_one


def test_tile_is_registered_between_vneid_and_ai():
    tiles = {t.key: t for t in load_tiles()}
    assert tiles["services"] == tile
    assert tile.order == 20 and tile.icon == "landmark"
    assert tile.title.get("vi") and tile.title.get("en")
    keys = [t.key for t in load_tiles()]
    assert keys.index("vneid") < keys.index("services") < keys.index("ai")


def test_each_visit_gets_its_own_family():
    one, two = tile.build("vi"), tile.build("en")
    try:
        assert isinstance(one, PortalSimulator) and two.lang == "en"
        assert one.seed != two.seed and one.family != two.family
        assert one.lookalike and one.account.level == 2
    finally:
        close_all(one)
        close_all(two)


def test_the_tile_follows_the_kiosk_language():
    app = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    try:
        find_one(app, w.Button, css="lk-kiosk-tile-services").click()
        assert isinstance(app.screen, PortalSimulator)
        app.set_lang("en")
        assert app.screen.lang == "en" and app.screen.current.lang == "en"
    finally:
        app.home()
        app.close()
