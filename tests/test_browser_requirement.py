"""On CI a missing Chromium fails the browser tests; on a laptop it skips them with a hint."""
from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT

TARGET = "tests/kiosk/test_kiosk_browser.py::test_language_toggle_relabels_the_home_screen"


def run_without_chromium(require: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ, LK_CHROMIUM=str(ROOT / "no-such-chromium"))
    env.pop("LK_REQUIRE_BROWSER", None)
    if require:
        env["LK_REQUIRE_BROWSER"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", TARGET],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_missing_chromium_fails_when_required():
    result = run_without_chromium(require=True)
    assert result.returncode == 1, result.stdout
    assert "Chromium not found" in result.stdout
    assert "1 error" in result.stdout or "1 failed" in result.stdout


def test_missing_chromium_skips_with_the_install_command_otherwise():
    result = run_without_chromium(require=False)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "apt-get install -y chromium" in result.stdout
