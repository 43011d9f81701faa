"""Completion slips: real PDFs read back with pypdf (names, embedded font, the mark)."""
from __future__ import annotations

import datetime
import unicodedata

import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course import certificates
from literacy_kit.course.certificates import font_files, make_certificates
from literacy_kit.course.roster import import_roster
from literacy_kit.i18n import t
from literacy_kit.text import fold_space

from . import PASSED, ROSTER, copy_course, roster_csv

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.notebook

DAY = datetime.date(2025, 9, 20)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    course = CourseDir(copy_course(tmp_path_factory, "certificates"))
    # Names typed decomposed (NFD), as some phone keyboards send them.
    (course.root / "learners.csv").write_text(unicodedata.normalize("NFD", roster_csv()),
                                              encoding="utf-8")
    import_roster(course, course.root / "learners.csv")
    return course


@pytest.fixture(scope="module")
def slips(course):
    return make_certificates(course, "vi", day=DAY)


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_one_slip_per_learner_who_passed_named_by_id(course, slips):
    assert sorted(path.name for path in slips) == sorted(f"{lid}.pdf" for lid in PASSED)
    assert {path.parent for path in slips} == {course.certificates}
    assert sorted(p.name for p in course.certificates.iterdir()) == sorted(p.name for p in slips)


@pytest.mark.parametrize("learner", sorted(PASSED))
def test_slip_has_the_nfc_name_village_modules_date_and_the_mark(slips, learner):
    path = next(p for p in slips if p.stem == learner)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    text = pdf_text(path)
    name, village, _ = ROSTER[learner]
    assert unicodedata.is_normalized("NFC", name)
    assert name in text.splitlines(), "the full name with its diacritics, exactly"
    assert village in text and learner in text
    assert t("vneid.cert_label", "vi") in text and t("ai.cert_label", "vi") in text
    assert "Ngày 20 tháng 9 năm 2025" in text
    assert t("course.cert_programme_default", "vi") in text
    assert fold_space(t("course.cert_not_a_credential", "vi")) in fold_space(text)
    assert "không phải văn bằng" in fold_space(text)
    assert b"/FontFile2" in path.read_bytes(), "the TrueType font is embedded"
    assert name.encode() not in path.name.encode()


def test_scores_on_the_slip(slips):
    text = pdf_text(next(p for p in slips if p.stem == "hv02"))
    assert "6/11 điểm" in text and "10/14 điểm" in text


def test_learners_who_did_not_pass_get_no_slip(course, slips):
    for learner in set(ROSTER) - PASSED:
        assert not (course.certificates / f"{learner}.pdf").exists()


def test_english_slip_and_settings_from_the_course(course, tmp_path):
    copy = CourseDir(course.root)
    config = copy.root / "nbgrader_config.py"
    original = config.read_text(encoding="utf-8")
    try:
        config.write_text(original + "\nc.CourseSettings.programme = 'Lop ky nang so xa Son Dong'"
                          "\nc.CourseSettings.organiser = 'UBND xa Son Dong'\n", encoding="utf-8")
        paths = make_certificates(CourseDir(copy.root), "en", tmp_path, day=DAY)
    finally:
        config.write_text(original, encoding="utf-8")
    text = fold_space(pdf_text(tmp_path / "hv01.pdf"))
    assert len(paths) == len(PASSED)
    assert "Training record, not an official credential" in text
    assert "Lop ky nang so xa Son Dong" in text and "UBND xa Son Dong" in text
    assert "Nguyễn Thị Thủy" in text and "VNeID electronic identification" in text


def test_a_slip_left_from_before_is_removed_when_the_learner_no_longer_passes(course, tmp_path):
    stale = tmp_path / "hv04.pdf"
    stale.write_bytes(b"%PDF-1.4 old")
    unrelated = tmp_path / "notes.pdf"
    unrelated.write_bytes(b"%PDF-1.4 trainer's own file")
    make_certificates(course, "vi", tmp_path, day=DAY)
    assert not stale.exists() and unrelated.exists()


def test_dejavu_is_the_fallback_font(course, tmp_path, monkeypatch):
    monkeypatch.setattr(certificates, "NOTO", tmp_path / "no-noto")
    regular, bold = font_files()
    assert regular.name == "DejaVuSans.ttf" and bold.name == "DejaVuSans-Bold.ttf"
    make_certificates(course, "vi", tmp_path, day=DAY)
    data = (tmp_path / "hv03.pdf").read_bytes()
    assert b"/FontFile2" in data and b"DejaVuSans" in data
    assert "Lò Thị Ngọc" in pdf_text(tmp_path / "hv03.pdf").splitlines()


def test_noto_is_preferred_when_installed(course, tmp_path):
    regular, _ = font_files()
    if not (certificates.NOTO / "NotoSans-Regular.ttf").is_file():
        pytest.skip("fonts-noto-core is not installed")
    make_certificates(course, "vi", tmp_path, day=DAY)
    assert regular.name == "NotoSans-Regular.ttf"
    assert b"NotoSans" in (tmp_path / "hv01.pdf").read_bytes()


def test_a_passed_learner_missing_from_the_roster_gets_no_slip(course, tmp_path):
    from literacy_kit.course.certificates import eligible
    from literacy_kit.course.results import read_results

    results = read_results(course)
    del results.learners["hv03"]
    results.add(results.result("hv03", "ai"))   # back, but without a name
    named, skipped = eligible(results)
    assert "hv03" in skipped and "hv03" not in named
