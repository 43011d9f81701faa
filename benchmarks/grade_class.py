"""Grade a class of synthetic learners two ways, in the same run, and compare.

1. the reference: plain ``nbgrader autograde vneid``, one call for the whole class (serial);
2. ``literacy-kit course grade vneid --jobs N`` on an identical copy of the class.

It checks that both give the same grade on every cell of every submission, then prints the
time per submission and the speedup. The class is a real exercise (vneid) handed in by
``--learners`` synthetic learners of mixed quality (answers made by tapping the real
widgets), a few of them broken: a deleted test cell, an edited test cell, code added in a
new cell, a damaged answers file, no answers, no notebook.

Usage::

    .venv/bin/python benchmarks/grade_class.py               # 300 learners, jobs = CPUs
    .venv/bin/python benchmarks/grade_class.py --learners 40 --jobs 2

Targets (issue 6): >= 3x faster than serial nbgrader, same scores, 300 in <= 5 minutes.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from course import zoo  # noqa: E402  (tests/course/zoo.py: the same builders the tests use)

BIN = Path(sys.executable).parent
# One broken submission in BROKEN_EVERY; the rest cycle through these answer plans.
PLANS = ["full", "weak", "full", "none", "weak", "full", "weak", "garbage"]
BROKEN_EVERY = 25


def build_class(root: Path, learners: int) -> zoo.CourseDir:
    course = zoo.new_course(root)
    base = zoo.released(course)
    broken = [
        lambda nb: (zoo.without(nb, "q2_level2_true_false"), zoo.answers("full")),
        lambda nb: (zoo.edited(nb, "q1_level1_steps", "3.0"), zoo.answers("weak")),
        lambda nb: (zoo.with_code(nb, zoo.LOOP), zoo.answers("full")),
        lambda nb: (None, zoo.answers("full")),
    ]
    for index in range(learners):
        learner = f"hv{index + 1:04d}"
        if index % BROKEN_EVERY == BROKEN_EVERY - 1:
            notebook, answers = broken[(index // BROKEN_EVERY) % len(broken)](base)
        else:
            plan = PLANS[index % len(PLANS)]
            notebook = base
            answers = b"\x00not json" if plan == "garbage" else zoo.answers(plan)
        zoo.hand_in(course, learner, notebook, answers)
    return course


def grades(course) -> dict[str, dict[str, float | None]]:
    result = {}
    with course.gradebook() as gradebook:
        for submission in gradebook.assignment_submissions("vneid"):
            for notebook in submission.notebooks:
                result[submission.student.id] = {g.name: g.score for g in notebook.grades}
    return result


def timed(args: list[str], cwd: Path) -> float:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="keep the two course folders")
    parser.add_argument("--json", default=None, help="also write the figures to this file")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lk-grade-class-"))
    try:
        print(f"building {args.learners} submissions ...", flush=True)
        serial = build_class(work / "serial", args.learners)
        parallel_root = work / "parallel"
        shutil.copytree(serial.root, parallel_root)
        parallel = zoo.CourseDir(parallel_root)

        print("grading with plain serial `nbgrader autograde` ...", flush=True)
        serial_s = timed([str(BIN / "nbgrader"), "autograde", "vneid"], serial.root)
        print(f"grading with `literacy-kit course grade --jobs {args.jobs}` ...", flush=True)
        parallel_s = timed([str(BIN / "literacy-kit"), "course", "grade", "vneid", "--jobs",
                            str(args.jobs), "--course", str(parallel.root), "--lang", "en"],
                           parallel.root)

        theirs, ours = grades(serial), grades(parallel)
        # nbgrader leaves a submission it could not grade (no notebook) out of the
        # gradebook or blank; ours gives it zeros. Everything else must match exactly.
        differ = sorted(learner for learner in theirs
                        if {k: v or 0.0 for k, v in theirs[learner].items()}
                        != {k: v or 0.0 for k, v in ours.get(learner, {}).items()})
        only_ours = sorted(set(ours) - set(theirs))
        n = args.learners
        figures = {
            "learners": n, "jobs": args.jobs, "cpus": os.cpu_count(),
            "serial_nbgrader_s": round(serial_s, 1), "literacy_kit_s": round(parallel_s, 1),
            "serial_per_submission_s": round(serial_s / n, 3),
            "literacy_kit_per_submission_s": round(parallel_s / n, 3),
            "speedup": round(serial_s / parallel_s, 2),
            "same_scores": not differ, "differing_learners": differ,
            "graded_only_by_literacy_kit": only_ours,
        }
        print(json.dumps(figures, indent=1))
        print(f"\nserial nbgrader autograde: {serial_s:7.1f} s  ({serial_s / n:.2f} s per submission)")
        print(f"literacy-kit --jobs {args.jobs}:    {parallel_s:7.1f} s  ({parallel_s / n:.2f} s per submission)")
        print(f"speedup: {serial_s / parallel_s:.2f}x (target >= 3x); same scores: {not differ}; "
              f"{n} graded in {parallel_s / 60:.1f} min (target <= 5 min for 300)")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
        return 0 if not differ else 1
    finally:
        if args.keep:
            print(f"course folders kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
