"""The progress report (HTML + CSV) of the session's graded course, and of an empty course."""
from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import re
import shutil

import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course.report import build_report
from literacy_kit.course.report_charts import CHARTS, build_charts
from literacy_kit.course.results import read_results
from literacy_kit.course.roster import import_roster
from literacy_kit.i18n import t

from course_support import COURSE, read_scores

from . import EXPECTED, MAX, PASSED, ROSTER, copy_course, roster_csv

pytestmark = pytest.mark.notebook

CHART_KEYS = ["completion", "modules", "distribution", "hardest", "villages", "roles"]
URL = re.compile(r"(?:https?:)?//[\w.-]+\.\w|\b(?:src|href)\s*=\s*[\"'](?!data:|#)", re.I)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    course = CourseDir(copy_course(tmp_path_factory, "report"))
    (course.root / "learners.csv").write_text(roster_csv(), encoding="utf-8")
    import_roster(course, course.root / "learners.csv")
    return course


@pytest.fixture(scope="module")
def report(course):
    before = hashlib.sha256(course.gradebook_path.read_bytes()).hexdigest()
    files = build_report(course, "vi")
    assert hashlib.sha256(course.gradebook_path.read_bytes()).hexdigest() == before
    return files


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def table_rows(page: str, css: str) -> list[list[str]]:
    table = re.search(rf'<table class="lk-report-table {css}">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [[html.unescape(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)] for row in rows]


def test_html_is_self_contained_vietnamese_and_has_every_chart(report):
    page = report.html.read_text(encoding="utf-8")
    assert report.html.parent.name == "reports"
    assert '<html lang="vi">' in page and '<meta charset="utf-8">' in page
    assert not URL.search(page), URL.search(page)
    assert "<script" not in page and "<link" not in page and "@import" not in page
    for key in CHART_KEYS:
        section = re.search(rf'<section class="lk-report-chart" id="chart-{key}">(.*?)</section>',
                            page, re.S).group(1)
        data = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="[^"]+">',
                         section).group(1)
        assert base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n")
        assert "<table" in section and "<caption>" in section and 'scope="col"' in section
    assert len(CHARTS) == len(CHART_KEYS)
    assert t("course.report_title", "vi") in page and "Tiến độ theo thôn" in page
    assert t("course.report_empty", "vi") not in page


def test_csv_numbers_are_the_gradebook_numbers(course, report):
    rows = {row[t("course.report_learner_id", "vi")]: row for row in read_csv(report.csv)}
    assert sorted(rows) == sorted(ROSTER)
    yes, no = t("course.report_yes", "vi"), t("course.report_no", "vi")
    for learner, (name, village, _) in ROSTER.items():
        row = rows[learner]
        assert (row["Họ tên"], row["Thôn"]) == (name, village)
        total = 0.0
        for assignment in MAX:
            score = row[f"{assignment} – điểm"]
            if learner in EXPECTED[assignment]:
                expected = read_scores(course.root, assignment, learner, [])[1]
                assert float(score) == expected == EXPECTED[assignment][learner]
                total += expected
            else:
                assert score == ""
            assert float(row[f"{assignment} – điểm tối đa"]) == MAX[assignment]
        assert float(row["Tổng điểm"]) == total and float(row["Tổng điểm tối đa"]) == 25
        assert row["Hoàn thành khoá học"] == (yes if learner in PASSED else no)


def test_html_learner_table_agrees_with_the_csv(report):
    page = report.html.read_text(encoding="utf-8")
    header, *rows = table_rows(page, "lk-report-learners")
    assert header[:4] == ["Mã học viên", "Họ tên", "Thôn", "Vai trò"]
    by_id = {row[0]: dict(zip(header, row)) for row in rows}
    assert by_id["hv04"]["vneid"] == "6,5/14" and by_id["hv04"]["ai"] == "0/11"
    assert by_id["hv06"]["ai"] == t("course.report_not_submitted_short", "vi")
    assert by_id["hv02"]["Họ tên"] == "Đặng Văn Hưởng"
    for row in read_csv(report.csv):
        learner = row["Mã học viên"]
        assert by_id[learner]["Tổng điểm"] == f"{float(row['Tổng điểm']):g}".replace(".", ",") + "/25"


def test_chart_tables_hold_the_numbers(course, report):
    page = report.html.read_text(encoding="utf-8")
    completion = table_rows(page, "")  # the first chart table is the completion table
    assert completion[1:] == [["ai", "3", "2", "1", "50 %"], ["vneid", "3", "1", "2", "50 %"]]
    charts = {chart.key: chart for chart in build_charts(read_results(course), "en")}
    assert charts["modules"].rows[-1] == ["Whole course", "3", "6", "50 %"]
    assert sum(int(row[1]) for row in charts["distribution"].rows) == 5   # handed something in
    hardest = charts["hardest"].rows
    assert len(hardest) == 8 and hardest == sorted(hardest, key=lambda r: float(r[-1][:-2]))
    villages = {row[0]: row for row in charts["villages"].rows}
    assert villages["Phú Hưng"][1:] == ["2", "2", "2", "2", "100 %"]


def test_english_report_in_its_own_folder(course, tmp_path):
    files = build_report(course, "en", tmp_path / "out")
    page = files.html.read_text(encoding="utf-8")
    assert files.html.parent == tmp_path / "out"
    assert '<html lang="en">' in page and "Progress by village" in page
    header = read_csv(files.csv)[0]
    assert "Learner id" in header and "vneid – score" in header
    assert "6.5/14" in page


def test_no_pyplot_figure_is_left_open(course):
    import matplotlib.pyplot as plt

    build_charts(read_results(course), "vi")
    assert plt.get_fignums() == []


@pytest.mark.parametrize("with_roster", [False, True])
def test_a_course_without_submissions_says_so(tmp_path, with_roster):
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(COURSE / "nbgrader_config.py", root)
    for assignment in MAX:
        shutil.copytree(COURSE / "source" / assignment, root / "source" / assignment,
                        ignore=shutil.ignore_patterns("*_answers.json", ".ipynb_checkpoints"))
    course = CourseDir(root)
    if with_roster:
        (root / "l.csv").write_text(roster_csv(), encoding="utf-8")
        import_roster(course, root / "l.csv")
    files = build_report(course, "vi")
    page = files.html.read_text(encoding="utf-8")
    assert t("course.report_empty", "vi") in page
    assert page.count("data:image/png;base64,") == len(CHART_KEYS)
    assert not URL.search(page)
    rows = read_csv(files.csv)
    assert len(rows) == (len(ROSTER) if with_roster else 0)
    if not with_roster:
        assert t("course.report_no_learners", "vi") in page


def test_the_report_names_each_assignment_with_its_domain_label(report):
    page = report.html.read_text(encoding="utf-8")
    modules = page.split('id="modules"', 1)[1].split("</section>", 1)[0]
    for name, label in (("vneid", "vneid.cert_label"), ("ai", "ai.cert_label")):
        assert f"<td>{name}</td><td>{html.escape(t(label, 'vi'))}</td>" in modules
