"""The plug-in's exercise through a real nbgrader course: tapped answers, ``nbgrader
autograde``, ``literacy-kit course grade``, the report and a completion slip."""
from __future__ import annotations

import csv
from html import escape as html_escape
import os
import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import pytest

from course_support import graded_course, read_scores
from literacy_kit.grading import Exercise
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find_one

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.notebook

SOURCE = Path(__file__).parent / "exercise"
LEARNERS = {"hv01": {"taps": 3}, "hv02": {"taps": 2}}
EXPECTED = {"hv01": 2.0, "hv02": 0.0}       # an odd number of taps leaves the lamp on
ROSTER = "id,name,village,role\nhv01,Lò Thị Ngọc,Khuôn Thần,youth\nhv02,Hoàng Văn Sơn,Khuôn Thần,youth\n"


def tap(folder: Path, plan: dict) -> None:
    """What a learner does in the released notebook: tap the switch."""
    item = Exercise("lamp", folder=folder).lamp_switch("lamp")
    switch = find_one(item, w.Button, css="lk-lamp-switch")
    for _ in range(plan["taps"]):
        switch.click()
    close_all(item)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    return graded_course(tmp_path_factory.mktemp("lamp") / "course", "lamp", LEARNERS, tap,
                         source=SOURCE, exchange=False, feedback=False)


def literacy_kit(*args: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).with_name("literacy-kit")), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, PATH="/usr/bin:/bin"))
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def scores(course: Path) -> dict[str, float]:
    return {learner: read_scores(course, "lamp", learner, ["q1_lamp"])[1] for learner in LEARNERS}


def test_nbgrader_autograde_scores_the_tapped_lamp(course):
    for learner, points in EXPECTED.items():
        max_score, score, cells, manual = read_scores(course, "lamp", learner, ["q1_lamp"])
        assert (max_score, score, cells, manual) == (2.0, points, {"q1_lamp": points}, False)


def test_course_grade_gives_the_same_scores(course):
    result = literacy_kit("course", "grade", "lamp", "--course", str(course), "--force", "--lang", "en")
    assert scores(course) == EXPECTED, result.stdout + result.stderr


def records(*args: str) -> None:
    """The trainer's record commands, run in-process (their code is the command's)."""
    from literacy_kit.cli import main

    assert main([*args]) == 0


def test_the_report_and_the_slip_carry_the_plugins_module(course):
    (course / "learners.csv").write_text(ROSTER, encoding="utf-8")
    records("course", "roster", "import", str(course / "learners.csv"), "--course", str(course))
    records("course", "report", "--course", str(course), "--lang", "vi")
    with open(course / "reports" / "results.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    by_id = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    score = t("course.report_csv_score", "vi", name="lamp")  # the report names the assignment
    assert by_id["hv01"][score] == "2" and by_id["hv02"][score] == "0"
    html = (course / "reports" / "report.html").read_text(encoding="utf-8")
    assert "lamp" in html and "Lò Thị Ngọc" in html
    modules = html.split('id="modules"', 1)[1].split("</section>", 1)[0]
    assert html_escape(t("lamp.cert_label", "vi")) in modules    # the plug-in's own label
    records("course", "certificates", "--course", str(course), "--lang", "vi")
    slips = sorted(p.stem for p in (course / "certificates").glob("*.pdf"))
    assert slips == ["hv01"]                                   # hv02 left the lamp off
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(course / "certificates" / "hv01.pdf").pages)
    assert t("lamp.cert_label", "vi") in " ".join(text.split())
    assert "Lò Thị Ngọc" in text and "2/2" in text
