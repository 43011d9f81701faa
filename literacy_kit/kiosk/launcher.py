"""The touchscreen's browser: wait for the kiosk server, open Chromium in kiosk mode, watch.

``literacy-kit kiosk launch`` runs this (inside ``cage`` on the mini-PC, see
:mod:`~literacy_kit.kiosk.install`). The watchdog checks the server every few seconds on a
static file (a check on the page itself would take a kernel each time). When the server
stops answering and then answers again (systemd restarted it), or when Chromium exits,
Chromium is started again on the kiosk's address with a fresh, throw-away profile: a
fresh page, nothing kept from the visitor before.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable

HEALTH_PATH = "voila/templates/lk-kiosk/static/lk-kernel-watch.js"
#: Kiosk mode, and what the policy file cannot switch off on Linux: pinch zoom, swipe
#: back/forward, first-run and crash bubbles, translate.
KIOSK_FLAGS = ("--kiosk", "--incognito", "--no-first-run", "--noerrdialogs",
               "--disable-pinch", "--overscroll-history-navigation=0",
               "--disable-features=Translate,TouchpadOverscrollHistoryNavigation",
               "--disable-session-crashed-bubble", "--disable-background-networking",
               "--disable-component-update", "--check-for-update-interval=31536000")


def answers(url: str, timeout: float = 3.0) -> bool:
    """Whether the kiosk server serves its static health file."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/" + HEALTH_PATH, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def chromium_command(chromium: str, url: str, profile: str, extra: tuple[str, ...] = ()) -> list[str]:
    return [chromium, *KIOSK_FLAGS, f"--user-data-dir={profile}", *extra, url]


class Launcher:
    """Runs and watches one Chromium; :meth:`step` is one watchdog round (tests call it)."""

    def __init__(self, url: str, chromium: str = "/usr/bin/chromium", extra: tuple[str, ...] = (),
                 check_every: float = 5.0, fail_after: int = 3,
                 probe: Callable[[str], bool] = answers):
        self.url = url
        self.chromium = chromium
        self.extra = tuple(extra)
        self.check_every = check_every
        self.fail_after = fail_after
        self.probe = probe
        self.process: subprocess.Popen | None = None
        self.profile: str | None = None
        self.failures = 0
        self.starts = 0

    def wait_for_server(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.probe(self.url):
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(1.0)
        return True

    def start_browser(self) -> None:
        self.stop_browser()
        self.profile = tempfile.mkdtemp(prefix="lk-kiosk-browser-")
        self.process = subprocess.Popen(chromium_command(self.chromium, self.url, self.profile, self.extra),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        self.starts += 1

    def stop_browser(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.send_signal(signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)  # nothing kept between visitors
            self.profile = None

    def step(self) -> str:
        """One round: ``ok``, ``down`` (server not answering), or ``restarted``."""
        if self.probe(self.url):
            was_down = self.failures >= self.fail_after
            self.failures = 0
            if was_down or self.process is None or self.process.poll() is not None:
                self.start_browser()
                return "restarted"
            return "ok"
        self.failures += 1
        return "down"

    def run(self) -> int:
        self.wait_for_server()
        self.start_browser()
        try:
            while True:
                time.sleep(self.check_every)
                self.step()
        except KeyboardInterrupt:
            return 0
        finally:
            self.stop_browser()


def launch(url: str, chromium: str, extra: tuple[str, ...] = ()) -> int:
    """Run until stopped (systemd stops it)."""
    signal.signal(signal.SIGTERM, _interrupt)
    return Launcher(url, chromium, extra).run()


def _interrupt(signum, frame):
    raise KeyboardInterrupt
