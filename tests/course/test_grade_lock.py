"""The grading lock every releasing, collecting, grading or feedback path takes (course/grade_lock.py).

Fast: threads stand in for the second process (``flock`` locks conflict between two open
files even in one process). The race with a real relay and a real ``course grade`` process
on a real nbgrader course is tests/classroom/test_grade_race.py.
"""
from __future__ import annotations

import time

import pytest

from literacy_kit.cli import main
from literacy_kit.course import grade_lock
from literacy_kit.course.grade_lock import grading_lock, held, holder, lock_path
from literacy_kit.i18n import t

from classroom.course_setup import make_course

from .lock_support import hold_in_thread


def test_a_second_holder_waits_and_is_told(tmp_path):
    holder = hold_in_thread(tmp_path, "vneid", 0.4)
    waited = []
    start = time.monotonic()
    with grading_lock(tmp_path, "vneid", on_wait=lambda: waited.append(time.monotonic())):
        got = time.monotonic() - start
        assert held(tmp_path, "vneid")
    holder.join()
    assert len(waited) == 1 and got >= 0.2
    assert not held(tmp_path, "vneid")


def test_no_wait_and_no_message_when_free_and_other_assignments_do_not_block(tmp_path):
    holder = hold_in_thread(tmp_path, "vneid", 0.4)
    told = []
    with grading_lock(tmp_path, "ai", on_wait=lambda: told.append(1)):
        pass
    holder.join()
    with grading_lock(tmp_path, "vneid", on_wait=lambda: told.append(1)):
        pass
    assert told == []


def test_reentrant_in_one_thread_so_the_relay_can_call_grade_assignment_under_it(tmp_path):
    with grading_lock(tmp_path, "vneid", who="relay"):
        with grading_lock(tmp_path, "vneid", on_wait=lambda: pytest.fail("waited on itself"),
                          who="trainer"):
            assert held(tmp_path, "vneid") and holder(tmp_path, "vneid") == "relay"
        assert held(tmp_path, "vneid") and holder(tmp_path, "vneid") == "relay"
    assert not held(tmp_path, "vneid") and grade_lock._depth == {}
    assert holder(tmp_path, "vneid") == ""


@pytest.mark.parametrize("name", ["../vneid", "a/b", ".hidden", "", "x" * 81])
def test_only_assignment_names_make_a_lock_file(tmp_path, name):
    with pytest.raises(ValueError):
        lock_path(tmp_path, name)


@pytest.mark.parametrize("lang, who, key", [("vi", "relay", "grade_waiting"),
                                             ("en", "relay", "grade_waiting"),
                                             ("vi", "trainer", "grade_waiting_other")])
def test_trainer_collect_waits_for_the_classroom_with_a_message(tmp_path, capsys, lang, who, key):
    course = make_course(tmp_path)
    stick = tmp_path / "stick"
    (stick / "hv01").mkdir(parents=True)
    (stick / "hv01" / "vneid.ipynb").write_text("{}", encoding="utf-8")
    holder_thread = hold_in_thread(course, "vneid", 1.0, who)   # e.g. the relay, grading
    start = time.monotonic()
    status = main(["course", "collect", "vneid", "--from", str(stick), "--course", str(course),
                   "--lang", lang])
    took = time.monotonic() - start
    holder_thread.join()
    err = capsys.readouterr().err
    assert t(f"course.{key}", lang, assignment="vneid") in err
    assert took >= 0.5 and status == 0
    assert (course / "submitted" / "hv01" / "vneid" / "vneid.ipynb").is_file()
    assert holder(course, "vneid") == ""


def test_an_unknown_assignment_is_refused_before_any_lock(tmp_path, capsys):
    course = make_course(tmp_path)
    assert main(["course", "collect", "nope", "--from", str(tmp_path), "--course", str(course),
                 "--lang", "en"]) == 1
    assert "nope" in capsys.readouterr().err
    assert not (course / ".literacy-kit" / "grade-nope.lock").exists()
