"""Does a visitor's typing outlive the idle reset? Checked on the real kiosk browser.

:func:`run` starts Chromium the way the touchscreen does, through the kiosk's own
:class:`~literacy_kit.kiosk.launcher.Launcher` (its flags, its throw-away profile) and, where
the machine allows it, under the kiosk's enforced Chromium policy (forced incognito,
ephemeral profile, ...). The policy is never written to this machine's ``/etc``: Chromium
runs in a private mount namespace in which a temporary copy of ``/etc/chromium``, holding
the policy, is mounted over the real one (root and ``unshare`` needed; otherwise the
launcher's flags alone are checked, and the result says so).

A made-up number is typed by taps on the on-screen keypad (driven over the DevTools
protocol, the only flag added to the launcher's), the visitor walks away, the idle reset
brings the home screen back, the launcher closes Chromium. The number is then searched,
as bytes, UTF-16 and URL-encoded, in the browser's profile (before and after the launcher
removes it), its home, caches and runtime folders, the kiosk server's log, home and
temporary folders, and the files of the system's temporary folders changed meanwhile.

Used by ``benchmarks/kiosk_soak.py`` and a slow test. No visitor data is involved: the
number is random and starts with ``0791``.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .install import KioskInstall
from .launcher import HEALTH_PATH, Launcher

HEADLESS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")
SYSTEM_TEMP = ("/tmp", "/var/tmp", "/dev/shm")


def made_up_number() -> str:
    return "0791" + "".join(random.choice("0123456789") for _ in range(8))


def needles(secret: str) -> tuple[bytes, ...]:
    return (secret.encode(), secret.encode("utf-16-le"), secret.encode("utf-16-be"))


def files_holding(base: Path, patterns: tuple[bytes, ...], since: float = 0.0,
                  skip: tuple[Path, ...] = ()) -> list[Path]:
    """Regular files under ``base`` (changed since ``since``) that contain any pattern."""
    found = []
    for path in _walk(base):
        try:
            if any(path == s or s in path.parents for s in skip) or path.is_symlink() or not path.is_file():
                continue
            stat = path.stat()
            if stat.st_mtime < since or stat.st_size > 200e6:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(pattern in data for pattern in patterns):
            found.append(path)
    return found


def _walk(base: Path):
    """Files below ``base``; folders that vanish meanwhile (others' temporary files) are skipped."""
    if base.is_file():
        yield base
        return
    for folder, _dirs, names in os.walk(base, onerror=lambda error: None):
        for name in names:
            yield Path(folder) / name


# -- the policy, in a private mount namespace ---------------------------------------

def policy_wrapper(folder: Path, chromium: str, port: int) -> Path | None:
    """A script that runs ``chromium`` with the kiosk policy mounted over ``/etc/chromium``.

    None when this machine cannot do it (not root, no ``unshare``, mounting refused).
    """
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        return None
    etc = folder / "etc-chromium"
    if Path("/etc/chromium").is_dir():
        shutil.copytree("/etc/chromium", etc, symlinks=True)
    for relative, text in KioskInstall(port=port).files().items():
        if relative.parts[:2] == ("etc", "chromium"):
            policy = json.loads(text)
            # The one change: the taps come over the DevTools protocol, which the kiosk's
            # policy (rightly) closes; everything else is the kiosk's own policy.
            policy["DeveloperToolsAvailability"] = 1
            target = etc / Path(*relative.parts[2:])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(policy, indent=2), encoding="utf-8")
    script = folder / "chromium-with-policy"
    script.write_text(
        "#!/bin/sh\n"
        f"exec {unshare} --mount --propagation private sh -c "
        "'mount --bind \"$0\" /etc/chromium && exec \"$@\"' "
        f"'{etc}' '{chromium}' \"$@\"\n", encoding="utf-8")
    script.chmod(0o700)
    probe = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    return script if probe.returncode == 0 else None


# -- taps over the DevTools protocol ----------------------------------------------

class Page:
    """The kiosk page in Chromium, driven over the DevTools protocol (one websocket)."""

    def __init__(self, profile: Path):
        self.profile = profile
        self._ws = None
        self._next = 0

    async def connect(self, timeout: float = 60.0) -> None:
        from tornado.httpclient import AsyncHTTPClient
        from tornado.websocket import websocket_connect

        deadline = time.monotonic() + timeout
        while True:
            try:
                port = int((self.profile / "DevToolsActivePort").read_text().split()[0])
                response = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/json/list")
                pages = [t for t in json.loads(response.body) if t.get("type") == "page"]
                if pages:
                    self._ws = await websocket_connect(pages[0]["webSocketDebuggerUrl"])
                    return
            except (OSError, ValueError, IndexError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium's DevTools endpoint did not answer")
            await asyncio.sleep(0.5)

    async def evaluate(self, expression: str):
        self._next += 1
        await self._ws.write_message(json.dumps({"id": self._next, "method": "Runtime.evaluate",
                                                 "params": {"expression": expression,
                                                            "returnByValue": True}}))
        while True:
            reply = json.loads(await self._ws.read_message())
            if reply.get("id") == self._next:
                return reply.get("result", {}).get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 60.0):
        deadline = time.monotonic() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(expression)
            await asyncio.sleep(0.2)

    async def tap(self, selector: str, timeout: float = 60.0) -> None:
        """Click the first visible element matching ``selector`` once it is there."""
        script = ("(() => { const el = [...document.querySelectorAll(%s)]"
                  ".find(e => e.offsetParent !== null); if (!el) return false; el.click(); return true; })()"
                  % json.dumps(selector))
        await self.wait_for(script, timeout)

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


async def type_and_walk_away(page: Page, secret: str, idle_timeout: float) -> float:
    """Tap the number into the help tile's practice field; seconds until the idle reset."""
    await page.connect()
    await page.tap(".lk-kiosk-tile-help")
    await page.tap(".lk-help-practice-field .lk-field-keyboard-toggle")
    for digit in secret:
        await page.tap(f".lk-help-practice-field .lk-keyboard .lk-key-{digit}")
        await asyncio.sleep(0.15)
    await page.wait_for("(() => { const i = document.querySelector('.lk-help-practice-field input');"
                        f" return i && i.value === {json.dumps(secret)}; }})()", timeout=30)
    started = time.monotonic()
    await page.wait_for("(() => { const h = document.querySelector('.lk-kiosk-home');"
                        " return !!h && h.offsetParent !== null; })()", timeout=idle_timeout)
    return time.monotonic() - started


async def blocked(page: Page, url: str) -> bool:
    """Whether Chromium shows an error page for ``url``, an address that answers (so the
    refusal can only come from the policy's allowlist)."""
    await page.evaluate(f"location.href = {json.dumps(url)}")
    await asyncio.sleep(3)
    href = await page.wait_for("document.readyState === 'complete' && location.href", timeout=15)
    return href.startswith("chrome-error:")


def run(url: str, scan_root: Path, server_places: dict[str, Path], chromium: str = "/usr/bin/chromium",
        idle_timeout: float = 90.0, use_policy: bool = True) -> dict:
    """Type a made-up number in the real kiosk browser, let the idle reset happen, close it,
    and search for the number; returns what was found where (relative paths)."""
    secret = made_up_number()
    patterns = needles(secret)
    scan_root.mkdir(parents=True, exist_ok=True)
    browser_home = scan_root / "browser-home"
    browser_tmp = scan_root / "browser-tmp"
    for folder in (browser_home, browser_tmp):
        folder.mkdir(exist_ok=True)
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    wrapper = policy_wrapper(scan_root, chromium, port) if use_policy else None
    saved = {name: os.environ.get(name) for name in ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")}
    os.environ.update(HOME=str(browser_home), TMPDIR=str(browser_tmp),
                      XDG_CONFIG_HOME=str(browser_home / ".config"),
                      XDG_CACHE_HOME=str(browser_home / ".cache"))
    tempfile.tempdir = None  # the launcher's profile goes under TMPDIR, inside the scan
    started = time.time() - 1
    result = {"secret_length": len(secret), "policy": wrapper is not None}
    launcher = Launcher(url, chromium=str(wrapper or chromium),
                        extra=HEADLESS + ("--remote-debugging-port=0",))
    try:
        launcher.start_browser()
        profile = Path(launcher.profile)

        async def visit():
            page = Page(profile)
            try:
                result["idle_reset_s"] = await type_and_walk_away(page, secret, idle_timeout)
                await asyncio.sleep(2)
                result["while_open"] = _where(patterns, {"browser profile": profile}, scan_root)
                # proof that the policy is in force: an address it does not allow is refused
                # (the kiosk's own static file, under a host name the allowlist does not name)
                result["policy_in_force"] = await blocked(page, f"http://localhost:{port}/{HEALTH_PATH}")
            finally:
                page.close()

        _run_apart(visit())
        # the launcher's own close: Chromium ends, then its profile folder is removed
        process = launcher.process
        process.terminate()
        process.wait(timeout=20)
        result["profile_after_close"] = _where(patterns, {"browser profile": profile}, scan_root)
        launcher.stop_browser()
        result["profile_removed"] = not profile.exists()
    finally:
        launcher.stop_browser()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        tempfile.tempdir = None
    places = {"browser home and caches": browser_home, "browser temporary folder": browser_tmp,
              **server_places}
    result["after"] = _where(patterns, places, scan_root)
    result["system temporary folders"] = [
        str(path) for base in SYSTEM_TEMP
        for path in files_holding(Path(base), patterns, since=started, skip=(scan_root,))]
    return result


def _run_apart(coroutine):
    """Run a coroutine on an event loop of its own thread (a caller's loop, Playwright's
    say, may already be running in this one)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _where(patterns, places: dict[str, Path], root: Path) -> dict[str, list[str]]:
    found = {}
    for name, base in places.items():
        hits = files_holding(base, patterns)
        found[name] = [str(p.relative_to(root)) if root in p.parents else str(p) for p in hits]
    return found
