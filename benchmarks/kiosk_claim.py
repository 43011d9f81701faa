"""How long a real kiosk page takes to connect to its kernel: the figure the claim grace rests on.

Every GET of the kiosk page hands it a kernel; a kernel no page connects to within the
kiosk's claim grace (``--claim-grace``) is shut down. This measures, in the system
Chromium, from the page's GET to its kernel websocket being open (the handshake's answer),
and from the end of the page's HTML to that moment (what the grace actually covers: it
starts once the page is sent). The server's own view of the same delays is read from its
log. Scenarios, each ``--visits`` times:

* desktop (1280x900, no throttling), cache kept between visits;
* phone profile (CPU 4x slower, 20 Mbit/s, 40 ms round trip, 412x915, touch): first visit
  (empty cache) and later visit (cache kept);
* the same phone and desktop visits *under load*: meanwhile ``--load-visitors``
  protocol-level visitors (page, websocket, widget states, beacon) arrive back to back
  at the same kiosk, and ``--spinners`` processes keep CPUs busy.

The server runs with a grace of ten minutes here, so that no measured page loses its
kernel, and with the default bound on waiting pages. Baseline: the same pages on the idle
machine (the first scenarios).

Then ``--bursts``: protocol-level visitors arriving at once at a kiosk with the default
bound on waiting pages, against the same kiosk without a bound (``--max-unclaimed 0``, as
before the bound), in the same run: how many reached the home screen, p50/p95, and the
kernels left 15 s after they all left.

Usage:  .venv/bin/python benchmarks/kiosk_claim.py [--visits 5] [--load-visitors 4]
        [--spinners 1] [--bursts 10,20,30]
"""
from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kiosk_startup import (  # noqa: E402
    CHROMIUM_ARGS, PHONE, PHONE_NETWORK, burst, free_port, kernel_count, percentile, stop,
    wait_http)

from literacy_kit.cli import MAX_UNCLAIMED  # noqa: E402
from literacy_kit.kiosk.launcher import HEALTH_PATH  # noqa: E402

VENV_BIN = Path(sys.executable).parent
TILES = ".lk-kiosk-tile"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SERVER_LINE = re.compile(r"connected ([0-9.]+) s after its request, ([0-9.]+) s after the page was sent")


def one_visit(context, url: str, phone: bool) -> dict[str, float]:
    """Load the page in a new tab; seconds from GET and from the page's end to the websocket."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    marks: dict[str, float] = {}
    document: dict[str, str] = {}

    def on_request(event):
        if event.get("type") == "Document" and "get" not in marks:
            document["id"] = event["requestId"]
            marks["get"] = event["timestamp"]

    def on_finished(event):
        if event["requestId"] == document.get("id"):
            marks["sent"] = event["timestamp"]

    def on_open(event):
        if "open" not in marks:
            marks["open"] = event["timestamp"]

    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.webSocketHandshakeResponseReceived", on_open)
    cdp.send("Network.enable")
    if phone:
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="commit", timeout=120_000)
    page.wait_for_selector(TILES, state="visible", timeout=120_000)
    page.close(run_before_unload=True)
    time.sleep(1.5)  # the beacon ends the kernel, the pool refills
    return {"get_to_ws": marks["open"] - marks["get"], "sent_to_ws": marks["open"] - marks["sent"]}


def visits(browser, url: str, count: int, phone: bool, first: bool) -> list[dict[str, float]]:
    """``count`` visits; ``first``: each in a fresh profile (empty cache)."""
    options = PHONE if phone else DESKTOP
    results = []
    context = None
    for index in range(count):
        if first or context is None:
            if context is not None:
                context.close()
            context = browser.new_context(**options)
            if not first:
                one_visit(context, url, phone)  # fill the cache first
        results.append(one_visit(context, url, phone))
    context.close()
    return results


class Load:
    """Protocol-level visitors arriving back to back, and CPU spinners, until stopped."""

    def __init__(self, url: str, visitors: int, spinners: int):
        self.url, self.visitors, self.spinners = url, visitors, spinners
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._spinners: list[multiprocessing.Process] = []
        self.served = 0

    def __enter__(self) -> "Load":
        self._stop.clear()
        self._spinners = [multiprocessing.Process(target=_spin, daemon=True)
                          for _ in range(self.spinners)]
        for process in self._spinners:
            process.start()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        self._thread.start()
        time.sleep(2)
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=120)
        for process in self._spinners:
            process.terminate()
            process.join(timeout=5)

    async def _run(self) -> None:
        from literacy_kit.kiosk.visitor import Visitor

        async def one() -> None:
            while not self._stop.is_set():
                visitor = Visitor(self.url, timeout=60)
                try:
                    await visitor.open()
                    self.served += 1
                    await asyncio.sleep(0.5)
                    await visitor.shutdown_beacon()
                except Exception:  # noqa: BLE001 - a failed visit is still load
                    await asyncio.sleep(0.5)
                finally:
                    await visitor.close()

        await asyncio.gather(*(one() for _ in range(self.visitors)))


def _spin() -> None:
    deadline = time.monotonic() + 900  # never outlives a forgotten run
    while time.monotonic() < deadline:
        pass


def summary(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f} s, p95 {percentile(values, 95):.2f} s, "
            f"max {max(values):.2f} s")


def pages(args) -> dict[str, list]:
    """The page scenarios in Chromium, plus the server's own view (key ``server``)."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    results: dict[str, list] = {}
    with tempfile.NamedTemporaryFile(prefix="kiosk-claim-", suffix=".log") as log:
        server = subprocess.Popen([str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(port),
                                   "--pool", str(args.pool), "--claim-grace", "600"],
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_http(url + HEALTH_PATH)
            time.sleep(5)  # the pool fills
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                for loaded in (False, True):
                    load = Load(url, args.load_visitors, args.spinners) if loaded else None
                    suffix = " under load" if loaded else ""
                    if load:
                        load.__enter__()
                    try:
                        results["desktop" + suffix] = visits(browser, url, args.visits, False, False)
                        results["phone first visit" + suffix] = visits(browser, url, args.visits, True, True)
                        results["phone later visit" + suffix] = visits(browser, url, args.visits, True, False)
                    finally:
                        if load:
                            load.__exit__(None, None, None)
                            print(f"load: {load.served} protocol-level visits served meanwhile")
                browser.close()
        finally:
            stop(server)
        results["server"] = [tuple(map(float, m.groups()))
                             for m in SERVER_LINE.finditer(Path(log.name).read_text(errors="replace"))]
    return results


def crowds(args) -> dict[tuple[int, int], dict]:
    """Bursts at kiosks with each bound asked for (the default, and none), same run."""
    figures = {}
    for bound in (int(n) for n in args.bounds.split(",")):
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        server = subprocess.Popen([str(VENV_BIN / "literacy-kit"), "kiosk", "--port", str(port),
                                   "--pool", str(args.pool), "--max-unclaimed", str(bound)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            wait_http(url + HEALTH_PATH)
            for size in (int(n) for n in args.bursts.split(",") if n.strip()):
                time.sleep(6)  # the pool refills, earlier kernels end
                result = burst(url, size, 90.0)
                result["load"] = f"{os.getloadavg()[0]:.1f}"
                time.sleep(15)
                result["left"] = kernel_count(server.pid)
                figures[(size, bound)] = result
        finally:
            stop(server)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5, help="page visits per scenario")
    parser.add_argument("--load-visitors", type=int, default=4,
                        help="protocol-level visitors arriving back to back during the loaded runs")
    parser.add_argument("--spinners", type=int, default=1, help="busy CPU processes during the loaded runs")
    parser.add_argument("--pool", type=int, default=1, help="the kiosk's preheated pool (its default: 1)")
    parser.add_argument("--bursts", default="10,20,30", help="visitors at once, bounded vs not ('' skips)")
    parser.add_argument("--bounds", default=f"{MAX_UNCLAIMED},0",
                        help="--max-unclaimed values to burst against (0: no bound)")
    parser.add_argument("--no-pages", action="store_true", help="bursts only (no Chromium)")
    parser.add_argument("--chromium", default=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()

    start_load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    results = {} if args.no_pages else pages(args)
    bursts = crowds(args) if args.bursts.strip() else {}
    print(f"load at the start: {start_load}")
    print(f"uptime at the end: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} (1/5/15 min load), {os.cpu_count()} CPUs")
    for name, rows in results.items():
        if name == "server":
            continue
        print(f"{name:30s} GET -> websocket open: {summary([r['get_to_ws'] for r in rows])}; "
              f"page sent -> open: {summary([r['sent_to_ws'] for r in rows])} (n={len(rows)})")
    if results:
        baseline = statistics.median(r["get_to_ws"] for r in results["phone first visit"])
        loaded = statistics.median(r["get_to_ws"] for r in results["phone first visit under load"])
        print(f"ratio phone first visit under load / idle (GET -> open): {loaded / baseline:.2f}x")
        server_side = results.get("server", [])
        if server_side:
            print(f"server's view, all pages incl. the load's ({len(server_side)}): request -> "
                  f"connected {summary([a for a, _ in server_side])}; page sent -> connected "
                  f"{summary([b for _, b in server_side])}")
        worst = max(r["sent_to_ws"] for name, rows in results.items() if name != "server"
                    for r in rows)
        print(f"longest page sent -> open seen in Chromium: {worst:.2f} s")
    for (size, bound), b in sorted(bursts.items()):
        print(f"burst of {size}, {'bound ' + str(bound) if bound else 'no bound'}: "
              f"{b['ok']}/{b['n']} reached the home screen, p50 {b['p50']:.2f} s, p95 {b['p95']:.2f} s; "
              f"kernels 15 s after they left: {b['left']} (load {b['load']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
