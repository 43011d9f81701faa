"""``literacy-kit kiosk install``: units and policy written below a folder, checked with
``systemd-analyze verify``; the launcher's watchdog logic; the doctor's service line."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from literacy_kit.cli import main as cli_main
from literacy_kit.doctor import check_kiosk_service
from literacy_kit.kiosk import install as install_mod
from literacy_kit.kiosk.install import DISPLAY_UNIT, POLICY_DIR, SERVER_UNIT, UNIT_DIR, KioskInstall
from literacy_kit.kiosk.launcher import KIOSK_FLAGS, Launcher, chromium_command


def test_install_writes_units_and_policy_and_uninstall_removes_them(tmp_path, capsys):
    assert cli_main(["kiosk", "install", "--root", str(tmp_path), "--port", "8870", "--lang", "en"]) == 0
    server = (tmp_path / UNIT_DIR / SERVER_UNIT).read_text()
    assert "User=lk-kiosk" in server and "Restart=on-failure" in server
    assert "--port 8870" in server and "--host 127.0.0.1" in server and "--lang en" in server
    assert "WantedBy=multi-user.target" in server
    display = (tmp_path / UNIT_DIR / DISPLAY_UNIT).read_text()
    assert "kiosk launch --url http://127.0.0.1:8870/" in display and "TTYPath=/dev/tty1" in display
    policy = json.loads((tmp_path / POLICY_DIR / "literacy-kit-kiosk.json").read_text())
    assert policy["DeveloperToolsAvailability"] == 2 and policy["DownloadRestrictions"] == 3
    assert policy["TranslateEnabled"] is False and policy["PasswordManagerEnabled"] is False
    assert policy["ForceEphemeralProfiles"] is True and policy["IncognitoModeAvailability"] == 2
    assert policy["URLAllowlist"] == ["http://127.0.0.1:8870"] and "view-source:*" in policy["URLBlocklist"]
    assert SERVER_UNIT in capsys.readouterr().out
    assert cli_main(["kiosk", "uninstall", "--root", str(tmp_path)]) == 0
    assert not (tmp_path / UNIT_DIR / SERVER_UNIT).exists()
    assert not (tmp_path / POLICY_DIR / "literacy-kit-kiosk.json").exists()


def test_units_pass_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing: sudo apt-get install -y systemd"
    setup = KioskInstall(root=tmp_path, cage=shutil.which("cage") or "/usr/bin/cage")
    assert shutil.which("cage"), "cage is missing: sudo apt-get install -y cage"
    setup.install()
    units = [str(tmp_path / UNIT_DIR / name) for name in (SERVER_UNIT, DISPLAY_UNIT)]
    result = subprocess.run([analyze, "verify", *units], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path / UNIT_DIR)
    assert result.returncode == 0, result.stderr
    mine = [line for line in result.stderr.splitlines() if "literacy-kit" in line]
    assert not mine, mine  # no unknown keys or bad values in our units


def test_live_install_needs_root(monkeypatch, capsys):
    monkeypatch.setattr("os.geteuid", lambda: 1000)
    assert cli_main(["kiosk", "install"]) == 1
    assert "sudo" in capsys.readouterr().err


def test_doctor_reports_the_service_state(monkeypatch):
    monkeypatch.setattr(install_mod, "service_state", lambda: "failed")
    result = check_kiosk_service()
    assert not result.ok and result.detail == "failed" and "systemctl restart" in result.install
    monkeypatch.setattr(install_mod, "service_state", lambda: "not-installed")
    assert check_kiosk_service().ok


def test_browser_command_is_kiosk_mode_with_a_fresh_profile():
    command = chromium_command("/usr/bin/chromium", "http://127.0.0.1:8866/", "/tmp/p")
    for flag in ("--kiosk", "--incognito", "--disable-pinch", "--overscroll-history-navigation=0"):
        assert flag in command
    assert command[-1] == "http://127.0.0.1:8866/" and "--user-data-dir=/tmp/p" in command
    assert set(KIOSK_FLAGS) <= set(command)


def test_watchdog_restarts_the_browser_when_it_exits_or_the_server_comes_back(tmp_path):
    fake = tmp_path / "browser"
    fake.write_text("#!/bin/sh\nexec sleep 60\n")
    fake.chmod(0o755)
    up = {"value": True}
    launcher = Launcher("http://127.0.0.1:1/", chromium=str(fake), fail_after=2,
                        probe=lambda url: up["value"])
    try:
        assert launcher.step() == "restarted" and launcher.starts == 1  # no browser yet
        assert launcher.step() == "ok"
        launcher.process.kill()
        launcher.process.wait()
        assert launcher.step() == "restarted" and launcher.starts == 2  # browser died
        up["value"] = False
        assert [launcher.step(), launcher.step()] == ["down", "down"]
        up["value"] = True
        assert launcher.step() == "restarted" and launcher.starts == 3  # server came back
    finally:
        launcher.stop_browser()
    assert launcher.profile is None
