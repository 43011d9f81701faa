"""Where the classroom keeps its state: ``<course>/.literacy-kit/classroom/``.

* ``hub/``: JupyterHub's database, cookie secret, the generated config, the proxy's pid;
* ``pins.json``: the PINs, hashed, and the wrong-PIN counters;
* ``homes/<id>/``: each learner's folder (their fetched exercises and answers);
* ``lanes/<id>/``: the learner's own exchange lane (``exchange/``, where a hand-in lands
  first) and what the relay tells them (``results/``: receipts, scores, feedback pages).

A learner's server may write only its home and its lane's ``exchange/``; the relay (run by
the hub, trusted) moves hand-ins from a lane into nbgrader's real exchange.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..course.course_dir import CourseDir
from ..course.grade_journal import STATE_DIR

#: Learner ids as the roster accepts them (letters, digits, ``_`` and ``-``, up to 40).
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


@dataclass(frozen=True)
class ClassroomState:
    """The classroom folders of one course."""

    course: CourseDir

    @property
    def root(self) -> Path:
        return self.course.root / STATE_DIR / "classroom"

    @property
    def hub(self) -> Path:
        return self.root / "hub"

    @property
    def pins(self) -> Path:
        return self.root / "pins.json"

    def home(self, learner: str) -> Path:
        return self.root / "homes" / _checked(learner)

    def lane(self, learner: str) -> Path:
        return self.root / "lanes" / _checked(learner)

    def lane_exchange(self, learner: str) -> Path:
        """The exchange root a learner's nbgrader sees (inbound is theirs alone)."""
        return self.lane(learner) / "exchange"

    def lane_inbound(self, learner: str) -> Path:
        return self.lane_exchange(learner) / self.course.course_id / "inbound"

    def results(self, learner: str) -> Path:
        return self.lane(learner) / "results"

    @property
    def exchange_root(self) -> Path:
        """nbgrader's real exchange root for this course (``Exchange.root``)."""
        section = self.course.config.get("Exchange", {})
        root = section.get("root") if hasattr(section, "get") else None
        return Path(root) if root else self.course.root / "exchange"

    @property
    def outbound(self) -> Path:
        return self.exchange_root / self.course.course_id / "outbound"

    @property
    def inbound(self) -> Path:
        return self.exchange_root / self.course.course_id / "inbound"

    def released(self) -> list[str]:
        """Assignments released to the exchange, in the course's order."""
        if not self.outbound.is_dir():
            return []
        return [name for name in self.course.assignments() if (self.outbound / name).is_dir()]

    def prepare_lane(self, learner: str) -> None:
        """Create the learner's lane: their inbound, a link to the real outbound, results."""
        inbound = self.lane_inbound(learner)
        inbound.mkdir(parents=True, exist_ok=True)
        self.results(learner).mkdir(parents=True, exist_ok=True)
        link = inbound.parent / "outbound"
        target = self.outbound
        if link.is_symlink() and Path(link.readlink()) == target:
            return
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.is_dir():
            import shutil

            shutil.rmtree(link)
        target.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target, target_is_directory=True)


def _checked(learner: str) -> str:
    if not ID_PATTERN.match(learner or ""):
        raise ValueError(f"not a learner id: {learner!r}")
    return learner
