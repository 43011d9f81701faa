"""Submissions for grading tests and the class benchmark: good ones and a zoo of bad ones.

Answers are made once by tapping the real widgets (``tap_answers`` of the exercise
round-trip tests) and their files copied to every learner with the same plan. Bad
submissions are the released notebook with cells added, deleted or edited, or with
damaged or missing files, as a learner (or a curious one) could hand them in.
"""
from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path

import vneid.test_exercise_nbgrader as vneid_exercise
from course_support import COURSE

from literacy_kit.course import CourseDir
from literacy_kit.course.exchange import release
from literacy_kit.grading import answers_filename

ASSIGNMENT = "vneid"
ANSWERS = answers_filename(ASSIGNMENT)
STAMP = "2026-11-20 19:30:00.000000 UTC"

FULL = {key: vneid_exercise.LEARNERS["hv01"][key] for key in ("order", "truth", "picks", "simulator")}
WEAK = {key: vneid_exercise.LEARNERS["hv02"][key] for key in ("order", "truth", "picks", "simulator")}
POINTS = {"full": 14.0, "weak": 6.5, "none": 0.0}

# Code a learner might type into a new cell.
LOOP = "while True:\n    pass"
FLOOD = "while True:\n    print('spam ' * 40)"
RAISE = "raise RuntimeError('boom')"
# Make every hidden check return full points, then write a perfect answers file.
CHEAT = """import literacy_kit.grading.grader as g
g.Grader._grade = lambda self, points, *args: float(points)
open('vneid_answers.json', 'w').write('{}')"""
SIGINT_IMMUNE = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
KILL_KERNEL = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
# Try to reach what grading must protect; print one verdict per target.
ATTACK = """import os
verdicts = {}
def attempt(name, action):
    try:
        action()
        verdicts[name] = 'allowed'
    except Exception as exc:
        verdicts[name] = type(exc).__name__
root = os.path.abspath(os.path.join('..', '..', '..'))
attempt('read_source', lambda: open(os.path.join(root, 'source', 'vneid', 'vneid.ipynb')).read())
attempt('write_gradebook', lambda: open(os.path.join(root, 'gradebook.db'), 'r+b').write(b'x'))
attempt('read_gradebook', lambda: open(os.path.join(root, 'gradebook.db'), 'rb').read(16))
attempt('write_other', lambda: open(os.path.join(root, 'submitted', 'ok_full', 'vneid', 'vneid.ipynb'), 'a').write('x'))
attempt('write_own_answers', lambda: open('vneid_answers.json', 'w').write('{}'))
attempt('read_own_notebook', lambda: open('vneid.ipynb').read())
attempt('write_scratch', lambda: open(os.path.join(os.environ.get('TMPDIR', '/tmp'), 'x'), 'w').write('x'))
print('VERDICTS', sorted(verdicts.items()))"""


def new_course(root: Path, config_extra: str = "") -> CourseDir:
    """A course folder with the vneid assignment, generated and released for real."""
    root.mkdir(parents=True)
    config = (COURSE / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(config + config_extra, encoding="utf-8")
    shutil.copytree(COURSE / "source" / ASSIGNMENT, root / "source" / ASSIGNMENT,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*_answers.json"))
    course = CourseDir(root)
    steps = release(course, ASSIGNMENT)
    assert all(step.ok for step in steps), steps[-1].log
    return course


#: Appended to a course's config: added cells run (as in a course with solution cells).
RUN_ADDED_CODE = """
c.Autograde.sanitize_preprocessors = [
    p for p in c.Autograde.sanitize_preprocessors if p.__name__ != "SetAsideLearnerCode"]
"""


_answer_cache: dict[str, bytes] = {}


def answers(plan: str) -> bytes | None:
    """The answers file a learner following ``plan`` (full/weak/none) hands in."""
    if plan == "none":
        return None
    if plan not in _answer_cache:
        with tempfile.TemporaryDirectory() as folder:
            vneid_exercise.tap_answers(Path(folder), FULL if plan == "full" else WEAK)
            _answer_cache[plan] = (Path(folder) / ANSWERS).read_bytes()
    return _answer_cache[plan]


def released(course: CourseDir) -> dict:
    path = course.release / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))


def with_code(notebook: dict, source: str, after: str = "setup") -> dict:
    """The notebook with a new, unlocked code cell after cell ``after``."""
    notebook = copy.deepcopy(notebook)
    index = next(i for i, cell in enumerate(notebook["cells"])
                 if cell["metadata"].get("nbgrader", {}).get("grade_id") == after)
    notebook["cells"].insert(index + 1, {"cell_type": "code", "execution_count": None,
                                         "id": f"added{len(notebook['cells'])}", "metadata": {},
                                         "outputs": [], "source": source})
    return notebook


def without(notebook: dict, *grade_ids: str) -> dict:
    notebook = copy.deepcopy(notebook)
    notebook["cells"] = [c for c in notebook["cells"]
                         if c["metadata"].get("nbgrader", {}).get("grade_id") not in grade_ids]
    return notebook


def edited(notebook: dict, grade_id: str, source: str) -> dict:
    notebook = copy.deepcopy(notebook)
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id:
            cell["source"] = source
    return notebook


def hand_in(course: CourseDir, learner: str, notebook: dict | bytes | None,
            answer_bytes: bytes | None, stamp: str = STAMP) -> Path:
    """Put a submission where ``nbgrader collect`` would: ``submitted/<learner>/vneid``."""
    folder = course.submitted / learner / ASSIGNMENT
    folder.mkdir(parents=True)
    if isinstance(notebook, dict):
        (folder / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    elif isinstance(notebook, bytes):
        (folder / f"{ASSIGNMENT}.ipynb").write_bytes(notebook)
    if answer_bytes is not None:
        (folder / ANSWERS).write_bytes(answer_bytes)
    (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
    return folder
