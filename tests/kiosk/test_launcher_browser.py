"""The kiosk launcher against a real kiosk server and the real Chromium (headless here):
it opens the kiosk page, and after the server is killed and started again its watchdog
opens a fresh page on the new server."""
from __future__ import annotations

import signal

import psutil
import pytest

from literacy_kit.kiosk.launcher import Launcher
from support import KioskServer, browser_required, chromium_path

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser

HEADLESS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")


def kill_tree(server: KioskServer) -> None:
    root = psutil.Process(server.process.pid)
    for process in [root, *root.children(recursive=True)]:
        try:
            process.send_signal(signal.SIGKILL)
        except psutil.Error:
            pass
    server.process.wait(timeout=10)


def test_launcher_opens_the_kiosk_and_recovers_after_the_server_is_killed():
    path = chromium_path()
    if path is None:
        message = "Chromium not found: sudo apt-get install -y chromium"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    first = KioskServer(pool=0).start()
    second = KioskServer(pool=0)
    second.port, second.url = first.port, first.url
    second.command = list(first.command)
    launcher = Launcher(first.url, chromium=path, extra=HEADLESS, fail_after=2)
    try:
        assert launcher.wait_for_server(timeout=30)
        launcher.start_browser()
        # the page it opened took a kernel: the kiosk is on screen
        assert wait_until(lambda: len(kiosk_kernels(first)) >= 1, timeout=60)
        kill_tree(first)
        assert [launcher.step(), launcher.step()] == ["down", "down"]
        second.start()  # what systemd's Restart= does
        assert launcher.step() == "restarted"
        assert wait_until(lambda: len(kiosk_kernels(second)) >= 1, timeout=60)
        assert launcher.starts == 2
    finally:
        launcher.stop_browser()
        second.stop()
        first.stop()
