"""Before/after check results a trainer typed in from the paper check sheets.

The file is ``<course>/prepost.csv``: one line per learner and session, columns
``id, session, pre, post`` (Vietnamese headers too: ``ma, buoi, truoc, sau``), the number
of right answers on each sheet; an empty cell is a sheet that is missing. Sessions are the
session plans of :mod:`literacy_kit.handouts` (their check sets the maximum). A bad line is
skipped and reported with its line number; the good lines still count.

>>> parsed = parse_prepost("ma;buoi;truoc;sau\\nhv01;vneid_scams;2;5\\n".encode())
>>> parsed.problems, parsed.results[0].gain
([], 3)
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..handouts.plans import load_plans
from ..i18n import DEFAULT_LANG, t
from ..text import nfc
from .course_dir import CourseDir
from .roster_csv import ID_PATTERN, fold_key

FILE_NAME = "prepost.csv"
COLUMNS = {
    "id": {"id", "ma", "ma_hv", "ma_hoc_vien", "learner_id", "learner"},
    "session": {"session", "buoi", "buoi_hoc", "plan"},
    "pre": {"pre", "truoc", "truoc_buoi", "before"},
    "post": {"post", "sau", "sau_buoi", "after"},
}


@dataclass(frozen=True)
class CheckResult:
    """One learner's two sheets in one session (``None``: that sheet is missing)."""

    learner_id: str
    session: str
    pre: int | None
    post: int | None
    max_score: int

    @property
    def gain(self) -> int | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


@dataclass(frozen=True)
class Problem:
    line: int
    key: str
    fmt: dict = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t("course.prepost_line", lang, line=self.line,
                 reason=t(f"course.prepost_{self.key}", lang, **self.fmt))


@dataclass(frozen=True)
class SessionSummary:
    """Averages over the learners who have both sheets of a session (shares of the maximum)."""

    session: str
    title: str
    max_score: int
    learners: int
    pre_share: float | None
    post_share: float | None

    @property
    def change(self) -> float | None:
        if self.pre_share is None or self.post_share is None:
            return None
        return self.post_share - self.pre_share


@dataclass
class PrePost:
    results: list[CheckResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def summaries(self, lang: str = DEFAULT_LANG) -> list[SessionSummary]:
        plans = {plan.id: plan for plan in load_plans()}
        out = []
        for session, plan in plans.items():
            both = [r for r in self.results if r.session == session and r.gain is not None]
            if not any(r.session == session for r in self.results):
                continue
            maximum = len(plan.check)
            pre = sum(r.pre for r in both) / (maximum * len(both)) if both else None
            post = sum(r.post for r in both) / (maximum * len(both)) if both else None
            out.append(SessionSummary(session, plan.title.get(lang), maximum, len(both), pre, post))
        return out


def _score(text: str, maximum: int, column: str, line: int, problems: list[Problem]) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) > maximum:
        problems.append(Problem(line, "bad_score", {"column": column, "value": text, "max": maximum}))
        return None
    return int(text)


def parse_prepost(data: bytes) -> PrePost:
    """Read the file's bytes (UTF-8, comma/semicolon/tab separated); nothing is written."""
    parsed = PrePost()
    try:
        text = nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        parsed.problems.append(Problem(1, "not_utf8"))
        return parsed
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=lambda sep: (first.count(sep), sep == ","))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        return parsed
    header = [fold_key(cell) for cell in rows[0]]
    where = {}
    for column, names in COLUMNS.items():
        found = [i for i, name in enumerate(header) if name in names]
        if not found:
            parsed.problems.append(Problem(1, "missing_column", {"column": column}))
        else:
            where[column] = found[0]
    if parsed.problems:
        return parsed
    maxima = {plan.id: len(plan.check) for plan in load_plans()}
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {column: (row[i] if i < len(row) else "").strip() for column, i in where.items()}
        before = len(parsed.problems)
        if not ID_PATTERN.fullmatch(cells["id"]):
            parsed.problems.append(Problem(line, "bad_id", {"value": cells["id"]}))
        if cells["session"] not in maxima:
            parsed.problems.append(Problem(line, "bad_session", {"value": cells["session"],
                                                                 "known": ", ".join(maxima)}))
            continue
        maximum = maxima[cells["session"]]
        pre = _score(cells["pre"], maximum, "pre", line, parsed.problems)
        post = _score(cells["post"], maximum, "post", line, parsed.problems)
        key = (cells["id"], cells["session"])
        if len(parsed.problems) == before and key in seen:
            parsed.problems.append(Problem(line, "duplicate", {"id": cells["id"], "session": cells["session"]}))
        if len(parsed.problems) == before:
            seen.add(key)
            parsed.results.append(CheckResult(cells["id"], cells["session"], pre, post, maximum))
    return parsed


def read_prepost(course: CourseDir) -> PrePost:
    """The course's ``prepost.csv`` (an empty result when there is none)."""
    path = course.root / FILE_NAME
    if not path.is_file():
        return PrePost()
    return parse_prepost(path.read_bytes())
