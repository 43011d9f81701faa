"""A content :class:`~literacy_kit.content.Page` (title and paragraphs) as a view.

>>> from literacy_kit import content
>>> from literacy_kit.core import PageView
>>> view = PageView(content.load("core_demo").pages["welcome"], lang="en")
>>> view.title_html.value.startswith("<b>")
True
"""
from __future__ import annotations

from ..content import Page
from ._parts import esc, html_box
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts


class PageView(LangView):
    """A title and its paragraphs, relabelled live.

    CSS classes: ``lk-page``, ``lk-page-title``, ``lk-page-body`` (one per paragraph).
    """

    def __init__(self, page: Page, lang: str = "vi", show_title: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.page = page
        css(self, "page")
        self.title_html = html_box("page-title")
        self.paragraphs = [html_box("page-body") for _ in page.body]
        self.read_aloud = ReadAloud(lambda: widget_texts(*self.children), lang=lang)
        self.children = ([self.title_html] if show_title else []) + self.paragraphs
        self.children = [self.read_aloud, *self.children]
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        self.title_html.value = f"<b>{esc(self.page.title.get(self.lang))}</b>"
        for html, text in zip(self.paragraphs, self.page.body):
            html.value = esc(text.get(self.lang))
