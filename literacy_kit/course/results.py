"""Results of a course as plain data: nbgrader's gradebook joined with the trainer's roster.

:func:`read_results` opens the gradebook, reads it and closes it; it never writes (a course
with no ``gradebook.db`` yet is read as empty, without creating one). Everything else here
is pure computation on the dataclasses, so reports, charts and the dashboard share it.

>>> results = CourseResults(assignments=["a"], max_scores={"a": 10.0}, required=["a"])
>>> results.add(AssignmentResult("a", "hv01", True, 6.0, 10.0, completed=True))
>>> results.passed("hv01"), results.passed("hv02")
(True, False)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .course_dir import CourseDir
from .roster import DEFAULT_ROLE, ROLES, Learner, fold_key, load_roster
from .settings import CourseSettings

EPSILON = 1e-9   # scores are floats (half points): 5.5 >= 0.5 * 11 must hold


def is_completed(score: float | None, max_score: float, pass_fraction: float) -> bool:
    """An assignment counts as completed at ``score >= pass_fraction * max_score``."""
    return score is not None and max_score > 0 and score + EPSILON >= pass_fraction * max_score


@dataclass(frozen=True)
class AssignmentResult:
    """One learner's result in one assignment (``submitted`` False: nothing handed in)."""

    assignment: str
    learner_id: str
    submitted: bool
    score: float | None
    max_score: float
    completed: bool = False
    needs_manual_grade: bool = False

    @property
    def fraction(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return self.score / self.max_score


@dataclass(frozen=True)
class QuestionStat:
    """One graded cell across every submission of its assignment."""

    assignment: str
    notebook: str
    cell: str
    max_score: float
    submissions: int
    average_fraction: float | None     # None: nobody handed the assignment in

    @property
    def label(self) -> str:
        return f"{self.assignment} / {self.cell}"


@dataclass(frozen=True)
class GroupProgress:
    """Completion in one village or role: learners, completions per assignment, passes."""

    key: str
    learners: int
    completed: dict[str, int]
    passed: int

    @property
    def share_passed(self) -> float:
        return self.passed / self.learners if self.learners else 0.0

    def share_completed(self, assignment: str) -> float:
        return self.completed.get(assignment, 0) / self.learners if self.learners else 0.0


@dataclass
class CourseResults:
    """Every learner x assignment of a course, with the questions' statistics."""

    assignments: list[str] = field(default_factory=list)
    max_scores: dict[str, float] = field(default_factory=dict)
    required: list[str] = field(default_factory=list)
    pass_fraction: float = 0.5
    learners: dict[str, Learner] = field(default_factory=dict)
    on_roster: set[str] = field(default_factory=set)
    results: dict[tuple[str, str], AssignmentResult] = field(default_factory=dict)
    questions: list[QuestionStat] = field(default_factory=list)

    def add(self, result: AssignmentResult) -> None:
        self.results[(result.learner_id, result.assignment)] = result
        if result.learner_id not in self.learners:
            self.learners[result.learner_id] = Learner(result.learner_id, "", "", DEFAULT_ROLE)

    # -- one learner -----------------------------------------------------------------------
    def result(self, learner_id: str, assignment: str) -> AssignmentResult:
        found = self.results.get((learner_id, assignment))
        if found is None:
            return AssignmentResult(assignment, learner_id, False, None,
                                    self.max_scores.get(assignment, 0.0))
        return found

    def passed(self, learner_id: str) -> bool:
        """Completed every required assignment (a course with none required: nobody)."""
        return bool(self.required) and all(
            self.result(learner_id, assignment).completed for assignment in self.required)

    def total(self, learner_id: str) -> tuple[float, float]:
        """(sum of scores, sum of maxima) over every assignment of the course."""
        score = sum(self.result(learner_id, a).score or 0.0 for a in self.assignments)
        return score, sum(self.max_scores.get(a, 0.0) for a in self.assignments)

    def total_percent(self, learner_id: str) -> float:
        score, maximum = self.total(learner_id)
        return 100.0 * score / maximum if maximum else 0.0

    def submitted_any(self, learner_id: str) -> bool:
        return any(self.result(learner_id, a).submitted for a in self.assignments)

    # -- the whole course --------------------------------------------------------------------
    @property
    def learner_ids(self) -> list[str]:
        return sorted(self.learners)

    @property
    def has_submissions(self) -> bool:
        return any(result.submitted for result in self.results.values())

    def submissions(self, assignment: str) -> int:
        return sum(1 for lid in self.learners if self.result(lid, assignment).submitted)

    def completions(self, assignment: str) -> int:
        return sum(1 for lid in self.learners if self.result(lid, assignment).completed)

    def passes(self) -> list[str]:
        return [lid for lid in self.learner_ids if self.passed(lid)]

    def hardest_questions(self, count: int = 10) -> list[QuestionStat]:
        """The questions with the lowest average share of points (answered ones only)."""
        answered = [q for q in self.questions if q.average_fraction is not None]
        return sorted(answered, key=lambda q: (q.average_fraction, q.label))[:count]

    def _groups(self, key_of) -> list[GroupProgress]:
        members = defaultdict(list)
        for learner_id, learner in self.learners.items():
            members[key_of(learner)].append(learner_id)
        return [GroupProgress(key, len(ids), {a: sum(self.result(i, a).completed for i in ids)
                                              for a in self.assignments},
                              sum(self.passed(i) for i in ids))
                for key, ids in members.items()]

    def by_village(self) -> list[GroupProgress]:
        """Per village, sorted by name ("" = learners not on the roster, last)."""
        return sorted(self._groups(lambda learner: learner.village),
                      key=lambda g: (g.key == "", fold_key(g.key), g.key))

    def by_role(self) -> list[GroupProgress]:
        """Per role, in the order of :data:`~literacy_kit.course.roster.ROLES`."""
        order = {role: index for index, role in enumerate(ROLES)}
        return sorted(self._groups(lambda learner: learner.role),
                      key=lambda g: order.get(g.key, len(order)))


def _read_gradebook(course: CourseDir, results: CourseResults) -> None:
    """Fill ``results`` from the gradebook: read only, closed afterwards."""
    with course.gradebook() as gradebook:
        for student in gradebook.students:
            results.learners.setdefault(student.id, Learner(student.id, "", "", DEFAULT_ROLE))
        for assignment in gradebook.assignments:
            name = assignment.name
            if name not in results.assignments:
                results.assignments.append(name)
            results.max_scores[name] = float(assignment.max_score or 0.0)
            cells = {}
            for notebook in assignment.notebooks:
                for cell in notebook.grade_cells:
                    if cell.max_score:   # 0-point cells (a set-up check) are no question
                        cells[(notebook.name, cell.name)] = [float(cell.max_score), []]
            for submission in assignment.submissions:
                score, maximum = float(submission.score or 0.0), float(submission.max_score or 0.0)
                results.add(AssignmentResult(
                    name, submission.student.id, True, score, maximum,
                    completed=is_completed(score, maximum, results.pass_fraction),
                    needs_manual_grade=bool(submission.needs_manual_grade)))
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        entry = cells.get((notebook.name, grade.name))
                        if entry is not None:
                            entry[1].append(float(grade.score or 0.0) / entry[0])
            for (notebook_name, cell_name), (maximum, fractions) in sorted(cells.items()):
                average = sum(fractions) / len(fractions) if fractions else None
                results.questions.append(QuestionStat(name, notebook_name, cell_name, maximum,
                                                      len(fractions), average))


def read_results(course: CourseDir, settings: CourseSettings | None = None) -> CourseResults:
    """The results of ``course``: roster learners plus anyone in the gradebook."""
    settings = settings or CourseSettings.from_course(course)
    roster = load_roster(course)
    results = CourseResults(assignments=list(course.assignments()),
                            pass_fraction=settings.pass_fraction,
                            learners=dict(roster), on_roster=set(roster))
    for assignment in results.assignments:
        results.max_scores.setdefault(assignment, 0.0)
    if course.gradebook_path.is_file():
        _read_gradebook(course, results)
    results.assignments.sort()
    results.required = settings.required(results.assignments)
    return results
