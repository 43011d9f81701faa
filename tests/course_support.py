"""A real nbgrader course in a temporary folder, for the exercise round-trip tests.

``graded_course`` copies ``exercises/`` (config and one assignment), runs the real
nbgrader CLI to generate and release it, hands in one submission per learner (what
``fetch_assignment`` would give them, plus the answers a callback taps in), autogrades
and generates feedback. Every nbgrader call costs seconds of start-up, so a test module
builds one course and shares it.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from literacy_kit.grading import answers_filename

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "exercises"
BIN = Path(sys.executable).parent


def nbgrader(course: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run the real nbgrader CLI in ``course``; fail the test on a non-zero exit."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic by name
    env.pop("LK_GRADING_LANG", None)                            # feedback in Vietnamese
    executable = BIN / "nbgrader"
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "nbgrader"]
    start = time.perf_counter()
    result = subprocess.run(command + list(args), cwd=course, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result, time.perf_counter() - start


def graded_course(root: Path, assignment: str, learners: dict[str, dict],
                  answer: Callable[[Path, dict], None], source: Path | None = None,
                  exchange: bool = True, feedback: bool = True) -> Path:
    """Build, release, hand in, autograde and give feedback; return the course folder.

    ``learners`` maps a learner id to a plan: a plan with ``"garbage"`` bytes gets them as
    its answer file, any other plan is passed to ``answer(folder, plan)``. ``source`` is
    the folder that holds ``<assignment>/`` (default: the course's ``exercises/source``).
    Without ``exchange`` learners get the generated ``release/`` copy (the same notebook,
    one nbgrader call less); without ``feedback`` no feedback pages are made.
    """
    notebook, answers = f"{assignment}.ipynb", answers_filename(assignment)
    root.mkdir()
    shutil.copy(COURSE / "nbgrader_config.py", root)
    shutil.copytree((source or COURSE / "source") / assignment, root / "source" / assignment,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", answers))
    timings = {}
    _, timings["generate_assignment"] = nbgrader(root, "generate_assignment", assignment)
    outbound = root / "release" / assignment
    if exchange:
        _, timings["release_assignment"] = nbgrader(root, "release_assignment", assignment)
        outbound = root / "exchange" / "literacy_kit" / "outbound" / assignment
    for learner, plan in learners.items():
        folder = root / "submitted" / learner / assignment
        folder.mkdir(parents=True)
        shutil.copy(outbound / notebook, folder / notebook)  # what fetch_assignment hands out
        (folder / "timestamp.txt").write_text("2025-09-01 19:30:00.000000 UTC")
        if "garbage" in plan:
            (folder / answers).write_bytes(plan["garbage"])
        else:
            answer(folder, plan)
    _, timings["autograde"] = nbgrader(root, "autograde", assignment)
    if feedback:
        _, timings["generate_feedback"] = nbgrader(root, "generate_feedback", assignment)
    print("nbgrader timings (s):", {k: round(v, 1) for k, v in timings.items()})
    return root


def handed_out(course: Path) -> list[Path]:
    """Every file in the release folder and the exchange: what learners can read."""
    shipped = sorted((course / "release").rglob("*")) + sorted((course / "exchange").rglob("*"))
    return [path for path in shipped if path.is_file()]


def leaks(text: str, giveaways: list[re.Pattern]) -> list[str]:
    """The giveaways found in ``text``, read raw and as HTML without its tags and entities."""
    readable = html.unescape(re.sub(r"<[^>]+>", "", text))
    return [p.pattern for p in giveaways if p.search(text) or p.search(readable)]


def read_scores(course: Path, assignment: str, learner: str, cells) -> tuple:
    """``(max_score, score, {cell: score}, needs_manual_grade)`` of one submission, read
    back through nbgrader's own Gradebook API (what the formgrader shows)."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="literacy_kit") as gradebook:
        submission = gradebook.find_submission(assignment, learner)
        scores = {cell: gradebook.find_grade(cell, assignment, assignment, learner).score
                  for cell in cells}
        return submission.max_score, submission.score, scores, submission.needs_manual_grade


def check_partial_credit(course: Path, assignment: str, learner: str, points: dict,
                         expected: dict) -> None:
    """Assert the gradebook holds ``expected`` points per cell, their sum, and no manual flag."""
    import pytest

    max_score, total, scores, needs_manual = read_scores(course, assignment, learner, points)
    assert max_score == sum(points.values())
    assert scores == pytest.approx(expected)
    assert total == pytest.approx(sum(expected.values()))
    assert needs_manual is False


def bad_outputs(course: Path, assignment: str, learner: str) -> list:
    """Error and stderr outputs of a learner's autograded notebook (there should be none)."""
    import nbformat

    nb = nbformat.read(course / "autograded" / learner / assignment / f"{assignment}.ipynb",
                       as_version=4)
    return [out for cell in nb.cells if cell.cell_type == "code"
            for out in cell.outputs if out.output_type == "error" or out.get("name") == "stderr"]
