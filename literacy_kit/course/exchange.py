"""Release an assignment and collect it, through nbgrader's own API (no new formats).

``release`` is ``nbgrader generate_assignment`` then ``nbgrader release_assignment``:
the learner's copy (no hidden tests, no answers) goes to ``release/<assignment>/`` (what a
trainer copies onto a USB stick) and into the exchange (what JupyterLab's "Assignments"
panel fetches). ``collect_exchange`` is ``nbgrader collect --update``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .course_dir import CourseDir
from .errors import CourseError
from .grade_lock import grading_lock


@dataclass
class Step:
    ok: bool
    log: str


def _api(course: CourseDir):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    from .tools_path import ensure_tools_on_path

    ensure_tools_on_path()
    config = course.config.copy()
    config.CourseDirectory.root = str(course.root)
    # releasing again (a corrected exercise) replaces the learners' copy in the exchange
    config.ExchangeReleaseAssignment.force = True
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _step(result: dict) -> Step:
    log = "\n".join(str(result.get(key) or "") for key in ("log", "error")).strip()
    return Step(bool(result.get("success")), log)


def known_assignment(course: CourseDir, assignment: str) -> None:
    """Refuse (:class:`CourseError`) an assignment with no source folder."""
    if assignment not in course.assignments():
        raise CourseError("course.unknown_assignment", assignment=assignment,
                          known=", ".join(course.assignments()) or "-")


def release(course: CourseDir, assignment: str) -> list[Step]:
    """Generate the learner version and put it in the exchange; stops at a failed step.

    Holds the assignment's grading lock: generating rewrites the assignment's notebooks and
    cells in the gradebook, which a grader running at the same moment reads and writes."""
    known_assignment(course, assignment)
    with grading_lock(course.root, assignment):
        api = _api(course)
        steps = [_step(api.generate_assignment(assignment, force=True, create=True))]
        if steps[0].ok:
            steps.append(_step(api.release_assignment(assignment)))
        return steps


def collect_exchange(course: CourseDir, assignment: str) -> Step:
    """Copy what learners submitted through the exchange into ``submitted/`` (under the
    grading lock: a submission is never replaced while it is being graded)."""
    known_assignment(course, assignment)
    with grading_lock(course.root, assignment):
        return _step(_api(course).collect(assignment, update=True))
