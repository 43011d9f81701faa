"""literacy-kit doctor: each check reports MISSING with the exact install command."""
from __future__ import annotations

import stat
import subprocess
import sys

import pytest

from literacy_kit import doctor


def _script(folder, name, body):
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def empty_path(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("LK_CHROMIUM", raising=False)
    return folder


def test_missing_chromium(empty_path, monkeypatch):
    monkeypatch.setattr(doctor, "CHROMIUM_PATHS", (str(empty_path / "no-chromium"),))
    result = doctor.check_chromium()
    assert not result.ok
    assert result.install == "sudo apt-get install -y chromium"


def test_chromium_found_on_path(empty_path, monkeypatch):
    monkeypatch.setattr(doctor, "CHROMIUM_PATHS", ())
    fake = _script(empty_path, "chromium", "exit 0")
    result = doctor.check_chromium()
    assert result.ok and result.detail == str(fake)


def test_lk_chromium_override(empty_path, monkeypatch):
    monkeypatch.setattr(doctor, "CHROMIUM_PATHS", ())
    fake = _script(empty_path, "my-chromium", "exit 0")
    monkeypatch.setenv("LK_CHROMIUM", str(fake))
    assert doctor.check_chromium().detail == str(fake)


def test_fonts_without_fontconfig(empty_path):
    result = doctor.check_mono_font()
    assert not result.ok
    assert result.install == "sudo apt-get install -y fontconfig fonts-noto-mono"


@pytest.mark.skipif(sys.platform == "win32", reason="shell script stands in for fc-list")
@pytest.mark.parametrize("families, ui_ok, mono_ok", [
    ("DejaVu Sans\nDejaVu Sans Mono", False, False),
    ("Noto Sans,Noto Sans Regular\nDejaVu Sans", True, False),
    ("Noto Sans\nNoto Sans Mono", True, True),
])
def test_fonts_from_fc_list(empty_path, families, ui_ok, mono_ok):
    _script(empty_path, "fc-list", f"printf '%s\\n' '{families}'")
    ui, mono = doctor.check_ui_font(), doctor.check_mono_font()
    assert (ui.ok, mono.ok) == (ui_ok, mono_ok)
    if not ui_ok:
        assert ui.install == "sudo apt-get install -y fonts-noto-core"
    if not mono_ok:
        assert mono.install == "sudo apt-get install -y fonts-noto-mono"


def test_font_check_passes_lang_vi(empty_path):
    seen = []

    def run(command, **kwargs):
        seen.append(command)
        return subprocess.CompletedProcess(command, 0, stdout="Noto Sans Mono\n", stderr="")

    _script(empty_path, "fc-list", "exit 0")
    assert doctor.font_check("mono_font", "Noto Sans Mono", "fonts-noto-mono", run=run).ok
    assert seen[0][1:] == [":lang=vi", "family"]


def test_missing_module_gives_a_pip_command():
    result = doctor.module_check("voila", "no_such_module_lk", doctor.pip("voila"))
    assert not result.ok
    assert "-m pip install" in result.install
    assert "voila" in result.install


def test_pip_command_uses_the_declared_range():
    command = doctor.pip("voila")
    assert "voila" in command and ">=0.5.6" in command


def test_language_pack_name():
    result = doctor.check_language_pack()
    assert result.name == "language_pack"
    assert result.ok == (doctor.importlib.util.find_spec(doctor.LANGUAGE_PACK_MODULE) is not None)


def test_python_version_check():
    assert doctor.check_python().ok


def test_a_crashing_check_is_reported_not_raised():
    def check_espeak():
        raise OSError("boom")

    results = doctor.run_checks([doctor.check_python, check_espeak])
    assert [r.name for r in results] == ["python", "espeak"]
    assert results[0].ok and not results[1].ok
    assert "boom" in results[1].detail


def test_all_checks_run_on_this_machine():
    results = doctor.run_checks()
    assert {r.name for r in results} >= {"python", "chromium", "ui_font", "mono_font",
                                         "language_pack", "voila", "nbgrader"}
    assert all(r.install for r in results if not r.ok)
