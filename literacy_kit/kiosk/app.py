"""The kiosk: a home screen of big tiles, a language toggle and an idle reset.

>>> from literacy_kit.kiosk.app import KioskApp
>>> app = KioskApp()          # tiles from the registered domains
>>> _ = app.open_tile("help"); app.screen_key
'help'
>>> app.reset(); app.screen_key is None
True
"""
from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w
from traitlets import Unicode, observe

from ..core.base import LangView, css
from ..core.display import DisplayOptions
from ..core.field_keyboard import attach_keyboards, keyboards_on
from ..core.read_aloud import ReadAloud, widget_texts
from ..core.style import stylesheet
from ..core.tree import close_all
from ..i18n import LANGS, t
from .idle import IdleWatchdog, watch_widget_messages
from .settings import KioskSettings
from .tiles import Tile, load_tiles

KIOSK_CSS = Path(__file__).parent / "static" / "kiosk.css"


class KioskApp(LangView):
    """The whole kiosk in one view; ``open_tile``, ``home``, ``reset`` do what the buttons do."""

    screen_key = Unicode(None, allow_none=True, help="Key of the open tile; None on the home screen.")

    def __init__(self, tiles: list[Tile] | None = None, settings: KioskSettings | None = None,
                 watchdog: IdleWatchdog | None = None, **kwargs):
        self.settings = settings or KioskSettings()
        self.tiles = {tile.key: tile for tile in (load_tiles() if tiles is None else tiles)}
        self.screen: w.Widget | None = None
        self._title = css(w.HTML(), "kiosk-title")
        self._lang_toggle = css(w.ToggleButtons(
            options=[(t(f"kiosk.lang_name_{code}", code), code) for code in LANGS],
            value=self.settings.lang, style={"button_width": "auto"}), "kiosk-lang")
        self._lang_toggle.observe(self._on_toggle, "value")
        self._notice = css(w.HTML(), "kiosk-notice")
        self._tile_buttons: dict[str, w.Button] = {}
        for key, tile in self.tiles.items():
            button = css(w.Button(icon=tile.icon, layout=w.Layout(min_height="120px", width="auto")),
                         "kiosk-tile", f"kiosk-tile-{key}")
            button.on_click(lambda _b, key=key: self.open_tile(key))
            self._tile_buttons[key] = button
        self._home = css(w.GridBox(list(self._tile_buttons.values()), layout=w.Layout(
            grid_template_columns="repeat(auto-fill, minmax(260px, 1fr))", grid_gap="16px")),
            "kiosk-home")
        self._home_button = css(w.Button(icon="home", layout=w.Layout(min_height="56px", width="auto")),
                                "kiosk-home-button")
        self._home_button.on_click(lambda _b: self.home())
        self._screen_box = css(w.VBox(), "kiosk-screen-body")
        self._screen_area = css(w.VBox([self._home_button, self._screen_box],
                                       layout=w.Layout(display="none")), "kiosk-screen")
        self.display_options = DisplayOptions(lang=self.settings.lang)
        # Reads what is on screen: the tiles at home (for visitors who read slowly),
        # otherwise the open simulation.
        self.read_aloud = ReadAloud(self._screen_texts, lang=self.settings.lang)
        header = css(w.HBox([self._title, self.read_aloud, self.display_options, self._lang_toggle],
                            layout=w.Layout(justify_content="space-between", align_items="center",
                                            flex_flow="row wrap")), "kiosk-header")
        super().__init__([stylesheet(), stylesheet(KIOSK_CSS, "kiosk"), header, self._notice,
                          self._home, self._screen_area], lang=self.settings.lang, **kwargs)
        css(self, "kiosk")
        self.watchdog = watchdog or IdleWatchdog(self.settings.idle_reset, self.reset)
        self.relabel()

    # -- what the buttons do -------------------------------------------------
    def open_tile(self, key: str) -> w.Widget:
        """Open a tile with a fresh view (nothing from an earlier visit survives)."""
        self.watchdog.touch()
        self._close_screen()
        try:
            self.screen = self.tiles[key].build(self.lang)
        except Exception:  # a broken simulation must never show a visitor a traceback
            message = escape(self.tr("kiosk.tile_failed"), quote=False)
            self.screen = css(w.HTML(f"<p>{message}</p>"), "kiosk-tile-failed")
        if keyboards_on():
            # text boxes outside form fields (a chat, say) get an on-screen keyboard too
            self._keyboards = attach_keyboards(self.screen, self.lang)
        self._screen_box.children = (self.screen,)
        self.screen_key = key
        self._home.layout.display = "none"
        self._screen_area.layout.display = ""
        return self.screen

    def home(self) -> None:
        """Back to the tiles; the tile that was open is closed and forgotten."""
        self._close_screen()
        self.screen_key = None
        self._screen_area.layout.display = "none"
        self._home.layout.display = ""

    def set_lang(self, lang: str) -> None:
        """Switch every text on screen, the open tile included."""
        self._lang_toggle.value = lang if lang in LANGS else self.settings.lang

    def reset(self) -> None:
        """The idle reset: home screen, starting language, normal display, every typed value gone."""
        self.home()
        self.read_aloud.stop()
        self.display_options.reset()
        self.set_lang(self.settings.lang)

    # -- plumbing ----------------------------------------------------------
    def _screen_texts(self) -> list[str]:
        if self.screen is not None:
            return widget_texts(self.screen)
        return widget_texts(self._title, self._notice, self._home)

    def _close_screen(self) -> None:
        if self.screen is not None:
            self._screen_box.children = ()
            close_all(self.screen)
            self.screen = None
            self._keyboards = []

    def _on_toggle(self, change) -> None:
        self.lang = change["new"]

    @observe("lang")
    def _follow_lang(self, change) -> None:
        if self._lang_toggle.value != change["new"]:
            self._lang_toggle.value = change["new"]
        self.display_options.lang = change["new"]
        if self.screen is not None and hasattr(self.screen, "lang"):
            self.screen.lang = change["new"]
        for keyboard in getattr(self, "_keyboards", ()):
            keyboard.lang = change["new"]

    def relabel(self) -> None:
        self._title.value = f"<h1>{escape(self.tr('kiosk.title'), quote=False)}</h1>"
        self._notice.value = f"<p>{escape(self.tr('kiosk.simulation_notice'), quote=False)}</p>"
        self._home_button.description = self.tr("kiosk.home")
        for key, button in self._tile_buttons.items():
            button.description = self.tiles[key].title.get(self.lang)


def main() -> KioskApp:
    """Build the kiosk from the launcher's settings, start the idle watch and show it."""
    from IPython.display import display

    app = KioskApp(settings=KioskSettings.from_env())
    watch_widget_messages(app.watchdog.touch)
    app.watchdog.start()
    display(app)
    return app
