"""The classroom relay: hand-ins from learners' lanes into nbgrader's exchange, grades back.

A learner's server submits with nbgrader's own ``ExchangeSubmit`` into the learner's lane
(``lanes/<id>/exchange/<course>/inbound/``), the only part of the exchange it may write.
The relay, a JupyterHub service run with the trainer's rights, then:

1. **accepts** each hand-in whose folder name says it is this learner's (a learner cannot
   hand in under another's name: the lane decides who it is from), for a released
   assignment, holding regular files only (no links, size-capped), and moves it into the
   real ``exchange/<course>/inbound/`` where ``nbgrader collect`` and ``course collect``
   find it; the learner's card shows the receipt;
2. when ``grade_on_arrival`` is on, **collects and grades** those learners with the same
   fenced, journalled pipeline as ``course grade`` (:func:`~literacy_kit.course.grade.grade_assignment`,
   which never grades the same hand-in twice), then makes their feedback pages;
3. **publishes** each learner's state (received at, score from the gradebook, feedback page)
   into ``lanes/<id>/results/``, which the learner's server may read but not write.

Run as ``python -m literacy_kit.classroom.relay COURSE_DIR``.
"""
from __future__ import annotations

import datetime
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..course.course_dir import CourseDir
from ..course.grade_lock import grading_lock
from .settings import ClassroomSettings
from .state import ID_PATTERN, ClassroomState

log = logging.getLogger("literacy_kit.classroom.relay")

NAME = re.compile(r"^(?P<learner>[A-Za-z0-9_-]{1,40})\+(?P<assignment>[A-Za-z0-9_.-]{1,80})"
                  r"\+(?P<timestamp>[0-9][0-9 :.\-]{9,40}(?: UTC)?)(?:\+(?P<random>[A-Za-z0-9_=-]{1,40}))?$")
MAX_FILE = 20 << 20
MAX_TOTAL = 60 << 20
MAX_FILES = 200
REPUBLISH = 30.0


@dataclass
class Arrival:
    learner: str
    assignment: str
    timestamp: str
    receipt: str


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".status-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _copy_regular_tree(source: Path, target: Path) -> None:
    """Copy regular files and folders only (links skipped), within the size caps."""
    count = total = 0
    for folder, dirs, files in os.walk(source, followlinks=False):
        rel = Path(folder).relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
        for name in files:
            path = Path(folder) / name
            info = path.lstat()
            if not path.is_file() or path.is_symlink() or info.st_size > MAX_FILE:
                continue
            count, total = count + 1, total + info.st_size
            if count > MAX_FILES or total > MAX_TOTAL:
                raise ValueError("hand-in too large")
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as src, open(target / rel / name, "wb") as dst:
                shutil.copyfileobj(src, dst)


class Relay:
    """One classroom's relay (see the module docstring)."""

    def __init__(self, course: CourseDir, settings: ClassroomSettings | None = None):
        self.course = course
        self.state = ClassroomState(course)
        self.settings = settings or ClassroomSettings.from_course(course)
        self._published = 0.0
        self._gradebook_mtime = None

    # -- 1. accept -----------------------------------------------------------------------
    def learners_with_lanes(self) -> list[str]:
        lanes = self.state.root / "lanes"
        if not lanes.is_dir():
            return []
        return sorted(p.name for p in lanes.iterdir()
                      if ID_PATTERN.match(p.name) and p.is_dir() and not p.is_symlink())

    def accept(self) -> list[Arrival]:
        released = set(self.state.released())
        arrivals = []
        for learner in self.learners_with_lanes():
            inbound = self.state.lane_inbound(learner)
            if not inbound.is_dir() or inbound.is_symlink():
                continue
            for entry in sorted(inbound.iterdir()):
                arrival = self._accept_one(learner, entry, released)
                if arrival:
                    arrivals.append(arrival)
        return arrivals

    def _accept_one(self, learner: str, entry: Path, released: set[str]) -> Arrival | None:
        match = NAME.match(entry.name)
        ok = (match is not None and match["learner"] == learner and match["assignment"] in released
              and entry.is_dir() and not entry.is_symlink())
        if not ok:
            log.warning("relay: refused %r in %s's lane", entry.name, learner)
            self._remove(entry)
            return None
        self.state.inbound.mkdir(parents=True, exist_ok=True)
        final = self.state.inbound / entry.name
        staging = self.state.inbound / f".incoming-{entry.name}"
        try:
            shutil.rmtree(staging, ignore_errors=True)
            _copy_regular_tree(entry, staging)
            os.chmod(staging, 0o755)
            if final.exists():
                shutil.rmtree(final)
            os.replace(staging, final)
        except (OSError, ValueError) as exc:
            log.warning("relay: could not accept %s: %s", entry.name, exc)
            shutil.rmtree(staging, ignore_errors=True)
            self._remove(entry)
            return None
        self._remove(entry)
        receipt = (match["random"] or "")[:6] or match["timestamp"][-6:]
        arrival = Arrival(learner, match["assignment"], match["timestamp"], receipt)
        self._note(arrival)
        log.info("relay: accepted %s's hand-in of %s", learner, arrival.assignment)
        return arrival

    @staticmethod
    def _remove(entry: Path) -> None:
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)

    def _status_path(self, learner: str) -> Path:
        return self.state.results(learner) / "status.json"

    def read_status(self, learner: str) -> dict:
        try:
            data = json.loads(self._status_path(learner).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _note(self, arrival: Arrival) -> None:
        status = self.read_status(arrival.learner)
        entry = status.setdefault(arrival.assignment, {})
        entry.update({"received": arrival.timestamp, "receipt": arrival.receipt,
                      "received_at": datetime.datetime.now().isoformat(timespec="seconds")})
        _write_json(self._status_path(arrival.learner), status)

    # -- 2. grade ------------------------------------------------------------------------
    def grading_lock(self, assignment: str):
        """The lock ``course release/collect/grade/feedback`` take too
        (:mod:`~literacy_kit.course.grade_lock`)."""
        return grading_lock(self.course.root, assignment, who="relay")

    def grade(self, arrivals: list[Arrival]) -> None:
        from ..course.exchange import collect_exchange
        from ..course.feedback import generate_feedback
        from ..course.grade import grade_assignment
        from ..course.settings import CourseSettings

        course_settings = CourseSettings.from_course(self.course)
        by_assignment: dict[str, set[str]] = {}
        for arrival in arrivals:
            by_assignment.setdefault(arrival.assignment, set()).add(arrival.learner)
        for assignment, learners in sorted(by_assignment.items()):
            with self.grading_lock(assignment):
                step = collect_exchange(self.course, assignment)
                if not step.ok:
                    log.warning("relay: collect %s failed: %s", assignment, step.log[-500:])
                    continue
                run = grade_assignment(self.course, assignment, jobs=1,
                                       submission_timeout=course_settings.submission_timeout,
                                       learners=sorted(learners))
                graded = [r.learner for r in run.results if not r.skipped]
                if graded:
                    generate_feedback(self.course.root, assignment, lang=self.settings.lang,
                                      learners=graded)
                log.info("relay: graded %s for %s", assignment, ", ".join(graded) or "-")

    # -- 3. publish ----------------------------------------------------------------------
    def publish(self, force: bool = False) -> None:
        """Scores from the gradebook and feedback pages into each learner's results."""
        try:
            mtime = self.course.gradebook_path.stat().st_mtime
        except OSError:
            mtime = None
        due = force or mtime != self._gradebook_mtime or \
            time.monotonic() - self._published > REPUBLISH
        if not due:
            return
        self._gradebook_mtime, self._published = mtime, time.monotonic()
        learners = self.learners_with_lanes()
        if not learners or mtime is None:
            return
        from nbgrader.api import MissingEntry

        released = self.state.released()
        scores: dict[tuple[str, str], tuple[float, float, str]] = {}
        with self.course.gradebook() as gradebook:
            for assignment in released:
                for learner in learners:
                    try:
                        sub = gradebook.find_submission(assignment, learner)
                    except MissingEntry:
                        continue
                    if any(g.score is None for nb in sub.notebooks for g in nb.grades):
                        continue   # collected, not graded yet
                    scores[(learner, assignment)] = (float(sub.score), float(sub.max_score),
                                                     str(sub.timestamp or ""))
        for learner in learners:
            status = self.read_status(learner)
            changed = False
            for assignment in released:
                entry = status.get(assignment, {})
                before = dict(entry)
                if (learner, assignment) in scores:
                    score, max_score, stamp = scores[(learner, assignment)]
                    entry.update({"score": score, "max_score": max_score, "graded": stamp})
                page = self.course.feedback / learner / assignment / f"{assignment}.html"
                target = self.state.results(learner) / f"{assignment}.html"
                if page.is_file() and (not target.exists()
                                       or page.stat().st_mtime > target.stat().st_mtime):
                    shutil.copyfile(page, target)
                    entry["feedback"] = target.name
                if entry != before:
                    status[assignment] = entry
                    changed = True
            if changed:
                _write_json(self._status_path(learner), status)

    # -- loop ----------------------------------------------------------------------------
    def run_once(self) -> list[Arrival]:
        arrivals = self.accept()
        if arrivals and self.settings.grade_on_arrival:
            self.grade(arrivals)
        self.publish(force=bool(arrivals))
        return arrivals

    def run_forever(self) -> None:
        while True:
            try:
                self.run_once()
            except Exception:   # the relay must outlive one bad hand-in or a busy gradebook
                log.exception("relay: round failed; trying again")
            time.sleep(self.settings.poll_seconds)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    import signal

    logging.basicConfig(level=logging.INFO, format="[relay %(asctime)s] %(message)s")
    # the hub stops its services with SIGTERM: finish quietly
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        Relay(CourseDir(Path(argv[0]))).run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":  # pragma: no cover
    main()
