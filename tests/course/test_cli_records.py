"""``course roster import | report | certificates``: through an argparse parser built here
(``register``) and end to end through the installed ``literacy-kit`` command."""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course.cli_records import register
from literacy_kit.i18n import t

from . import PASSED, ROSTER, copy_course, roster_csv

pytestmark = pytest.mark.notebook

CLI = Path(sys.executable).with_name("literacy-kit")
BAD = ("id,name,village,role\n"
       ",Không Mã,Bản Chạo,youth\n"            # 2 missing id
       "hv01,Nguyễn Thị Thủy,Phú Hưng,official\n"
       "hv01,Lặp Lại,Phú Hưng,official\n"      # 4 duplicate id
       "hv 9,Tên,Bản Chạo,youth\n"             # 5 bad id characters
       "hv10,   ,Bản Chạo,youth\n"             # 6 empty name
       "hv11,Tên,Bản Chạo,bác sĩ\n"            # 7 unknown role
       "hv12,Tên,Bản Chạo\n")                   # 8 wrong column count
BAD_LINES = [2, 4, 5, 6, 7, 8]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    return CourseDir(copy_course(tmp_path_factory, "cli"))


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="literacy-kit course")
    register(parser.add_subparsers(dest="action", required=True))
    args = parser.parse_args(list(argv))
    return args.func(args)


def state(course: CourseDir) -> tuple:
    roster = course.roster_path.read_bytes() if course.roster_path.exists() else None
    return roster, hashlib.sha256(course.gradebook_path.read_bytes()).hexdigest()


@pytest.mark.parametrize("lang, word", [("vi", "Dòng"), ("en", "Line")])
def test_bad_roster_prints_every_line_and_changes_nothing(course, tmp_path, capsys, lang, word):
    source = tmp_path / "bad.csv"
    source.write_text(BAD, encoding="utf-8")
    before = state(course)
    assert run("roster", "import", str(source), "--course", str(course.root), "--lang", lang) == 1
    err = capsys.readouterr().err
    assert [int(line.split()[1].rstrip(":")) for line in err.splitlines()
            if line.strip().startswith(word)] == BAD_LINES
    assert "Traceback" not in err
    assert state(course) == before


@pytest.mark.parametrize("content", [b"id,name,village,role\n", b"\xff\xfeid,name\n"])
def test_header_only_and_non_utf8_files_are_refused(course, tmp_path, capsys, content):
    source = tmp_path / "f.csv"
    source.write_bytes(content)
    assert run("roster", "import", str(source), "--course", str(course.root)) == 1
    err = capsys.readouterr().err
    assert "Dòng 1:" in err and "Traceback" not in err


def test_usage_errors_exit_2(course, tmp_path, capsys):
    assert run("roster", "import", str(tmp_path / "nope.csv"), "--course", str(course.root)) == 2
    assert "nope.csv" in capsys.readouterr().err
    assert run("report", "--course", str(tmp_path / "no-course"), "--lang", "en") == 2
    assert "nbgrader_config.py" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        run("report", "--lang", "fr")
    assert caught.value.code == 2


def test_import_report_and_certificates(course, tmp_path, capsys):
    source = tmp_path / "learners.csv"
    source.write_text(roster_csv(delimiter=";"), encoding="utf-8-sig")
    assert run("roster", "import", str(source), "--course", str(course.root)) == 0
    assert t("course.roster_imported", "vi", path=source, added=len(ROSTER), updated=0,
             unchanged=0, kept=0) in capsys.readouterr().out
    assert run("report", "--course", str(course.root)) == 0
    assert (course.reports / "report.html").is_file() and (course.reports / "results.csv").is_file()
    out_dir = tmp_path / "slips"
    assert run("certificates", "--course", str(course.root), "--out", str(out_dir),
               "--lang", "en") == 0
    assert sorted(p.stem for p in out_dir.glob("*.pdf")) == sorted(PASSED)
    assert t("course.cert_written", "en", count=len(PASSED), path=out_dir) in capsys.readouterr().out


def test_settings_language_is_the_default(course, tmp_path, capsys):
    copy = tmp_path / "course"
    import shutil

    shutil.copytree(course.root, copy)
    with open(copy / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write("\nc.CourseSettings.lang = 'en'\n")
    assert run("report", "--course", str(copy)) == 0
    assert '<html lang="en">' in (copy / "reports" / "report.html").read_text(encoding="utf-8")
    assert "Report written" in capsys.readouterr().out


def cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{CLI.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run([str(CLI), *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.skipif(not CLI.exists(), reason="the literacy-kit command is not installed")
def test_end_to_end_through_the_literacy_kit_command(course, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    # Run from the folder above the course, as "./exercises" would be found.
    result = cli("course", "roster", "import", str(bad), "--course", str(course.root),
                 "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [line.split()[1] for line in result.stderr.splitlines()
            if line.strip().startswith("Line")] == [f"{n}:" for n in BAD_LINES]
    assert "Traceback" not in result.stderr
    result = cli("course", "certificates", cwd=course.root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in course.certificates.glob("*.pdf")) == sorted(PASSED)
