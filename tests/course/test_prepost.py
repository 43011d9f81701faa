"""Before/after check results typed in from the paper sheets: read with every bad line
named, and shown in the course report per session."""
from __future__ import annotations

import html
import re
import shutil

import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course.prepost import parse_prepost
from literacy_kit.course.report import build_report
from literacy_kit.handouts import load_plans

from course_support import COURSE

PLANS = {plan.id: plan for plan in load_plans()}
FIRST = next(iter(PLANS))
SIZE = len(PLANS[FIRST].check)


def test_vietnamese_headers_semicolons_and_missing_sheets():
    data = (f"Mã;Buổi;Trước;Sau\nhv01;{FIRST};1;{SIZE}\nhv02;{FIRST};;3\n"
            f"hv03;{FIRST};2;2\n").encode("utf-8-sig")
    parsed = parse_prepost(data)
    assert parsed.problems == []
    assert [(r.learner_id, r.pre, r.post, r.gain) for r in parsed.results] == [
        ("hv01", 1, SIZE, SIZE - 1), ("hv02", None, 3, None), ("hv03", 2, 2, 0)]
    summary = parsed.summaries("vi")[0]
    assert summary.session == FIRST and summary.learners == 2 and summary.max_score == SIZE
    assert summary.pre_share == pytest.approx(3 / (2 * SIZE))
    assert summary.post_share == pytest.approx((SIZE + 2) / (2 * SIZE))
    assert summary.title == PLANS[FIRST].title.vi


def test_every_bad_line_is_named_and_the_good_ones_count():
    data = (f"id,session,pre,post\nhv01,{FIRST},2,4\nhv 02,{FIRST},1,2\nhv03,buoi_9,1,2\n"
            f"hv04,{FIRST},{SIZE + 1},2\nhv05,{FIRST},hai,3\nhv01,{FIRST},3,3\n").encode()
    parsed = parse_prepost(data)
    assert [r.learner_id for r in parsed.results] == ["hv01"]
    lines = {p.line: p.message("vi") for p in parsed.problems}
    assert sorted(lines) == [3, 4, 5, 6, 7]
    assert "buoi_9" in lines[4] and FIRST in lines[4]
    assert f"0 đến {SIZE}" in lines[5] and "hai" in lines[6] and "hv01" in lines[7]
    assert parsed.problems[0].message("en").startswith("Line 3:")


def test_missing_column_and_not_utf8():
    assert parse_prepost(b"id,session,pre\nhv01,x,1\n").problems[0].key == "missing_column"
    assert parse_prepost("ma,buổi".encode("utf-16")).problems[0].key == "not_utf8"


def test_the_report_shows_the_sessions_and_the_skipped_lines(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(COURSE / "nbgrader_config.py", root)
    course = CourseDir(root)
    (root / "prepost.csv").write_text(
        f"ma,buoi,truoc,sau\nhv01,{FIRST},1,{SIZE}\nhv02,{FIRST},2,{SIZE}\nhv03,khong_co,1,1\n",
        encoding="utf-8")
    page = build_report(course, "vi").html.read_text(encoding="utf-8")
    section = re.search(r'<section id="prepost">(.*?)</section>', page, re.S).group(1)
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", section)]
    before, after = 100 * 3 / (2 * SIZE), 100.0
    assert cells[:2] == [PLANS[FIRST].title.vi, "2"]
    assert cells[2] == f"{before:g}".replace(".", ",") + "%" and cells[3] == "100%"
    assert cells[4] == "+" + f"{after - before:g}".replace(".", ",")
    assert "khong_co" in html.unescape(section)


def test_no_file_no_section(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    shutil.copy(COURSE / "nbgrader_config.py", root)
    page = build_report(CourseDir(root), "en").html.read_text(encoding="utf-8")
    assert 'id="prepost"' not in page
