"""The scam simulator's scenarios as a small state machine (no widgets).

A scenario (``data/phone_scenarios.yaml``) is a few steps; each step shows a message of the
scenario bank in its channel and offers choices. A choice is good or bad, gives feedback
that points at the cue and leads to another step or to the rehearsal, where the learner
picks the right actions (hang up, call the bank's hotline, report, warn the family...).

:class:`PhoneRun` plays one scenario and is rebuilt from the plain values a simulator
saves (``choices``, ``rehearsed``) by :meth:`PhoneRun.replay`.

>>> run = PhoneRun(scenario("police_call"))
>>> run.choose("hang_up").good, run.step_id
(True, 'rehearse')
>>> run.rehearse(["hang_up", "go_police", "warn_family"]).passed
True
>>> run.outcome
'safe_rehearsed'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...content.models import Localized
from ...errors import InputError
from .bank import by_id, default_bank
from .data_files import DATA_DIR, SafetyDataError, read_file

__all__ = ["OUTCOMES", "REHEARSE", "Choice", "PhoneRun", "Rehearsal", "Scenario", "Step",
           "load_scenarios", "scenario", "scenarios"]

#: The pseudo step every scenario ends in.
REHEARSE = "rehearse"
#: How a scenario ended, from worst to best (the graded stage of the exercise).
OUTCOMES = ("not_started", "scammed", "scammed_rehearsed", "safe", "safe_rehearsed")


def _loc(data: dict) -> Localized:
    return Localized(vi=data["vi"].strip(), en=data["en"].strip())


@dataclass(frozen=True)
class Choice:
    id: str
    good: bool
    next: str
    feedback: Localized


@dataclass(frozen=True)
class Step:
    """One screen of a scenario: ``kind`` is the channel (or ``install``)."""

    id: str
    kind: str
    item: str
    choices: tuple[Choice, ...]
    before: tuple[str, ...] = ()

    def choice(self, choice_id: str) -> Choice:
        try:
            return by_id(self.choices, choice_id)
        except KeyError:
            raise InputError("safety.unknown_choice") from None


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Localized
    start: str
    actions: tuple[str, ...]
    also_ok: tuple[str, ...]
    steps: tuple[Step, ...]

    def step(self, step_id: str) -> Step:
        return by_id(self.steps, step_id)


@dataclass(frozen=True)
class Rehearsal:
    """What the learner picked as the right actions, against the scenario's list."""

    right: tuple[str, ...]
    missed: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.missed and not self.wrong


def _scenario(data: dict, origin: str, index: int) -> Scenario:
    bank = default_bank()
    where = f"{origin}: scenarios/{index}"
    steps = []
    for s_index, entry in enumerate(data["steps"]):
        for item_id in (entry["item"], *entry.get("before", ())):
            try:
                bank.item(item_id)
            except KeyError:
                raise SafetyDataError(f"{where}/steps/{s_index}: unknown bank item {item_id!r}") from None
        steps.append(Step(id=entry["id"], kind=entry["kind"], item=entry["item"],
                          before=tuple(entry.get("before", ())),
                          choices=tuple(Choice(c["id"], c["good"], c["next"], _loc(c["feedback"]))
                                        for c in entry["choices"])))
    ids = {step.id for step in steps}
    if data["start"] not in ids:
        raise SafetyDataError(f"{where}/start: no step {data['start']!r}")
    for s_index, step in enumerate(steps):
        for c_index, choice in enumerate(step.choices):
            if choice.next != REHEARSE and choice.next not in ids:
                raise SafetyDataError(f"{where}/steps/{s_index}/choices/{c_index}/next: "
                                      f"no step {choice.next!r}")
    return Scenario(id=data["id"], title=_loc(data["title"]), start=data["start"],
                    actions=tuple(data["actions"]), also_ok=tuple(data.get("also_ok", ())),
                    steps=tuple(steps))


def load_scenarios(path) -> tuple[Scenario, ...]:
    """Read and check a scenarios file: schema, bank items, steps that lead somewhere.

    Raises
    ------
    SafetyDataError
        The message names the file and the place (``x.yaml: scenarios/0/start: ...``).
    """
    path = Path(path)
    data = read_file(path, "phone_scenarios")
    return tuple(_scenario(entry, path.name, i) for i, entry in enumerate(data["scenarios"]))


@lru_cache(maxsize=1)
def scenarios() -> tuple[Scenario, ...]:
    """Every scenario of the packaged ``data/phone_scenarios.yaml`` (read once)."""
    return load_scenarios(DATA_DIR / "phone_scenarios.yaml")


def scenario(scenario_id: str) -> Scenario:
    """The scenario ``scenario_id`` (``KeyError`` if there is none)."""
    return by_id(scenarios(), scenario_id)


class PhoneRun:
    """One play of a scenario: the step on show, the choices made, the rehearsal.

    Seams: :meth:`choose` (``InputError`` ``safety.unknown_choice`` for a choice the step
    does not offer, ``safety.not_now`` once the scenario is at the rehearsal),
    :meth:`rehearse`. Properties: ``step_id``, ``fell`` (a bad choice was made),
    ``rehearsed``, ``outcome`` (one of :data:`OUTCOMES`).
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.step_id = scenario.start
        self.choices: list[str] = []
        self.last: Choice | None = None
        self.fell = False
        self.rehearsed = False
        self.rehearsal: Rehearsal | None = None

    @property
    def step(self) -> Step | None:
        """The step on show, ``None`` at the rehearsal."""
        return None if self.step_id == REHEARSE else self.scenario.step(self.step_id)

    def choose(self, choice_id: str) -> Choice:
        step = self.step
        if step is None:
            raise InputError("safety.not_now")
        choice = step.choice(choice_id)
        self.choices.append(choice_id)
        self.last = choice
        self.fell = self.fell or not choice.good
        self.step_id = choice.next
        return choice

    def rehearse(self, picks) -> Rehearsal:
        """Check the actions picked; the rehearsal passes with every right one and no wrong one."""
        if self.step_id != REHEARSE:
            raise InputError("safety.not_now")
        chosen = list(dict.fromkeys(picks))
        allowed = set(self.scenario.actions) | set(self.scenario.also_ok)
        result = Rehearsal(right=tuple(a for a in chosen if a in allowed),
                           missed=tuple(a for a in self.scenario.actions if a not in chosen),
                           wrong=tuple(a for a in chosen if a not in allowed))
        self.rehearsal = result
        self.rehearsed = self.rehearsed or result.passed
        return result

    @property
    def outcome(self) -> str:
        if not self.choices:
            return "not_started"
        if self.step_id != REHEARSE and not self.fell:
            return "not_started"
        base = "scammed" if self.fell else "safe"
        return f"{base}_rehearsed" if self.rehearsed else base

    @classmethod
    def replay(cls, scenario: Scenario, choices, rehearsed: bool = False) -> "PhoneRun":
        """The run after ``choices`` (unknown ones end the replay) and, at the rehearsal,
        ``rehearsed``."""
        run = cls(scenario)
        for choice_id in choices or ():
            try:
                run.choose(str(choice_id))
            except InputError:
                break
        if rehearsed and run.step_id == REHEARSE:
            run.rehearsed = True
        return run
