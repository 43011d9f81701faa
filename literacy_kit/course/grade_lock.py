"""One grading at a time per assignment, across processes.

The classroom relay grades hand-ins as they arrive (collect, grade, feedback) while a
trainer may type ``literacy-kit course release|collect|grade|feedback`` for the same
assignment. Unfenced, both would read the grading journal before the other wrote it, grade
the same hand-in twice and write ``autograded/`` and the gradebook at the same moment; a
collect could replace a submission while it is being graded, and a release (``nbgrader
generate_assignment``) rewrites the assignment's cells in the gradebook that a grader is
reading. Every path that releases, collects, grades or makes feedback pages therefore holds
the same lock, an ``flock`` on ``<course>/.literacy-kit/grade-<assignment>.lock``
(released by the kernel if its holder dies, so a killed relay never blocks the trainer).

The lock is re-entrant within one thread: the relay holds it around its whole round and
calls :func:`~literacy_kit.course.grade.grade_assignment`, which takes it again. Its holder
writes who it is into the lock file (``relay`` or ``trainer``), so a command that has to
wait can say what it waits for (:func:`holder`).

>>> import tempfile
>>> root = tempfile.mkdtemp()
>>> with grading_lock(root, "vneid"):
...     with grading_lock(root, "vneid"):
...         held(root, "vneid")
True
>>> held(root, "vneid")
False
"""
from __future__ import annotations

import fcntl
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .grade_journal import STATE_DIR

#: What an assignment name must look like to name a lock file (nbgrader's own names do).
SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")

_depth: dict[tuple[str, str, int], int] = {}


def lock_path(course_root, assignment: str) -> Path:
    if not SAFE_NAME.match(assignment) or assignment.startswith("."):
        raise ValueError(f"not an assignment name: {assignment!r}")
    return Path(course_root) / STATE_DIR / f"grade-{assignment}.lock"


def _key(course_root, assignment: str) -> tuple[str, str, int]:
    return str(Path(course_root).resolve()), assignment, threading.get_ident()


def held(course_root, assignment: str) -> bool:
    """Whether this thread holds the lock of ``assignment``."""
    return _depth.get(_key(course_root, assignment), 0) > 0


def holder(course_root, assignment: str) -> str:
    """Who holds ``assignment``'s lock, as its holder wrote it ('' if unknown or free)."""
    try:
        return lock_path(course_root, assignment).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


@contextmanager
def grading_lock(course_root, assignment: str, on_wait: Callable[[], None] | None = None,
                 who: str = "") -> Iterator[None]:
    """Hold ``assignment``'s grading lock; ``on_wait()`` is called once if another process
    (or thread) holds it and this one has to wait. ``who`` is written into the lock file
    while it is held."""
    key = _key(course_root, assignment)
    if _depth.get(key):
        _depth[key] += 1
        try:
            yield
        finally:
            _depth[key] -= 1
        return
    path = lock_path(course_root, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        _depth[key] = 1
        _say(handle, who)
        try:
            yield
        finally:
            del _depth[key]
            _say(handle, "")
            fcntl.flock(handle, fcntl.LOCK_UN)


def _say(handle, who: str) -> None:
    handle.truncate(0)
    if who:
        handle.write(f"{who}\n")
    handle.flush()
