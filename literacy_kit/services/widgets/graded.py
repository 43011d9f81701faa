"""The public-services graded item: the portal simulator, its state kept for the autograder.

Built through the domain registry as ``Exercise(...).services_simulator(key)``.
"""
from __future__ import annotations

from datetime import date

from .simulator_state import RESTORE_ORDER
from .simulator import PortalSimulator


def services_simulator(exercise, key: str, seed: int | None = None, today: str | None = None,
                       **options):
    """The public-services simulator, its state kept under ``key``.

    ``seed`` and ``today`` (``"YYYY-MM-DD"``) name the synthetic family and the first
    simulated day, so the learner, a restarted kernel and the hidden test all see the
    same family; without them the stored ones are used (else a new family).
    """
    stored = exercise.store.get(key)
    stored = stored if isinstance(stored, dict) else {}
    if seed is None and type(stored.get("seed")) is int and 0 <= stored["seed"] < 2 ** 31:
        seed = stored["seed"]
    if today is None and isinstance(stored.get("today"), str):
        today = stored["today"]
    try:
        first_day = date.fromisoformat(today) if today else None
    except ValueError:
        first_day = None
    sim = PortalSimulator(lang=exercise.lang, seed=seed, today=first_day, **options)
    start = sim.clock.today.isoformat()

    def encode(values):
        return {**values, "seed": sim.seed, "today": start, "status": sim.state.status,
                "file_code": sim.state.file_code}

    return exercise.track(key, sim, sim.state, RESTORE_ORDER, encode=encode)
