"""The quick game "L\u1eeba hay th\u1eadt?": a few messages, tap Scam or Genuine, see the cue, next.

After each answer the feedback says whether it was right and points at the cues: the
words the message detector flagged are marked in the message, and the item's cues and the
right action are listed. The last screen shows the score and a summary of the cues met.

>>> from literacy_kit.safety.widgets.quiz import ScamQuiz
>>> quiz = ScamQuiz(lang="en", seed=4)
>>> quiz.answer(quiz.current.kind)
True
>>> quiz.next(); quiz.state.index
1
>>> quiz.close()
"""
from __future__ import annotations

import random

import ipywidgets as w
from traitlets import Bool, HasTraits, Int, List, validate

from ...core._parts import button, html_box, show
from ...core.base import LangView, css
from ...core.read_aloud import ReadAloud, widget_texts
from ..logic.bank import ScamItem, default_bank
from ..logic.messages import assess_message
from .style import (GLYPH_BAD, GLYPH_OK, PICKED, action_list, cue_list, esc, message_html,
                    safety_stylesheet)

__all__ = ["KINDS", "QuizState", "ScamQuiz"]

KINDS = ("scam", "genuine")


class QuizState(HasTraits):
    """How far the visitor got: the item on show and the answers given so far."""

    index = Int(0, help="0-based index of the item on show.")
    picks = List(help="The answer given to each item so far: 'scam' or 'genuine'.")
    finished = Bool(False, help="True once the summary shows.")

    @validate("picks")
    def _known(self, proposal):
        if any(pick not in KINDS for pick in proposal["value"]):
            raise ValueError(f"picks must be in {KINDS}")
        return list(proposal["value"])


class ScamQuiz(LangView):
    """One message at a time with "Scam" / "Genuine", feedback on the cue, Next, a summary.

    Parameters
    ----------
    lang : str
        ``"vi"`` or ``"en"``.
    items : sequence of ScamItem, optional
        The messages to play; default: ``count`` random items of the bank.
    count : int
        How many random items (the kiosk plays 5).
    seed : int, optional
        Same seed, same items in the same order.

    Seams: ``answer(kind)`` (True when right; ignored once answered), ``next()``,
    ``restart()`` (new random items). State: :class:`QuizState` in ``state``.

    CSS classes: ``lk-safety-quiz``, ``lk-safety-quiz-progress``, ``lk-safety-quiz-card``,
    ``lk-safety-quiz-scam``, ``lk-safety-quiz-genuine``, ``lk-safety-quiz-feedback`` (plus
    ``lk-safety-right`` / ``lk-safety-wrong``), ``lk-safety-quiz-next``,
    ``lk-safety-quiz-summary``, ``lk-safety-quiz-restart``.
    """

    def __init__(self, lang: str = "vi", items: list[ScamItem] | None = None, count: int = 5,
                 seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self._fixed = list(items) if items else None
        self._count = count
        self._rng = random.Random(seed)
        self.items: list[ScamItem] = self._draw()
        self.state = QuizState()
        css(self, "safety-quiz")
        self.progress = html_box("safety-quiz-progress")
        self.card = html_box("safety-quiz-card", width="100%")
        self.scam_button = button("safety-quiz-scam", on_click=lambda: self.answer("scam"),
                                  flex="1 1 0", width="auto")
        self.genuine_button = button("safety-quiz-genuine",
                                     on_click=lambda: self.answer("genuine"),
                                     flex="1 1 0", width="auto")
        self.choices = css(w.HBox([self.scam_button, self.genuine_button]), "safety-row")
        self.feedback = html_box("safety-quiz-feedback", width="100%")
        self.next_button = button("safety-quiz-next", on_click=self.next, width="auto")
        self.summary = html_box("safety-quiz-summary", width="100%")
        self.restart_button = button("safety-quiz-restart", on_click=self.restart, width="auto")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.progress, self.card, self.feedback,
                                                         self.summary), lang=lang)
        self.children = [safety_stylesheet(), self.progress, self.read_aloud, self.card,
                         self.choices, self.feedback, self.next_button, self.summary,
                         self.restart_button]
        self.lang = lang
        self.relabel()

    def _draw(self) -> list[ScamItem]:
        if self._fixed is not None:
            return list(self._fixed)
        return list(default_bank().quiz(self._count, self._rng))

    @property
    def current(self) -> ScamItem:
        """The item on show."""
        return self.items[min(self.state.index, len(self.items) - 1)]

    @property
    def answered(self) -> bool:
        """True when the item on show has its answer."""
        return len(self.state.picks) > self.state.index

    @property
    def score(self) -> int:
        """How many answers were right."""
        return sum(1 for item, pick in zip(self.items, self.state.picks) if item.kind == pick)

    def answer(self, kind: str) -> bool:
        """Answer the item on show with ``"scam"`` or ``"genuine"``; True when right."""
        if kind not in KINDS or self.state.finished or self.answered:
            return False
        self.state.picks = [*self.state.picks, kind]
        self.relabel()
        return kind == self.current.kind

    def next(self) -> None:
        """The next item, or the summary after the last one (only once answered)."""
        if not self.answered or self.state.finished:
            return
        if self.state.index + 1 >= len(self.items):
            self.state.finished = True
        else:
            self.state.index += 1
        self.relabel()

    def restart(self) -> None:
        """A new round with new random items (the same ones when items were given)."""
        self.items = self._draw()
        with self.state.hold_trait_notifications():
            self.state.index, self.state.picks, self.state.finished = 0, [], False
        self.relabel()

    # -- drawing ---------------------------------------------------------------------------
    def _feedback_html(self, item: ScamItem, pick: str) -> str:
        lang = self.lang
        right = pick == item.kind
        verdict = self.tr("safety_widgets.quiz.right" if right else "safety_widgets.quiz.wrong")
        said = self.tr(f"safety_widgets.quiz.is_{item.kind}")
        glyph = GLYPH_OK if right else GLYPH_BAD
        report = assess_message(item.text.get(lang))
        signs = "".join(f"<li>{esc(text)}</li>" for text in report.explanations(lang)
                        if item.scam)
        signs_html = (f"<p><b>{esc(self.tr('safety_widgets.quiz.signs'))}</b></p><ul>{signs}</ul>"
                      if signs else "")
        return (f"<p><b>{glyph} {esc(verdict)}</b> {esc(said)}</p>{signs_html}"
                f"<p><b>{esc(self.tr('safety_widgets.quiz.cues'))}</b></p>{cue_list(item, lang)}"
                f"<p><b>{esc(self.tr('safety_widgets.quiz.action'))}</b></p>"
                f"{action_list(item.actions, lang)}")

    def _summary_html(self) -> str:
        lang = self.lang
        rows = []
        for item, pick in zip(self.items, self.state.picks):
            glyph = GLYPH_OK if pick == item.kind else GLYPH_BAD
            kind = self.tr(f"safety_widgets.quiz.is_{item.kind}")
            rows.append(f"<li>{glyph} <b>{esc(item.sender.get(lang))}</b>: {esc(kind)} "
                        f"{esc(item.cues[0].get(lang))}</li>")
        score = self.tr("safety_widgets.quiz.score", score=self.score, total=len(self.items))
        return (f"<h3>{esc(score)}</h3><p>{esc(self.tr('safety_widgets.quiz.summary'))}</p>"
                f"<ul class=\"lk-safety-cues\">{''.join(rows)}</ul>")

    def relabel(self) -> None:
        if not hasattr(self, "restart_button"):
            return  # traits set while the view is being built
        finished = self.state.finished
        self.progress.value = esc(self.tr("safety_widgets.quiz.progress",
                                          number=min(self.state.index + 1, len(self.items)),
                                          total=len(self.items)))
        self.scam_button.description = self.tr("safety_widgets.quiz.scam")
        self.genuine_button.description = self.tr("safety_widgets.quiz.genuine")
        self.next_button.description = self.tr(
            "safety_widgets.quiz.finish" if self.state.index + 1 >= len(self.items)
            else "safety_widgets.quiz.next")
        self.restart_button.description = self.tr("safety_widgets.quiz.restart")
        answered = self.answered and not finished
        self.card.value = "" if finished else message_html(self.current, self.lang, marks=answered)
        for kind, btn in (("scam", self.scam_button), ("genuine", self.genuine_button)):
            picked = answered and self.state.picks[self.state.index] == kind
            (btn.add_class if picked else btn.remove_class)("lk-safety-picked")
            if picked:
                btn.description = PICKED + btn.description
            btn.disabled = answered
        if answered:
            pick = self.state.picks[self.state.index]
            self.feedback.value = self._feedback_html(self.current, pick)
            right = pick == self.current.kind
            self.feedback.add_class("lk-safety-right" if right else "lk-safety-wrong")
            self.feedback.remove_class("lk-safety-wrong" if right else "lk-safety-right")
        else:
            self.feedback.value = ""
        self.summary.value = self._summary_html() if finished else ""
        show(self.progress, not finished)
        show(self.card, not finished)
        show(self.choices, not finished)
        show(self.feedback, answered)
        show(self.next_button, answered)
        show(self.summary, finished)
        show(self.restart_button, finished)
