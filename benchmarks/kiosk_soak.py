"""Kiosk soak, load and privacy: one run on this machine, figures printed.

* ``--cycles`` open-tap-home cycles by protocol-level visitors (page, kernel websocket,
  widget states, a tap on a tile, a tap on Home, the page's beacon on leaving): latency
  p50/p95, and the server's memory every 25 cycles: its resident size, the USS of all
  kiosk processes, and from inside the server (``kiosk/memory_probe.py``, on only here)
  what is live (Python's objects, glibc's heap in use, loggers) against what the two
  allocators hold, to tell a leak from allocator retention;
* ``--reloads`` reloads (a visitor leaves with the beacon and comes straight back): the
  most kernels seen and the kernels left;
* bursts of visitors arriving at once (``--bursts``): time to the home screen, failures,
  and the kernels left once they all left (recovery);
* a privacy scan on the real kiosk browser (``kiosk/privacy_check.py``): the kiosk's own
  launcher starts Chromium with its flags and throw-away profile, under the kiosk's
  enforced policy mounted in a private namespace (root only; the machine's ``/etc`` is
  untouched); a made-up 12-digit number is typed by taps, the visitor walks away, the
  idle reset comes, the launcher closes Chromium; the number is searched in the profile
  (while open, after close, after removal), the browser's home, caches and temporary
  folder, the server's log, home, runtime, temporary folders and speech cache, and the
  system's temporary folders.

The server runs with its own HOME, TMPDIR and speech cache, so the scan sees all it wrote.

Usage:  .venv/bin/python benchmarks/kiosk_soak.py [--cycles 300] [--reloads 40]
        [--bursts 10,20,30] [--pool 2] [--no-privacy]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from literacy_kit.kiosk.launcher import HEALTH_PATH
from kiosk_startup import burst, free_port, kernel_count, percentile, wait_http

VENV_BIN = Path(sys.executable).parent


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
        self.probe = root / "memory-probe.jsonl"
        env = {**os.environ, "HOME": str(root / "home"), "TMPDIR": str(root / "tmp"),
               "LK_SPEECH_CACHE": str(root / "speech"), "LK_KIOSK_MEMORY_PROBE": str(self.probe)}
        self.process = subprocess.Popen(
            [str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(self.port), "--pool", str(pool),
             "--idle-reset", str(idle_reset)],
            stdout=open(self.log, "wb"), stderr=subprocess.STDOUT, env=env, preexec_fn=_memory_cap)
        wait_http(self.url + HEALTH_PATH)

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

    def voila(self) -> psutil.Process:
        for process in psutil.Process(self.process.pid).children(recursive=True):
            if "kiosk.voila_app" in " ".join(process.cmdline()):
                return process
        raise RuntimeError("no Voila process")

    def inside(self, timeout: float = 60.0) -> dict:
        """The server's own reading of its memory (see ``kiosk/memory_probe.py``)."""
        before = len(self.probe.read_text().splitlines()) if self.probe.exists() else 0
        self.voila().send_signal(signal.SIGUSR2)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.5)
            lines = self.probe.read_text().splitlines() if self.probe.exists() else []
            if len(lines) > before:
                return json.loads(lines[-1])
        return {}

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


def soak(server: Server, cycles: int, every: int = 25, warm_up: int = 100) -> None:
    times, memory, failures = [], [], []
    for number in range(1, cycles + 1):
        try:
            times.append(asyncio.run(cycle(server.url)))
        except Exception as exc:  # noqa: BLE001 - a failed cycle is a figure here
            failures.append(type(exc).__name__)
        if number % every == 0 or number == 1:
            time.sleep(8)  # the last visitor's kernel ends, the pool refills
            memory.append((number, *server.memory_mb(), server.inside()))
    print(f"{cycles} open-tap-home cycles: p50 {percentile(times, 50):.3f} s, "
          f"p95 {percentile(times, 95):.3f} s, max {max(times):.3f} s; "
          f"{len(failures)} failed {sorted(set(failures))}")
    print("memory (cycle: server RSS MB / all processes USS MB | inside the server: live = "
          "Python objects + glibc in use MB, held = pymalloc arenas + glibc heaps MB, "
          "objects, loggers):")
    for number, rss, uss, inside in memory:
        live = (inside.get("pymalloc_live_kb", 0) + inside.get("glibc_in_use_kb", 0)) / 1024
        held = (inside.get("pymalloc_held_kb", 0) + inside.get("glibc_held_kb", 0)) / 1024
        print(f"  {number:4d}: {rss:6.1f} / {uss:6.0f} | live {live:6.1f}, held {held:6.1f}, "
              f"objects {inside.get('objects', 0):7d}, loggers {inside.get('loggers', 0)}")
    if len(memory) > 2:
        base = next((m for m in memory if m[0] >= warm_up), memory[1])
        last = memory[-1]

        def live(m):
            return (m[3].get("pymalloc_live_kb", 0) + m[3].get("glibc_in_use_kb", 0)) / 1024

        print(f"drift after warm-up (cycle {base[0]} to {last[0]}): server RSS "
              f"{last[1] - base[1]:+.1f} MB, live {live(last) - live(base):+.1f} MB, objects "
              f"{last[3].get('objects', 0) - base[3].get('objects', 0):+d}, loggers "
              f"{last[3].get('loggers', 0) - base[3].get('loggers', 0):+d}; "
              f"from cycle {memory[1][0]}: RSS {last[1] - memory[1][1]:+.1f} MB")


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
    from literacy_kit.kiosk import privacy_check

    with tempfile.TemporaryDirectory(prefix="lk-soak-privacy-") as tmp:
        root = Path(tmp)
        server = Server(root / "server", pool, idle_reset=8)
        try:
            result = privacy_check.run(
                server.url, root / "browser", chromium=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"),
                server_places={"server log": server.log, "server home and caches": root / "server" / "home",
                               "server runtime and temporary folders": root / "server" / "tmp",
                               "speech cache": root / "server" / "speech"})
        finally:
            server.stop()
    print(f"privacy: Chromium by the kiosk launcher, kiosk policy "
          f"{'applied (private mount namespace)' if result['policy'] else 'NOT applied (flags only)'}"
          f", policy in force: {result.get('policy_in_force')}; idle reset "
          f"{result.get('idle_reset_s', float('nan')):.1f} s after the last tap (idle-reset 8 s)")

    def show(name, hits):
        print(f"privacy scan, {name}: {'FOUND in ' + ', '.join(hits) if hits else 'not found'}")

    for stage in ("while_open", "profile_after_close"):
        for name, hits in result.get(stage, {}).items():
            show(f"{name} ({stage.replace('_', ' ')})", hits)
    print(f"privacy: profile folder removed by the launcher: {result.get('profile_removed')}")
    for name, hits in result.get("after", {}).items():
        show(name, hits)
    show("system temporary folders (files changed during the run)", result.get("system temporary folders", []))


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
