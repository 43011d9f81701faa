"""Scoring with partial credit, on the plain JSON answers an :class:`AnswerStore` keeps.

Every function takes what the store holds for a question (``None`` when unanswered, and
anything at all when the file was tampered with) and returns a :class:`Score`; none of
them raises on bad answers: those score zero with a friendly message.

>>> s = score_ordering({"placed": ["a", "c", "b"]}, ["a", "b", "c"], points=3)
>>> float(s), s.text("en")
(1.0, '1/3 steps in the right place. Points: 1/3.')
>>> float(score_picks({"selected": ["x", "y", "z"]}, {"x", "y"}, points=2))
1.0
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..i18n import normalize_lang, t

#: Option ids of a true/false statement in graded content.
TRUE, FALSE = "true", "false"


def format_points(value: float, lang: str = "vi") -> str:
    """``2``, ``2.5`` / ``2,5`` (Vietnamese writes a decimal comma), at most 2 decimals."""
    text = f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if normalize_lang(lang) == "vi" else text


@dataclass(frozen=True)
class Score:
    """Points for one question and the catalog message that explains them.

    ``float(score)`` is the number nbgrader reads as the cell's partial credit.
    """

    points: float
    max_points: float
    message: str
    params: dict = field(default_factory=dict)

    def __float__(self) -> float:
        return float(self.points)

    def text(self, lang: str = "vi") -> str:
        """The message and the points, in ``lang``."""
        points = t("grading.points", lang, score=format_points(self.points, lang),
                   max=format_points(self.max_points, lang))
        return f"{t(self.message, lang, **self.params)} {points}"


def _share(points: float, good: float, total: int) -> float:
    if total <= 0 or good <= 0:
        return 0.0
    return round(min(float(points), float(points) * good / total), 2)


def _strings(value) -> list[str] | None:
    """``value`` if it is a list of strings, else ``None`` (tampered answers)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def _field(answer, name: str) -> list[str] | None | bool:
    """The list under ``name`` in a stored answer: ``None`` unanswered, ``False`` garbage."""
    if answer is None:
        return None
    if not isinstance(answer, dict):
        return False
    items = answer.get(name)
    if items is None:
        return None
    items = _strings(items)
    return False if items is None else items


def unanswered(points: float) -> Score:
    return Score(0.0, float(points), "grading.unanswered")


def unreadable(points: float) -> Score:
    return Score(0.0, float(points), "grading.answer_unreadable")


def score_ordering(answer, expected: Iterable[str], points: float) -> Score:
    """Credit for each step placed at its right position (``answer["placed"]``: step ids).

    An incomplete answer keeps the credit of the steps already in the right place.
    """
    expected = list(expected)
    placed = _field(answer, "placed")
    if placed is None or placed == []:
        return unanswered(points)
    if placed is False or len(set(placed)) != len(placed) or not set(placed) <= set(expected):
        return unreadable(points)
    right = sum(1 for got, want in zip(placed, expected) if got == want)
    return Score(_share(points, right, len(expected)), float(points), "grading.ordering_result",
                 {"right": right, "total": len(expected)})


def statement_choice(answer) -> str | None | bool:
    """The pick on a true/false statement: ``"true"``, ``"false"``, ``None`` (none), ``False`` (garbage)."""
    selected = _field(answer, "selected")
    if selected is None or selected == []:
        return None
    if selected is False or len(selected) != 1 or selected[0] not in (TRUE, FALSE):
        return False
    return selected[0]


def score_true_false(answers: Mapping[str, object], expected: Mapping[str, bool],
                     points: float) -> Score:
    """Equal credit per statement: ``answers[key]`` holds the pick on statement ``key``."""
    if not isinstance(answers, Mapping):
        return unreadable(points)
    picks = {key: statement_choice(answers.get(key)) for key in expected}
    if all(pick is None for pick in picks.values()):
        return unanswered(points)
    if all(pick is None or pick is False for pick in picks.values()):
        return unreadable(points)
    right = sum(1 for key, truth in expected.items() if picks[key] == (TRUE if truth else FALSE))
    answered = sum(1 for pick in picks.values() if pick in (TRUE, FALSE))
    return Score(_share(points, right, len(expected)), float(points), "grading.true_false_result",
                 {"right": right, "total": len(expected), "answered": answered})


def score_picks(answer, expected: Iterable[str], points: float,
                options: Iterable[str] | None = None,
                message: str = "grading.picks_result") -> Score:
    """Multiple choice: right picks minus wrong picks, floored at 0, out of the right ones.

    ``options`` (every option id), when given, makes an unknown id a tampered answer.
    ``message`` is the catalog key of the result (``{right}``, ``{wrong}``, ``{total}``):
    the default speaks of numbers picked, an exercise may name what it picks.
    """
    expected = set(expected)
    selected = _field(answer, "selected")
    if selected is None or selected == []:
        return unanswered(points)
    if selected is False or (options is not None and not set(selected) <= set(options)):
        return unreadable(points)
    chosen = set(selected)
    right, wrong = len(chosen & expected), len(chosen - expected)
    return Score(_share(points, max(0, right - wrong), len(expected)), float(points),
                 message, {"right": right, "wrong": wrong, "total": len(expected)})


def score_stage(answer, name: str, credits: Mapping[str, float], points: float,
                messages: str) -> Score:
    """Credit for how far the learner got: ``credits[answer[name]]`` points.

    ``credits`` lists every acceptable value (0 for "not started"); the message is the
    catalog key ``<messages>.<value>``. A value outside ``credits`` is a tampered answer.
    """
    if answer is None:
        return unanswered(points)
    value = answer.get(name) if isinstance(answer, dict) else None
    if not isinstance(value, str) or value not in credits:
        return unreadable(points)
    earned = max(0.0, min(float(points), float(credits[value])))
    return Score(round(earned, 2), float(points), f"{messages}.{value}")


def score_value(answer, name: str, expected: object, points: float,
                done: str = "grading.value_done", not_done: str = "grading.value_not_done") -> Score:
    """All or nothing: full points when ``answer[name] == expected`` (a simulator's status)."""
    if answer is None:
        return unanswered(points)
    if not isinstance(answer, dict):
        return unreadable(points)
    if answer.get(name) == expected:
        return Score(float(points), float(points), done)
    return Score(0.0, float(points), not_done)
