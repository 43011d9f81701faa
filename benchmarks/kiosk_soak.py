"""Kiosk soak, load and privacy: one run on this machine, figures printed.

* ``--cycles`` open-tap-home cycles by protocol-level visitors (page, kernel websocket,
  widget states, a tap on a tile, a tap on Home, the page's beacon on leaving): latency
  p50/p95, and the server's memory (server process, and all its kernels) every 25 cycles;
* ``--reloads`` reloads (a visitor leaves with the beacon and comes straight back): the
  most kernels seen and the kernels left;
* bursts of visitors arriving at once (``--bursts``): time to the home screen, failures,
  and the kernels left once they all left (recovery);
* a privacy scan: a visitor in Chromium types a made-up 12-digit number, walks away; after
  the idle reset the number is searched in the server's log, its runtime and temporary
  folders, its home and caches, the speech cache and the browser's profile.

The server runs with its own HOME, TMPDIR and speech cache, so the scan sees all it wrote.

Usage:  .venv/bin/python benchmarks/kiosk_soak.py [--cycles 300] [--reloads 40]
        [--bursts 10,20,30] [--pool 2] [--no-privacy]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from literacy_kit.kiosk.launcher import KIOSK_FLAGS
from kiosk_startup import CHROMIUM_ARGS, burst, free_port, kernel_count, percentile, wait_http

VENV_BIN = Path(sys.executable).parent
HEALTH = "voila/templates/lk-kiosk/static/fontawesome/css/all.min.css"


#: Address space each kiosk process may use here. A legacy-protocol client tapping a tile
#: that sends images once made the Voila server grow past 18 GB (now refused, see
#: ``kiosk/websocket_guard.py``): the cap turns any such regression into a failed run
#: instead of a machine out of memory.
MEMORY_CAP = 4 << 30


def _memory_cap() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


class Server:
    """``literacy-kit kiosk`` with a private HOME, TMPDIR and speech cache."""

    def __init__(self, root: Path, pool: int, idle_reset: float):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        for name in ("home", "tmp", "speech"):
            (root / name).mkdir(parents=True, exist_ok=True)
        self.log = root / "server.log"
        env = {**os.environ, "HOME": str(root / "home"), "TMPDIR": str(root / "tmp"),
               "LK_SPEECH_CACHE": str(root / "speech")}
        self.process = subprocess.Popen(
            [str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(self.port), "--pool", str(pool),
             "--idle-reset", str(idle_reset)],
            stdout=open(self.log, "wb"), stderr=subprocess.STDOUT, env=env, preexec_fn=_memory_cap)
        wait_http(self.url + HEALTH)

    def memory_mb(self) -> tuple[float, float]:
        """(RSS of the Voila server process, USS of everything below the launcher)."""
        root = psutil.Process(self.process.pid)
        server_rss, total_uss = 0.0, 0.0
        for process in [root, *root.children(recursive=True)]:
            try:
                info = process.memory_full_info()
                total_uss += info.uss / 1e6
                if "kiosk.voila_app" in " ".join(process.cmdline()):
                    server_rss = info.rss / 1e6
            except psutil.Error:
                continue
        return server_rss, total_uss

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def cycle(url: str) -> float:
    from literacy_kit.kiosk.visitor import Visitor

    started = time.perf_counter()
    async with Visitor(url, timeout=60) as visitor:
        await visitor.open()
        tiles = sorted(visitor.find("kiosk-tile"))
        await visitor.tap(random.choice(tiles), wait=5)
        [home] = visitor.find("kiosk-home-button")
        await visitor.tap(home, wait=5)
        elapsed = time.perf_counter() - started
        await visitor.shutdown_beacon()
    return elapsed


def soak(server: Server, cycles: int) -> None:
    times, memory, failures = [], [], []
    for number in range(1, cycles + 1):
        try:
            times.append(asyncio.run(cycle(server.url)))
        except Exception as exc:  # noqa: BLE001 - a failed cycle is a figure here
            failures.append(type(exc).__name__)
        if number % 25 == 0 or number == 1:
            memory.append((number, *server.memory_mb()))
    print(f"{cycles} open-tap-home cycles: p50 {percentile(times, 50):.3f} s, "
          f"p95 {percentile(times, 95):.3f} s, max {max(times):.3f} s; "
          f"{len(failures)} failed {sorted(set(failures))}")
    print("memory (cycle: server RSS MB / all processes USS MB): " +
          ", ".join(f"{n}: {rss:.0f}/{uss:.0f}" for n, rss, uss in memory))
    first, last = memory[1] if len(memory) > 1 else memory[0], memory[-1]
    print(f"server RSS drift from cycle {first[0]} to {last[0]}: {last[1] - first[1]:+.1f} MB")


def reloads(server: Server, count: int) -> None:
    from literacy_kit.kiosk.visitor import Visitor

    async def run():
        peak = 0
        for _ in range(count):
            async with Visitor(server.url, timeout=60) as visitor:
                await visitor.open()
                peak = max(peak, kernel_count(server.process.pid))
                await visitor.shutdown_beacon()
        return peak

    peak = asyncio.run(run())
    time.sleep(5)
    print(f"{count} reloads: at most {peak} kernels at once, {kernel_count(server.process.pid)} "
          f"left 5 s after (pool included)")


def privacy(pool: int) -> None:
    from playwright.sync_api import sync_playwright

    secret = "0791" + "".join(random.choice("0123456789") for _ in range(8))
    with tempfile.TemporaryDirectory(prefix="lk-soak-privacy-") as tmp:
        root = Path(tmp)
        server = Server(root / "server", pool, idle_reset=8)
        profile = root / "browser-profile"
        try:
            with sync_playwright() as playwright:
                # the launcher's browser flags (incognito among them) on a profile we can scan
                context = playwright.chromium.launch_persistent_context(
                    str(profile), executable_path=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"),
                    args=CHROMIUM_ARGS + [flag for flag in KIOSK_FLAGS if flag != "--kiosk"],
                    viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(server.url)
                page.locator(".lk-kiosk-tile-help").click()
                field = page.locator(".lk-help-practice-field")
                field.locator(".lk-field-keyboard-toggle").click()
                for digit in secret:
                    field.locator(f".lk-keyboard .lk-key-{digit}").click()
                page.wait_for_function("([el, text]) => el.value === text",
                                       arg=[field.locator("input").element_handle(), secret])
                started = time.perf_counter()
                page.locator(".lk-kiosk-home").wait_for(state="visible", timeout=60_000)
                print(f"privacy: idle reset after {time.perf_counter() - started:.1f} s "
                      f"(idle-reset 8 s)")
                page.wait_for_timeout(2000)
                context.close()
        finally:
            server.stop()
        places = {"server log": [server.log], "server home and caches": [root / "server" / "home"],
                  "runtime and temporary folders": [root / "server" / "tmp"],
                  "speech cache": [root / "server" / "speech"], "browser profile": [profile]}
        needle = secret.encode()
        needles = (needle, secret.encode("utf-16-le"))
        for name, paths in places.items():
            hits = []
            for base in paths:
                files = [base] if base.is_file() else [p for p in base.rglob("*") if p.is_file()]
                for path in files:
                    try:
                        data = path.read_bytes()
                    except OSError:
                        continue
                    if any(n in data for n in needles):
                        hits.append(str(path.relative_to(root)))
            print(f"privacy scan, {name}: {'FOUND in ' + ', '.join(hits) if hits else 'not found'}")
        print(f"privacy scan, system temporary folder ({tempfile.gettempdir()}): "
              f"{'FOUND' if scan_tmp(needles, root) else 'not found'} (files changed during the run)")


def scan_tmp(needles, own: Path, since: float | None = None) -> bool:
    """Look in the system temp folder's files changed in the last 10 minutes (not ``own``)."""
    since = since or time.time() - 600
    for path in Path(tempfile.gettempdir()).glob("*"):
        if own in path.parents or path == own:
            continue
        try:
            files = [path] if path.is_file() else list(path.rglob("*"))
        except OSError:
            continue
        for item in files:
            try:
                if item.is_file() and item.stat().st_mtime >= since and item.stat().st_size < 20e6:
                    data = item.read_bytes()
                    if any(n in data for n in needles):
                        return True
            except OSError:
                continue
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--reloads", type=int, default=40)
    parser.add_argument("--bursts", default="10,20,30")
    parser.add_argument("--pool", type=int, default=2)
    parser.add_argument("--no-privacy", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lk-soak-") as tmp:
        server = Server(Path(tmp), args.pool, idle_reset=180)
        try:
            time.sleep(5)  # the pool fills
            soak(server, args.cycles)
            reloads(server, args.reloads)
            for size in (int(n) for n in args.bursts.split(",") if n.strip()):
                time.sleep(8)
                result = burst(server.url, size, timeout=90)
                time.sleep(12)
                print(f"burst of {size}: {result['ok']}/{size} reached the home screen, "
                      f"p50 {result['p50']:.2f} s, p95 {result['p95']:.2f} s, "
                      f"{size - result['ok']} failed; kernels 12 s after: "
                      f"{kernel_count(server.process.pid)} (pool {args.pool})")
        finally:
            server.stop()
    if not args.no_privacy:
        privacy(args.pool)
    return 0


if __name__ == "__main__":
    sys.exit(main())
