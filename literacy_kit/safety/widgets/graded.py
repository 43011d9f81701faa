"""The safety domain's graded items: sorting messages, and one full scenario on the phone.

Built through the domain registry as ``Exercise(...).safety_sort(key, items=[...])`` and
``Exercise(...).safety_phone(key, scenario=...)``. Nothing here says which answer is right:
that lives only in the exercise's hidden tests, which score the sort with
:class:`SafetyGrader` and the scenario with ``Grader.stage`` on its ``outcome``.
"""
from __future__ import annotations

from ...grading.grader import Grader
from ..logic.scoring import score_sorting
from .simulator import ScamSimulator
from .sorting import MessageSorter

#: The simulator's traits kept for grading, in the order a restore needs.
PHONE_TRAITS = ("scenario", "choices", "rehearsed", "picks", "outcome", "screen")


def safety_sort(exercise, key: str, items=()):
    """Sort the bank messages ``items`` into scam and genuine; kept as
    ``{"scam": [ids], "genuine": [ids]}``."""
    view = MessageSorter(list(items), lang=exercise.lang, graded=True)
    return exercise.track(key, view, view.state, ["scam", "genuine"],
                          hint="safety_widgets.exercise.hint_sort")


def safety_phone(exercise, key: str, scenario: str = "police_call"):
    """The phone simulator on one scenario, its progress kept under ``key``.

    A reopened notebook replays the saved choices, so the learner finds the scenario
    where they left it.
    """
    sim = ScamSimulator(lang=exercise.lang, scenario=scenario)
    stored = exercise.store.get(key)
    if isinstance(stored, dict) and stored.get("scenario") == scenario:
        sim.restore(stored)
    return exercise.track(key, sim, sim.state, list(PHONE_TRAITS),
                          hint="safety_widgets.exercise.hint_phone")


class SafetyGrader(Grader):
    """The exercise's grader with the sorting check (hidden tests call it)."""

    def sorting(self, key: str, expected: dict[str, str], points: float) -> float:
        """Equal credit per message sorted right (``expected``: item id -> scam/genuine)."""
        return self._grade(points, lambda store: score_sorting(store.get(key), expected, points))
