"""Course-operations tests (roster, results, report, certificates, dashboard, CLI).

Every module needs the same thing: a real nbgrader course with two assignments and real
autograded learners. Building one costs ~40 s of nbgrader start-ups, so it is built once
per test session (``graded_two_assignment_course``) and each module works on its own
copy (``copy_course``): roster imports write to the gradebook. While iterating,
``LK_TEST_RECORDS_COURSE=<folder of a course built earlier>`` skips the build.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from course_support import nbgrader

AI_KEYS = ("better_prompt", "why_better", "class_notice", "install_answer")
VNEID_KEYS = ("order", "truth", "picks", "simulator")


def plans() -> dict[str, dict[str, dict]]:
    """What each learner taps in each assignment (no plan: no submission), reusing the
    answer plans of the exercise round-trip tests. Imported here, not at package import,
    so that the other modules of this package do not load those test modules."""
    import ai.test_exercise_nbgrader as ai_exercise
    import vneid.test_exercise_nbgrader as vneid_exercise

    ai_full = {key: ai_exercise.LEARNERS["hv01"][key] for key in AI_KEYS}          # 11/11
    ai_half = {key: ai_exercise.LEARNERS["hv02"][key] for key in AI_KEYS}          # 6/11
    vneid_full = {key: vneid_exercise.LEARNERS["hv01"][key] for key in VNEID_KEYS}  # 14/14
    vneid_good = dict(vneid_full, picks=["n2", "n4", "n6", "n1"], simulator="pending")  # 10/14
    vneid_weak = {key: vneid_exercise.LEARNERS["hv02"][key] for key in VNEID_KEYS}  # 6.5/14
    nothing = {"tapped": "nothing"}     # opened the notebook, tapped nothing: 0 points
    return {
        "ai": {"hv01": ai_full, "hv02": ai_half, "hv03": ai_full, "hv04": nothing,
               "hv05": {"garbage": b"{\"answers\": "}},
        "vneid": {"hv01": vneid_full, "hv02": vneid_good, "hv03": vneid_good,
                  "hv04": vneid_weak},
    }


EXPECTED = {  # the score of each learner and assignment, as nbgrader must grade them
    "ai": {"hv01": 11, "hv02": 6, "hv03": 11, "hv04": 0, "hv05": 0},
    "vneid": {"hv01": 14, "hv02": 10, "hv03": 10, "hv04": 6.5},
}
MAX = {"ai": 11, "vneid": 14}
PASSED = {"hv01", "hv02", "hv03"}

# The trainer's roster (hv06 never handed anything in). Names and villages in NFC here;
# the CSV fixtures feed some of them decomposed.
ROSTER = {
    "hv01": ("Nguyễn Thị Thủy", "Phú Hưng", "official"),
    "hv02": ("Đặng Văn Hưởng", "Phú Hưng", "household"),
    "hv03": ("Lò Thị Ngọc", "Khuôn Thần", "business"),
    "hv04": ("Hoàng Văn Sơn", "Khuôn Thần", "youth"),
    "hv05": ("Triệu Thị Mai", "Đồng Bụt", "household"),
    "hv06": ("Lục Văn Khải", "Đồng Bụt", "other"),
}

_built: dict[str, Path] = {}


def _answer(folder: Path, plan: dict) -> None:
    import ai.test_exercise_nbgrader as ai_exercise
    import vneid.test_exercise_nbgrader as vneid_exercise

    if "better_prompt" in plan:
        ai_exercise.tap_answers(folder, plan)
    elif "order" in plan:
        vneid_exercise.tap_answers(folder, plan)


def graded_two_assignment_course(tmp_path_factory) -> Path:
    """The session's graded course (built on first use): ai and vneid, learners hv01-hv05.

    The same steps as ``course_support.graded_course``, for two assignments at once
    (nbgrader globs the assignment id), without release and feedback, which the records
    do not read: two nbgrader calls instead of eight.
    """
    prebuilt = os.environ.get("LK_TEST_RECORDS_COURSE")
    if prebuilt and "course" not in _built:
        # Developer shortcut while iterating on one module: a course this function built
        # earlier (python -c "...graded_two_assignment_course..."); CI never sets it.
        _built["course"] = Path(prebuilt)
    if "course" not in _built:
        from course_support import COURSE

        from literacy_kit.grading import answers_filename

        root = tmp_path_factory.mktemp("records-course") / "course"
        root.mkdir()
        shutil.copy(COURSE / "nbgrader_config.py", root)
        every_plan = plans()
        for assignment in every_plan:
            shutil.copytree(COURSE / "source" / assignment, root / "source" / assignment,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*_answers.json"))
        nbgrader(root, "generate_assignment", "*")
        for assignment, learners in every_plan.items():
            notebook = root / "release" / assignment / f"{assignment}.ipynb"
            for learner, plan in learners.items():
                folder = root / "submitted" / learner / assignment
                folder.mkdir(parents=True)
                shutil.copy(notebook, folder / notebook.name)  # what fetch_assignment hands out
                (folder / "timestamp.txt").write_text("2025-09-02 19:30:00.000000 UTC")
                if "garbage" in plan:
                    (folder / answers_filename(assignment)).write_bytes(plan["garbage"])
                else:
                    _answer(folder, plan)
        nbgrader(root, "autograde", "*")
        _built["course"] = root
    return _built["course"]


def copy_course(tmp_path_factory, name: str) -> Path:
    """A private copy of the session's graded course for one test module."""
    target = tmp_path_factory.mktemp(name) / "course"
    shutil.copytree(graded_two_assignment_course(tmp_path_factory), target)
    return target


def roster_csv(rows=None, delimiter: str = ",", header=("id", "name", "village", "role")) -> str:
    """CSV text of the roster (or of ``rows``), header first."""
    rows = rows if rows is not None else [(lid, *fields) for lid, fields in ROSTER.items()]
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return "\n".join(lines) + "\n"
