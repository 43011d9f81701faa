"""The learner's exercise page on a phone, against the same exercise in JupyterLab.

What it does, in one run on this machine, with a real JupyterHub and its proxy on loopback
(the way ``tests/classroom`` starts it):

1. builds a temporary course (the real ``exercises/`` config and ``vneid``), a roster of
   one learner and one trainer, releases ``vneid`` and issues their PINs;
2. the learner logs in with their PIN in the system Chromium (phone viewport, not
   throttled: login and spawn are ``benchmarks/classroom.py``'s business) and reaches the
   home page;
3. **the classroom page**: on the phone profile (CPU 4x slower, 20 Mbit/s, 40 ms round
   trip, 412x915, touch), the exercise page the home card opens
   (``exercise.ipynb?assignment=vneid``): a first visit (browser cache emptied, cookies
   kept) and a later visit (cache kept), time from navigation until the first question's
   first step button is visible, and the bytes received (HTTP bodies as sent on the wire,
   compressed or not, from ``Network.loadingFinished``, plus websocket frames);
4. **the baseline, in the same run**: the trainer's own JupyterLab (the classroom's
   trainer server, JupyterLab on the course folder) opening a copy of the same learner
   notebook on the same phone profile; the learner's way there is to run the cells with
   Shift+Enter, so the time is navigation until the first question shows after Shift+Enter
   on the cells above it (pressed as soon as the notebook's cells show). Each visit starts
   a fresh kernel (the previous one is shut down), as the Voila page does.

Prints medians over ``--visits`` pairs, the targets of issue 13 (first visit at most 3 s
and 1.5 MB, later visit at most 0.3 MB) and the machine's load.

Usage::

    flock <bench.lock> nice -n 5 .venv/bin/python benchmarks/classroom_page.py [--visits 3]
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from kiosk_startup import CHROMIUM_ARGS, PHONE, PHONE_NETWORK  # noqa: E402

LEARNER, TRAINER = "hv01", "gv01"
FIRST_QUESTION = ".lk-graded-level1_steps .lk-ordering-pool-step"
#: Shift+Enter presses from the first cell until the first question's widget cell has run
#: (intro text, set-up code, question text, question widget).
CELLS_TO_FIRST_QUESTION = 4
TIMEOUT_MS = 90_000
TARGETS = {"first_s": 3.0, "first_mb": 1.5, "later_mb": 0.3}


def build_course(root: Path):
    """A course with the real config and ``vneid`` released; one learner, one trainer."""
    from literacy_kit.classroom.pins import PinStore
    from literacy_kit.classroom.state import ClassroomState
    from literacy_kit.course.course_dir import CourseDir
    from literacy_kit.course.exchange import release
    from literacy_kit.course.roster import parse_roster, write_roster

    course = root / "exercises"
    (course / "source").mkdir(parents=True)
    config = (REPO / "exercises" / "nbgrader_config.py").read_text(encoding="utf-8")
    config += f"\nc.ClassroomSettings.trainers = [{TRAINER!r}]\n"
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "exercises" / "source" / "vneid", course / "source" / "vneid")
    csv = root / "roster.csv"
    from faker import Faker

    fake = Faker("vi_VN")
    fake.seed_instance(13)
    csv.write_text("id,name,village,role\n" + "".join(f"{person},{fake.name()},{fake.last_name()},other\n"
                                                       for person in (LEARNER, TRAINER)), encoding="utf-8")
    write_roster(CourseDir(course), {p.id: p for p in parse_roster(csv.read_bytes()).learners})
    assert all(step.ok for step in release(CourseDir(course), "vneid"))
    # the trainer opens a copy of the learner's notebook (not the release folder itself)
    scratch = course / "bench" / "vneid"
    shutil.copytree(course / "release" / "vneid", scratch)
    state = ClassroomState(CourseDir(course))
    return state, PinStore(state.pins).issue([LEARNER, TRAINER])


def log_in(page, base: str, user: str, pin: str, ready: str) -> None:
    page.goto(base + "hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", pin)
    page.click(".lk-login-submit")
    for attempt in range(3):
        try:
            page.wait_for_selector(ready, timeout=TIMEOUT_MS)
            return
        except Exception:
            # a kernel that died at its start leaves the page waiting: the person reloads
            print(f"{user}: page not ready, reloading", file=sys.stderr)
            page.reload(wait_until="commit")
    page.wait_for_selector(ready, timeout=TIMEOUT_MS)


class Meter:
    """Phone conditions on one page and the bytes it receives.

    HTTP: ``encodedDataLength`` (headers and bodies as they crossed the wire). Websocket:
    Chromium reports each message's payload after decompression; when the server agreed to
    permessage-deflate, each payload is deflated here the way that extension does (one raw
    deflate stream per socket, sync flush, 4 bytes dropped) to count what was sent.
    """

    def __init__(self, context, page):
        self.http = self.ws = self.ws_raw = 0
        self.requests = 0
        self._deflate: dict[str, object] = {}
        self.cdp = context.new_cdp_session(page)
        self.cdp.on("Network.loadingFinished", self._http)
        self.cdp.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        self.cdp.on("Network.webSocketFrameReceived", self._ws)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})

    def _http(self, event):
        self.http += event["encodedDataLength"]
        self.requests += 1

    def _handshake(self, event):
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        if "permessage-deflate" in headers.get("sec-websocket-extensions", ""):
            self._deflate[event["requestId"]] = zlib.compressobj(6, zlib.DEFLATED, -15)

    def _ws(self, event):
        response = event["response"]
        payload = response["payloadData"]
        data = base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode()
        self.ws_raw += len(data)
        deflate = self._deflate.get(event["requestId"])
        if deflate is None:
            self.ws += len(data)
        else:
            self.ws += len(deflate.compress(data) + deflate.flush(zlib.Z_SYNC_FLUSH)) - 4

    def clear_cache(self) -> None:
        self.cdp.send("Network.clearBrowserCache")

    @property
    def mb(self) -> float:
        return (self.http + self.ws) / 1e6


def visit(context, url: str, kind: str, after_commit=None) -> dict:
    page = context.new_page()
    meter = Meter(context, page)
    if kind == "first":
        meter.clear_cache()
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    if after_commit:
        after_commit(page)
    try:
        page.wait_for_selector(FIRST_QUESTION, state="visible", timeout=TIMEOUT_MS)
    except Exception:   # a failed visit is a figure, not the end of the run
        shot = Path(tempfile.gettempdir()) / f"classroom-page-{kind}.png"
        page.screenshot(path=str(shot))
        print(f"no first question at {page.url} (screenshot {shot})", file=sys.stderr)
        page.close(run_before_unload=True)
        return {"failed": 1}
    seconds = time.perf_counter() - started
    timing = page.evaluate("""() => { const t = performance.getEntriesByType('navigation')[0];
        return {html_s: t.responseEnd / 1000, dom_s: t.domContentLoadedEventEnd / 1000}; }""")
    page.wait_for_timeout(500)  # late requests (fonts, icons) still count
    result = {"s": seconds, "mb": meter.mb, "http_mb": meter.http / 1e6, "ws_mb": meter.ws / 1e6,
              "ws_raw_mb": meter.ws_raw / 1e6, "requests": meter.requests, **timing}
    page.close(run_before_unload=True)
    return result


def run_cells(page) -> None:
    """A learner in JupyterLab: once the notebook's kernel is up, tap the first cell, then
    Shift+Enter down to the question (JupyterLab does not queue cells before its kernel
    has started: it asks which kernel to use instead)."""
    first = page.locator(".jp-Notebook .jp-Cell").first
    first.wait_for(state="visible", timeout=TIMEOUT_MS)
    base = page.url.split("/lab/", 1)[0]
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        reply = page.request.get(f"{base}/api/sessions")
        sessions = reply.json() if reply.ok else []
        if any((s.get("kernel") or {}).get("execution_state") == "idle" for s in sessions):
            break
        page.wait_for_timeout(100)
    first.click()
    for _ in range(CELLS_TO_FIRST_QUESTION):
        page.keyboard.press("Shift+Enter")


def shut_kernels(context, base: str, user: str) -> None:
    """Shut down every kernel of the trainer's server (the next visit starts a fresh one)."""
    xsrf = next((c["value"] for c in context.cookies() if c["name"] == "_xsrf"), "")
    api = f"{base}user/{user}/api/kernels"
    reply = context.request.get(api)
    if reply.ok:
        for kernel in reply.json():
            context.request.delete(f"{api}/{kernel['id']}", headers={"X-XSRFToken": xsrf})


def pairs(browser, base: str, pins: dict, visits: int) -> dict[str, dict[str, list]]:
    figures = {name: {} for name in ("voila", "lab")}
    learner = browser.new_context(**PHONE)
    trainer = browser.new_context(**PHONE)
    try:
        log_in(learner.new_page(), base, LEARNER, pins[LEARNER], ".lk-class-card-vneid .lk-class-open-link")
        log_in(trainer.new_page(), base, TRAINER, pins[TRAINER], ".jp-LabShell, #main")
        for page in learner.pages + trainer.pages:
            page.close()
        voila_url = f"{base}user/{LEARNER}/voila/render/exercise.ipynb?assignment=vneid&lang=vi"
        lab_url = f"{base}user/{TRAINER}/lab/tree/bench/vneid/vneid.ipynb"
        for index in range(visits):
            for kind in ("first", "later"):
                for name, context, url, hook in (("voila", learner, voila_url, None),
                                                 ("lab", trainer, lab_url, run_cells)):
                    result = {"failed": 0, **visit(context, url, kind, hook)}
                    if name == "lab":
                        shut_kernels(trainer, base, TRAINER)
                    for key, value in result.items():
                        figures[name].setdefault(f"{kind}_{key}", []).append(value)
                    time.sleep(2)  # the page's kernel is shut down
            print(f"pair {index + 1}/{visits} done", file=sys.stderr, flush=True)
    finally:
        learner.close()
        trainer.close()
    return figures


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=3, help="first+later visit pairs per page")
    parser.add_argument("--chromium", default=os.environ.get("LK_CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--json", help="also write the raw figures to this file")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from literacy_kit.classroom.serve import free_port, start_hub

    print(f"start: {load()}")
    with tempfile.TemporaryDirectory(prefix="lk-page-bench-") as tmp:
        state, pins = build_course(Path(tmp))
        hub = start_hub(state, "127.0.0.1", free_port())
        try:
            if not hub.ready(timeout=120):
                print(hub.log.read_text()[-3000:], file=sys.stderr)
                return 1
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                try:
                    figures = pairs(browser, hub.url, pins, args.visits)
                finally:
                    browser.close()
        finally:
            hub.stop()
    print(f"end: {load()}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    report(figures, args.visits)
    return 0


def report(figures: dict, visits: int) -> None:
    median = statistics.median
    voila, lab = figures["voila"], figures["lab"]
    print(f"phone profile: CPU 4x, 20 Mbit/s, 40 ms RTT, 412x915; medians of {visits} pair(s)")
    for kind in ("first", "later"):
        v_s, l_s = median(voila[f"{kind}_s"]), median(lab[f"{kind}_s"])
        v_mb, l_mb = median(voila[f"{kind}_mb"]), median(lab[f"{kind}_mb"])
        print(f"{kind} visit: classroom page {v_s:.2f} s, {v_mb:.2f} MB "
              f"(http {median(voila[f'{kind}_http_mb']):.2f}, ws {median(voila[f'{kind}_ws_mb']):.2f}, "
              f"{median(voila[f'{kind}_requests']):.0f} requests; page HTML done at "
              f"{median(voila[f'{kind}_html_s']):.2f} s, DOM at {median(voila[f'{kind}_dom_s']):.2f} s) | "
              f"JupyterLab (trainer's, Shift+Enter) "
              f"{l_s:.2f} s, {l_mb:.2f} MB ({median(lab[f'{kind}_requests']):.0f} requests) | "
              f"ratio {l_s / v_s:.2f}x time, {l_mb / v_mb:.2f}x bytes")
        print(f"  all classroom page times: {', '.join(f'{x:.2f}' for x in voila[f'{kind}_s'])}; "
              f"JupyterLab: {', '.join(f'{x:.2f}' for x in lab[f'{kind}_s'])}; failed visits: "
              f"classroom {sum(voila[f'{kind}_failed'])}, JupyterLab {sum(lab[f'{kind}_failed'])}")
    for key, target in TARGETS.items():
        kind, unit = key.split("_")
        got = median(voila[key])
        print(f"target {kind} visit <= {target} {'s' if unit == 's' else 'MB'}: {got:.2f} "
              f"{'met' if got <= target else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
