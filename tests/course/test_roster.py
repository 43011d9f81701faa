"""The roster import: every bad row reported with its line, all-or-nothing, no names in the
gradebook (a copy of the session's real graded course)."""
from __future__ import annotations

import hashlib
import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from literacy_kit.course import CourseDir, CourseError
from literacy_kit.course.roster import (RosterError, import_roster, load_roster, parse_roster,
                                        role_id)
from literacy_kit.i18n import t

from . import ROSTER, copy_course, roster_csv

pytestmark = pytest.mark.notebook

HEADER = "id,name,village,role"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    return CourseDir(copy_course(tmp_path_factory, "roster"))


def snapshot(course: CourseDir) -> tuple:
    """What an import may change: roster.json and the gradebook, byte for byte."""
    roster = course.roster_path.read_bytes() if course.roster_path.exists() else None
    return roster, hashlib.sha256(course.gradebook_path.read_bytes()).hexdigest()


def students(course: CourseDir) -> dict[str, tuple]:
    with course.gradebook() as gradebook:
        return {s.id: (s.first_name, s.last_name, s.email, s.lms_user_id)
                for s in gradebook.students}


# -- reading a file (no course needed) ------------------------------------------------------
def test_vietnamese_headers_semicolons_bom_and_nfd_are_read():
    text = ("\ufeffM\u00e3;" + nfd("Họ tên") + ";TH\u00d4N;Vai tr\u00f2\r\n"
            + nfd("hv01;  Nguyễn   Thị Thủy ;Phú Hưng;Cán bộ thôn/xã") + "\r\n"
            "hv02;\u0110\u1eb7ng V\u0103n H\u01b0\u1edfng;Ph\u00fa H\u01b0ng;Household representative\r\n"
            "hv03;L\u00f2 Th\u1ecb Ng\u1ecdc;Khu\u00f4n Th\u1ea7n;\r\n")
    parsed = parse_roster(text.encode("utf-8"))
    assert parsed.problems == []
    first, second, third = parsed.learners
    assert (first.name, first.village, first.role) == ("Nguyễn Thị Thủy", "Phú Hưng", "official")
    assert unicodedata.is_normalized("NFC", first.name + first.village)
    assert second.role == "household" and third.role == "other"   # an empty role: other
    assert parsed.lines == {"hv01": 2, "hv02": 3, "hv03": 4}


def test_excel_sep_line_and_extra_columns():
    parsed = parse_roster(b"sep=;\nSTT;id;name;village\n1;hv01;An;Ban Chao\n")
    assert parsed.problems == [] and parsed.learners[0].id == "hv01"
    assert parsed.ignored_columns == ["STT"] and parsed.lines == {"hv01": 3}


@pytest.mark.parametrize("text, role", [
    ("official", "official"), ("CAN BO THON/XA", "official"), (nfd("trưởng thôn"), "official"),
    ("Đại diện hộ gia đình", "household"), ("ho gia dinh", "household"),
    ("Hộ kinh doanh", "business"), ("Household business", "business"),
    ("đoàn viên thanh niên", "youth"), ("Youth Union member", "youth"), ("  ", "other"),
    ("bác sĩ", None), ("admin", None)])
def test_roles_accept_ids_and_labels_in_both_languages(text, role):
    assert role_id(text) == role


BAD_ROWS = [  # (row, catalog key) - each the third line of a file whose line 2 is hv01
    (",An,Ban Chao,youth", "roster_id_missing"),
    ("hv01,Binh,Ban Chao,youth", "roster_id_duplicate"),
    ("HV01,Binh,Ban Chao,youth", "roster_id_duplicate"),       # one folder on Windows disks
    ("hv 02,Binh,Ban Chao,youth", "roster_id_bad"),
    ("h\u00f49,Binh,Ban Chao,youth", "roster_id_bad"),
    ("../hv02,Binh,Ban Chao,youth", "roster_id_bad"),
    ("-hv02,Binh,Ban Chao,youth", "roster_id_bad"),
    ("x" * 41 + ",Binh,Ban Chao,youth", "roster_id_too_long"),
    ("NUL,Binh,Ban Chao,youth", "roster_id_reserved"),
    ("hv02,   ,Ban Chao,youth", "roster_name_missing"),
    ("hv02,Binh 2,Ban Chao,youth", "roster_name_bad"),
    ("hv02,Binh,,youth", "roster_village_missing"),
    ("hv02,Binh,Ban Chao,doctor", "roster_role_unknown"),
    ("hv02,Binh,Ban Chao", "roster_wrong_count"),
    ("hv02,Binh,Ban Chao,youth,extra", "roster_wrong_count"),
]


@pytest.mark.parametrize("row, key", BAD_ROWS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_bad_row_is_reported_with_its_line(row, key, lang):
    parsed = parse_roster(f"{HEADER}\nhv01,An,Ban Chao,youth\n{row}\n".encode())
    assert [(p.line, p.key) for p in parsed.problems] == [(3, key)]
    message = parsed.problems[0].message(lang)
    assert message.startswith(t("course.roster_line", lang, line=3, reason=""))
    assert "{" not in message and "course." not in message


@pytest.mark.parametrize("data, line, key", [
    (b"", 1, "roster_empty_file"),
    (b"\n\n", 1, "roster_empty_file"),
    (HEADER.encode() + b"\n", 1, "roster_no_rows"),
    (b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n", 1, "roster_no_rows"),
    (b"id,name,role\nhv01,An,youth\n", 1, "roster_missing_columns"),
    (b"id,name,village,ma\nhv01,An,X,hv01\n", 1, "roster_duplicate_column"),
    (HEADER.encode() + b"\nhv01,An,Ban,youth\nhv02,Nguy\xe1\xbb\x85n \xe9,X,youth\n", 3,
     "roster_not_utf8"),
    ("id,name,village\nhv01,Lò,Bản Chạo\n".encode("utf-16"), 1, "roster_not_utf8"),
])
def test_whole_file_problems(data, line, key):
    parsed = parse_roster(data)
    assert [(p.line, p.key) for p in parsed.problems] == [(line, key)]
    assert parsed.learners == []


def test_not_utf8_message_says_how_to_save_from_excel():
    problem = parse_roster(nfd("id,name,village\nhv01,Lò,Bản\n").encode("cp1258")).problems[0]
    assert "CSV UTF-8" in problem.message("vi") and "CSV UTF-8" in problem.message("en")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda s: (HEADER + "\n" + s).encode()))
def test_any_bytes_give_learners_or_problems_never_an_exception(data):
    parsed = parse_roster(data)
    assert parsed.learners or parsed.problems
    for problem in parsed.problems:
        assert problem.line >= 1 and problem.message("en")


# -- importing into the real course ------------------------------------------------------------
def test_a_file_with_bad_rows_changes_nothing(course, tmp_path):
    before, gradebook_before = snapshot(course), students(course)
    rows = "\n".join(row for row, _ in BAD_ROWS)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nhv01,An,Ban Chao,youth\n{rows}\nhv90,Good Row,Ban Chao,\n", "utf-8")
    with pytest.raises(RosterError) as caught:
        import_roster(course, bad)
    found = {(p.line, p.key) for p in caught.value.problems}
    # Every bad row is reported with its own reason (some ids repeat: duplicates too).
    assert {(line, key) for line, (_, key) in enumerate(BAD_ROWS, start=3)} <= found
    assert {line for line, _ in found} == set(range(3, 3 + len(BAD_ROWS)))
    text = caught.value.message("vi")
    assert text.count("\n  Dòng ") == len(caught.value.problems)
    assert snapshot(course) == before and students(course) == gradebook_before
    assert "hv90" not in students(course)


def test_good_import_writes_the_roster_and_only_ids_to_the_gradebook(course, tmp_path):
    source = tmp_path / "roster.csv"
    source.write_text("\ufeff" + nfd(roster_csv(delimiter=";")), encoding="utf-8")
    result = import_roster(course, source)
    assert sorted(result.added) == sorted(ROSTER) and not result.updated and not result.kept
    saved = json.loads(course.roster_path.read_text("utf-8"))
    assert saved == {lid: {"name": n, "village": v, "role": r} for lid, (n, v, r) in ROSTER.items()}
    learners = load_roster(course)
    assert learners["hv02"].name == "Đặng Văn Hưởng" and learners["hv06"].role == "other"
    gradebook = students(course)
    assert set(ROSTER) <= set(gradebook)
    assert all(record == (None, None, None, None) for record in gradebook.values()), \
        "no personal data in the gradebook"
    raw = course.gradebook_path.read_bytes()
    for name, village, _ in ROSTER.values():
        for form in ("NFC", "NFD"):
            assert unicodedata.normalize(form, name).encode() not in raw
    assert not list(course.root.glob(".roster-*")), "no temporary file left behind"
    assert "6" in result.summary("vi") and "added" in result.summary("en")


def test_reimport_merges_updates_and_keeps_learners_not_listed(course, tmp_path):
    import_roster(course, _write(tmp_path / "all.csv", roster_csv()))
    rows = [("hv01", "Nguyễn Thị Thủy", "Phú Hưng", "official"),
            ("hv02", "Đặng Văn Hưởng", "Khuôn Thần", "household"),      # moved village
            ("hv07", "Vi Thị Hoa", "Đồng Bụt", "youth")]
    result = import_roster(course, _write(tmp_path / "some.csv", roster_csv(rows)))
    assert (result.added, result.updated, result.unchanged) == (["hv07"], ["hv02"], ["hv01"])
    assert result.kept == ["hv03", "hv04", "hv05", "hv06"]
    learners = load_roster(course)
    assert len(learners) == 7 and learners["hv02"].village == "Khuôn Thần"
    assert "hv07" in students(course)


def test_an_id_differing_only_in_case_from_the_roster_is_refused(course, tmp_path):
    import_roster(course, _write(tmp_path / "all.csv", roster_csv()))
    before = snapshot(course)
    with pytest.raises(RosterError) as caught:
        import_roster(course, _write(tmp_path / "case.csv", f"{HEADER}\nHV03,Lò Thị Ngọc,X,\n"))
    assert [(p.line, p.key) for p in caught.value.problems] == [(2, "roster_id_case_clash")]
    assert snapshot(course) == before


def test_unreadable_files_are_course_errors(course, tmp_path):
    with pytest.raises(CourseError) as caught:
        import_roster(course, tmp_path / "missing.csv")
    assert caught.value.key == "course.roster_cannot_read"
    damaged = CourseDir(tmp_path)
    damaged.roster_path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_roster(damaged)
    assert caught.value.key == "course.roster_unreadable" and "roster.json" in caught.value.message("vi")
    assert load_roster(CourseDir(tmp_path / "empty")) == {}


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path
