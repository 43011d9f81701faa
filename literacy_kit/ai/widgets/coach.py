"""The prompt coach: type a prompt, see the five criteria ticked or crossed, try again.

It runs :func:`~literacy_kit.ai.review_prompt` only; nothing is sent to any assistant.
The review is kept as the prompt that was reviewed, so a language switch simply reviews
it again in the other language; what the learner typed stays in the box.

>>> from literacy_kit.ai.widgets.coach import PromptCoach
>>> coach = PromptCoach(lang="en")
>>> coach.review("Write a notice").score
2
>>> coach.state.passed
('task', 'privacy')
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import HasTraits, Int, Tuple, Unicode

from ...core import FeedbackPanel
from ...core._parts import button, html_box, show, switch_class
from ...core.base import LangView, css
from ...core.read_aloud import ReadAloud, widget_texts
from ..logic.assistant import MAX_PROMPT_CHARS
from ..logic.prompt_review import CRITERIA, PromptReview, review_prompt
from .style import GLYPH_FAIL, GLYPH_PASS, ai_stylesheet, esc, text_html

__all__ = ["CoachState", "PromptCoach"]

_VERDICTS = ("lk-ai-coach-pass", "lk-ai-coach-fail")


class CoachState(HasTraits):
    """What the learner typed and what the last review found."""

    prompt = Unicode("", help="The prompt as typed in the box.")
    reviewed = Unicode("", help="The prompt of the last review ('' before any review).")
    passed = Tuple(help="Ids of the criteria the reviewed prompt meets, in rubric order.")
    score = Int(0, help="How many criteria the reviewed prompt meets.")
    attempts = Int(0, help="How many prompts the learner had reviewed.")
    message_key = Unicode("", help="Catalog key of a message instead of a review ('' none).")


class PromptCoach(LangView):
    """A prompt box, a Review button, one row per criterion and an example of a better prompt.

    Seams: ``review(text=None)`` (returns the :class:`~literacy_kit.ai.PromptReview` or
    ``None``), ``retry()`` (hide the review, keep the text), ``use_example()`` (put the
    example in the box), ``reset()``. State: :class:`CoachState`.

    CSS classes: ``lk-ai-coach``, ``lk-ai-coach-intro``, ``lk-ai-coach-input``,
    ``lk-ai-coach-review``, ``lk-ai-coach-retry``, ``lk-ai-coach-use-example``,
    ``lk-ai-coach-message``, ``lk-ai-coach-summary``, ``lk-ai-coach-criterion`` (+
    ``lk-ai-coach-criterion-<id>`` and ``lk-ai-coach-pass`` / ``lk-ai-coach-fail``),
    ``lk-ai-coach-improved``.
    """

    def __init__(self, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.state = CoachState()
        #: The last review in the current language (None while there is none).
        self.last_review: PromptReview | None = None
        css(self, "ai-coach")
        self.intro = html_box("ai-coach-intro")
        self.input = css(w.Textarea(continuous_update=True, rows=3,
                                    layout=w.Layout(width="100%", min_height="96px")),
                         "ai-coach-input", "ai-input")
        self.review_button = button("ai-coach-review", on_click=self.review)
        self.review_button.button_style = "primary"
        self.retry_button = button("ai-coach-retry", on_click=self.retry)
        self.message = css(FeedbackPanel(lang=lang), "ai-coach-message")
        self.summary = html_box("ai-coach-summary")
        self.rows = {cid: html_box("ai-coach-criterion", f"ai-coach-criterion-{cid}")
                     for cid in CRITERIA}
        self.improved = html_box("ai-coach-improved")
        self.use_example_button = button("ai-coach-use-example", on_click=self.use_example)
        self.results = css(w.VBox([self.summary, *self.rows.values(), self.improved,
                                   self.use_example_button]), "ai-coach-results")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.intro, self.input, self.message,
                                                         self.results), lang=lang)
        self.children = [ai_stylesheet(), self.read_aloud, self.intro, self.input,
                         css(w.HBox([self.review_button, self.retry_button]), "ai-row"),
                         self.message, self.results]
        self.input.observe(self._on_input, names="value")
        self.state.observe(self._on_prompt, names="prompt")
        self.state.observe(lambda change: self._render(), names=["reviewed", "message_key"])
        self.lang = lang
        self.relabel()

    # -- seams ------------------------------------------------------------------------------
    def review(self, text: str | None = None) -> PromptReview | None:
        """Review the prompt in the box (or type ``text`` first) against the five criteria."""
        state = self.state
        if text is not None:
            state.prompt = text
        prompt = state.prompt
        key = ""
        if not prompt.strip():
            key = "errors.ai.empty_prompt"
        elif len(prompt) > MAX_PROMPT_CHARS:
            key = "errors.ai.prompt_too_long"
        if key:
            with state.hold_trait_notifications():
                state.reviewed = ""
                state.message_key = key
            return None
        try:
            result = review_prompt(prompt, self.lang)
        except Exception:  # noqa: BLE001 - never a traceback in front of a learner
            state.message_key = "ai_widgets.coach.unexpected"
            return None
        with state.hold_trait_notifications():
            state.message_key = ""
            state.passed = tuple(c.id for c in result.criteria if c.passed)
            state.score = result.score
            state.attempts += 1
            state.reviewed = prompt
        self._render()
        return self.last_review

    def retry(self) -> None:
        """Hide the review to improve the prompt; the text stays in the box."""
        with self.state.hold_trait_notifications():
            self.state.reviewed = ""
            self.state.message_key = ""

    def use_example(self) -> None:
        """Put the example of a better prompt in the box (to try it, or to edit it)."""
        if self.last_review is not None:
            improved = self.last_review.improved_prompt
            self.retry()
            self.state.prompt = improved

    def reset(self) -> None:
        """An empty box and no review (a new learner, a new visitor)."""
        with self.state.hold_trait_notifications():
            for name in ("prompt", "reviewed", "passed", "score", "attempts", "message_key"):
                setattr(self.state, name, self.state.trait_defaults(name))

    # -- plumbing ---------------------------------------------------------------------------
    def _on_input(self, change) -> None:
        if self.state.prompt != change["new"]:
            self.state.prompt = change["new"]

    def _on_prompt(self, change) -> None:
        if self.input.value != change["new"]:
            self.input.value = change["new"]

    def _render(self) -> None:
        state = self.state
        if state.message_key:
            fmt = {"count": len(state.prompt), "limit": MAX_PROMPT_CHARS}
            self.message.show("warning", state.message_key, **fmt)
        else:
            self.message.clear()
        self.last_review = review_prompt(state.reviewed, self.lang) if state.reviewed else None
        result = self.last_review
        show(self.results, result is not None)
        show(self.retry_button, result is not None)
        if result is None:
            return
        self.summary.value = f"<b>{esc(result.summary())}</b>"
        for criterion in result.criteria:
            row = self.rows[criterion.id]
            glyph = GLYPH_PASS if criterion.passed else GLYPH_FAIL
            row.value = (f'<span aria-hidden="true">{glyph}</span> <b>{esc(criterion.label)}</b>: '
                         f"{esc(criterion.feedback)}")
            switch_class(row, _VERDICTS[0] if criterion.passed else _VERDICTS[1], _VERDICTS)
        self.improved.value = (f"<b>{esc(self.tr('ai_widgets.coach.improved'))}</b><br>"
                               f"{text_html(result.improved_prompt)}")

    def relabel(self) -> None:
        if not hasattr(self, "results"):
            return  # traits set while the view is being built
        self.intro.value = esc(self.tr("ai_widgets.coach.intro"))
        self.input.placeholder = self.tr("ai_widgets.coach.placeholder")
        self.review_button.description = self.tr("ai_widgets.coach.review")
        self.retry_button.description = self.tr("ai_widgets.coach.retry")
        self.use_example_button.description = self.tr("ai_widgets.coach.use_example")
        self.message.lang = self.lang
        self._render()

