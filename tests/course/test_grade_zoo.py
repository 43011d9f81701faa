"""``course grade`` on a zoo of bad submissions, with the course's default settings.

Every submission is graded, the bad ones get 0 where due and are listed with their reason,
the gradebook stays whole and the sources untouched, and code a learner added is never
run. The good ones get exactly what plain ``nbgrader autograde`` gives them.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course.grade import grade_assignment
from literacy_kit.course.grade_summary import summary_lines, write_summary

from course_support import nbgrader
from . import zoo

pytestmark = pytest.mark.notebook

# learner: (notebook maker, answers plan, expected score, expected reason keys)
ZOO = {
    "ok_full": (lambda nb: nb, "full", 14.0, set()),
    "ok_weak": (lambda nb: nb, "weak", 6.5, set()),
    "added_loop": (lambda nb: zoo.with_code(nb, zoo.LOOP), "full", 14.0, {"reason_code_added"}),
    "added_flood": (lambda nb: zoo.with_code(nb, zoo.FLOOD), "weak", 6.5, {"reason_code_added"}),
    "added_raise": (lambda nb: zoo.with_code(nb, zoo.RAISE), "weak", 6.5, {"reason_code_added"}),
    "added_cheat": (lambda nb: zoo.with_code(nb, zoo.CHEAT, after="q4_widget"), "weak", 6.5,
                    {"reason_code_added"}),
    "deleted_tests": (lambda nb: zoo.without(nb, "q2_level2_true_false", "q4_activation"), "full",
                      14.0, {"reason_cells_deleted"}),
    "edited_tests": (lambda nb: zoo.edited(nb, "q1_level1_steps", "3.0"), "weak", 6.5,
                     {"reason_cells_edited"}),
    "answers_garbage": (lambda nb: nb, b"\x00\xff{not json", 0.0, {"reason_answers_unreadable"}),
    "answers_tampered": (lambda nb: nb, "tampered", 0.0, set()),
    "no_answers": (lambda nb: nb, "none", 0.0, {"reason_no_answers"}),
    "no_notebook": (None, "full", 0.0, {"reason_no_notebook"}),
    "notebook_broken": (b"{\"cells\": [", "full", 0.0, {"reason_notebook_unreadable"}),
}
COMPARED = ["ok_full", "ok_weak", "deleted_tests", "edited_tests", "answers_garbage", "no_answers"]


def tampered() -> bytes:
    """The answers file's own format, with values no widget could have stored."""
    data = json.loads(zoo.answers("full"))
    data["answers"] = {key: {"placed": "'; DROP TABLE grade; --", "selected": {"x": 1e308},
                             "status": ["activated"] * 3}
                       for key in data.get("answers", {})}
    return json.dumps(data).encode()


def hand_in_zoo(course: CourseDir, learners) -> None:
    base = zoo.released(course)
    for learner in learners:
        make, plan, _score, _reasons = ZOO[learner]
        answer = plan if isinstance(plan, bytes) else tampered() if plan == "tampered" else zoo.answers(plan)
        notebook = make if isinstance(make, bytes) or make is None else make(base)
        zoo.hand_in(course, learner, notebook, answer)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = zoo.new_course(tmp_path_factory.mktemp("zoo") / "course")
    hand_in_zoo(course, ZOO)
    source = course.source / "vneid" / "vneid.ipynb"
    before = digest(source)
    run = grade_assignment(course, "vneid", jobs=2, submission_timeout=90, cell_timeout=5)
    write_summary(course, run)
    return course, run, before


def test_every_submission_is_graded_and_scored(graded):
    course, run, _ = graded
    assert sorted(r.learner for r in run.results) == sorted(ZOO)
    with course.gradebook() as gradebook:
        for learner, (_make, _plan, score, _reasons) in ZOO.items():
            submission = gradebook.find_submission("vneid", learner)
            assert (learner, submission.score, submission.max_score) == (learner, score, 14.0)
            for notebook in submission.notebooks:
                assert all(grade.score is not None for grade in notebook.grades), learner


@pytest.mark.parametrize("learner", sorted(ZOO))
def test_problem_submissions_are_listed_with_their_reason(graded, learner):
    _course, run, _ = graded
    result = next(r for r in run.results if r.learner == learner)
    keys = {reason.key for reason in result.reasons}
    assert ZOO[learner][3] <= keys, keys
    if not ZOO[learner][3]:
        assert keys <= {"reason_no_answers"}, keys


def test_summary_is_in_the_trainers_language_and_names_every_problem(graded):
    _course, run, _ = graded
    vi, en = "\n".join(summary_lines(run, "vi")), "\n".join(summary_lines(run, "en"))
    for learner, (_m, _p, _s, reasons) in ZOO.items():
        if reasons:
            assert learner in vi and learner in en
    assert "thiếu tệp bài làm" in vi and "notebook missing" in en
    assert "Landlock" in en


def test_added_code_never_ran(graded):
    course, _run, _ = graded
    for learner in ("added_loop", "added_flood", "added_raise", "added_cheat"):
        notebook = json.loads((course.autograded / learner / "vneid" / "vneid.ipynb").read_text("utf-8"))
        raw = [c for c in notebook["cells"] if c["cell_type"] == "raw"]
        assert len(raw) == 1 and "added by the learner" not in raw[0]["source"]  # note in Vietnamese
        assert all("outputs" not in c or "spam" not in json.dumps(c["outputs"]) for c in notebook["cells"])
    # the cheat's answers file was not rewritten either
    assert (course.autograded / "added_cheat" / "vneid" / zoo.ANSWERS).read_bytes() == zoo.answers("weak")


def test_gradebook_whole_and_sources_untouched(graded):
    course, _run, before = graded
    assert digest(course.source / "vneid" / "vneid.ipynb") == before
    with sqlite3.connect(course.gradebook_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_rerun_skips_everything_and_changes_nothing(graded):
    course, _run, _ = graded
    with course.gradebook() as gradebook:
        scores = {s.student.id: s.score for s in gradebook.assignment_submissions("vneid")}
    again = grade_assignment(course, "vneid", jobs=2)
    assert all(r.skipped for r in again.results) and again.graded == []
    assert again.scores == scores


def test_same_grades_as_plain_nbgrader_autograde(graded, tmp_path):
    """The reference: nbgrader's own CLI, serially, on a copy of the handed-in work."""
    course, _run, _ = graded
    plain = zoo.new_course(tmp_path / "plain")
    for learner in COMPARED:
        shutil.copytree(course.submitted / learner, plain.submitted / learner)
    nbgrader(plain.root, "autograde", "vneid")
    with course.gradebook() as ours, plain.gradebook() as theirs:
        for learner in COMPARED:
            mine = {g.name: g.score for g in ours.find_submission_notebook("vneid", "vneid", learner).grades}
            reference = {g.name: g.score for g in theirs.find_submission_notebook("vneid", "vneid", learner).grades}
            assert mine == reference, learner
