"""``literacy-kit bundle``: the offline bundle installs with ``pip --no-index`` into a fresh
virtual environment, and the kiosk starts from it and serves its home screen.

Slow (a whole environment is built and installed): marked ``slow``; CI runs it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from literacy_kit.kiosk.launcher import HEALTH_PATH
from literacy_kit.kiosk.visitor import Visitor
from support import free_port, run_async, wait_http

pytestmark = pytest.mark.slow


def test_bundle_installs_offline_and_the_kiosk_starts(tmp_path):
    cli = Path(sys.executable).with_name("literacy-kit")
    usb = tmp_path / "usb"
    made = subprocess.run([str(cli), "bundle", str(usb), "--speech-bundle", "kiosk_help"],
                          capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stderr[-3000:]
    info = json.loads((usb / "bundle.json").read_text())
    assert any(name.startswith("literacy_kit-") for name in info["wheels"])
    assert any(name.startswith("voila-") for name in info["wheels"])
    assert list((usb / "speech").rglob("*.wav")), "no prewarmed audio"
    assert "cage" in (usb / "debian-packages.txt").read_text().split()
    assert "apt-get" in (usb / "README.txt").read_text()

    target = tmp_path / "target"
    # pip may not reach any index; no byte-compiling keeps the test short
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_NO_COMPILE": "1", "PIP_CONFIG_FILE": os.devnull}
    env.pop("VIRTUAL_ENV", None)
    installed = subprocess.run(["sh", str(usb / "install.sh"), str(target)], capture_output=True,
                               text=True, timeout=900, env=env, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr[-3000:]
    new_cli = target / "venv" / "bin" / "literacy-kit"
    assert (target / "speech").is_dir()

    port = free_port()
    server = subprocess.Popen([str(new_cli), "kiosk", "--port", str(port), "--pool", "0"],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={key: value for key, value in env.items() if key != "PYTHONPATH"})
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_http(url + HEALTH_PATH, timeout=120)
        # the light page's built script and styles came with the wheel
        wait_http(url + "voila/templates/lk-page/static/lk-page.js", timeout=10)
        wait_http(url + "voila/templates/lk-page/static/lk-page.css", timeout=10)

        async def visit():
            async with Visitor(url) as visitor:
                await visitor.open()
                tiles = visitor.find("kiosk-tile")
                await visitor.shutdown_beacon()
                return tiles

        assert len(run_async(visit())) >= 2
    finally:
        server.terminate()
        server.wait(timeout=30)
