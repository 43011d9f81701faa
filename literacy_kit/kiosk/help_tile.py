"""The "how to use this kiosk" tile: what the kiosk is, and a safe place to try tapping and typing."""
from __future__ import annotations

from html import escape

import ipywidgets as w

from ..content import Localized, load
from ..core.base import LangView, css
from ..i18n import t
from .tiles import Tile


class HelpScreen(LangView):
    """Explains the kiosk and lets a visitor practise: one question, one text box."""

    def __init__(self, lang: str = "vi", **kwargs):
        from ..core import ChoiceQuestion, FormField

        bundle = load("kiosk_help")
        self._page = bundle.pages["how_to_use"]
        self._heading = css(w.HTML(), "help-title")
        self._body = css(w.HTML(), "help-body")
        self.question = ChoiceQuestion(bundle.questions["practice_tap"], lang=lang)
        label = Localized(vi=t("kiosk.help_practice_field", "vi"), en=t("kiosk.help_practice_field", "en"))
        self.field = css(FormField(label, lang=lang), "help-practice-field")
        super().__init__([self._heading, self._body, self.question, self.field], lang=lang, **kwargs)
        css(self, "help")
        self.relabel()

    def relabel(self) -> None:
        self._heading.value = f"<h2>{escape(self._page.title.get(self.lang), quote=False)}</h2>"
        self._body.value = "".join(f"<p>{escape(paragraph.get(self.lang), quote=False)}</p>"
                                   for paragraph in self._page.body)
        for child in (getattr(self, "question", None), getattr(self, "field", None)):
            if child is not None:
                child.lang = self.lang


tile = Tile(key="help", title=load("kiosk_help").title, build=lambda lang: HelpScreen(lang=lang),
            icon="question-circle", order=1000)
