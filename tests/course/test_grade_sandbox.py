"""Grading when learners' code does run (a course whose settings run added cells, as one
with solution cells would): loops, floods, errors, a dying kernel, a kernel deaf to
interrupts, and an attack on the gradebook, the sources and other learners' work.

The fence (Landlock) must hold, each bad submission must be graded with 0 where due and
its reason listed, and one of them must never stop the batch.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import sqlite3

import pytest

from literacy_kit.course.grade import grade_assignment
from literacy_kit.course.sandbox import landlock_abi

from . import zoo

pytestmark = pytest.mark.notebook

ZOO = {  # learner: (added code, answers plan, score, reason keys that must be listed)
    "ok_full": (None, "full", 14.0, set()),
    "loop": (zoo.LOOP, "full", 14.0, {"reason_cell_timeout"}),
    "flood": (zoo.FLOOD, "weak", 6.5, {"reason_output_flood"}),
    "raises": (zoo.RAISE, "full", 14.0, {"reason_error"}),
    "attack": (zoo.ATTACK, "weak", 6.5, set()),
    # nbgrader gives up on a kernel deaf to interrupts (or our time limit stops it first)
    "deaf": (zoo.SIGINT_IMMUNE, "full", 0.0, set()),
    "kills_kernel": (zoo.KILL_KERNEL, "full", 0.0, {"reason_kernel_died"}),
    # each loop is stopped after 3 s, but five of them overrun the 12 s limit
    "slow": ([zoo.LOOP] * 5, "full", 0.0, {"reason_time_limit"}),
}


RUN_TOKEN = "LK_TEST_GRADING_RUN"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = zoo.new_course(tmp_path_factory.mktemp("sandbox") / "course", zoo.RUN_ADDED_CODE)
    base = zoo.released(course)
    for learner, (code, plan, _score, _reasons) in ZOO.items():
        notebook = base
        for source in [code] if isinstance(code, str) else code or []:
            notebook = zoo.with_code(notebook, source)
        zoo.hand_in(course, learner, notebook, zoo.answers(plan))
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest()
              for path in (course.source / "vneid" / "vneid.ipynb",
                           course.submitted / "ok_full" / "vneid" / "vneid.ipynb")}
    # Processes of this run carry a token, so other test workers' gradings are not counted.
    os.environ[RUN_TOKEN] = f"{os.getpid()}-{course}"
    try:
        run = grade_assignment(course, "vneid", jobs=2, submission_timeout=12, cell_timeout=3)
    finally:
        os.environ.pop(RUN_TOKEN, None)
    return course, run, before


def outputs(course, learner) -> str:
    notebook = course.autograded / learner / "vneid" / "vneid.ipynb"
    return json.dumps(json.loads(notebook.read_text("utf-8"))["cells"], ensure_ascii=False)


def test_every_submission_graded_with_zero_where_due(graded):
    course, run, _ = graded
    assert sorted(r.learner for r in run.results) == sorted(ZOO)
    with course.gradebook() as gradebook:
        for learner, (_code, _plan, score, _reasons) in ZOO.items():
            assert gradebook.find_submission("vneid", learner).score == score, learner


@pytest.mark.parametrize("learner", sorted(ZOO))
def test_reason_listed(graded, learner):
    _course, run, _ = graded
    result = next(r for r in run.results if r.learner == learner)
    assert ZOO[learner][3] <= {reason.key for reason in result.reasons}


def test_deaf_kernel_is_stopped_with_its_reason(graded):
    _course, run, _ = graded
    result = next(r for r in run.results if r.learner == "deaf")
    assert {r.key for r in result.reasons} & {"reason_kernel_unresponsive", "reason_time_limit"}


def test_flood_was_cut_and_loop_interrupted(graded):
    course, _run, _ = graded
    assert "Output truncated" in outputs(course, "flood")
    assert len(outputs(course, "flood")) < 200_000
    assert "CellTimeoutError" in outputs(course, "loop") or "Timeout" in outputs(course, "loop")


@pytest.mark.skipif(landlock_abi() == 0, reason="this kernel has no Landlock")
def test_the_fence_held(graded):
    course, run, before = graded
    assert run.fence == "landlock"
    notebook = json.loads((course.autograded / "attack" / "vneid" / "vneid.ipynb").read_text("utf-8"))
    text = next("".join(o["text"]) for c in notebook["cells"] for o in c.get("outputs", [])
                if o.get("output_type") == "stream" and "VERDICTS" in "".join(o["text"]))
    verdicts = dict(ast.literal_eval(text.split("VERDICTS", 1)[1].strip()))
    assert verdicts.pop("write_scratch") == "allowed"          # its own temp folder only
    assert verdicts == {name: "PermissionError" for name in verdicts}, verdicts
    assert set(verdicts) == {"read_source", "write_gradebook", "read_gradebook", "write_other",
                             "write_own_answers", "read_own_notebook"}
    for path, digest in before.items():
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    with sqlite3.connect(course.gradebook_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_no_kernel_or_scratch_left_behind(graded):
    import psutil

    course = graded[0]

    def ours(process) -> bool:
        try:
            return process.environ().get(RUN_TOKEN, "").endswith(str(course))
        except psutil.Error:
            return False

    leftovers = [p for p in psutil.process_iter(["cmdline"])
                 if "literacy_kit.course.zygote" in " ".join(p.info["cmdline"] or []) and ours(p)]
    assert leftovers == []
