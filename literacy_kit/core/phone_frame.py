"""A plain mock smartphone that hosts a simulated app screen.

It is deliberately generic (no real app's icon, colours or name) and always shows a
"simulation" badge plus a note that the data is synthetic.

>>> import ipywidgets as w
>>> from literacy_kit.core import PhoneFrame
>>> phone = PhoneFrame("Demo", w.HTML("hello"), lang="en")
>>> phone.show(w.HTML("next screen"))
"""
from __future__ import annotations

from traitlets import Any, Unicode, observe

import ipywidgets as w

from ._parts import esc, html_box, pass_lang, text_of
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts

#: Phone-like width: the common small-Android CSS width.
PHONE_WIDTH = "360px"
# Text glyphs only (no icon font, works offline): signal bars and a battery.
_SIGNAL = "\u2582\u2584\u2586\u2588"
_BATTERY = "\u25ae\u25ae\u25ae\u25af"


class PhoneFrame(LangView):
    """A rounded phone outline with status bar, app header, badge, body and note.

    CSS classes: ``lk-phone``, ``lk-phone-status`` (``lk-phone-clock``,
    ``lk-phone-signal``), ``lk-phone-header`` (``lk-phone-title``, ``lk-phone-badge``),
    ``lk-phone-body``, ``lk-phone-note``.
    """

    title = Any(None, allow_none=True, help="App title: a Localized, a plain str or None.")
    clock = Unicode("08:30", help="Simulated time shown in the status bar.")

    def __init__(self, title=None, body: w.Widget | None = None, lang: str = "vi", **kwargs):
        super().__init__(layout=w.Layout(width=PHONE_WIDTH, max_width="100%",
                                         border="2px solid #37474f", padding="0"), **kwargs)
        css(self, "phone")
        self.clock_html = html_box("phone-clock")
        self.signal_html = html_box("phone-signal")
        self.signal_html.value = f"{_SIGNAL} &nbsp; {_BATTERY}"
        self.status_bar = css(w.HBox([self.clock_html, self.signal_html],
                                     layout=w.Layout(justify_content="space-between",
                                                     padding="2px 12px")), "phone-status")
        self.title_html = html_box("phone-title")
        self.badge = html_box("phone-badge")
        self.body = css(w.VBox(layout=w.Layout(min_height="480px", padding="8px",
                                               overflow="auto")), "phone-body")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.title_html, self.body), lang=lang,
                                    compact=True)
        self.header = css(w.HBox([self.title_html, self.read_aloud, self.badge],
                                 layout=w.Layout(justify_content="space-between",
                                                 align_items="center", padding="4px 12px")),
                          "phone-header")
        self.note = html_box("phone-note")
        self.children = [self.status_bar, self.header, self.body, self.note]
        self.title = title
        self.lang = lang
        self.show(body)
        self.relabel()

    def show(self, widget: w.Widget | None) -> None:
        """Replace what the screen shows (``None`` empties it); passes the language on."""
        pass_lang(widget, self.lang)
        self.body.children = [widget] if widget is not None else []

    @property
    def content(self) -> w.Widget | None:
        """The widget the screen currently shows."""
        return self.body.children[0] if self.body.children else None

    @observe("title", "clock")
    def _on_texts(self, change) -> None:
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "body"):
            return  # traits set during construction
        self.clock_html.value = esc(self.clock)
        self.title_html.value = f"<b>{esc(text_of(self.title, self.lang))}</b>"
        self.badge.value = esc(self.tr("core.phone.simulation"))
        self.note.value = esc(self.tr("core.phone.note"))
        pass_lang(self.content, self.lang)
