"""Bring learners' work into ``submitted/``: from nbgrader's exchange or a USB stick.

In a village cultural house the laptops are often offline, so a helper copies everyone's
notebook onto a USB stick. :func:`collect_folder` accepts what such a stick holds:

* ``STICK/<learner>/<assignment>.ipynb`` (plus the answers file), or
  ``STICK/<learner>/<assignment>/<assignment>.ipynb``: the learner id is the folder name;
* ``STICK/<learner>_<assignment>.ipynb`` and ``STICK/<learner>_<assignment>_answers.json``:
  the learner id is the file name before ``_<assignment>``.

Only regular files are copied (a symbolic link on a stick could point anywhere on the
trainer's machine); a newer copy replaces an older one, never the other way round.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..grading.answers import answers_filename
from .course_dir import CourseDir
from .errors import CourseError
from .grade_lock import grading_lock

#: A learner id, the same rule as the roster's (safe as a folder name).
LEARNER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
#: A file bigger than this is not a learner's notebook.
MAX_FILE_BYTES = 20 << 20
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"


@dataclass
class Collected:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: ``(file name on the stick, catalog key of the reason)``
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _stamp(path: Path) -> str:
    moment = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    return moment.strftime(TIMESTAMP_FORMAT)


def _existing_stamp(folder: Path) -> str:
    try:
        return (folder / "timestamp.txt").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _candidates(stick: Path, assignment: str) -> dict[str, dict[str, Path]]:
    """``{learner: {target file name: file on the stick}}``."""
    notebook, answers = f"{assignment}.ipynb", answers_filename(assignment)
    found: dict[str, dict[str, Path]] = {}
    for entry in sorted(stick.iterdir()):
        if entry.is_symlink():
            continue
        if entry.is_dir():
            inner = entry / assignment if (entry / assignment).is_dir() else entry
            files = {name: inner / name for name in (notebook, answers) if (inner / name).exists()}
            if files:
                found.setdefault(entry.name, {}).update(files)
            continue
        for suffix, target in ((f"_{answers}", answers), (f"_{notebook}", notebook)):
            if entry.name.endswith(suffix) and len(entry.name) > len(suffix):
                found.setdefault(entry.name[: -len(suffix)], {})[target] = entry
                break
    return found


def collect_folder(course: CourseDir, assignment: str, stick: str | Path) -> Collected:
    """Copy every learner's files for ``assignment`` from ``stick`` into ``submitted/``."""
    stick = Path(stick).expanduser()
    if not stick.is_dir():
        raise CourseError("course.collect_no_folder", path=str(stick))
    report = Collected()
    # under the grading lock: a submission is never replaced while it is being graded
    with grading_lock(course.root, assignment):
        _copy_all(course, assignment, stick, report)
    return report


def _copy_all(course: CourseDir, assignment: str, stick: Path, report: Collected) -> None:
    for learner, files in _candidates(stick, assignment).items():
        if not LEARNER_ID.fullmatch(learner):
            report.skipped.append((learner, "course.collect_bad_id"))
            continue
        notebook = files.get(f"{assignment}.ipynb")
        if notebook is None:
            report.skipped.append((learner, "course.collect_no_notebook"))
            continue
        bad = [p for p in files.values()
               if p.is_symlink() or not p.is_file() or p.stat().st_size > MAX_FILE_BYTES]
        if bad:
            report.skipped.append((bad[0].name, "course.collect_bad_file"))
            continue
        stamp = _stamp(notebook)
        target = course.submitted / learner / assignment
        previous = _existing_stamp(target)
        if previous and previous >= stamp:
            report.unchanged.append(learner)
            continue
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for name, source in files.items():
            shutil.copyfile(source, target / name)
        (target / "timestamp.txt").write_text(stamp, encoding="utf-8")
        (report.updated if previous else report.added).append(learner)
