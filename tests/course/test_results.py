"""Results read from the real gradebook of the session's graded course, joined with the roster."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from literacy_kit.course import CourseDir, CourseError, CourseSettings
from literacy_kit.course.results import CourseResults, is_completed, read_results
from literacy_kit.course.roster import import_roster

from course_support import read_scores

from . import EXPECTED, MAX, PASSED, ROSTER, copy_course, roster_csv

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    course = CourseDir(copy_course(tmp_path_factory, "results"))
    csv_path = course.root / "learners.csv"
    csv_path.write_text(roster_csv(), encoding="utf-8")
    import_roster(course, csv_path)
    return course


@pytest.fixture(scope="module")
def results(course) -> CourseResults:
    return read_results(course)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_learner_and_assignment_matches_the_gradebook(course, results):
    assert results.assignments == ["ai", "vneid"]
    assert results.max_scores == MAX
    assert results.learner_ids == sorted(ROSTER)
    for assignment, scores in EXPECTED.items():
        for learner in ROSTER:
            result = results.result(learner, assignment)
            if learner not in scores:
                assert not result.submitted and result.score is None and not result.completed
                continue
            max_score, score, _, manual = read_scores(course.root, assignment, learner, [])
            assert (result.score, result.max_score) == (score, max_score) == (scores[learner],
                                                                               MAX[assignment])
            assert result.submitted and result.needs_manual_grade is manual is False
            assert result.completed is (score >= 0.5 * max_score)


def test_passed_means_every_required_assignment_completed(results):
    assert set(results.passes()) == PASSED
    assert results.total("hv02") == (16.0, 25.0)
    assert results.total("hv06") == (0.0, 25.0)
    assert results.submitted_any("hv05") and not results.submitted_any("hv06")


def test_questions_average_the_grade_cells_of_every_submission(course, results):
    cells = {q.cell: q for q in results.questions if q.assignment == "ai"}
    assert set(cells) == {"q1_better_prompt", "q2_why_better", "q3_class_notice",
                          "q4_install_answer"}
    for cell, stat in cells.items():
        fractions = [read_scores(course.root, "ai", learner, [cell])[2][cell] / stat.max_score
                     for learner in EXPECTED["ai"]]
        assert stat.submissions == 5
        assert stat.average_fraction == pytest.approx(sum(fractions) / len(fractions))
    hardest = results.hardest_questions(3)
    assert len(hardest) == 3
    assert [q.average_fraction for q in hardest] == sorted(q.average_fraction for q in hardest)
    assert hardest[0].average_fraction == min(q.average_fraction for q in results.questions)
    assert len(results.hardest_questions()) == 8    # 4 + 4 graded cells in the course


def test_progress_by_village_and_role(results):
    villages = {g.key: g for g in results.by_village()}
    assert list(villages) == ["Đồng Bụt", "Khuôn Thần", "Phú Hưng"]   # Vietnamese order: D-stroke after D
    assert (villages["Phú Hưng"].learners, villages["Phú Hưng"].passed) == (2, 2)
    assert villages["Khuôn Thần"].completed == {"ai": 1, "vneid": 1}
    assert villages["Đồng Bụt"].share_passed == 0.0
    roles = {g.key: g for g in results.by_role()}
    assert list(roles) == ["official", "household", "business", "youth", "other"]
    assert roles["household"].learners == 2 and roles["household"].passed == 1


def test_reading_never_writes_the_gradebook(course):
    before = digest(course.gradebook_path)
    read_results(course)
    assert digest(course.gradebook_path) == before


def test_pass_mark_and_required_assignments_come_from_the_course_config(course, tmp_path):
    copy = CourseDir(shutil.copytree(course.root, tmp_path / "course"))
    config = copy.root / "nbgrader_config.py"
    base = config.read_text(encoding="utf-8")
    config.write_text(base + "\nc.CourseSettings.pass_fraction = 0.9\n", encoding="utf-8")
    assert set(read_results(CourseDir(copy.root)).passes()) == {"hv01"}
    config.write_text(base + "\nc.CourseSettings.required_assignments = ['ai']\n", encoding="utf-8")
    strict = read_results(CourseDir(copy.root))
    assert strict.required == ["ai"] and set(strict.passes()) == {"hv01", "hv02", "hv03"}
    config.write_text(base + "\nc.CourseSettings.pass_fraction = 7\n", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        CourseSettings.from_course(CourseDir(copy.root))
    assert caught.value.key == "course.records_bad_setting"


def test_learners_graded_but_not_on_the_roster_still_count(course, tmp_path):
    copy = CourseDir(shutil.copytree(course.root, tmp_path / "course"))
    copy.roster_path.unlink()
    results = read_results(copy)
    assert results.learner_ids == sorted(ROSTER)   # the import put every id in the gradebook
    assert results.learners["hv01"].name == "" and results.passed("hv01")
    assert [g.key for g in results.by_village()] == [""]


def test_a_course_without_a_gradebook_is_empty_and_stays_without_one(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    for assignment in MAX:
        shutil.copytree(course_source() / assignment, tmp_path / "source" / assignment)
    course = CourseDir(tmp_path)
    results = read_results(course)
    assert results.assignments == ["ai", "vneid"] and not results.has_submissions
    assert results.passes() == [] and results.hardest_questions() == []
    assert not course.gradebook_path.exists()


def test_completion_rule_handles_half_points():
    assert is_completed(5.5, 11, 0.5) and not is_completed(5.49, 11, 0.5)
    assert not is_completed(None, 11, 0.5) and not is_completed(0, 0, 0.0)


def course_source():
    from course_support import COURSE

    return COURSE / "source"


def test_a_damaged_gradebook_is_a_course_error(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    (tmp_path / "gradebook.db").write_bytes(b"not a database")
    with pytest.raises(CourseError) as caught:
        read_results(CourseDir(tmp_path))
    assert caught.value.key == "course.records_gradebook_error"
    assert "gradebook.db" in caught.value.message("vi")
