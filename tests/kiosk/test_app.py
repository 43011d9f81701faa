"""The kiosk app driven from Python: tiles, language, idle reset."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.content import Localized
from literacy_kit.i18n import t
from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.help_tile import HelpScreen
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import Tile, load_tiles
from literacy_kit.testing import find, find_one, texts


class Echo(w.VBox):
    """A throwaway tile view with a text box and a lang trait."""

    def __init__(self, lang):
        self.box = w.Text()
        self.box.add_class("lk-echo-text")
        super().__init__([self.box])
        self.lang = lang


ECHO = Tile(key="echo", title=Localized(vi="Thử", en="Try"), build=Echo, icon="star", order=1)


@pytest.fixture
def app():
    kiosk = KioskApp(tiles=[ECHO, *load_tiles()], settings=KioskSettings(lang="vi", idle_reset=60))
    yield kiosk
    kiosk.home()
    kiosk.close()


def tile_button(app, key):
    return find_one(app, w.Button, css=f"lk-kiosk-tile-{key}")


def test_home_shows_every_registered_tile_in_order(app):
    tiles = find(app, w.Button, css="lk-kiosk-tile")
    registered = [tile.title.vi for tile in load_tiles()]
    assert [b.description for b in tiles] == ["Thử", *registered]
    assert registered[-1] == "Cách dùng ki-ốt"  # help comes last (order 1000)
    assert all(b.layout.min_height == "120px" for b in tiles)


def test_help_tile_is_registered_through_the_entry_point():
    assert "help" in [tile.key for tile in load_tiles()]


def test_open_by_tap_and_back_home(app):
    tile_button(app, "help").click()
    assert app.screen_key == "help"
    assert isinstance(app.screen, HelpScreen)
    assert find_one(app, css="lk-kiosk-home").layout.display == "none"
    find_one(app, w.Button, css="lk-kiosk-home-button").click()
    assert app.screen_key is None and app.screen is None
    assert find_one(app, css="lk-kiosk-screen").layout.display == "none"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_language_toggle_relabels_home_and_open_tile(app, lang):
    app.open_tile("help")
    find_one(app, w.ToggleButtons, css="lk-kiosk-lang").value = lang
    assert app.lang == lang
    assert app.screen.lang == lang
    assert t("kiosk.title", lang) in find_one(app, css="lk-kiosk-title").value
    assert find_one(app, w.Button, css="lk-kiosk-home-button").description == t("kiosk.home", lang)
    expected = "How does this kiosk work?" if lang == "en" else "Ki-ốt này dùng thế nào?"
    assert expected in texts(app)


def test_reopening_a_tile_gives_a_fresh_view(app):
    first = app.open_tile("echo")
    first.box.value = "Nguyễn Thị Hoa"
    app.home()
    assert first.box.comm is None, "the old view was closed"
    second = app.open_tile("echo")
    assert second is not first and second.box.value == ""


def test_idle_reset_goes_home_restores_language_and_forgets_input(app):
    app.open_tile("help")
    app.set_lang("en")
    field_input = find(app.screen, w.Text)[0]
    field_input.value = "0912 345 678"
    app.watchdog.last_activity -= 61
    assert app.watchdog.check() is True
    assert app.screen_key is None and app.lang == "vi"
    assert find_one(app, w.ToggleButtons, css="lk-kiosk-lang").value == "vi"
    assert "0912 345 678" not in texts(app)
    app.open_tile("help")
    assert all(text.value == "" for text in find(app.screen, w.Text))


def test_any_tap_counts_as_activity(app):
    before = app.watchdog.last_activity
    app.watchdog.clock = lambda: before + 30
    tile_button(app, "help").click()
    assert app.watchdog.last_activity == before + 30


def test_unknown_language_falls_back_to_the_kiosk_default(app):
    app.set_lang("fr")
    assert app.lang == "vi"


def test_a_broken_tile_shows_a_friendly_message_not_a_traceback():
    def explode(lang):
        raise RuntimeError("simulated bug")

    broken = Tile(key="broken", title=Localized(vi="Hỏng", en="Broken"), build=explode)
    kiosk = KioskApp(tiles=[broken], settings=KioskSettings(lang="en"))
    try:
        kiosk.open_tile("broken")
        message = find_one(kiosk, css="lk-kiosk-tile-failed").value
        assert t("kiosk.tile_failed", "en") in message
        assert "Traceback" not in message and "simulated bug" not in message
        kiosk.home()
        assert kiosk.screen is None
    finally:
        kiosk.close()


def test_going_home_releases_every_widget_of_the_screen(app):
    from ipywidgets.widgets.widget import _instances as registry
    app.open_tile("help")
    app.home()
    before = len(registry)
    for _ in range(5):
        app.open_tile("help")
        app.home()
    assert len(registry) == before


def test_display_options_survive_language_switch_and_idle_reset_restores_them(app):
    options = find_one(app, css="lk-display")
    find_one(app, w.ToggleButton, css="lk-display-large").value = True
    find_one(app, w.ToggleButton, css="lk-display-contrast").value = True
    app.open_tile("help")
    app.set_lang("en")
    assert options.lang == "en" and options.state.large and options.state.contrast
    assert "--lk-tap" in options.style_html.value
    app.watchdog.last_activity -= 61
    assert app.watchdog.check() is True
    assert not options.state.large and not options.state.contrast
    assert options.style_html.value == ""


def test_kiosk_speaker_reads_the_tiles_at_home_and_the_open_screen(app):
    speaker = app.read_aloud
    home = speaker.texts()
    assert t("kiosk.title", "vi") in home
    assert tile_button(app, "help").description in home
    app.open_tile("help")
    screen = speaker.texts()
    assert tile_button(app, "help").description not in screen
    assert app.screen.question.question.stem.vi in screen
    app.set_lang("en")
    assert speaker.lang == "en"
    assert app.screen.question.question.stem.en in speaker.texts()
