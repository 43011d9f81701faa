"""Grade every submission of an assignment in parallel, safely, resumably.

``nbgrader autograde`` grades one submission after another and starts a fresh Python for
every kernel. Here ``jobs`` worker processes (:mod:`grade_worker`) each run nbgrader's own
Autograde converter on one learner at a time, with kernels forked from a pre-imported,
fenced zygote. The coordinator hands out learners, enforces a wall-clock limit per
submission (killing a worker that overruns it, and starting another), records each result
in a journal so a rerun skips finished work, and gives a submission that could not be
graded zeros in the gradebook, with the reason in the run's summary.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from . import grade_worker
from .course_dir import CourseDir
from .diagnose import Reason
from .errors import CourseError
from .grade_journal import STATE_DIR, Journal, submitted_timestamp
from .grade_lock import grading_lock
from .tools_path import ensure_tools_on_path

#: Extra seconds a worker gets after its own watchdog should have fired, before the
#: coordinator kills the whole worker.
GRACE = 30.0


@dataclass
class GradeResult:
    learner: str
    graded: bool
    seconds: float
    reasons: list[Reason] = field(default_factory=list)
    score: float = 0.0
    max_score: float = 0.0
    skipped: bool = False


@dataclass
class GradeRun:
    assignment: str
    jobs: int
    results: list[GradeResult]
    seconds: float
    fence: str = "none"

    @property
    def graded(self) -> list[GradeResult]:
        return [r for r in self.results if not r.skipped]

    @property
    def problems(self) -> list[GradeResult]:
        return [r for r in self.results if r.reasons]

    @property
    def scores(self) -> dict[str, float]:
        return {r.learner: r.score for r in self.results}


def submissions(course: CourseDir, assignment: str) -> dict[str, object]:
    """``{learner: folder}`` of every handed-in ``submitted/<learner>/<assignment>``."""
    found = {}
    if course.submitted.is_dir():
        for entry in sorted(course.submitted.iterdir()):
            folder = entry / assignment
            if entry.is_dir() and folder.is_dir():
                found[entry.name] = folder
    return found


def _check_released(course: CourseDir, assignment: str) -> None:
    from nbgrader.api import MissingEntry

    with course.gradebook() as gradebook:
        try:
            gradebook.find_assignment(assignment)
        except MissingEntry:
            raise CourseError("course.grade_not_generated", assignment=assignment) from None


def zero_fill(course: CourseDir, assignment: str, learner: str) -> None:
    """Give an ungradable submission 0 on every autograded cell (never left blank)."""
    from nbgrader.api import Gradebook

    url = f"{course.gradebook_url}?timeout={grade_worker.DB_WAIT}"
    with Gradebook(url, course_id=course.course_id) as gradebook:
        gradebook.update_or_create_student(learner)
        with gradebook.db.no_autoflush:  # nbgrader builds the rows before adding them
            gradebook.update_or_create_submission(assignment, learner)
        submission = gradebook.find_submission(assignment, learner)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.auto_score is None and grade.manual_score is None:
                    grade.auto_score = 0.0
        gradebook.db.commit()


def read_scores(course: CourseDir, assignment: str, results: Iterable[GradeResult]) -> None:
    from nbgrader.api import MissingEntry

    with course.gradebook() as gradebook:
        for result in results:
            try:
                submission = gradebook.find_submission(assignment, result.learner)
            except MissingEntry:
                continue
            result.score, result.max_score = float(submission.score), float(submission.max_score)


class _Slot:
    """One worker process and what it is grading."""

    def __init__(self, context, options: dict):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=grade_worker.serve, args=(child, options))
        self.process.start()
        child.close()
        hello = self.connection.recv()
        self.fence = hello.get("fence", "none")
        self.learner: str | None = None
        self.started = 0.0

    def send(self, learner: str) -> None:
        self.learner, self.started = learner, time.perf_counter()
        self.connection.send(learner)

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.process.kill()
            else:
                self.connection.send(None)
        except OSError:
            pass
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def grade_assignment(course: CourseDir, assignment: str, *, jobs: int = 0,
                     submission_timeout: float = 120.0, cell_timeout: int | None = None,
                     force: bool = False, learners: Iterable[str] | None = None,
                     progress: Callable[[int, int, float], None] | None = None,
                     fork: bool = True) -> GradeRun:
    """Autograde ``assignment`` for every handed-in submission (or only ``learners``).

    ``progress(done, total, elapsed)`` is called after each submission. Holds the
    assignment's grading lock (:mod:`grade_lock`) throughout, so the classroom relay and a
    trainer never grade the same hand-in twice.
    """
    if assignment not in course.assignments():
        raise CourseError("course.unknown_assignment", assignment=assignment,
                          known=", ".join(course.assignments()) or "-")
    # the journal is read under the lock: what another grader finished meanwhile is skipped
    with grading_lock(course.root, assignment):
        return _grade(course, assignment, jobs=jobs, submission_timeout=submission_timeout,
                      cell_timeout=cell_timeout, force=force, learners=learners,
                      progress=progress, fork=fork)


def _grade(course: CourseDir, assignment: str, *, jobs: int, submission_timeout: float,
           cell_timeout: int | None, force: bool, learners: Iterable[str] | None,
           progress: Callable[[int, int, float], None] | None, fork: bool) -> GradeRun:
    start = time.perf_counter()
    ensure_tools_on_path()
    _check_released(course, assignment)
    found = submissions(course, assignment)
    wanted = set(learners) if learners is not None else None
    journal = Journal(course.root, assignment)
    results: dict[str, GradeResult] = {}
    todo = []
    for learner, folder in found.items():
        if wanted is not None and learner not in wanted:
            continue
        stamp = submitted_timestamp(folder)
        if not force and journal.done(learner, stamp):
            entry = journal.entries[learner]
            results[learner] = GradeResult(learner, entry.get("graded", False), 0.0,
                                           [Reason.from_dict(r) for r in entry.get("reasons", [])],
                                           skipped=True)
        else:
            journal.forget(learner)
            todo.append((learner, stamp))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    log_path = course.root / STATE_DIR / f"grade-{assignment}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    options = {"root": str(course.root), "assignment": assignment,
               "submission_timeout": submission_timeout, "cell_timeout": cell_timeout,
               "log_path": str(log_path), "fork": fork}
    context = multiprocessing.get_context("spawn")
    slots: list[_Slot] = []
    fence = "none"
    done, total = 0, len(todo)

    def finish(slot: _Slot, outcome: dict) -> None:
        nonlocal done
        learner = slot.learner
        stamp = stamps[learner]
        if not outcome.get("graded"):
            zero_fill(course, assignment, learner)
        journal.record(learner, stamp, outcome)
        results[learner] = GradeResult(learner, bool(outcome.get("graded")),
                                       float(outcome.get("seconds", 0.0)),
                                       [Reason.from_dict(r) for r in outcome.get("reasons", [])])
        slot.learner = None
        done += 1
        if progress:
            progress(done, total, time.perf_counter() - start)

    stamps = dict(todo)
    queue = list(reversed(todo))
    try:
        if todo:
            slots = [_Slot(context, options) for _ in range(jobs)]
            fence = slots[0].fence
        while queue or any(s.learner for s in slots):
            for slot in slots:
                if slot.learner is None and queue:
                    slot.send(queue.pop()[0])
            busy = {s.connection: s for s in slots if s.learner}
            for connection in wait(list(busy), timeout=0.5):
                slot = busy[connection]
                try:
                    finish(slot, connection.recv())
                except (EOFError, OSError):
                    slots[slots.index(slot)] = _replace(slot, context, options, finish, course,
                                                        assignment, "reason_worker_crashed", {})
            now = time.perf_counter()
            for index, slot in enumerate(slots):
                if slot.learner and now - slot.started > submission_timeout + GRACE:
                    slots[index] = _replace(slot, context, options, finish, course, assignment,
                                            "reason_time_limit", {"seconds": int(submission_timeout)})
    finally:
        for slot in slots:
            slot.stop(kill=slot.learner is not None)
    ordered = [results[name] for name in found if name in results]
    read_scores(course, assignment, ordered)
    return GradeRun(assignment, jobs, ordered, time.perf_counter() - start, fence)


def _replace(slot: _Slot, context, options, finish, course, assignment, key, fmt) -> _Slot:
    """Kill a worker that overran or died, fail its submission cleanly, start another."""
    learner, started = slot.learner, slot.started
    slot.stop(kill=True)
    shutil.rmtree(course.autograded / learner / assignment, ignore_errors=True)
    finish(slot, {"graded": False, "seconds": time.perf_counter() - started,
                  "reasons": [Reason(key, fmt).to_dict()]})
    return _Slot(context, options)
