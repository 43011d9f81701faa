"""Put the steps of a procedure in order, by tapping (no drag and drop).

>>> from literacy_kit import content
>>> from literacy_kit.core import StepOrdering
>>> o = content.load("core_demo").orderings["install_app"]
>>> view = StepOrdering(o, lang="en", seed=1)
>>> for i in range(len(o.steps)):
...     view.place(i)
>>> view.check()
'correct'
"""
from __future__ import annotations

import random

from traitlets import Bool, Enum, HasTraits, Int, Tuple, Unicode, validate

import ipywidgets as w

from ..content import Ordering
from ..text import fold
from ._parts import button, esc, html_box, show, switch_class
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts

STATUSES = ("unanswered", "incomplete", "correct", "wrong")
_MARKS = ("lk-ordering-step-correct", "lk-ordering-step-wrong")


def shuffled_order(count: int, seed: int | None = None) -> tuple[int, ...]:
    """A shuffled ``range(count)`` that is never the identity when ``count >= 2``."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count >= 2 and order == sorted(order):
        order = order[1:] + order[:1]
    return tuple(order)


class OrderingState(HasTraits):
    """The learner's answer: which original steps they placed, in which order."""

    shuffled = Tuple(help="Original step indices in the order the pool shows them.")
    placed = Tuple(help="Original step indices the learner placed, answer order.")
    checked = Bool(False, help="True while the marks for the current answer are showing.")
    status = Enum(STATUSES, default_value="unanswered",
                  help="Result of the last check: unanswered, incomplete, correct or wrong.")
    message_key = Unicode("", help="Catalog key of the status message ('' for none).")
    right_count = Int(0, help="Placed steps that sit in the right position (last check).")
    attempts = Int(0, help="How many times the learner checked a non-empty answer.")

    def __init__(self, ordering: Ordering, **kwargs):
        self.ordering = ordering
        super().__init__(**kwargs)

    @validate("placed")
    def _valid_placed(self, proposal):
        value = tuple(int(i) for i in proposal["value"])
        count = len(self.ordering.steps)
        if len(set(value)) != len(value) or any(not 0 <= i < count for i in value):
            raise ValueError(f"placed must hold distinct step indices below {count}")
        return value

    @property
    def pool(self) -> tuple[int, ...]:
        """Steps still waiting in the pool, in the shuffled display order."""
        return tuple(i for i in self.shuffled if i not in self.placed)

    def right_positions(self) -> tuple[bool, ...]:
        """For each placed step: is it right where it is? Equal texts count as equal steps."""
        steps = self.ordering.steps
        key = lambda s: (fold(s.vi), fold(s.en))  # noqa: E731
        return tuple(key(steps[i]) == key(steps[pos]) for pos, i in enumerate(self.placed))


class StepOrdering(LangView):
    """Tap the shuffled steps in the right order; tap a placed step to send it back.

    CSS classes: ``lk-ordering``, ``lk-ordering-prompt``, ``lk-ordering-hint``,
    ``lk-ordering-pool`` / ``lk-ordering-pool-title`` / ``lk-ordering-pool-step`` (buttons
    not yet placed), ``lk-ordering-answer`` / ``lk-ordering-answer-title`` /
    ``lk-ordering-answer-step`` (placed, numbered; ``lk-ordering-step-correct`` /
    ``lk-ordering-step-wrong`` after Check), ``lk-ordering-empty``, ``lk-ordering-actions``,
    ``lk-ordering-check``, ``lk-ordering-reset``, ``lk-ordering-status``
    (plus ``lk-ordering-status-<status>``).
    """

    def __init__(self, ordering: Ordering, lang: str = "vi", seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.ordering = ordering
        count = len(ordering.steps)
        self.state = OrderingState(ordering, shuffled=shuffled_order(count, seed))
        css(self, "ordering")
        self.prompt = html_box("ordering-prompt")
        self.hint = html_box("ordering-hint")
        self.pool_title = html_box("ordering-pool-title")
        self.answer_title = html_box("ordering-answer-title")
        self.empty_note = html_box("ordering-empty")
        # One pool button and one answer button per step, reused: no widget churn on taps.
        self.pool_buttons = [button("ordering-pool-step", on_click=lambda i=i: self.place(i),
                                    width="100%") for i in range(count)]
        self.answer_buttons = [button("ordering-answer-step",
                                      on_click=lambda i=i: self._unplace_step(i), width="100%")
                               for i in range(count)]
        self.pool_box = css(w.VBox(), "ordering-pool")
        self.answer_box = css(w.VBox(), "ordering-answer")
        self.check_button = button("ordering-check", on_click=self.check)
        self.reset_button = button("ordering-reset", on_click=self.reset)
        self.status_html = html_box("ordering-status")
        self.read_aloud = ReadAloud(lambda: widget_texts(
            self.prompt, self.hint, self.answer_title, self.empty_note, self.answer_box,
            self.pool_title, self.pool_box, self.status_html), lang=lang)
        self.children = [self.read_aloud, self.prompt, self.hint, self.answer_title, self.empty_note,
                         self.answer_box, self.pool_title, self.pool_box,
                         css(w.HBox([self.check_button, self.reset_button]), "ordering-actions"),
                         self.status_html]
        self.state.observe(self._render, names=["placed", "checked", "status", "right_count", "message_key"])
        self.lang = lang
        self.relabel()

    # -- what the buttons do -------------------------------------------------------------
    def place(self, step_index: int) -> None:
        """Move step ``step_index`` (original order) from the pool to the end of the answer."""
        if step_index in self.state.placed:
            raise ValueError(f"step {step_index} is already placed")
        self._unmark()
        self.state.placed = self.state.placed + (step_index,)

    def unplace(self, position: int) -> None:
        """Send the step at answer ``position`` (0-based) back to the pool, nothing else."""
        placed = list(self.state.placed)
        del placed[position]
        self._unmark()
        self.state.placed = tuple(placed)

    def check(self) -> str:
        """Mark each placed step, count the right ones and return the status."""
        state = self.state
        total, rights = len(self.ordering.steps), state.right_positions()
        if not state.placed:
            status = "unanswered"
        elif len(state.placed) < total:
            status = "incomplete"
        else:
            status = "correct" if all(rights) else "wrong"
        if status != "unanswered":
            state.attempts += 1
        with state.hold_trait_notifications():
            state.right_count = sum(rights)
            state.status = status
            state.checked = status != "unanswered"
            # An empty answer gets a nudge instead of a result.
            state.message_key = f"core.ordering.{status if state.placed else 'nudge'}"
        return status

    def reset(self) -> None:
        """Every step back in the pool, marks and attempts cleared."""
        with self.state.hold_trait_notifications():
            self._unmark()
            self.state.placed = ()
            self.state.attempts = 0

    # -- internals ----------------------------------------------------------------------
    def _unplace_step(self, step_index: int) -> None:
        self.unplace(self.state.placed.index(step_index))

    def _unmark(self) -> None:
        with self.state.hold_trait_notifications():
            self.state.checked = False
            self.state.status = "unanswered"
            self.state.right_count = 0
            self.state.message_key = ""

    def _render(self, change=None) -> None:
        state = self.state
        self.pool_box.children = [self.pool_buttons[i] for i in state.pool]
        self.answer_box.children = [self.answer_buttons[i] for i in state.placed]
        rights = state.right_positions() if state.checked else ()
        for pos, i in enumerate(state.placed):
            btn = self.answer_buttons[i]
            btn.description = btn.tooltip = f"{pos + 1}. {self.ordering.steps[i].get(self.lang)}"
            mark = (_MARKS[0] if rights[pos] else _MARKS[1]) if state.checked else None
            switch_class(btn, mark, _MARKS)
            btn.button_style = {None: "", _MARKS[0]: "success", _MARKS[1]: "danger"}[mark]
        show(self.empty_note, not state.placed)
        show(self.pool_title, bool(state.pool))
        text = (self.tr(state.message_key, right=state.right_count,
                        total=len(self.ordering.steps), placed=len(state.placed))
                if state.message_key else "")
        self.status_html.value = esc(text)
        show(self.status_html, bool(text))
        switch_class(self.status_html, f"lk-ordering-status-{state.status}" if text else None,
                     [f"lk-ordering-status-{s}" for s in STATUSES])

    def relabel(self) -> None:
        lang = self.lang
        self.prompt.value = f"<b>{esc(self.ordering.prompt.get(lang))}</b>"
        self.hint.value = esc(self.tr("core.ordering.hint"))
        self.pool_title.value = esc(self.tr("core.ordering.pool"))
        self.answer_title.value = esc(self.tr("core.ordering.answer"))
        self.empty_note.value = esc(self.tr("core.ordering.empty"))
        for i, btn in enumerate(self.pool_buttons):
            btn.description = btn.tooltip = self.ordering.steps[i].get(lang)
        self.check_button.description = self.tr("core.check")
        self.reset_button.description = self.tr("core.reset")
        self._render()
