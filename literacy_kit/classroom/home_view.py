"""The learner's home, rendered by Voila: one big card per released assignment.

Each card shows the assignment's title and state (not started, in progress, handed in at
HH:MM with the receipt, graded with the score) and what a tap does next: open the
exercise page (a plain link, so it works even before the kernel answers) or show the
feedback page in place. Vietnamese first; "English" switches the page.

>>> import tempfile, pathlib
>>> from literacy_kit.classroom.learner import LearnerEnv
>>> env = LearnerEnv(pathlib.Path(tempfile.mkdtemp()), "hv01", "c", pathlib.Path("/none"), pathlib.Path("/none"))
>>> HomeView(env, lang="en").cards
[]
"""
from __future__ import annotations

import html
from urllib.parse import urlencode

import ipywidgets as w

from ..core import DisplayOptions, LangView, ReadAloud, css
from ..core._parts import button, html_box, show
from ..core.read_aloud import widget_texts
from ..course.certificates import assignment_title
from ..grading.checks import format_points
from .learner import Card, LearnerEnv, cards
from .static_css import learner_css


def page_link(page: str, lang: str, **query) -> str:
    """A relative link to another learner page (``home`` or ``exercise``)."""
    params = dict(query, lang=lang)
    return f"{page}.ipynb?{urlencode(params)}"


class CardView(LangView):
    """One assignment's card. CSS: ``lk-class-card``, ``-title``, ``-state``, ``lk-class-open``,
    ``lk-class-feedback-button``."""

    def __init__(self, card: Card, on_feedback, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.card = card
        self.title = html_box("class-card-title")
        self.state_html = html_box("class-card-state")
        self.open = html_box("class-open")
        self.feedback_button = button("class-feedback-button", on_click=lambda: on_feedback(card))
        self.children = [self.title, self.state_html, self.open, self.feedback_button]
        css(self, "class-card", f"class-card-{card.assignment}")
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        card = self.card
        self.title.value = html.escape(assignment_title(card.assignment, self.lang))
        lines = [self.tr(f"classroom.state_{card.state}", time=card.submitted_at,
                         score=format_points(card.score or 0.0, self.lang),
                         max_score=format_points(card.max_score or 0.0, self.lang))]
        if card.state == "submitted" and card.receipt:
            lines.append(self.tr("classroom.state_receipt", code=card.receipt))
        self.state_html.value = (f'<div class="lk-class-state-{card.state}">'
                                 + "<br>".join(html.escape(line) for line in lines) + "</div>")
        action = {"not_started": "open_start", "in_progress": "open_continue"}.get(card.state, "open_again")
        href = page_link("exercise", self.lang, assignment=card.assignment)
        self.open.value = (f'<a href="{html.escape(href)}" class="lk-class-open-link">'
                           f'{html.escape(self.tr("classroom." + action))}</a>')
        self.feedback_button.description = self.tr("classroom.feedback_open")
        show(self.feedback_button, card.feedback is not None)


class HomeView(LangView):
    """The learner's home (see the module docstring).

    CSS: ``lk-class-home``, ``lk-class-header``, ``lk-class-title``, ``lk-class-cards``,
    ``lk-class-feedback`` (the feedback view), ``lk-class-feedback-back``.
    """

    def __init__(self, env: LearnerEnv, lang: str = "vi", name: str = "", **kwargs):
        super().__init__(**kwargs)
        self.env, self.name = env, name
        self.style = w.HTML(f"<style>{learner_css()}</style>")
        self.title = html_box("class-title")
        self.lang_link = html_box("class-lang")
        self.reload_link = html_box("class-reload")
        self.display_options = DisplayOptions(lang=lang)
        self.list_box = css(w.VBox(), "class-cards")
        self.empty = html_box("class-empty")
        self.feedback_frame = html_box("class-feedback")
        self.feedback_back = button("class-feedback-back", on_click=self.close_feedback)
        self.feedback_box = css(w.VBox([self.feedback_back, self.feedback_frame]), "class-feedback-view")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.title, self.list_box, self.empty,
                                                         self.feedback_frame), lang=lang, compact=True)
        header = css(w.HBox([self.lang_link, self.reload_link, self.read_aloud]), "class-header")
        self.children = [self.style, header, self.title, self.display_options, self.empty,
                         self.list_box, self.feedback_box]
        css(self, "class-home")
        self.cards: list[CardView] = []
        show(self.feedback_box, False)
        self.lang = lang
        self.refresh()

    def refresh(self) -> None:
        """Read the cards' states again (what opening the page does)."""
        for view in self.cards:
            view.close()
        self.cards = [CardView(card, self.open_feedback, lang=self.lang) for card in cards(self.env)]
        self.list_box.children = self.cards
        self.relabel()

    def open_feedback(self, card: Card) -> None:
        page = self.env.feedback_page(card.assignment)
        if page is None:
            self.feedback_frame.value = html.escape(self.tr("classroom.feedback_missing"))
        else:
            # a sandboxed frame: the page's own style, no script, nothing fetched
            body = html.escape(page.read_text(encoding="utf-8", errors="replace"), quote=True)
            self.feedback_frame.value = (f'<iframe class="lk-class-feedback-frame" sandbox '
                                         f'srcdoc="{body}"></iframe>')
        show(self.list_box, False)
        show(self.feedback_box, True)

    def close_feedback(self) -> None:
        self.feedback_frame.value = ""
        show(self.feedback_box, False)
        show(self.list_box, True)

    def relabel(self) -> None:
        greeting = self.tr("classroom.home_hello", name=self.name) if self.name else ""
        self.title.value = (f"<h1>{html.escape(self.tr('classroom.home_title'))}</h1>"
                            + (f"<p>{html.escape(greeting)}</p>" if greeting else ""))
        other = "en" if self.lang == "vi" else "vi"
        self.lang_link.value = (f'<a class="lk-class-link" href="{page_link("home", other)}">'
                                f'{html.escape(self.tr("classroom.home_other_lang"))}</a>')
        self.reload_link.value = (f'<a class="lk-class-link" href="{page_link("home", self.lang)}">'
                                  f'{html.escape(self.tr("classroom.home_reload"))}</a>')
        self.empty.value = "" if self.cards else html.escape(self.tr("classroom.home_none"))
        self.feedback_back.description = self.tr("classroom.feedback_back")
        self.display_options.lang = self.lang
        for view in self.cards:
            view.lang = self.lang
