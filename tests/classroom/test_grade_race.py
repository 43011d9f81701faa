"""The trainer's ``course grade`` at the same moment as the classroom relay's graded-as-it-
arrives round, on a real nbgrader course: each hand-in is graded exactly once.

Three learners fetch ``vneid`` through nbgrader's exchange (their lanes), tap answers and
hand in with nbgrader's own submit. The relay (in a thread here, as in the hub's service)
accepts, collects and grades them; while it holds the grading lock, the trainer types
``literacy-kit course grade vneid`` (a real second process). The trainer's command says it
waits, then finds everything graded. Counted from nbgrader's own log lines ("Autograding
…"): one per hand-in; the grading journal, the gradebook and what the relay tells each
learner agree.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from literacy_kit.classroom.learner import LearnerEnv
from literacy_kit.classroom.relay import Relay
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.course.course_dir import CourseDir
from literacy_kit.course.exchange import release
from literacy_kit.course.grade_lock import lock_path
from literacy_kit.grading import Exercise
from literacy_kit.i18n import t
from literacy_kit.testing import close_all

from classroom.course_setup import make_course

pytestmark = pytest.mark.notebook

ASSIGNMENT = "vneid"
#: The invalid ID numbers each learner taps (the right ones are n2, n4, n6, n7; a wrong pick
#: cancels a right one) and the points that must come out of question 3.
PICKS = {"hv01": (["n2", "n4", "n6", "n7"], 4.0), "hv02": ([], 0.0), "hv03": (["n2", "n4"], 2.0)}


def hand_in(state: ClassroomState, learner: str, picks: list[str]) -> str:
    """Fetch, tap, hand in, as the learner's own server does; the nbgrader timestamp."""
    state.prepare_lane(learner)
    env = LearnerEnv(home=state.home(learner), user=learner, course_id=state.course.course_id,
                     exchange=state.lane_exchange(learner), results=state.results(learner))
    env.home.mkdir(parents=True, exist_ok=True)
    folder = env.fetch(ASSIGNMENT).parent
    if picks:
        ex = Exercise(ASSIGNMENT, folder=folder)
        view = ex.choice("invalid_ids").views[0]
        for option in picks:
            view.toggle(option)
        for item in ex.items.values():
            close_all(item)
    return env.submit(ASSIGNMENT).timestamp


def lock_is_held(path: Path) -> bool:
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_trainer_grade_during_the_relays_round_grades_each_hand_in_once(tmp_path):
    course_dir = make_course(tmp_path, gradebook=True)
    course = CourseDir(course_dir)
    assert all(step.ok for step in release(course, ASSIGNMENT))
    state = ClassroomState(course)
    stamps = {learner: hand_in(state, learner, picks) for learner, (picks, _) in PICKS.items()}

    relay = Relay(course)
    assert relay.settings.grade_on_arrival
    outcome: dict = {}

    def relay_round():
        try:
            outcome["arrivals"] = relay.run_once()
        except BaseException as exc:   # reported by the main thread
            outcome["error"] = exc

    lock = lock_path(course.root, ASSIGNMENT)
    thread = threading.Thread(target=relay_round, daemon=True)
    thread.start()
    # the relay has collected the hand-ins and is grading them, under the lock
    deadline = time.monotonic() + 120
    while not (all((course.submitted / l / ASSIGNMENT).is_dir() for l in PICKS)
               and lock.exists() and lock_is_held(lock)):
        assert thread.is_alive() and time.monotonic() < deadline, outcome
        time.sleep(0.05)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    trainer = subprocess.run(
        [sys.executable, "-m", "literacy_kit.cli", "course", "grade", ASSIGNMENT,
         "--course", str(course.root), "--lang", "vi", "--jobs", "2"],
        capture_output=True, text=True, timeout=300, env=env)
    thread.join(timeout=300)
    assert not thread.is_alive() and "error" not in outcome, outcome
    assert trainer.returncode == 0, trainer.stdout + trainer.stderr

    # nbgrader autograded each submission exactly once, whoever ran it
    log = (course.root / ".literacy-kit" / f"grade-{ASSIGNMENT}.log").read_text(encoding="utf-8")
    runs = {l: len(re.findall(rf"Autograding .*[/\\]{l}[/\\]{ASSIGNMENT}\b", log)) for l in PICKS}
    assert runs == {l: 1 for l in PICKS}, log[-3000:]

    # the trainer was told why it waited, then graded nothing again
    assert t("course.grade_waiting", "vi", assignment=ASSIGNMENT) in trainer.stderr
    summary = json.loads((course.root / ".literacy-kit" / f"grade-{ASSIGNMENT}-summary.json").read_text())
    assert {r["learner"]: r["skipped"] for r in summary["results"]} == {l: True for l in PICKS}
    assert sorted(a.learner for a in outcome["arrivals"]) == sorted(PICKS)

    # journal, gradebook and the learners' cards agree
    from nbgrader.utils import parse_utc

    journal = json.loads((course.root / ".literacy-kit" / f"grade-{ASSIGNMENT}.json").read_text())
    assert sorted(journal) == sorted(PICKS)
    with course.gradebook() as gradebook:
        for learner, (_, points) in PICKS.items():
            sub = gradebook.find_submission(ASSIGNMENT, learner)
            entry = journal[learner]
            assert entry["graded"] is True
            assert [r["key"] for r in entry["reasons"]] == ([] if points else ["reason_no_answers"])
            handed_in = parse_utc(stamps[learner]).replace(tzinfo=None)
            assert parse_utc(entry["timestamp"]).replace(tzinfo=None) == handed_in == sub.timestamp
            assert all(g.score is not None for nb in sub.notebooks for g in nb.grades)
            assert float(sub.score) == points
            card = relay.read_status(learner)[ASSIGNMENT]
            assert card["score"] == points and card["max_score"] == 14.0
            assert (course.feedback / learner / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()
