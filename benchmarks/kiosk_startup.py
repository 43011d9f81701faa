"""Kiosk start-up: time to interactive, import time and kernel memory.

Runs, in one go on this machine:
  * the kiosk (``literacy-kit kiosk``, preheated pool) and plain ``voila`` on the same
    notebook (no pool: every visitor waits for a cold kernel), each loaded N times in the
    system Chromium; time to interactive = navigation start until the home tiles are visible;
  * for reference, the same kiosk server settings serving a notebook of one button: the
    floor that Voila's own page code sets on this machine, whatever the notebook holds;
  * ``import literacy_kit`` in a fresh interpreter (median of several);
  * the resident memory (RSS) of a kiosk kernel after it served the home screen;
  * the phone profile (CPU 4x slower, 20 Mbit/s, 40 ms round trip, 412x915, touch), kiosk
    against plain Voila: a first visit (empty cache) and a later visit (cache kept), time
    to the first tappable tile and bytes transferred (HTTP bodies as sent, compressed
    or not, plus websocket frames);
  * bursts of visitors arriving at once at the protocol level (no browsers: page, kernel
    websocket, widget states, as the page does), kiosk against plain Voila: how many
    reached the home screen, p50/p95 time, and the kernels left once they all left.

Usage:  .venv/bin/python benchmarks/kiosk_startup.py [--loads 10] [--gap 4]
        [--phone-visits 3] [--bursts 10,20,30] [--pool 4]
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
from literacy_kit.kiosk.launcher import HEALTH_PATH

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


PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
PHONE_NETWORK = {"offline": False, "latency": 40, "downloadThroughput": 20e6 / 8,
                 "uploadThroughput": 20e6 / 8}


def phone_visits(browser, url: str, visits: int) -> dict[str, list[float]]:
    """``visits`` pairs of (first visit in a fresh profile, later visit in the same profile)."""
    result = {"first_s": [], "first_mb": [], "later_s": [], "later_mb": []}
    for _ in range(visits):
        context = browser.new_context(**PHONE)
        for kind in ("first", "later"):
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            received = {"http": 0, "ws": 0}
            cdp.on("Network.loadingFinished",
                   lambda event: received.__setitem__("http", received["http"] + event["encodedDataLength"]))
            cdp.on("Network.webSocketFrameReceived",
                   lambda event: received.__setitem__("ws", received["ws"] + len(event["response"]["payloadData"])))
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            started = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=120_000)
            page.wait_for_selector(TILES, state="visible", timeout=120_000)
            result[f"{kind}_s"].append(time.perf_counter() - started)
            page.wait_for_timeout(500)  # late requests (fonts) still count
            result[f"{kind}_mb"].append((received["http"] + received["ws"]) / 1e6)
            page.close(run_before_unload=True)
            time.sleep(2)  # the pool refills
        context.close()
    return result


def tree_cpu(pid: int) -> float:
    """CPU seconds used so far by a process and everything below it (still running)."""
    total = 0.0
    root = psutil.Process(pid)
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def burst(url: str, visitors: int, timeout: float, server_pid: int | None = None) -> dict:
    """``visitors`` protocol-level visitors at once; they all leave with the page's beacon
    once every one has its home screen (or gave up). With ``server_pid``, also the CPU
    seconds the server and its kernels spent per visitor (what a less busy machine pays)."""
    import asyncio

    from literacy_kit.kiosk.visitor import Visitor

    async def one(visitor: Visitor, started: float):
        try:
            await asyncio.wait_for(visitor.open(), timeout)
        except Exception:  # noqa: BLE001 - a failure is a figure here
            return None
        return time.perf_counter() - started if visitor.find("kiosk-tile") else None

    async def run():
        crowd = [Visitor(url, timeout=timeout) for _ in range(visitors)]
        started = time.perf_counter()
        times = await asyncio.gather(*(one(visitor, started) for visitor in crowd))
        cpu = tree_cpu(server_pid) if server_pid else None
        for visitor in crowd:
            if visitor.kernel_id:
                try:
                    await visitor.shutdown_beacon()
                except Exception:  # noqa: BLE001
                    pass
            await visitor.close()
        return times, cpu

    before = tree_cpu(server_pid) if server_pid else None
    times, after = asyncio.run(run())
    done = sorted(value for value in times if value is not None)
    result = {"ok": len(done), "n": visitors, "p50": percentile(done, 50), "p95": percentile(done, 95)}
    if server_pid:
        result["cpu_per_visitor"] = (after - before) / visitors
    return result


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def kernel_count(server_pid: int) -> int:
    """Kernels below a server: ipykernel processes, or the kiosk zygote's children."""
    count = 0
    for child in psutil.Process(server_pid).children(recursive=True):
        try:
            line = " ".join(child.cmdline())
            parent = " ".join(child.parent().cmdline())
        except (psutil.Error, AttributeError):
            continue
        if "ipykernel_launcher" in line or ("kiosk.zygote" in line and "kiosk.zygote" in parent):
            count += 1
    return count


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
    parser.add_argument("--loads", type=int, default=10, help="desktop page loads per server")
    parser.add_argument("--gap", type=float, default=4.0, help="seconds between loads")
    parser.add_argument("--phone-visits", type=int, default=3, help="phone first+later visit pairs")
    parser.add_argument("--bursts", default="10,20,30", help="visitors arriving at once")
    parser.add_argument("--burst-timeout", type=float, default=90.0, help="seconds a visitor waits")
    parser.add_argument("--pool", type=int, default=4, help="the kiosk's preheated pool")
    parser.add_argument("--no-floor", action="store_true", help="skip the one-button floor")
    parser.add_argument("--no-browser", action="store_true", help="bursts only (no Chromium)")
    parser.add_argument("--chromium", default=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    bursts = [int(n) for n in args.bursts.split(",") if n.strip()]

    from playwright.sync_api import sync_playwright

    from literacy_kit.kiosk.server import HERE as KIOSK_HERE
    from literacy_kit.kiosk.server import kiosk_env, prepare_runtime, voila_command
    from literacy_kit.kiosk.settings import KioskSettings

    kiosk_port, plain_port, floor_port = free_port(), free_port(), free_port()
    kiosk = start([str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(kiosk_port),
                   "--pool", str(args.pool)])
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as floor_tmp:
        # plain Voila on the very notebook the kiosk serves (stock kernel, stock settings)
        notebook = Path(tmp) / "kiosk.ipynb"
        notebook.write_bytes((KIOSK_HERE / "notebook" / "kiosk.ipynb").read_bytes())
        plain = start([sys.executable, "-m", "voila", str(notebook), "--no-browser",
                       f"--port={plain_port}", "--Voila.ip=127.0.0.1"])
        floor = None
        if not args.no_floor:
            floor_notebook = prepare_runtime(Path(floor_tmp))
            one_button_notebook(floor_notebook)
            settings = KioskSettings()
            floor = start(voila_command(floor_notebook, "127.0.0.1", floor_port, 1, settings),
                          env=kiosk_env(Path(floor_tmp), settings))
        kiosk_url, plain_url = f"http://127.0.0.1:{kiosk_port}/", f"http://127.0.0.1:{plain_port}/"
        try:
            wait_http(kiosk_url + HEALTH_PATH)
            wait_http(plain_url + "voila/static/voila.js")
            if floor:
                wait_http(f"http://127.0.0.1:{floor_port}/voila/static/voila.js")
            time.sleep(8)  # let the pools fill
            if not args.no_browser:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                    figures["kiosk"] = time_loads(browser, kiosk_url, args.loads, args.gap)
                    figures["rss"] = kernel_rss_mb(kiosk.pid)
                    figures["hand_over"] = time_hand_over(browser, kiosk_url, args.loads)
                    figures["plain"] = time_loads(browser, plain_url, args.loads, args.gap)
                    if floor:
                        figures["floor"] = time_loads(browser, f"http://127.0.0.1:{floor_port}/",
                                                      args.loads, args.gap)
                    if args.phone_visits:
                        figures["phone_kiosk"] = phone_visits(browser, kiosk_url, args.phone_visits)
                        figures["phone_plain"] = phone_visits(browser, plain_url, args.phone_visits)
                    browser.close()
            if floor:
                stop(floor)
            for size in bursts:
                for name, url, server in (("kiosk", kiosk_url, kiosk), ("plain", plain_url, plain)):
                    time.sleep(6)  # the pool refills, earlier kernels end
                    result = burst(url, size, args.burst_timeout, server.pid)
                    time.sleep(15)
                    result["left"] = kernel_count(server.pid)
                    figures[f"burst_{name}_{size}"] = result
        finally:
            for process in (kiosk, plain, floor):
                if process is not None:
                    stop(process)
    report(figures, args)
    return 0


def report(figures: dict, args) -> None:
    median = statistics.median
    if "kiosk" in figures:
        report_pages(figures, args)
    for key in sorted(k for k in figures if k.startswith("burst_")):
        b = figures[key]
        print(f"{key}: {b['ok']}/{b['n']} reached the home screen, p50 {b['p50']:.2f} s, "
              f"p95 {b['p95']:.2f} s; kernels 15 s after they left: {b['left']}; "
              f"server+kernel CPU {b.get('cpu_per_visitor', float('nan')):.3f} s per visitor")
    print(f"import literacy_kit: median {import_time():.3f} s")
    if figures.get("rss"):
        rss = figures["rss"]
        print(f"kiosk kernels: RSS max {max(r for r, _ in rss):.1f} MB, unique (USS) max "
              f"{max(u for _, u in rss):.1f} MB over {len(rss)} kernel(s)")


def report_pages(figures: dict, args) -> None:
    median = statistics.median
    kiosk_times, plain_times = figures["kiosk"], figures["plain"]
    print(f"desktop page loads per server: {args.loads} (gap {args.gap:.1f} s, one browser profile)")
    print(f"kiosk (preheated pool {args.pool}) time to tiles: median {median(kiosk_times):.3f} s  "
          f"min {min(kiosk_times):.3f}  max {max(kiosk_times):.3f}  first {kiosk_times[0]:.3f}")
    print(f"plain voila (cold)           time to tiles: median {median(plain_times):.3f} s  "
          f"min {min(plain_times):.3f}  max {max(plain_times):.3f}  first {plain_times[0]:.3f}")
    print(f"ratio plain/kiosk (desktop): {median(plain_times) / median(kiosk_times):.2f}x")
    if "floor" in figures:
        print(f"one-button notebook, kiosk settings (Voila's floor): median "
              f"{median(figures['floor']):.3f} s  min {min(figures['floor']):.3f}")
    print(f"kiosk, tap Home until tiles visible (page stays open): median "
          f"{median(figures['hand_over']):.3f} s  max {max(figures['hand_over']):.3f}")
    if "phone_kiosk" in figures:
        for kind in ("first", "later"):
            k, p = figures["phone_kiosk"], figures["phone_plain"]
            print(f"phone {kind} visit: kiosk {median(k[kind + '_s']):.2f} s, "
                  f"{median(k[kind + '_mb']):.2f} MB | plain voila {median(p[kind + '_s']):.2f} s, "
                  f"{median(p[kind + '_mb']):.2f} MB | ratio {median(p[kind + '_s']) / median(k[kind + '_s']):.2f}x "
                  f"(n={len(k[kind + '_s'])})")


if __name__ == "__main__":
    sys.exit(main())
