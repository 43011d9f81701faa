"""``literacy-kit course release`` holds the assignment's grading lock.

Releasing runs nbgrader's ``generate_assignment``, which rewrites the assignment's notebooks
and cells in the gradebook the classroom relay reads and writes while it grades hand-ins.
So a release while the relay (a thread holding the lock here, as in
tests/course/test_grade_lock.py) grades the same assignment waits for it, and says so first
in the trainer's language (the lock is per assignment: tests/course/test_grade_lock.py).
"""
from __future__ import annotations

import time

import pytest

from literacy_kit.cli import main
from literacy_kit.course.grade_lock import holder
from literacy_kit.i18n import t

from classroom.course_setup import make_course

from .lock_support import hold_in_thread

pytestmark = pytest.mark.notebook

HOLD = 1.5


@pytest.mark.parametrize("lang, who, key", [("vi", "relay", "grade_waiting"),
                                             ("en", "trainer", "grade_waiting_other")])
def test_release_waits_for_the_grader_with_a_message(tmp_path, capsys, lang, who, key):
    course = make_course(tmp_path)
    released = course / "release" / "vneid" / "vneid.ipynb"
    seen_while_held = []
    grader = hold_in_thread(course, "vneid", HOLD, who,
                            before_release=lambda: seen_while_held.append(released.exists()))
    start = time.monotonic()
    status = main(["course", "release", "vneid", "--course", str(course), "--lang", lang])
    took = time.monotonic() - start
    grader.join()
    out = capsys.readouterr()
    assert status == 0, out.err
    assert t(f"course.{key}", lang, assignment="vneid") in out.err
    # nothing was generated while the grader held the lock; the release came after it
    assert seen_while_held == [False] and released.is_file() and took >= HOLD * 0.9
    assert holder(course, "vneid") == ""

