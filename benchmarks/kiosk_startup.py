"""Kiosk start-up: time to interactive, import time and kernel memory.

Runs, in one go on this machine:
  * the kiosk (``literacy-kit kiosk``, preheated pool) and plain ``voila`` on the same
    notebook (no pool: every visitor waits for a cold kernel), each loaded N times in the
    system Chromium; time to interactive = navigation start until the home tiles are visible;
  * for reference, the same kiosk server settings serving a notebook of one button: the
    floor that Voila's own page code sets on this machine, whatever the notebook holds;
  * ``import literacy_kit`` in a fresh interpreter (median of several);
  * the resident memory (RSS) of a kiosk kernel after it served the home screen.

Usage:  .venv/bin/python benchmarks/kiosk_startup.py [--loads 10] [--gap 4]
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
TILES = ".lk-kiosk-tile"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


def start(command: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def time_loads(browser, url: str, loads: int, gap: float) -> list[float]:
    """Load ``url`` ``loads`` times in one browser profile (a kiosk's browser keeps its cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    times = []
    for _ in range(loads):
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(TILES, state="visible", timeout=60_000)
        times.append(time.perf_counter() - started)
        page.close()
        time.sleep(gap)  # the visitor leaves; the pool refills
    context.close()
    return times


def time_hand_over(browser, url: str, rounds: int) -> list[float]:
    """In one open kiosk page: open a tile, then time a tap on Home until the tiles show.

    This is what the next visitor waits for: the kiosk page is never reloaded, the idle
    reset and the Home button bring the tiles back through the kernel.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(TILES, state="visible", timeout=60_000)
    times = []
    for _ in range(rounds):
        page.locator(".lk-kiosk-tile").first.click()
        page.wait_for_selector(".lk-kiosk-home-button", state="visible")
        started = time.perf_counter()
        page.locator(".lk-kiosk-home-button").click()
        page.wait_for_selector(TILES, state="visible")
        times.append(time.perf_counter() - started)
    context.close()
    return times


def one_button_notebook(path: Path) -> None:
    """Replace the kiosk notebook by a single button carrying the tile class."""
    source = ("import ipywidgets as w\n"
              "button = w.Button(description='A', icon='home')\n"
              "button.add_class('lk-kiosk-tile')\n"
              "button")
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "id": "floor",
                           "metadata": {}, "outputs": [], "source": source}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")


def kernel_rss_mb(server_pid: int) -> list[float]:
    """RSS of every kernel below a server process, in MB."""
    sizes = []
    for child in psutil.Process(server_pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                sizes.append(child.memory_info().rss / 1e6)
        except psutil.Error:
            continue
    return sizes


def import_time(runs: int = 7) -> float:
    code = ("import time; t = time.perf_counter(); import literacy_kit; "
            "print(time.perf_counter() - t)")
    samples = [float(subprocess.check_output([sys.executable, "-c", code], text=True))
               for _ in range(runs)]
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=10, help="page loads per server")
    parser.add_argument("--gap", type=float, default=4.0, help="seconds between loads")
    parser.add_argument("--chromium", default=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from literacy_kit.kiosk.server import kiosk_env, prepare_runtime, voila_command
    from literacy_kit.kiosk.settings import KioskSettings

    kiosk_port, plain_port, floor_port = free_port(), free_port(), free_port()
    kiosk = start([str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(kiosk_port), "--pool", "1"])
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as floor_tmp:
        notebook = prepare_runtime(Path(tmp))
        plain = start([sys.executable, "-m", "voila", str(notebook), "--no-browser",
                       f"--port={plain_port}", "--Voila.ip=127.0.0.1"])
        floor_notebook = prepare_runtime(Path(floor_tmp))
        one_button_notebook(floor_notebook)
        settings = KioskSettings()
        floor = start(voila_command(floor_notebook, "127.0.0.1", floor_port, 1, settings),
                      env=kiosk_env(Path(floor_tmp), settings))
        try:
            wait_http(f"http://127.0.0.1:{kiosk_port}/voila/templates/lk-kiosk/static/fontawesome/css/all.min.css")
            wait_http(f"http://127.0.0.1:{plain_port}/voila/static/voila.js")
            wait_http(f"http://127.0.0.1:{floor_port}/voila/static/voila.js")
            time.sleep(5)  # let the pools fill
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                kiosk_times = time_loads(browser, f"http://127.0.0.1:{kiosk_port}/", args.loads, args.gap)
                rss = kernel_rss_mb(kiosk.pid)
                hand_over = time_hand_over(browser, f"http://127.0.0.1:{kiosk_port}/", args.loads)
                plain_times = time_loads(browser, f"http://127.0.0.1:{plain_port}/", args.loads, args.gap)
                floor_times = time_loads(browser, f"http://127.0.0.1:{floor_port}/", args.loads, args.gap)
                browser.close()
        finally:
            for process in (kiosk, plain, floor):
                stop(process)

    kiosk_median, plain_median = statistics.median(kiosk_times), statistics.median(plain_times)
    print(f"page loads per server: {args.loads} (gap {args.gap:.1f} s, one browser profile)")
    print(f"kiosk (preheated pool) time to interactive: median {kiosk_median:.3f} s  "
          f"min {min(kiosk_times):.3f}  max {max(kiosk_times):.3f}  first {kiosk_times[0]:.3f}")
    print(f"plain voila (cold)     time to interactive: median {plain_median:.3f} s  "
          f"min {min(plain_times):.3f}  max {max(plain_times):.3f}  first {plain_times[0]:.3f}")
    print(f"ratio plain/kiosk: {plain_median / kiosk_median:.2f}x")
    print(f"one-button notebook, same kiosk settings (Voila's floor): median "
          f"{statistics.median(floor_times):.3f} s  min {min(floor_times):.3f}")
    print(f"kiosk, tap Home until tiles visible (page stays open): median "
          f"{statistics.median(hand_over):.3f} s  max {max(hand_over):.3f}")
    print(f"import literacy_kit: median {import_time():.3f} s")
    if rss:
        print(f"kiosk kernel RSS: max {max(rss):.1f} MB over {len(rss)} kernel(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
