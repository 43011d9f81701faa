"""Single- and multiple-choice questions answered by tapping.

>>> from literacy_kit import content
>>> from literacy_kit.core import ChoiceQuestion
>>> q = content.load("core_demo").questions["otp_call"]
>>> view = ChoiceQuestion(q, lang="en")
>>> view.select(*q.correct_ids)
>>> view.check()
'correct'
"""
from __future__ import annotations

from traitlets import Bool, Enum, HasTraits, Int, Tuple, Unicode, validate

import ipywidgets as w

from ..content import Question
from ._parts import button, esc, html_box, show, switch_class, text_of
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts

STATUSES = ("unanswered", "correct", "partial", "wrong")
_MARKS = ("lk-choice-option-correct", "lk-choice-option-wrong")


class ChoiceState(HasTraits):
    """What the learner has done with one question; the view only mirrors it."""

    selected = Tuple(help="Ids of the picked options, in the question's option order.")
    checked = Bool(False, help="True while feedback for the current selection is showing.")
    status = Enum(STATUSES, default_value="unanswered",
                  help="Result of the last check: unanswered, correct, partial or wrong.")
    message_key = Unicode("", help="Catalog key of the status message ('' for none).")
    attempts = Int(0, help="How many times the learner checked an answer (kept by retry).")

    def __init__(self, question: Question, **kwargs):
        self.question = question
        super().__init__(**kwargs)

    @validate("selected")
    def _known_ids(self, proposal):
        wanted = set(proposal["value"])
        order = [o.id for o in self.question.options]
        unknown = wanted.difference(order)
        if unknown:
            raise ValueError(f"unknown option ids: {sorted(unknown)}")
        if self.question.kind == "single" and len(wanted) > 1:
            raise ValueError("a single-choice question takes one option")
        return tuple(i for i in order if i in wanted)

    def grade(self) -> str:
        """The status the current selection deserves (no side effects)."""
        if not self.selected:
            return "unanswered"
        chosen, right = set(self.selected), self.question.correct_ids
        if chosen == right:
            return "correct"
        if self.question.kind == "multiple" and chosen & right:
            return "partial"
        return "wrong"


class ChoiceQuestion(LangView):
    """A question with one tappable button per option, Check and Retry.

    Tapping selects (single choice: replaces the selection; multiple: toggles). Check marks
    each picked option right or wrong, shows its feedback text and a status message; options
    the learner did not pick are not revealed, so Retry stays meaningful.

    CSS classes: ``lk-choice`` (the view, plus ``lk-choice-single``/``lk-choice-multiple``),
    ``lk-choice-stem``, ``lk-choice-hint``, ``lk-choice-options``, ``lk-choice-option``
    (each button; ``lk-choice-option-selected``, ``lk-choice-option-correct``,
    ``lk-choice-option-wrong`` while they apply), ``lk-choice-option-feedback``,
    ``lk-choice-actions``, ``lk-choice-check``, ``lk-choice-retry``, ``lk-choice-status``
    (plus ``lk-choice-status-<status>``), ``lk-choice-explanation``.
    """

    def __init__(self, question: Question, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.question = question
        self.state = ChoiceState(question)
        css(self, "choice", f"choice-{question.kind}")
        self.stem = html_box("choice-stem")
        self.hint = html_box("choice-hint")
        self.option_buttons: dict[str, w.Button] = {}
        self.option_feedback: dict[str, w.HTML] = {}
        rows = []
        for option in question.options:
            btn = button("choice-option", on_click=lambda oid=option.id: self.toggle(oid),
                         width="100%")
            note = html_box("choice-option-feedback")
            show(note, False)
            self.option_buttons[option.id] = btn
            self.option_feedback[option.id] = note
            rows.append(css(w.VBox([btn, note]), "choice-option-row"))
        self.options_box = css(w.VBox(rows), "choice-options")
        self.check_button = button("choice-check", on_click=self.check)
        self.retry_button = button("choice-retry", on_click=self.retry)
        self.status_html = html_box("choice-status")
        self.explanation = html_box("choice-explanation")
        self.read_aloud = ReadAloud(lambda: widget_texts(
            self.stem, self.hint, self.options_box, self.status_html, self.explanation), lang=lang)
        self.children = [self.read_aloud, self.stem, self.hint, self.options_box,
                         css(w.HBox([self.check_button, self.retry_button]), "choice-actions"),
                         self.status_html, self.explanation]
        self.state.observe(self._render, names=["selected", "checked", "status", "message_key"])
        self.lang = lang
        self.relabel()

    # -- what the buttons do -------------------------------------------------------------
    def select(self, *option_ids: str) -> None:
        """Make ``option_ids`` the selection (replacing it), as taps would."""
        self._change_selection(tuple(option_ids))

    def toggle(self, option_id: str) -> None:
        """Tap one option: single choice selects it, multiple choice flips it."""
        current = self.state.selected
        if self.question.kind == "single":
            self._change_selection((option_id,))
        elif option_id in current:
            self._change_selection(tuple(i for i in current if i != option_id))
        else:
            self._change_selection(current + (option_id,))

    def check(self) -> str:
        """Grade the selection, show feedback and return the status."""
        state = self.state
        status = state.grade()
        if status == "unanswered":
            # Nothing picked: a friendly nudge, not a counted attempt.
            with state.hold_trait_notifications():
                state.checked = False
                state.status = "unanswered"
                state.message_key = "core.choice.empty"
            return status
        state.attempts += 1
        with state.hold_trait_notifications():
            state.status = status
            state.message_key = f"core.choice.{status}"
            state.checked = True
        return status

    def retry(self) -> None:
        """Clear the selection and feedback; the attempt count stays."""
        self._clear_feedback()
        self.state.selected = ()

    def reset(self) -> None:
        """Back to a fresh question, attempts included."""
        self.retry()
        self.state.attempts = 0

    # -- internals ----------------------------------------------------------------------
    def _change_selection(self, ids: tuple) -> None:
        # A new selection makes earlier feedback stale.
        self._clear_feedback()
        self.state.selected = ids

    def _clear_feedback(self) -> None:
        with self.state.hold_trait_notifications():
            self.state.checked = False
            self.state.status = "unanswered"
            self.state.message_key = ""

    def _render(self, change=None) -> None:
        state, lang = self.state, self.lang
        for option in self.question.options:
            btn = self.option_buttons[option.id]
            picked = option.id in state.selected
            switch_class(btn, "lk-choice-option-selected" if picked else None,
                         ["lk-choice-option-selected"])
            btn.button_style = "info" if picked else ""
            mark = None
            if state.checked and picked:
                mark = _MARKS[0] if option.correct else _MARKS[1]
                btn.button_style = "success" if option.correct else "danger"
            switch_class(btn, mark, _MARKS)
            note = self.option_feedback[option.id]
            text = text_of(option.feedback, lang) if (state.checked and picked) else ""
            note.value = esc(text)
            show(note, bool(text))
        key = state.message_key
        self.status_html.value = esc(self.tr(key)) if key else ""
        show(self.status_html, bool(key))
        switch_class(self.status_html, f"lk-choice-status-{state.status}" if key else None,
                     [f"lk-choice-status-{s}" for s in STATUSES])
        explain = text_of(self.question.explanation, lang) if state.status == "correct" else ""
        self.explanation.value = esc(explain)
        show(self.explanation, bool(explain))

    def relabel(self) -> None:
        lang = self.lang
        self.stem.value = f"<b>{esc(self.question.stem.get(lang))}</b>"
        self.hint.value = esc(self.tr(f"core.choice.hint_{self.question.kind}"))
        for option in self.question.options:
            btn = self.option_buttons[option.id]
            btn.description = btn.tooltip = option.text.get(lang)
        self.check_button.description = self.tr("core.check")
        self.retry_button.description = self.tr("core.retry")
        self._render()
