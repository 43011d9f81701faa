"""The end of a grading run, for the trainer: counts, time, and every problem submission.

Printed in the trainer's language and kept as JSON in
``<course>/.literacy-kit/grade-<assignment>-summary.json`` (learner ids only).
"""
from __future__ import annotations

import json
import os
import sys
import tempfile

from ..i18n import t
from .course_dir import CourseDir
from .grade import GradeRun
from .grade_journal import STATE_DIR


def _points(value: float) -> str:
    return f"{value:g}"


def summary_lines(run: GradeRun, lang: str) -> list[str]:
    graded = run.graded
    per = (run.seconds / len(graded)) if graded else 0.0
    lines = [t("course.grade_summary", lang, assignment=run.assignment, graded=len(graded),
               skipped=len(run.results) - len(graded), seconds=f"{run.seconds:.1f}",
               per=f"{per:.2f}", jobs=run.jobs),
             t(f"course.grade_fence_{run.fence}", lang)]
    problems = run.problems
    if problems:
        lines.append(t("course.grade_problems", lang, count=len(problems)))
        for result in problems:
            reasons = "; ".join(reason.text(lang) for reason in result.reasons)
            lines.append(f"  - {result.learner} ({_points(result.score)}/{_points(result.max_score)}): {reasons}")
    else:
        lines.append(t("course.grade_no_problems", lang))
    return lines


def print_summary(run: GradeRun, lang: str, stream=None) -> None:
    print("\n".join(summary_lines(run, lang)), file=stream or sys.stdout)


def write_summary(course: CourseDir, run: GradeRun):
    path = course.root / STATE_DIR / f"grade-{run.assignment}-summary.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"assignment": run.assignment, "jobs": run.jobs, "seconds": round(run.seconds, 2),
            "fence": run.fence,
            "results": [{"learner": r.learner, "graded": r.graded, "skipped": r.skipped,
                         "score": r.score, "max_score": r.max_score,
                         "seconds": round(r.seconds, 3),
                         "reasons": [reason.to_dict() for reason in r.reasons]}
                        for r in run.results]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".summary-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    os.replace(tmp, path)
    return path
