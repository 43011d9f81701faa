"""The literacy-kit command: option parsing and validation, without starting servers."""
from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from literacy_kit import cli, doctor, lab
from literacy_kit.i18n import t


@pytest.fixture
def fake_serve(monkeypatch):
    """Replace literacy_kit.kiosk.server with a recorder (the module may not exist yet)."""
    calls = []

    def serve(**kwargs):
        calls.append(kwargs)
        return 0

    module = types.ModuleType("literacy_kit.kiosk.server")
    module.serve = serve
    monkeypatch.setitem(sys.modules, "literacy_kit.kiosk.server", module)
    import literacy_kit.kiosk as kiosk_package

    monkeypatch.setattr(kiosk_package, "server", module, raising=False)
    return calls


def test_kiosk_defaults_reach_serve(fake_serve):
    assert cli.main(["kiosk"]) == 0
    assert fake_serve == [dict(host="127.0.0.1", port=8866, lang="vi", idle_reset=180, pool=1,
                               claim_grace=30, max_unclaimed=12)]


def test_kiosk_options_reach_serve(fake_serve):
    argv = ["kiosk", "--port", "9001", "--host", "0.0.0.0", "--lang", "en",
            "--idle-reset", "2.5", "--pool", "0", "--claim-grace", "12.5", "--max-unclaimed", "0"]
    assert cli.main(argv) == 0
    assert fake_serve == [dict(host="0.0.0.0", port=9001, lang="en", idle_reset=2.5, pool=0,
                               claim_grace=12.5, max_unclaimed=0)]


def test_kiosk_exit_code_comes_from_serve(monkeypatch, fake_serve):
    sys.modules["literacy_kit.kiosk.server"].serve = lambda **kwargs: 3
    assert cli.main(["kiosk"]) == 3


@pytest.mark.parametrize("argv, key", [
    (["--port", "0"], "error_port_range"),
    (["--port", "70000"], "error_port_range"),
    (["--port", "http"], "error_not_integer"),
    (["--idle-reset", "0"], "error_idle_positive"),
    (["--idle-reset", "-5"], "error_idle_positive"),
    (["--idle-reset", "nan"], "error_idle_positive"),
    (["--idle-reset", "soon"], "error_not_number"),
    (["--pool", "-1"], "error_pool_negative"),
    (["--pool", "1.5"], "error_not_integer"),
    (["--claim-grace", "0"], "error_idle_positive"),
    (["--claim-grace", "soon"], "error_not_number"),
    (["--max-unclaimed", "-1"], "error_unclaimed_negative"),
    (["--max-unclaimed", "two"], "error_not_integer"),
    (["--host", " "], "error_host_empty"),
])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bad_kiosk_options_give_a_message_not_a_traceback(fake_serve, capsys, argv, key, lang):
    assert cli.main(["kiosk", "--lang", lang, *argv]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    expected_start = t(f"cli.{key}", lang).split("{")[0]
    assert expected_start.strip() in err or argv[0] in err
    assert fake_serve == []


def test_messages_follow_lang(fake_serve, capsys):
    cli.main(["kiosk", "--lang", "en", "--pool", "-1"])
    assert "cannot be negative" in capsys.readouterr().err
    cli.main(["kiosk", "--pool", "-1"])
    assert "cannot be negative" not in capsys.readouterr().err


def test_unknown_lang_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["kiosk", "--lang", "fr"])
    assert info.value.code == 2


def test_missing_kiosk_module_is_reported(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "literacy_kit.kiosk.server", None)
    assert cli.main(["kiosk", "--lang", "en"]) == 1
    assert "could not start" in capsys.readouterr().err


def test_help_is_translated(capsys):
    with pytest.raises(SystemExit):
        cli.main(["kiosk", "--lang", "en", "--help"])
    assert t("cli.kiosk_help", "en") in capsys.readouterr().out


def _lab_args(*argv):
    return cli.build_parser("en").parse_args(["lab", *argv])


def test_lab_launch_for_existing_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    launch = cli.prepare_lab(_lab_args("--dir", str(tmp_path), "--port", "8899", "--no-browser"), "en")
    assert launch.command[1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in launch.command
    assert "--ServerApp.port=8899" in launch.command
    assert "--no-browser" in launch.command
    assert launch.cwd == str(tmp_path.resolve())
    assert launch.env["JUPYTERLAB_SETTINGS_DIR"] == str(
        tmp_path / "data" / "literacy-kit" / "lab-user-settings")


@pytest.mark.parametrize("argv, text", [
    (["--dir", "/nonexistent/lessons"], "does not exist"),
    (["--port", "99999"], "between 1 and 65535"),
])
def test_bad_lab_options(tmp_path, capsys, argv, text):
    if argv[0] == "--port":
        argv = ["--dir", str(tmp_path), *argv]
    assert cli.main(["lab", "--lang", "en", *argv]) == 2
    assert text in capsys.readouterr().err


def test_run_lab_installs_settings_and_runs_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    started = {}

    class FakePopen:
        def __init__(self, command, env, cwd):
            started.update(command=command, env=env, cwd=cwd)

        def wait(self):
            return 0

    monkeypatch.setattr(cli.subprocess, "Popen", FakePopen)
    assert cli.main(["lab", "--dir", str(tmp_path), "--no-browser"]) == 0
    settings = Path(started["env"]["JUPYTERLAB_SETTINGS_DIR"])
    assert (settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings").is_file()
    assert started["cwd"] == str(tmp_path.resolve())


def test_default_lessons_dir_is_the_repository_one():
    repo_lessons = Path(lab.__file__).resolve().parent.parent / "lessons"
    if repo_lessons.is_dir():
        assert lab.default_lessons_dir() == repo_lessons


@pytest.mark.parametrize("results, code", [
    ([doctor.Check("python", True, "3.11")], 0),
    ([doctor.Check("python", True, "3.11"),
      doctor.Check("chromium", False, "chromium", "sudo apt-get install -y chromium")], 1),
])
def test_doctor_exit_code(monkeypatch, capsys, results, code):
    monkeypatch.setattr(doctor, "run_checks", lambda: results)
    assert cli.main(["doctor", "--lang", "en"]) == code
    out = capsys.readouterr().out
    assert out.count("[OK]") == sum(r.ok for r in results)
    if code:
        assert "[MISSING]" in out
        assert "sudo apt-get install -y chromium" in out


def test_doctor_prints_in_vietnamese_by_default(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "run_checks",
                        lambda: [doctor.Check("chromium", False, "chromium", "sudo apt-get install -y chromium")])
    assert cli.main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert t("cli.doctor_missing", "vi") in out
    assert t("cli.doctor_chromium", "vi") in out


def test_every_doctor_check_has_a_label():
    for check in doctor.run_checks():
        for lang in ("vi", "en"):
            assert t(f"cli.doctor_{check.name}", lang) != f"cli.doctor_{check.name}"


def test_unwritable_settings_dir_does_not_stop_lab(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))

    class FakePopen:
        def __init__(self, command, env, cwd):
            pass

        def wait(self):
            return 0

    monkeypatch.setattr(cli.subprocess, "Popen", FakePopen)
    assert cli.main(["lab", "--lang", "en", "--dir", str(tmp_path)]) == 0
    assert "Could not write" in capsys.readouterr().err
