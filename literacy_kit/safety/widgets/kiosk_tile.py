"""The kiosk's safety tile "L\u1eeba hay th\u1eadt?": a quick game of 5 random messages, then a score
and a summary of the cues; the phone simulator; and a link checker.

Each visit gets a fresh view with new random items; nothing a visitor typed or tapped
survives closing it (the kiosk's home button and idle reset call :meth:`close`, which closes
the phone too when it was opened).

>>> from literacy_kit.safety.widgets.kiosk_tile import tile
>>> view = tile.build("en")
>>> len(view.quiz.items)
5
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Enum, HasTraits

from ...core._parts import button, html_box
from ...core.base import LangView, css
from ...core.sim_screen import localized
from ...core.tree import close_all
from ...kiosk.tiles import Tile
from .link_inspector import LinkInspector
from .quiz import ScamQuiz
from .simulator import ScamSimulator
from .style import esc, safety_stylesheet

__all__ = ["GAME_SIZE", "SafetyKioskView", "build", "tile"]

#: Messages per game at the kiosk.
GAME_SIZE = 5
SECTIONS = ("quiz", "phone", "link")


class KioskState(HasTraits):
    section = Enum(SECTIONS, default_value="quiz", help="quiz, phone or link.")


class SafetyKioskView(LangView):
    """The game, the phone and the link checker behind three big buttons.

    Seams: ``go(section)``, ``close()``; the game is ``quiz``, the checker ``inspector``,
    the phone ``phone`` (built the first time it is opened, ``None`` before).

    CSS classes: ``lk-safety-kiosk``, ``lk-safety-kiosk-intro``, ``lk-safety-kiosk-open``
    (+ ``lk-safety-kiosk-open-<section>``), ``lk-safety-kiosk-holder``.
    """

    def __init__(self, lang: str = "vi", seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.state = KioskState()
        css(self, "safety-kiosk")
        self.intro = html_box("safety-kiosk-intro")
        self.quiz = ScamQuiz(lang=lang, count=GAME_SIZE, seed=seed)
        self.inspector = LinkInspector(lang=lang)
        self.phone: ScamSimulator | None = None
        self.menu_buttons = {name: button("safety-kiosk-open", f"safety-kiosk-open-{name}",
                                          on_click=lambda n=name: self.go(n),
                                          flex="1 1 0", width="auto")
                             for name in SECTIONS}
        self.menu = css(w.HBox(list(self.menu_buttons.values())), "safety-row")
        self.holder = css(w.VBox(layout=w.Layout(width="100%", margin="12px 0 0 0")),
                          "safety-kiosk-holder")
        self.children = [safety_stylesheet(), self.intro, self.menu, self.holder]
        self.state.observe(lambda change: self._show(), names="section")
        self.lang = lang
        self._show()
        self.relabel()

    @property
    def current(self) -> w.Widget:
        if self.state.section == "phone":
            if self.phone is None:
                self.phone = ScamSimulator(lang=self.lang)
            return self.phone
        return self.quiz if self.state.section == "quiz" else self.inspector

    def go(self, section: str) -> w.Widget:
        """Show ``section`` (``"quiz"``, ``"phone"`` or ``"link"``), as its menu button does."""
        self.state.section = section
        return self.current

    def _show(self) -> None:
        # Every built section stays in the tree, hidden when not on show: the kiosk gives
        # the text boxes it finds when the tile opens an on-screen keyboard (the link box).
        current = self.current
        views = [view for view in (self.quiz, self.phone, self.inspector) if view is not None]
        for view in views:
            view.layout.display = None if view is current else "none"
        self.holder.children = tuple(views)
        for name, btn in self.menu_buttons.items():
            btn.button_style = "info" if name == self.state.section else ""

    def close(self) -> None:
        """Close the tile, the game, the phone and the link checker, on show or not."""
        if hasattr(self, "holder"):
            self.holder.children = ()
        for view in (getattr(self, "quiz", None), getattr(self, "inspector", None),
                     getattr(self, "phone", None)):
            if view is not None:
                close_all(view)
        super().close()

    def relabel(self) -> None:
        if not hasattr(self, "holder"):
            return
        self.intro.value = f"<p>{esc(self.tr('safety_widgets.kiosk.intro'))}</p>"
        for name, btn in self.menu_buttons.items():
            btn.description = self.tr(f"safety_widgets.kiosk.{name}")
        for view in (self.quiz, self.inspector, self.phone):
            if view is not None:
                view.lang = self.lang


def build(lang: str) -> SafetyKioskView:
    """A clean view with new random messages: nothing of an earlier visitor is in it."""
    return SafetyKioskView(lang=lang)


tile = Tile(key="safety", title=localized("safety_widgets.kiosk.title"), build=build,
            icon="user-shield", order=40)
