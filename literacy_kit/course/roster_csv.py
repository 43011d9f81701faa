"""Reading the trainer's CSV file of learners: every row checked, every problem kept.

Columns ``id, name, village, role`` (Vietnamese headers too: ``ma``, ``ho ten``, ``thon``,
``vai tro``, with or without diacritics, any case, NFC or NFD); comma, semicolon (Excel
in Vietnamese) or tab separated; UTF-8 with or without a byte-order mark. Line numbers are
the file's own (the header is line 1). Nothing here writes anything: :mod:`.roster`
stores what :func:`parse_roster` accepted.

>>> parsed = parse_roster("ma;ho ten;thon;vai tro\\nhv01;an;Phu Hung;youth\\n".encode())
>>> parsed.problems, parsed.learners[0].id, parsed.learners[0].role, parsed.lines
([], 'hv01', 'youth', {'hv01': 2})
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError
from ..i18n import DEFAULT_LANG, t
from ..names import normalize_name
from ..text import fold_space, nfc

ROLES = ("official", "household", "business", "youth", "other")
DEFAULT_ROLE = "other"      # an empty role cell; an unknown one is an error
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
MAX_ID_LENGTH = 40
MAX_TEXT_LENGTH = 100
# Device names Windows refuses as folder names (submitted/<id>/ must open there too).
RESERVED_IDS = frozenset({"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
                         | {f"lpt{i}" for i in range(1, 10)})
# Header names, compared after folding (no diacritics, lower case, "_" between words).
COLUMNS = {
    "id": {"id", "ma", "ma_so", "ma_hv", "ma_hoc_vien", "learner_id", "student_id", "learner"},
    "name": {"name", "ho_ten", "ho_va_ten", "ten", "full_name", "ho_ten_hoc_vien"},
    "village": {"village", "thon", "thon_xom", "thon_ban", "xom", "ban", "to_dan_pho"},
    "role": {"role", "vai_tro", "doi_tuong", "chuc_vu"},
}


def fold_key(text: str) -> str:
    """``"Vai tr\\u00f2"``, ``"VAI_TRO"``, ``"vai-tro"`` -> ``"vai_tro"`` (diacritics dropped)."""
    text = unicodedata.normalize("NFD", nfc(text).replace("\u0111", "d").replace("\u0110", "D"))
    bare = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return "_".join(re.findall(r"[0-9a-z]+", bare))


def role_label(role: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"course.roster_role_{role}", lang)


def role_id(text: str) -> str | None:
    """The role id for an id, a vi/en label or an alias from the catalogs; None if unknown."""
    key = fold_key(text)
    if not key:
        return DEFAULT_ROLE
    for role in ROLES:
        names = {role}
        for lang in ("vi", "en"):
            names.add(fold_key(role_label(role, lang)))
            names.update(fold_key(alias) for alias in
                         t(f"course.roster_role_aliases_{role}", lang).split("|"))
        if key in names:
            return role
    return None


@dataclass(frozen=True)
class Learner:
    """One learner: the pseudonymous id (also their nbgrader student id) and who they are."""

    id: str
    name: str
    village: str
    role: str = DEFAULT_ROLE

    def role_label(self, lang: str = DEFAULT_LANG) -> str:
        return role_label(self.role, lang)

    def record(self) -> dict:
        return {"name": self.name, "village": self.village, "role": self.role}


@dataclass(frozen=True)
class RowProblem:
    """A bad line of the CSV file: its line number, a catalog key and its values."""

    line: int
    key: str
    fmt: dict = field(default_factory=dict)
    detail: InputError | None = None     # a name refused by the name rules

    def reason(self, lang: str = DEFAULT_LANG) -> str:
        fmt = dict(self.fmt)
        if self.detail is not None:
            fmt["reason"] = self.detail.message(lang)
        return t(f"course.{self.key}", lang, **fmt)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t("course.roster_line", lang, line=self.line, reason=self.reason(lang))



def _clean_name(text: str) -> str:
    return normalize_name(text)


def _decode(data: bytes) -> tuple[str | None, list[RowProblem]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [RowProblem(line, "roster_not_utf8")]


def _check_row(values: dict, line: int, seen: dict) -> tuple[Learner | None, list[RowProblem]]:
    problems = []
    learner_id = values["id"].strip()
    if not learner_id:
        problems.append(RowProblem(line, "roster_id_missing"))
    elif len(learner_id) > MAX_ID_LENGTH:
        problems.append(RowProblem(line, "roster_id_too_long", {"value": learner_id,
                                                                "max": MAX_ID_LENGTH}))
    elif not ID_PATTERN.fullmatch(learner_id):
        problems.append(RowProblem(line, "roster_id_bad", {"value": learner_id}))
    elif learner_id.casefold() in RESERVED_IDS:
        problems.append(RowProblem(line, "roster_id_reserved", {"value": learner_id}))
    elif learner_id.casefold() in seen:
        problems.append(RowProblem(line, "roster_id_duplicate",
                                   {"value": learner_id, "first": seen[learner_id.casefold()]}))
    else:
        seen[learner_id.casefold()] = line
    name = ""
    if not values["name"].strip():
        problems.append(RowProblem(line, "roster_name_missing"))
    else:
        try:
            name = _clean_name(values["name"])
        except InputError as exc:
            problems.append(RowProblem(line, "roster_name_bad", detail=exc))
    village = fold_space(nfc(values["village"]))
    if not village:
        problems.append(RowProblem(line, "roster_village_missing"))
    elif len(village) > MAX_TEXT_LENGTH:
        problems.append(RowProblem(line, "roster_village_too_long", {"max": MAX_TEXT_LENGTH}))
    role = role_id(values.get("role", ""))
    if role is None:
        problems.append(RowProblem(line, "roster_role_unknown",
                                   {"value": fold_space(nfc(values["role"]))}))
    if problems:
        return None, problems
    return Learner(learner_id, name, village, role), []


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


@dataclass
class ParsedRoster:
    """A CSV file read and checked: good learners, their lines, every problem found."""

    learners: list[Learner] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def parse_roster(data: bytes) -> ParsedRoster:
    """Read and check a roster file's bytes; nothing is written."""
    text, problems = _decode(data)
    if text is None:
        return ParsedRoster(problems=problems)
    lines = text.splitlines()
    if lines and re.fullmatch(r"sep=.", lines[0].strip()):   # Excel's delimiter hint
        delimiter, text = lines[0].strip()[-1], "\n" + "\n".join(lines[1:])
    else:
        delimiter = _delimiter(next((line for line in lines if line.strip()), ""))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, header_line, columns, ignored = None, 1, {}, []
    learners, seen, lines = [], {}, {}
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, header_line = row, reader.line_num
                for index, cell in enumerate(row):
                    field_name = next((name for name, aliases in COLUMNS.items()
                                       if fold_key(cell) in aliases), None)
                    if field_name is None:
                        ignored.append(fold_space(nfc(cell)))
                    elif field_name in columns:
                        problems.append(RowProblem(reader.line_num, "roster_duplicate_column",
                                                   {"column": fold_space(nfc(cell))}))
                    else:
                        columns[field_name] = index
                missing = [name for name in ("id", "name", "village") if name not in columns]
                if missing:
                    problems.append(RowProblem(reader.line_num, "roster_missing_columns",
                                               {"columns": ", ".join(missing)}))
                if problems:
                    return ParsedRoster(problems=problems, ignored_columns=ignored)
                continue
            if len(row) != len(header):
                problems.append(RowProblem(reader.line_num, "roster_wrong_count",
                                           {"expected": len(header), "found": len(row)}))
                continue
            values = {name: row[index] for name, index in columns.items()}
            values.setdefault("role", "")
            learner, row_problems = _check_row(values, reader.line_num, seen)
            problems += row_problems
            if learner:
                learners.append(learner)
                lines[learner.id] = reader.line_num
    except csv.Error as exc:
        problems.append(RowProblem(reader.line_num, "roster_csv_broken", {"error": str(exc)}))
    if header is None:
        problems.append(RowProblem(1, "roster_empty_file"))
    elif not learners and not problems:
        problems.append(RowProblem(header_line, "roster_no_rows"))
    return ParsedRoster(learners, lines, problems, ignored)
