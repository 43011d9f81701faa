"""Two-hour session plans: minute-by-minute blocks, what the trainer says and does, what
learners do, what to cut when time runs short, and the before/after check.

Plans are content files (``handouts/data/plans/*.yaml``, schema
``schemas/session_plan.schema.json``). Beyond the schema a plan must add up: its blocks'
minutes sum to the plan's length, it opens with the before-class check and ends with the
after-class check and a close, and every check question's answer is one of its options.

>>> plan = load_plan("vneid_scams")
>>> plan.minutes, plan.blocks[0].start, plan.blocks[1].start
(120, 0, 5)
>>> [q.answer for q in plan.check][:2]
['b', 'a']
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.models import Localized
from .errors import HandoutError
from .files import DATA, read_yaml

PLANS = DATA / "plans"


@dataclass(frozen=True)
class Block:
    """One timed part of a session; ``start`` is in minutes from the session's start."""

    id: str
    start: int
    minutes: int
    kind: str
    title: Localized
    says: Localized
    does: Localized
    learners: Localized | None = None
    cut: Localized | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes

    @property
    def cuttable(self) -> bool:
        return self.cut is not None


@dataclass(frozen=True)
class CheckQuestion:
    """One question of the before/after check; ``answer`` is the right option's id."""

    id: str
    stem: Localized
    options: tuple[tuple[str, Localized], ...]
    answer: str


@dataclass(frozen=True)
class SessionPlan:
    """A whole session, blocks in order."""

    id: str
    title: Localized
    minutes: int
    lessons: tuple[str, ...]
    goals: tuple[Localized, ...]
    prepare: tuple[Localized, ...]
    blocks: tuple[Block, ...]
    check: tuple[CheckQuestion, ...]
    trainer_notes: tuple[Localized, ...] = ()
    source: str = ""

    def block(self, block_id: str) -> Block:
        return next(b for b in self.blocks if b.id == block_id)

    @property
    def cuttable_minutes(self) -> int:
        """Minutes the trainer can win back by cutting every block marked with ``cut``."""
        return sum(b.minutes for b in self.blocks if b.cuttable)


def _loc(data: dict | None) -> Localized | None:
    return Localized.from_dict(data) if data else None


def _check_consistent(data: dict, origin: str) -> None:
    def fail(reason: str, **fmt):
        raise HandoutError(f"handouts.error_plan_{reason}", path=origin, **fmt)

    blocks = data["blocks"]
    total = sum(b["minutes"] for b in blocks)
    if total != data["minutes"]:
        fail("minutes", total=total, minutes=data["minutes"])
    ids = [b["id"] for b in blocks]
    if len(set(ids)) != len(ids):
        fail("duplicate_block")
    kinds = [b["kind"] for b in blocks]
    if kinds.count("pre_check") != 1 or kinds.count("post_check") != 1 or \
            kinds.index("pre_check") > kinds.index("post_check") or kinds[-1] != "close":
        fail("order")
    for question in data["check"]["questions"]:
        if question["answer"] not in {o["id"] for o in question["options"]}:
            fail("answer", question=question["id"])


def parse_plan(data: dict, origin: str = "<plan>") -> SessionPlan:
    """Build a :class:`SessionPlan` from already validated data (see :func:`load_plan_file`)."""
    _check_consistent(data, origin)
    blocks, start = [], 0
    for b in data["blocks"]:
        blocks.append(Block(b["id"], start, b["minutes"], b["kind"], _loc(b["title"]), _loc(b["says"]),
                            _loc(b["does"]), _loc(b.get("learners")), _loc(b.get("cut"))))
        start += b["minutes"]
    check = tuple(CheckQuestion(q["id"], _loc(q["stem"]),
                                tuple((o["id"], _loc(o["text"])) for o in q["options"]), q["answer"])
                  for q in data["check"]["questions"])
    return SessionPlan(
        id=data["id"], title=_loc(data["title"]), minutes=data["minutes"],
        lessons=tuple(data["lessons"]), goals=tuple(map(_loc, data["goals"])),
        prepare=tuple(map(_loc, data["prepare"])), blocks=tuple(blocks), check=check,
        trainer_notes=tuple(map(_loc, data.get("trainer_notes", []))), source=origin)


def load_plan_file(path: str | Path) -> SessionPlan:
    """Load and check one plan file (a trainer's own plan, or a packaged one)."""
    path = Path(path)
    return parse_plan(read_yaml(path, "session_plan"), path.name)


def plan_files() -> list[Path]:
    """The packaged plan files, in session order (their names start with the number)."""
    return sorted(PLANS.glob("*.yaml"))


def load_plans() -> list[SessionPlan]:
    """Every packaged session plan, in session order."""
    return [load_plan_file(path) for path in plan_files()]


def load_plan(plan_id: str) -> SessionPlan:
    """The packaged plan with this id."""
    for plan in load_plans():
        if plan.id == plan_id:
            return plan
    raise HandoutError("handouts.error_unknown_plan", plan=plan_id,
                       known=", ".join(p.id for p in load_plans()))
