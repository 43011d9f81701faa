"""A class arriving at once at the classroom hub: login, spawn and home, memory per learner.

What it does, on this machine, with a real JupyterHub, its proxy and fenced learner servers:

1. builds a temporary course (the real ``exercises/`` config and ``vneid``), a roster of
   ``--learners`` synthetic ids, releases ``vneid`` and issues their PINs;
2. **baseline**: one learner alone logs in and gets their home page (login, spawn, the
   Voila page of the home notebook served and its kernel started; Voila 0.5 then runs the
   notebook through the page's websocket, which a plain HTTP client does not open);
3. **the class**: every learner does the same at once (one thread each, plain HTTP like a
   phone's first request; widgets are rendered later by the phone, not measured here);
4. prints p50/p95/max of "login → home page served", failures, and the memory
   (RSS) of each learner's server with its kernel, then a capacity estimate.

Not measured here (said so in the output): tap-to-update latency through the widget
websocket and the exercise page on the throttled phone profile.

Usage::

    .venv/bin/python benchmarks/classroom.py --learners 10
    .venv/bin/python benchmarks/classroom.py --learners 30
"""
from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_course(root: Path, learners: int):
    from literacy_kit.classroom.pins import PinStore
    from literacy_kit.classroom.state import ClassroomState
    from literacy_kit.course.course_dir import CourseDir
    from literacy_kit.course.exchange import release
    from literacy_kit.course.roster import import_roster

    course = root / "exercises"
    (course / "source").mkdir(parents=True)
    shutil.copy(REPO / "exercises" / "nbgrader_config.py", course)
    shutil.copytree(REPO / "exercises" / "source" / "vneid", course / "source" / "vneid")
    from faker import Faker

    fake = Faker("vi_VN")
    fake.seed_instance(13)
    ids = [f"b{index:03d}" for index in range(learners + 1)]
    csv = root / "roster.csv"
    csv.write_text("id,name,village,role\n" + "".join(f"{i},{fake.name()},{fake.last_name()},other\n"
                                                       for i in ids), encoding="utf-8")
    import_roster(CourseDir(course), csv)
    assert all(step.ok for step in release(CourseDir(course), "vneid"))
    state = ClassroomState(CourseDir(course))
    return state, PinStore(state.pins).issue(ids)


def arrive(base: str, learner: str, pin: str, timeout: float = 240.0) -> dict:
    """Log in like a phone's browser and wait until the home page comes back rendered."""
    import requests

    session = requests.Session()
    start = time.perf_counter()
    try:
        session.get(base + "hub/login", timeout=60)
        xsrf = session.cookies.get("_xsrf", path="/hub/") or session.cookies.get("_xsrf")
        reply = session.post(base + "hub/login?next=", timeout=120, allow_redirects=False,
                             data={"username": learner, "password": pin, "_xsrf": xsrf})
        if reply.status_code != 302:
            return {"ok": False, "why": f"login {reply.status_code}"}
        logged_in = time.perf_counter()
        session.get(base + "hub/spawn", timeout=120)
        # the phone's spawn page asks the hub whether the server is ready; so do we
        api = f"{base}hub/api/users/{learner}"
        while time.perf_counter() - start < timeout:
            reply = session.get(api, timeout=60)
            if reply.status_code == 200 and (reply.json().get("servers", {}).get("", {}) or {}).get("ready"):
                break
            if reply.status_code != 200:
                return {"ok": False, "why": f"hub api {reply.status_code}"}
            time.sleep(1.0)
        else:
            return {"ok": False, "why": "server did not start"}
        started = time.perf_counter()
        # one render, as a phone asks once (every render starts a kernel)
        page = session.get(f"{base}user/{learner}/voila/render/home.ipynb", timeout=180)
        done = time.perf_counter()
        # Voila 0.5 sends the page, then the phone's browser runs the notebook through the
        # kernel's websocket: what is timed here is "home page served, kernel started"
        if page.status_code != 200 or "voila" not in page.text.lower():
            return {"ok": False, "why": f"home {page.status_code}, {len(page.text)} bytes"}
        return {"ok": True, "login": logged_in - start, "spawn": started - start, "home": done - start}
    except Exception as exc:   # a failure is a figure here, not a crash
        return {"ok": False, "why": f"{type(exc).__name__}: {exc}"[:200]}


def learner_memory(state, learners: list[str]) -> dict[str, float]:
    """RSS in MB of each learner's server process and its children (kernels)."""
    import json
    import sqlite3

    import psutil

    db = sqlite3.connect(state.hub / "jupyterhub.sqlite")
    rows = db.execute("select u.name, s.state from spawners s join users u on s.user_id = u.id").fetchall()
    db.close()
    sizes = {}
    for name, raw in rows:
        pid = json.loads(raw or "{}").get("pid")
        if name not in learners or not pid:
            continue
        try:
            proc = psutil.Process(pid)
            procs = [proc] + proc.children(recursive=True)
            sizes[name] = sum(p.memory_info().rss for p in procs) / 2**20
        except psutil.Error:
            continue
    return sizes


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10)
    args = parser.parse_args(argv)

    import os

    import psutil

    from literacy_kit.classroom.serve import free_port, start_hub

    root = Path(tempfile.mkdtemp(prefix="lk-classroom-bench-"))
    state, pins = build_course(root, args.learners)
    hub = start_hub(state, "127.0.0.1", free_port())
    try:
        assert hub.ready(90), hub.log.read_text()[-2000:]
        base = hub.url
        baseline = arrive(base, "b000", pins["b000"])
        print(f"baseline, one learner alone: login {baseline.get('login', 0):.2f} s, "
              f"home {baseline.get('home', 0):.2f} s ({'ok' if baseline['ok'] else baseline['why']})")
        used_before = psutil.virtual_memory().used
        learners = [f"b{i:03d}" for i in range(1, args.learners + 1)]
        results: dict[str, dict] = {}

        def one(learner):
            results[learner] = arrive(base, learner, pins[learner])

        threads = [threading.Thread(target=one, args=(learner,)) for learner in learners]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        ok = [r for r in results.values() if r["ok"]]
        homes = [r["home"] for r in ok]
        logins = [r["login"] for r in ok]
        print(f"{args.learners} learners at once: {len(ok)} reached their home, "
              f"{args.learners - len(ok)} failed, all done in {wall:.1f} s")
        for why in sorted({r["why"] for r in results.values() if not r["ok"]}):
            print("  failure:", why)
        if homes:
            print(f"  login (PIN check): p50 {statistics.median(logins):.2f} s, p95 {pct(logins, .95):.2f} s")
            print(f"  login to home page served: p50 {statistics.median(homes):.2f} s, p95 {pct(homes, .95):.2f} s, "
                  f"max {max(homes):.2f} s (target p95 <= 10 s); "
                  f"p50 vs baseline {statistics.median(homes) / max(baseline.get('home', 1), 1e-9):.1f}x")
        sizes = learner_memory(state, learners)
        if sizes:
            per = statistics.median(sizes.values())
            print(f"  memory per learner (server + kernel, RSS): median {per:.0f} MB, "
                  f"max {max(sizes.values()):.0f} MB; machine memory used grew by "
                  f"{(psutil.virtual_memory().used - used_before) / 2**20:.0f} MB")
            cores = os.cpu_count() or 1
            print(f"  capacity: about {1024 / per:.1f} learners at once per GB of memory; "
                  f"{args.learners / cores:.1f} learners per core were served in this run")
        print("  not measured here: widgets drawn on the phone (needs a browser per learner), "
              "tap-to-update latency, the exercise page on the phone profile")
    finally:
        hub.stop()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
