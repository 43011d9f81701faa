"""The trainer's roster of learners: imported from a CSV file, kept in ``roster.json``.

Personal data stays out of the gradebook. nbgrader's gradebook only ever gets the
pseudonymous learner id (``hv017``); names, villages and roles live in ``roster.json``
in the course folder, a file on the trainer's own machine that reports and completion
slips read. (Decree 13/2023: a gradebook holds pseudonymous ids only.)

An import is all or nothing: every bad row is reported with its CSV line number (the
header is line 1), and a file with any bad row changes neither ``roster.json`` nor the
gradebook. A good file is merged into the existing roster: new ids are added, changed
ones updated; learners missing from the file are kept (their grades stay meaningful), so
a trainer can import one village at a time. To remove a learner, edit ``roster.json``.
The CSV format and its checks are in :mod:`.roster_csv`.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import DEFAULT_LANG, t
from .course_dir import CourseDir
from .errors import CourseError
from .roster_csv import (DEFAULT_ROLE, ROLES, Learner, ParsedRoster, RowProblem, fold_key,
                         parse_roster, role_id, role_label)


class RosterError(CourseError):
    """The roster file has bad rows; nothing was changed. ``problems`` lists every one."""

    def __init__(self, problems: list[RowProblem], path: str = ""):
        super().__init__("course.roster_rejected", count=len(problems), path=path)
        self.problems = problems

    def message(self, lang: str = DEFAULT_LANG) -> str:
        lines = [t(self.key, lang, **self.fmt)]
        return "\n".join(lines + ["  " + problem.message(lang) for problem in self.problems])


@dataclass
class RosterImport:
    """What an import did: ids added, updated, unchanged, and kept though not in the file."""

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    def summary(self, lang: str = DEFAULT_LANG) -> str:
        text = t("course.roster_imported", lang, path=self.path, added=len(self.added),
                 updated=len(self.updated), unchanged=len(self.unchanged), kept=len(self.kept))
        if self.ignored_columns:
            text += "\n" + t("course.roster_ignored_columns", lang,
                             columns=", ".join(self.ignored_columns))
        return text


def load_roster(course: CourseDir) -> dict[str, Learner]:
    """The learners of ``roster.json`` by id (empty when there is none yet)."""
    path = course.roster_path
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {learner_id: Learner(learner_id, record["name"], record["village"],
                                    record.get("role", DEFAULT_ROLE))
                for learner_id, record in data.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CourseError("course.roster_unreadable", path=str(path), error=str(exc)) from None


def write_roster(course: CourseDir, learners: dict[str, Learner]) -> None:
    """Replace ``roster.json`` atomically (a crash leaves the old file or the new one)."""
    data = {learner_id: learners[learner_id].record() for learner_id in sorted(learners)}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    course.root.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=course.root, prefix=".roster-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, course.roster_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def import_roster(course: CourseDir, csv_path: str | os.PathLike) -> RosterImport:
    """Check ``csv_path`` and merge it into the roster and the gradebook.

    Raises :class:`RosterError` (nothing changed) when any row is bad, and
    :class:`CourseError` when the file cannot be read.
    """
    path = Path(csv_path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CourseError("course.roster_cannot_read", path=str(path),
                          error=exc.strerror or str(exc)) from None
    parsed = parse_roster(data)
    learners, problems = parsed.learners, list(parsed.problems)
    existing = load_roster(course)
    known = {learner_id.casefold(): learner_id for learner_id in existing}
    for learner in learners:
        # hv01 and HV01 would share a folder on Windows and macOS disks.
        other = known.get(learner.id.casefold())
        if other is not None and other != learner.id:
            problems.append(RowProblem(parsed.lines[learner.id], "roster_id_case_clash",
                                       {"value": learner.id, "existing": other}))
    if problems:
        raise RosterError(sorted(problems, key=lambda p: p.line), path=str(path))
    result = RosterImport(path=path, ignored_columns=parsed.ignored_columns)
    merged = dict(existing)
    for learner in learners:
        before = existing.get(learner.id)
        bucket = result.added if before is None else (
            result.unchanged if before == learner else result.updated)
        bucket.append(learner.id)
        merged[learner.id] = learner
    listed = {learner.id for learner in learners}
    result.kept = sorted(set(existing) - listed)
    # The gradebook first: if it fails, roster.json is untouched; ids alone are harmless.
    with course.gradebook() as gradebook:
        students = {student.id for student in gradebook.students}
        for learner in learners:
            if learner.id not in students:
                gradebook.update_or_create_student(learner.id)   # the id, no personal data
    write_roster(course, merged)
    return result


__all__ = ["DEFAULT_ROLE", "Learner", "ParsedRoster", "ROLES", "RosterError", "RosterImport",
           "RowProblem", "fold_key", "import_roster", "load_roster", "parse_roster", "role_id",
           "role_label", "write_roster"]
