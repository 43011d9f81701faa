"""Spot the wrong answer: an assistant's answer cut into sentences; tap the one that is wrong.

By default the answer is the offline assistant's deliberately wrong one (VNeID level 2
"by phone"): the right sentence is the one holding its
:class:`~literacy_kit.ai.FlawLocation`, and the explanation comes with it. A content page
(the question as title, one sentence per paragraph) serves graded exercises, where the
right sentence is known only to the hidden tests.

>>> from literacy_kit.ai.widgets.activities_spot import SpotTheError
>>> view = SpotTheError(lang="en")
>>> view.toggle(view.flaw_id("en")); view.check()
'correct'
"""
from __future__ import annotations

from ...content import Localized, Page
from ...core._parts import html_box
from ...i18n import LANGS, t
from .activities_base import TapTextView, page_of
from ..logic.activities_text import flawed_sentence, sentence_ids, sentences
from ..logic.assistant import OfflineAssistant, ask
from ..logic.scenarios import scenarios
from .style import esc, text_html

__all__ = ["FlawedAnswer", "SpotTheError", "flawed_answer"]


class FlawedAnswer:
    """A question, the answer's sentences per language, and where the answer is wrong."""

    def __init__(self, question: Localized, sentences: dict[str, list[str]],
                 flaw: dict[str, str | None], explanation: Localized | None):
        self.question = question
        self.sentences = sentences
        self.flaw = flaw
        self.explanation = explanation

    @property
    def ids(self) -> tuple[str, ...]:
        return sentence_ids(max(len(texts) for texts in self.sentences.values()))


def flawed_answer(assistant=None) -> FlawedAnswer:
    """The offline assistant's wrong answer, asked with its scenario's example prompt."""
    bot = assistant or OfflineAssistant()
    item = next(s for s in scenarios() if s.flawed)
    texts, flaws, notes = {}, {}, {}
    for lang in LANGS:
        reply = ask(bot, item.improved_prompt.get(lang), lang)
        texts[lang] = sentences(reply.text)
        flaws[lang] = flawed_sentence(reply.text, reply.flaw)
        notes[lang] = reply.flaw.explanation if reply.flaw else ""
    explanation = Localized(vi=notes["vi"], en=notes["en"]) if all(notes.values()) else None
    return FlawedAnswer(item.improved_prompt, texts, flaws, explanation)


def page_answer(page: Page) -> FlawedAnswer:
    """A content page as an answer to check: title = the question, paragraphs = sentences."""
    texts = {lang: [sentence.get(lang) for sentence in page.body] for lang in LANGS}
    return FlawedAnswer(page.title, texts, {lang: None for lang in LANGS}, None)


class SpotTheError(TapTextView):
    """The question in a learner bubble, the answer as one button per sentence, and Check.

    Parameters
    ----------
    lang : str
        ``"vi"`` (default) or ``"en"``; the picked sentence stays picked on a switch.
    source : FlawedAnswer, Page or str, optional
        Default: the offline assistant's wrong answer. A content page (or its id in
        ``ai_activities``) gives the sentences of a graded exercise.
    graded : bool
        Keep the answer only (no Check, no explanation): for nbgrader exercises.

    Seams: ``toggle(i)`` (a sentence id ``"s2"`` or a 0-based position), ``check()``,
    ``retry()``, ``reset()``. State: :class:`~literacy_kit.ai.widgets.activities.TapState`.

    CSS classes: ``lk-ai-spot``, ``lk-ai-spot-question``, ``lk-ai-spot-hint``,
    ``lk-ai-spot-items``, ``lk-ai-sentence`` (+ ``lk-ai-sentence-<id>``, ``lk-ai-selected``,
    ``lk-ai-mark-correct`` / ``lk-ai-mark-wrong``), ``lk-ai-spot-check``, ``lk-ai-spot-retry``,
    ``lk-ai-spot-feedback``, ``lk-ai-spot-extra`` (the explanation).
    """

    prefix = "ai-spot"
    item = "ai-sentence"
    single = True
    empty_key = "ai_widgets.spot.empty"

    def __init__(self, lang: str = "vi", source: FlawedAnswer | Page | str | None = None,
                 graded: bool = False, **kwargs):
        if source is None:
            self.answer = flawed_answer()
        elif isinstance(source, FlawedAnswer):
            self.answer = source
        else:
            self.answer = page_answer(page_of(source))
        super().__init__(self.answer.ids, lang=lang, graded=graded, inline=False, **kwargs)
        self.lang = lang
        self.relabel()

    def head(self):
        self.question_html = html_box("ai-spot-question", "ai-bubble", "ai-bubble-user")
        return [self.question_html]

    def flaw_id(self, lang: str) -> str | None:
        """The id of the wrong sentence in ``lang`` (``None`` when not known here)."""
        return self.answer.flaw.get(lang)

    def texts(self, lang: str) -> list[str]:
        return self.answer.sentences[lang]

    def targets(self, lang: str) -> set[str] | None:
        flaw = self.flaw_id(lang)
        return None if self.graded or flaw is None else {flaw}

    def title_text(self, lang: str) -> str:
        return f"<b>{esc(t('ai_widgets.spot.answer_title', lang))}</b>"

    def hint_text(self, lang: str) -> str:
        return t("ai_widgets.spot.graded_hint" if self.graded else "ai_widgets.spot.hint", lang)

    def feedback(self, lang: str):
        if self.state.status == "correct":
            extra = ""
            if self.answer.explanation is not None:
                extra = (f"{text_html(self.answer.explanation.get(lang))}<br><br>"
                         f"<i>{esc(t('ai_widgets.spot.lesson', lang))}</i>")
            return "success", "ai_widgets.spot.correct", {}, extra
        return "error", "ai_widgets.spot.wrong", {}, ""

    def relabel(self) -> None:
        if hasattr(self, "question_html"):
            self.question_html.value = (
                f'<div class="lk-ai-bubble-who">{esc(t("ai_widgets.spot.question_who", self.lang))}'
                f"</div>{text_html(self.answer.question.get(self.lang))}")
        super().relabel()
