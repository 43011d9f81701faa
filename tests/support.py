"""Helpers for tests that start real servers (kiosk, JupyterLab) and the system Chromium."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from literacy_kit.kiosk.launcher import HEALTH_PATH

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def chromium_path() -> str | None:
    """The system Chromium; ``LK_CHROMIUM``, when set, is the only place looked at."""
    override = os.environ.get("LK_CHROMIUM")
    candidates = (override,) if override else ("/usr/bin/chromium", shutil.which("chromium"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def browser_required() -> bool:
    return os.environ.get("LK_REQUIRE_BROWSER", "") not in ("", "0")


def speech_required() -> bool:
    """CI sets ``LK_REQUIRE_SPEECH=1``: a missing espeak-ng fails the speech tests there."""
    return os.environ.get("LK_REQUIRE_SPEECH", "") not in ("", "0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout} s")
        time.sleep(0.2)


class KioskServer:
    """``literacy-kit kiosk`` started through the real command-line tool."""

    def __init__(self, idle_reset: float = 180, pool: int = 1, lang: str = "vi",
                 memory_cap: int | None = None, claim_grace: float | None = None,
                 max_unclaimed: int | None = None):
        self.port = self._chosen_port = free_port()
        #: address space each of its processes may use (bytes), for tests that try to make
        #: the server grow: a failure then stays a failed test, not a machine out of memory
        self.memory_cap = memory_cap
        self.url = f"http://127.0.0.1:{self.port}/"
        cli = Path(sys.executable).with_name("literacy-kit")
        self.command = [str(cli), "kiosk", "--port", str(self.port), "--idle-reset", str(idle_reset),
                        "--pool", str(pool), "--lang", lang]
        if claim_grace is not None:  # seconds a sent page has to connect to its kernel
            self.command += ["--claim-grace", str(claim_grace)]
        if max_unclaimed is not None:  # pages at most waiting to connect, besides the pool
            self.command += ["--max-unclaimed", str(max_unclaimed)]
        self.log_path = ARTIFACTS / f"kiosk-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120.0) -> "KioskServer":
        """Start the server and wait until it answers. A port another process took between
        :func:`free_port` and the server's bind makes the server exit at once: then a new
        port is tried, unless a test fixed the port itself."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for attempt in range(3):
            with open(self.log_path, "wb") as log:
                self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT,
                                                preexec_fn=self._cap if self.memory_cap else None)
            try:
                if self._wait_up(timeout):
                    return self
            except BaseException:
                # the fixture that called start() never reaches its stop(): a server slow to
                # come up would otherwise keep running, with its kernels, after the test
                self.stop()
                raise
            if self.port != self._chosen_port or attempt == 2:
                break
            self._move_to(free_port())
        raise RuntimeError(f"the kiosk server exited at start:\n{self.log()[-2000:]}")

    def _wait_up(self, timeout: float) -> bool:
        """True once the server answers; False if it exited first; TimeoutError if neither."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            try:
                # A static asset, not "/": every GET of the page takes a kernel.
                wait_http(self.url + HEALTH_PATH, timeout=min(2.0, max(0.0, deadline - time.monotonic())))
                return True
            except TimeoutError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{self.url} did not answer within {timeout} s") from None
        return False

    def _move_to(self, port: int) -> None:
        where = self.command.index("--port") + 1
        self.command[where] = str(port)
        self.port = self._chosen_port = port
        self.url = f"http://127.0.0.1:{port}/"
        self.log_path = ARTIFACTS / f"kiosk-{port}.log"

    def _cap(self) -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (self.memory_cap, self.memory_cap))

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def run_async(coroutine):
    """Run a coroutine on a fresh event loop in its own thread.

    Playwright's sync API keeps an event loop running in the main thread once a browser
    test has started, and ``asyncio.run`` refuses to start inside a running loop.
    """
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


NAME_WITH_EVERY_TONE = "Đỗ Thị Hoà Lý Khải"  # nga, nang, huyen, sac, hoi: all five tones


def taps_for(text: str) -> list[str]:
    """Keys a visitor taps for ``text``: base letters, shift for capitals, tones last."""
    import unicodedata

    from literacy_kit.core.keyboard import TONES

    tone_of = {mark: key for key, mark in TONES.items()}
    keys: list[str] = []
    for word_index, word in enumerate(text.split(" ")):
        if word_index:
            keys.append("space")
        tone = None
        for ch in word:
            parts = unicodedata.normalize("NFD", ch)
            marks = [m for m in parts[1:] if m in tone_of]
            tone = tone_of[marks[0]] if marks else tone
            letter = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tone_of))
            if letter != letter.lower():
                keys.append("shift")
            keys.append(letter.lower())
        if tone:
            keys.append(tone)
    return keys
