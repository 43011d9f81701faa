"""The nbgrader round trip every graded exercise goes through, set up and checked once.

Each domain's round-trip test module (tests/<domain>/test_*exercise*.py) describes its
exercise as a :class:`RoundTrip`: the assignment, the points per graded cell, the
learners (what each taps and the points that must come out; a plan with ``"garbage"``
bytes hands in a damaged answer file, a plan with nothing but ``"expected"`` opened the
exercise and tapped nothing), the strings that would give answers away, and how to tap.
The module keeps its own checks of what its widgets saved and what its feedback says, and
calls these for the rest:

* :meth:`RoundTrip.course_fixture`: one graded course for the module (generate, release,
  hand in, autograde, feedback: ``course_support.graded_course``);
* :meth:`~RoundTrip.check_source`: every cell locked, the graded cells worth the points,
  every giveaway present in the trainer's source (so the leak checks can fail);
* :meth:`~RoundTrip.check_release`: learners get the notebook only, with no giveaway;
* :meth:`~RoundTrip.check_graded`: the gradebook holds the expected points per cell, and
  the autograded notebook no traceback and no stderr;
* :meth:`~RoundTrip.check_leak_check`: the giveaways are found where the answers are (the
  autograded notebook, raw and as HTML);
* :meth:`~RoundTrip.feedback`: the learner's feedback page, checked for giveaways, points
  and the damaged-file message, returned as readable text for the module's own checks.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import course_support
from literacy_kit.grading import answers_filename

SEP = r"(?:\W|\\n)+"   # punctuation, spaces, or the "\n" escapes inside an .ipynb file


@dataclass
class RoundTrip:
    assignment: str
    points: dict[str, float]
    learners: dict[str, dict]
    giveaways: list[re.Pattern]
    tap: Callable[[Path, dict], None]

    @property
    def notebook(self) -> str:
        return f"{self.assignment}.ipynb"

    @property
    def answers(self) -> str:
        return answers_filename(self.assignment)

    @property
    def source(self) -> Path:
        return course_support.COURSE / "source" / self.assignment / self.notebook

    def leaks(self, text: str) -> list[str]:
        return course_support.leaks(text, self.giveaways)

    def course_fixture(self):
        """A module-scoped ``course`` fixture: the graded course folder."""
        def answer(folder: Path, plan: dict) -> None:
            if set(plan) - {"expected"}:
                self.tap(folder, plan)

        @pytest.fixture(scope="module")
        def course(tmp_path_factory):
            root = tmp_path_factory.mktemp(self.assignment) / "course"
            return course_support.graded_course(root, self.assignment, self.learners, answer)

        return course

    def check_source(self) -> nbformat.NotebookNode:
        text = self.source.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=4)
        graded = {cell.metadata.nbgrader["grade_id"]: cell.metadata.nbgrader["points"]
                  for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade")}
        assert graded == {"setup": 0, **self.points}   # set-up: a 0-point completeness check
        assert all(cell.metadata.nbgrader["locked"] for cell in nb.cells)
        assert len(self.leaks(text)) == len(self.giveaways)
        return nb

    def check_release(self, course: Path) -> None:
        files = course_support.handed_out(course)
        assert {path.name for path in files} == {self.notebook}, "nothing but the notebook is handed out"
        for path in files:
            assert self.leaks(path.read_text(encoding="utf-8")) == [], path

    def check_graded(self, course: Path, learner: str) -> None:
        course_support.check_partial_credit(course, self.assignment, learner, self.points,
                                            self.learners[learner]["expected"])
        assert course_support.bad_outputs(course, self.assignment, learner) == [], \
            "learners must never see a traceback, whatever their answer file holds"

    def check_leak_check(self, course: Path) -> None:
        """Without this, a leak check that never matches would pass every test."""
        from nbconvert import HTMLExporter

        first = next(iter(self.learners))
        autograded = course / "autograded" / first / self.assignment / self.notebook
        assert len(self.leaks(autograded.read_text(encoding="utf-8"))) == len(self.giveaways)
        page, _ = HTMLExporter().from_filename(str(autograded))
        assert len(self.leaks(page)) == len(self.giveaways)

    def feedback(self, course: Path, learner: str) -> str:
        page = (course / "feedback" / learner / self.assignment / f"{self.assignment}.html").read_text("utf-8")
        readable = html.unescape(re.sub(r"<[^>]+>", "", page))
        assert self.leaks(page) == []
        assert "Điểm:" in readable
        if "garbage" in self.learners[learner]:
            assert "Không đọc được" in readable
        return readable
