"""The nbgrader course in exercises/ works with the real nbgrader CLI and gradebook.

Each test copies the course folder into a temporary directory, so the repository's
gradebook is never touched, and builds a tiny assignment in memory.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.notebook

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "exercises"
BIN = Path(sys.executable).parent
ASSIGNMENT = "ps_smoke"

SOLUTION = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION"
TEST = "assert double(2) == 4\nassert double(-3) == -6"


def _cell(source: str, grade_id: str, *, solution: bool, points: int | None = None):
    meta = {"grade": points is not None, "solution": solution, "locked": not solution,
            "grade_id": grade_id, "schema_version": 3}
    if points is not None:
        meta["points"] = points
    return nbformat.v4.new_code_cell(source, metadata={"nbgrader": meta})


def build_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [_cell(SOLUTION, "answer", solution=True),
                _cell(TEST, "test_double", solution=False, points=1)]
    return nb


def nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    # nbgrader runs alembic as a program when it creates the gradebook.
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    executable = BIN / "nbgrader"
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "nbgrader"]
    result = subprocess.run(command + list(args), cwd=course, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def course(tmp_path: Path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(COURSE, target, ignore=shutil.ignore_patterns(
        "gradebook.db", "release", "submitted", "autograded", "feedback", "exchange",
        ".ipynb_checkpoints", "__pycache__"))
    return target


def test_config_paths_follow_the_copy(course: Path):
    listing = nbgrader(course, "db", "assignment", "list")
    assert "0 assignments" in listing.stdout + listing.stderr
    assert (course / "gradebook.db").is_file()
    assert not (COURSE / "exchange").exists()


def test_generate_and_autograde_one_submission(course: Path):
    source = course / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    nbformat.write(build_notebook(), source / f"{ASSIGNMENT}.ipynb")

    nbgrader(course, "generate_assignment", ASSIGNMENT)
    released = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    stub = released.cells[0].source
    assert "return 2 * x" not in stub
    assert "raise NotImplementedError()" in stub
    assert stub.isascii() is False, "the code stub should be the Vietnamese one"

    submitted = course / "submitted" / "learner1" / ASSIGNMENT
    submitted.mkdir(parents=True)
    released.cells[0].source = "def double(x):\n    return x + x"
    nbformat.write(released, submitted / f"{ASSIGNMENT}.ipynb")

    nbgrader(course, "autograde", ASSIGNMENT, "--student", "learner1")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="literacy_kit") as gradebook:
        submission = gradebook.find_submission(ASSIGNMENT, "learner1")
        assert submission.max_score == 1
        assert submission.score == 1
