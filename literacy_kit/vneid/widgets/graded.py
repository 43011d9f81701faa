"""VNeID's graded item: the simulator, its progress kept for the autograder.

Built through the domain registry as ``Exercise(...).vneid_simulator(key)``.
"""
from __future__ import annotations

from .simulator import VNeIDSimulator

#: The simulator's state traits kept for grading, in the order a restore needs
#: (the account first, then what the learner did with it, the screen last).
SIMULATOR_TRAITS = ("account_status", "level", "scam_outcome", "card_read", "portrait_taken",
                    "logged_in", "screen")


def vneid_simulator(exercise, key: str, **options):
    """The VNeID simulator, its progress kept under ``key`` (with its citizen's seed).

    The seed is stored with the progress, so after a restart the learner finds the
    same synthetic person and an account at the same stage.
    """
    stored = exercise.store.get(key)
    seed = stored.get("seed") if isinstance(stored, dict) else None
    if type(seed) is not int or not 0 <= seed < 2 ** 31:
        seed = None
    sim = VNeIDSimulator(lang=exercise.lang, seed=seed, **options)

    def encode(values):
        return {**values, "seed": sim.seed}

    return exercise.track(key, sim, sim.state, SIMULATOR_TRAITS, encode=encode)
