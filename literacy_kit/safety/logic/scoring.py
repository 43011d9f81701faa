"""Scoring a sort of messages into scam and genuine, with partial credit per message.

Takes what the answer store holds (``None`` unanswered; anything at all when the file was
tampered with) and returns a :class:`~literacy_kit.grading.checks.Score`; it never raises.

>>> s = score_sorting({"scam": ["a"], "genuine": ["b", "c"]}, {"a": "scam", "b": "genuine",
...                   "c": "scam", "d": "genuine"}, points=4)
>>> float(s), s.params
(2.0, {'right': 2, 'total': 4})
"""
from __future__ import annotations

from collections.abc import Mapping

from ...grading.checks import Score, unanswered, unreadable

__all__ = ["score_sorting"]

KINDS = ("scam", "genuine")


def score_sorting(answer, expected: Mapping[str, str], points: float,
                  message: str = "safety_widgets.grading.sorted") -> Score:
    """Equal credit for each message sorted into its right pile (an unsorted one earns
    nothing); a message in both piles, or an unknown id, is a tampered answer."""
    if answer is None:
        return unanswered(points)
    if not isinstance(answer, dict):
        return unreadable(points)
    piles = {kind: answer.get(kind) or [] for kind in KINDS}
    if not all(isinstance(p, list) and all(isinstance(i, str) for i in p) for p in piles.values()):
        return unreadable(points)
    placed = piles["scam"] + piles["genuine"]
    if not placed:
        return unanswered(points)
    if len(set(placed)) != len(placed) or not set(placed) <= set(expected):
        return unreadable(points)
    right = sum(1 for kind in KINDS for item in piles[kind] if expected[item] == kind)
    total = len(expected)
    share = round(float(points) * right / total, 2) if total else 0.0
    return Score(share, float(points), message, {"right": right, "total": total})
