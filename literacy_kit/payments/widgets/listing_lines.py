"""Complete a listing by tapping lines: the picked lines make up a Zalo post on the spot.

The lines are the body of a content page (one line each, ids ``l1``, ``l2``...). The
answer is the picked ids, in the page's order; in a graded exercise nothing says which
lines are right (the hidden tests do).

>>> from literacy_kit.content import Page, Localized
>>> page = Page("demo", Localized("T", "T"), (Localized("a", "a"), Localized("b", "b")))
>>> view = ListingLines(page, lang="en")
>>> view.toggle("l2"); view.state.selected
('l2',)
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w

from ...content import Page
from ...core._parts import button, esc, html_box
from ...core.base import LangView, css
from .stalls import StallsState
from .style import payments_stylesheet


class ListingLines(LangView):
    """CSS classes: ``lk-payments-lines``, ``lk-payments-line`` (+ ``-<id>``),
    ``lk-payments-line-picked``, ``lk-payments-listing-post``."""

    def __init__(self, page: Page, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        css(self, "payments-lines")
        self.page = page
        ids = [f"l{n}" for n in range(1, len(page.body) + 1)]
        self.state = StallsState(ids)   # the same shape: picked ids among known ones
        self.title_html = html_box("payments-lines-title")
        self.hint = html_box("payments-lines-hint")
        self.line_buttons = {i: button("payments-line", f"payments-line-{i}",
                                       on_click=lambda i=i: self.toggle(i), width="100%")
                             for i in ids}
        self.preview_title = html_box("payments-lines-preview-title")
        self.preview = html_box("payments-listing-post")
        self.children = [payments_stylesheet(), self.title_html, self.hint,
                         w.VBox(list(self.line_buttons.values())), self.preview_title, self.preview]
        self.state.observe(lambda change: self.relabel(), names="selected")
        self.lang = lang
        self.relabel()

    def toggle(self, line_id: str) -> None:
        picked = self.state.selected
        self.state.selected = (tuple(i for i in picked if i != line_id) if line_id in picked
                               else picked + (line_id,))

    def texts(self, lang: str) -> dict[str, str]:
        return {f"l{n}": text.get(lang) for n, text in enumerate(self.page.body, start=1)}

    def relabel(self) -> None:
        if not hasattr(self, "preview"):
            return
        texts = self.texts(self.lang)
        self.title_html.value = f"<b>{esc(self.page.title.get(self.lang))}</b>"
        self.hint.value = f"<i>{esc(self.tr('payments_kit.lines.hint'))}</i>"
        for line_id, btn in self.line_buttons.items():
            picked = line_id in self.state.selected
            btn.description = btn.tooltip = texts[line_id]
            btn.button_style = "info" if picked else ""
            if picked:
                btn.add_class("lk-payments-line-picked")
            else:
                btn.remove_class("lk-payments-line-picked")
        self.preview_title.value = esc(self.tr("payments_kit.lines.preview"))
        self.preview.value = "<br>".join(esc(texts[i]) for i in self.state.selected)
