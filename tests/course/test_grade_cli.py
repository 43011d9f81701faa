"""``literacy-kit course release / collect / grade / feedback`` through the real command.

Includes a grading run killed half-way (as by a power cut) and one stopped with Ctrl-C:
the next run resumes, grades only what is left, and ends with the same gradebook a run
without interruption gives.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from literacy_kit.course.grade_journal import Journal

from . import zoo

pytestmark = pytest.mark.notebook

BIN = Path(sys.executable).parent
PLANS = {"hv01": "full", "hv02": "weak", "hv03": "full", "hv04": "none", "hv05": "weak",
         "hv06": "full", "hv07": "weak", "hv08": "full"}


def command(*args: str, **kwargs) -> list[str]:
    return [str(BIN / "literacy-kit"), *args]


def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH="/usr/bin:/bin")  # as from an unactivated venv
    return subprocess.run(command(*args), capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = zoo.new_course(tmp_path_factory.mktemp("cli") / "course")
    base = zoo.released(course)
    for learner, plan in PLANS.items():
        zoo.hand_in(course, learner, base, zoo.answers(plan))
    return course


def scores(course) -> dict[str, float]:
    with course.gradebook() as gradebook:
        return {s.student.id: s.score for s in gradebook.assignment_submissions("vneid")}


def expected() -> dict[str, float]:
    return {learner: zoo.POINTS[plan] for learner, plan in PLANS.items()}


def test_release_again_is_safe_and_holds_no_answers(course):
    result = run("course", "release", "vneid", "--course", str(course.root), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Released vneid" in result.stdout and "Traceback" not in result.stderr
    released = (course.release / "vneid" / "vneid.ipynb").read_text("utf-8")
    assert "BEGIN HIDDEN TESTS" not in released and "grader.ordering" not in released


def test_unknown_assignment_and_bad_options_get_a_message(course):
    result = run("course", "grade", "nope", "--course", str(course.root), "--lang", "en")
    assert result.returncode == 1 and "no assignment \"nope\"" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("course", "grade", "vneid", "--jobs", "many", "--course", str(course.root))
    assert result.returncode == 2 and "--jobs" in result.stderr and "Traceback" not in result.stderr
    result = run("course", "grade", "vneid", "--course", str(course.root / "missing"), "--lang", "en")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def wait_for(predicate, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def start_grading(course) -> subprocess.Popen:
    return subprocess.Popen(command("course", "grade", "vneid", "--jobs", "1", "--course",
                                    str(course.root)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def test_killed_run_resumes_where_it_stopped(course):
    process = start_grading(course)
    wait_for(lambda: len(Journal(course.root, "vneid").entries) >= 3)
    os.killpg(process.pid, signal.SIGKILL)                  # a power cut, mid-submission
    process.wait()
    finished = set(Journal(course.root, "vneid").entries)
    assert 3 <= len(finished) < len(PLANS)
    with sqlite3.connect(course.gradebook_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    time.sleep(1)  # orphaned workers die with their coordinator
    again = run("course", "grade", "vneid", "--course", str(course.root), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert f"graded {len(PLANS) - len(finished)} submissions ({len(finished)} already graded" in again.stdout
    assert scores(course) == expected()
    third = run("course", "grade", "vneid", "--course", str(course.root), "--lang", "en")
    assert f"graded 0 submissions ({len(PLANS)} already graded" in third.stdout
    assert scores(course) == expected()


def test_ctrl_c_stops_cleanly_and_the_next_run_finishes(course):
    third = run("course", "grade", "vneid", "--force", "--learner", "hv01", "--course", str(course.root))
    assert third.returncode == 0
    shutil.rmtree(course.root / ".literacy-kit")            # forget everything: grade all again
    process = start_grading(course)
    wait_for(lambda: len(Journal(course.root, "vneid").entries) >= 2)
    os.killpg(process.pid, signal.SIGINT)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "Traceback" not in err, err
    again = run("course", "grade", "vneid", "--course", str(course.root), "--lang", "en")
    assert again.returncode == 0 and "already graded" in again.stdout
    assert scores(course) == expected()
    summary = json.loads((course.root / ".literacy-kit" / "grade-vneid-summary.json").read_text("utf-8"))
    assert {r["learner"] for r in summary["results"]} == set(PLANS)


def test_feedback_pages_in_english(course):
    result = run("course", "feedback", "vneid", "--lang", "en", "--course", str(course.root))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (course.feedback / "hv02" / "vneid" / "vneid.html").read_text("utf-8")
    assert 'lang="en"' in page and "HIDDEN TESTS" not in page and "grader.ordering" not in page


def test_collect_from_a_usb_stick(course, tmp_path):
    stick = tmp_path / "stick"
    answers = zoo.answers("full")
    notebook = json.dumps(zoo.released(course))
    (stick / "hv20").mkdir(parents=True)                        # <id>/<assignment>.ipynb
    (stick / "hv20" / "vneid.ipynb").write_text(notebook)
    (stick / "hv20" / zoo.ANSWERS).write_bytes(answers)
    (stick / "hv21" / "vneid").mkdir(parents=True)              # <id>/<assignment>/...
    (stick / "hv21" / "vneid" / "vneid.ipynb").write_text(notebook)
    (stick / "hv22_vneid.ipynb").write_text(notebook)           # <id>_<assignment>.ipynb
    (stick / f"hv22_{zoo.ANSWERS}").write_bytes(answers)
    (stick / "bad id!").mkdir()                                 # not a learner id
    (stick / "bad id!" / "vneid.ipynb").write_text(notebook)
    (stick / "hv23").mkdir()                                    # answers but no notebook
    (stick / "hv23" / zoo.ANSWERS).write_bytes(answers)
    (stick / "hv24").symlink_to(course.root / "submitted" / "hv01" / "vneid")  # a link out
    result = run("course", "collect", "vneid", "--from", str(stick), "--course", str(course.root),
                 "--lang", "en")
    assert result.returncode == 1                     # something was skipped, and said why
    assert "3 new" in result.stdout and "bad id!" in result.stdout and "hv23" in result.stdout
    for learner in ("hv20", "hv21", "hv22"):
        folder = course.submitted / learner / "vneid"
        assert (folder / "vneid.ipynb").is_file() and (folder / "timestamp.txt").is_file()
    assert (course.submitted / "hv22" / "vneid" / zoo.ANSWERS).read_bytes() == answers
    assert not (course.submitted / "hv24").exists()
    again = run("course", "collect", "vneid", "--from", str(stick), "--course", str(course.root),
                "--lang", "en")
    assert "0 new, 0 updated, 3 unchanged" in again.stdout


def test_collect_from_the_exchange(course, tmp_path):
    """A learner fetches and submits with nbgrader's own commands; collect brings it in."""
    home = tmp_path / "learner"
    home.mkdir()
    exchange = f"--Exchange.root={course.root / 'exchange'}"
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    for args in (["fetch_assignment", "vneid"], ["submit", "vneid"]):
        done = subprocess.run([str(BIN / "nbgrader"), *args, "--course", "literacy_kit", exchange],
                              cwd=home, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    result = run("course", "collect", "vneid", "--course", str(course.root), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    learner = os.environ.get("USER") or __import__("getpass").getuser()
    assert (course.submitted / learner / "vneid" / "vneid.ipynb").is_file()
