"""What the exercise's autograder test cells call: read the answers, print, return points.

A test cell has a visible part, which only says whether the learner answered (it is all
the released notebook holds), and a hidden part with the expected answers, which nbgrader
strips from the release and puts back when it autogrades::

    from literacy_kit.grading import Grader
    grader = Grader("vneid")
    grader.require("level1_steps")
    ### BEGIN HIDDEN TESTS
    grader.ordering("level1_steps", ["a", "b", "c"], points=3)
    ### END HIDDEN TESTS

The hidden call shows a message (the feedback learners read; Vietnamese unless
``$LK_GRADING_LANG`` says otherwise, with every language carried along for the feedback
page, see :mod:`~literacy_kit.grading.messages`) and returns a float, the cell's last
value: nbgrader 0.9 reads a numeric ``execute_result`` as partial credit
(``nbgrader.utils.determine_grade``). Nothing here raises or writes to stderr, both of
which nbgrader would turn into zero points with a traceback.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import content
from ..i18n import DEFAULT_LANG, LANGS, normalize_lang
from . import checks
from .answers import AnswerStore, answers_filename
from .cell_check import check_notebook_complete
from .messages import in_every_language, show

#: Environment variable choosing the language of printed checks (default Vietnamese).
LANG_ENV = "LK_GRADING_LANG"

_log = logging.getLogger(__name__)


def resolve_lang(lang: str | None = None) -> str:
    """``lang`` if given, else ``$LK_GRADING_LANG``, else Vietnamese."""
    return normalize_lang(lang or os.environ.get(LANG_ENV) or DEFAULT_LANG)


def exercise_bundle(exercise: str) -> content.Bundle | None:
    """The content bundle ``<exercise>_exercise``, or ``None`` if there is none."""
    try:
        return content.load(f"{exercise}_exercise")
    except content.ContentError:
        return None


class Grader:
    """Score one learner's answers to ``exercise`` (read from the current directory).

    Parameters
    ----------
    exercise : str
        The exercise name; answers are read from ``<exercise>_answers.json``.
    folder : str or Path, optional
        Where that file is (default: the working directory, as during autograde).
    lang : str, optional
        Language of the printed messages; default ``$LK_GRADING_LANG`` or Vietnamese.
    """

    def __init__(self, exercise: str, folder: str | Path | None = None, lang: str | None = None):
        self.exercise = exercise
        self.folder = folder
        self.lang = resolve_lang(lang)

    def store(self) -> AnswerStore:
        """A fresh read of the answer file (cells may run long after the last tap)."""
        return AnswerStore.for_exercise(self.exercise, self.folder)

    def say(self, key: str, **fmt) -> str:
        """Show catalog message ``key`` once, in :attr:`lang`, carrying every language
        along for the feedback page (see :mod:`literacy_kit.grading.messages`)."""
        return show(in_every_language(key, **fmt), self.lang)

    # -- visible part: did the learner answer? -------------------------------------------
    def status(self, *keys: str) -> tuple[str, dict]:
        """``(catalog key, format values)`` saying whether ``keys`` are all answered."""
        try:
            store = self.store()
            if store.problem:
                return store.problem, {"file": answers_filename(self.exercise)}
            missing = [key for key in keys if not self._complete(key, store.get(key))]
            if missing:
                return "grading.missing", {"missing": len(missing), "total": len(keys)}
            return "grading.answered", {}
        except Exception as exc:  # noqa: BLE001 - never a traceback in a learner's notebook
            _log.info("status(%s) failed: %s", keys, exc)
            return "grading.check_failed", {}

    def answered(self, *keys: str) -> bool:
        """Whether every one of ``keys`` has a complete answer."""
        return self.status(*keys)[0] == "grading.answered"

    def require(self, *keys: str) -> None:
        """Print whether ``keys`` are answered, giving no hint of the right answer.

        Returns nothing on purpose: the visible part of a test cell must not leave a value
        for nbgrader to read as points. Only under ``nbgrader validate`` it raises
        :class:`~literacy_kit.grading.cell_check.MissingTestCells` when a test cell of the
        notebook was deleted, so validation cannot report success.
        """
        check_notebook_complete(self.exercise, self.folder)
        key, fmt = self.status(*keys)
        self.say(key, **fmt)

    def _complete(self, key: str, answer) -> bool:
        if not isinstance(answer, dict) or not answer:
            return False
        bundle = exercise_bundle(self.exercise)
        ordering = bundle.orderings.get(key) if bundle else None
        if ordering is not None:
            placed = answer.get("placed")
            return isinstance(placed, list) and len(placed) == len(ordering.steps)
        return any(value not in (None, "", [], {}) for value in answer.values())

    # -- hidden part: points -------------------------------------------------------------
    def report(self, score: checks.Score) -> float:
        """Show ``score``'s message (as :meth:`say` does) and return its points, the
        cell's partial credit."""
        show({lang: score.text(lang) for lang in LANGS}, self.lang)
        return float(score)

    def _grade(self, points: float, scorer, *args) -> float:
        try:
            store = self.store()
            if store.problem:
                return self.report(checks.unreadable(points))
            return self.report(scorer(store, *args))
        except Exception as exc:  # noqa: BLE001 - a scoring bug must not reveal hidden tests
            _log.info("check failed: %s", exc)
            self.say("grading.check_failed")
            return 0.0

    def ordering(self, key: str, expected: Iterable[str], points: float) -> float:
        """Partial credit per step in its right place."""
        return self._grade(points, lambda store: checks.score_ordering(
            store.get(key), expected, points))

    def true_false(self, expected: Mapping[str, bool], points: float) -> float:
        """Equal credit per true/false statement (``{question_id: is_true}``)."""
        return self._grade(points, lambda store: checks.score_true_false(
            {key: store.get(key) for key in expected}, expected, points))

    def picks(self, key: str, expected: Iterable[str], points: float,
              message: str = "grading.picks_result") -> float:
        """Right picks minus wrong picks (floored at 0) out of the right options.

        Works for any answer kept as ``{"selected": [ids]}``: a choice question (whose
        option ids are then the only valid ones) or the pieces of a text. ``message`` is
        the catalog key of the printed result (see :func:`checks.score_picks`).
        """
        bundle = exercise_bundle(self.exercise)
        question = bundle.questions.get(key) if bundle else None
        options = [o.id for o in question.options] if question else None
        return self._grade(points, lambda store: checks.score_picks(
            store.get(key), expected, points, options, message))

    def stage(self, key: str, name: str, credits: Mapping[str, float], points: float,
              messages: str = "grading.activation") -> float:
        """Credit for the stage reached (e.g. a simulator's ``account_status``)."""
        return self._grade(points, lambda store: checks.score_stage(
            store.get(key), name, credits, points, messages))

    def value(self, key: str, name: str, expected: object, points: float,
              done: str = "grading.value_done", not_done: str = "grading.value_not_done") -> float:
        """All or nothing on one stored value (e.g. a simulator's account status)."""
        return self._grade(points, lambda store: checks.score_value(
            store.get(key), name, expected, points, done, not_done))
