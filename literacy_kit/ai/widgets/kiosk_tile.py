"""The kiosk's AI tile: the chat simulator (offline assistant only) and two quick activities.

Each visit gets a fresh view. The activities are built the first time they are opened and
kept while the visitor switches between them; :meth:`AIKioskView.close` (called by the
kiosk's home button and idle reset) closes every one of them, shown or not, so nothing a
visitor typed survives.

>>> from literacy_kit.ai.widgets.kiosk_tile import tile
>>> view = tile.build("en")
>>> view.state.section, type(view.current).__name__
('chat', 'ChatSimulator')
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Enum, HasTraits

from ...content import load
from ...core._parts import button, html_box
from ...core.base import LangView, css
from ...core.tree import close_all
from ...kiosk.tiles import Tile
from .activities_quick import QuickPasteCheck
from .activities_spot import SpotTheError
from ..logic.assistant import OfflineAssistant
from .chat import ChatSimulator
from .style import ai_stylesheet, esc

__all__ = ["AIKioskView", "KioskState", "SECTIONS", "build", "tile"]

SECTIONS = ("chat", "paste", "spot")


class KioskState(HasTraits):
    """Which activity the visitor has open."""

    section = Enum(SECTIONS, default_value="chat", help="chat, paste or spot.")


class AIKioskView(LangView):
    """Three big buttons (chat, "safe to paste?", "spot the wrong answer") and the open activity.

    Seams: ``go(section)``, ``close()``. State: :class:`KioskState`.

    CSS classes: ``lk-ai-kiosk``, ``lk-ai-kiosk-intro``, ``lk-ai-kiosk-menu``,
    ``lk-ai-kiosk-open`` (+ ``lk-ai-kiosk-open-<section>``), ``lk-ai-kiosk-holder``.
    """

    def __init__(self, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.state = KioskState()
        self._built: dict[str, w.Widget] = {}
        css(self, "ai-kiosk")
        self.intro = html_box("ai-kiosk-intro")
        self.menu_buttons = {name: button("ai-kiosk-open", f"ai-kiosk-open-{name}",
                                          on_click=lambda n=name: self.go(n),
                                          flex="1 1 0", width="auto")
                             for name in SECTIONS}
        self.menu = css(w.HBox(list(self.menu_buttons.values()),
                               layout=w.Layout(flex_flow="row wrap")), "ai-kiosk-menu", "ai-row")
        self.holder = css(w.VBox(layout=w.Layout(width="100%", margin="12px 0 0 0")),
                          "ai-kiosk-holder")
        self.children = [ai_stylesheet(), self.intro, self.menu, self.holder]
        self.state.observe(lambda change: self._show(change["new"]), names="section")
        self.lang = lang
        self._show(self.state.section)
        self.relabel()

    @property
    def current(self) -> w.Widget:
        """The activity on show."""
        return self.activity(self.state.section)

    def activity(self, section: str) -> w.Widget:
        """The view of ``section``, built on first use (the chat uses the offline assistant)."""
        if section not in self._built:
            if section == "chat":
                view = ChatSimulator(lang=self.lang, assistant=OfflineAssistant())
            elif section == "paste":
                view = QuickPasteCheck(lang=self.lang)
            else:
                view = SpotTheError(lang=self.lang)
            self._built[section] = view
        return self._built[section]

    def go(self, section: str) -> w.Widget:
        """Show activity ``section`` (what its menu button does)."""
        if section == self.state.section:
            self._show(section)
        else:
            self.state.section = section
        return self.current

    def close(self) -> None:
        """Close the tile and every activity it built, on show or not."""
        if hasattr(self, "holder"):
            self.holder.children = ()
        for view in getattr(self, "_built", {}).values():
            close_all(view)
        getattr(self, "_built", {}).clear()
        super().close()

    def _show(self, section: str) -> None:
        view = self.activity(section)
        view.lang = self.lang
        self.holder.children = (view,)
        for name, btn in self.menu_buttons.items():
            btn.button_style = "info" if name == section else ""

    def relabel(self) -> None:
        if not hasattr(self, "holder"):
            return  # traits set while the view is being built
        self.intro.value = esc(self.tr("ai_widgets.kiosk.intro"))
        for name, btn in self.menu_buttons.items():
            btn.description = self.tr(f"ai_widgets.kiosk.{name}")
        if self.holder.children:
            self.holder.children[0].lang = self.lang


def build(lang: str) -> AIKioskView:
    """A clean view: nothing typed by an earlier visitor can be in it."""
    return AIKioskView(lang=lang)


tile = Tile(key="ai", title=load("ai_activities").title, build=build, icon="comments", order=30)
