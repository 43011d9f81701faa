"""A class arriving at the classroom hub: login, spawn, home, taps, memory; a capacity table.

What it does, on this machine, with a real JupyterHub, its proxy and fenced learner servers
(simulated learners: :mod:`classroom_learner`, HTTP and the v1 kernel websocket protocol
driving the real widgets, one thread per learner):

1. builds a temporary course (the real ``exercises/`` config and ``vneid``), a roster of
   synthetic ids, releases ``vneid`` and issues their PINs;
2. for each scenario, starts a fresh hub (so nobody's server is running yet) and waits
   until it is idle; one learner alone arrives first (the baseline of that hub), then the
   class: ``at once`` (all at the same instant) or ``spread`` (arrival times uniform over
   ``--spread`` seconds, seeded); each learner logs in, reaches the home (page served and
   its widgets fetched through the websocket), opens the exercise and taps ``--taps``
   answers a second apart;
3. prints per scenario: p50/p95/max of PIN check, login → server ready, login → home page
   served, login → home shown (widgets), exercise opened, tap → screen updated; failures;
   memory per learner (server + kernels: PSS, i.e. shared pages split between sharers,
   and RSS) and CPU seconds per learner; then a capacity table.

Scenarios run with servers forked from the warm classroom zygote (the default) and, as the
baseline, servers started the ordinary way (``fork_servers = False``). Memory is capped:
a scenario that would not fit in the memory available is skipped and says so. Every hub
is stopped, and any learner process left killed, before the next scenario.

Usage::

    .venv/bin/python benchmarks/classroom.py                # the whole set (~15 min)
    .venv/bin/python benchmarks/classroom.py --only fork:30 --only ordinary:30
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_learner import Learner  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TRAINER = "t000"
#: (spawn path, learners, how they arrive)
SCENARIOS = [("ordinary", 30, "at once"), ("fork", 10, "at once"), ("fork", 30, "at once"),
             ("fork", 30, "spread"), ("fork", 60, "at once")]
#: memory a learner may take, MB, to decide whether a scenario fits (measured: ~210 RSS cold)
BUDGET_MB = 260


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
    ids = [f"b{index:03d}" for index in range(learners)]
    csv = root / "roster.csv"
    csv.write_text("id,name,village,role\n" + "".join(f"{i},{fake.name()},{fake.last_name()},other\n"
                                                       for i in ids), encoding="utf-8")
    import_roster(CourseDir(course), csv)
    assert all(step.ok for step in release(CourseDir(course), "vneid"))
    state = ClassroomState(CourseDir(course))
    return state, PinStore(state.pins).issue(ids)


def set_fork(state, fork: bool) -> None:
    config = state.course.root / "nbgrader_config.py"
    lines = [line for line in config.read_text().splitlines() if "fork_servers" not in line]
    lines.append(f"c.ClassroomSettings.fork_servers = {fork}")
    config.write_text("\n".join(lines) + "\n")


def server_pids(state) -> dict[str, int]:
    try:
        db = sqlite3.connect(state.hub / "jupyterhub.sqlite")
        rows = db.execute("select u.name, s.state from spawners s join users u on s.user_id = u.id").fetchall()
        db.close()
    except sqlite3.Error:
        return {}
    return {name: pid for name, raw in rows if (pid := json.loads(raw or "{}").get("pid"))}


def usage(pids: dict[str, int]) -> dict[str, tuple[float, float, float, float]]:
    """``{learner: (PSS MB, RSS MB, CPU s, CPU s of the server alone)}`` of each server
    with all its descendants (kernel zygote, kernels)."""
    import psutil

    found = {}
    for name, pid in pids.items():
        try:
            root = psutil.Process(pid)
            procs = [root] + root.children(recursive=True)
            pss = rss = cpu = 0.0
            for proc in procs:
                info = proc.memory_full_info()
                pss += info.pss / 2**20
                rss += info.rss / 2**20
                times = proc.cpu_times()
                cpu += times.user + times.system
            own = root.cpu_times()
            found[name] = (pss, rss, cpu, own.user + own.system)
        except psutil.Error:
            continue
    return found


def zygote_mb(hub_pid: int) -> float:
    import psutil

    try:
        return sum(p.memory_full_info().pss for p in psutil.Process(hub_pid).children()
                   if "classroom.zygote" in " ".join(p.cmdline())) / 2**20
    except psutil.Error:
        return 0.0


def wait_idle(hub_pid: int, limit: float = 90.0) -> None:
    """Until the hub and its children (the zygote's imports) stop using CPU, at most ``limit`` s."""
    import psutil

    deadline = time.monotonic() + limit
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        try:
            procs = [psutil.Process(hub_pid)] + psutil.Process(hub_pid).children(recursive=True)
            before = sum(sum(p.cpu_times()[:2]) for p in procs)
            time.sleep(0.5)
            after = sum(sum(p.cpu_times()[:2]) for p in procs)
        except psutil.Error:
            return
        quiet = quiet + 1 if after - before < 0.05 else 0


def kill_learners(pids) -> None:
    for pid in pids:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def line(label: str, values: list[float]) -> str:
    if not values:
        return f"    {label:<28} -"
    return (f"    {label:<28} p50 {statistics.median(values):6.2f}  p95 {pct(values, .95):6.2f}  "
            f"max {max(values):6.2f} s")


def run_class(base: str, pins: dict, names: list[str], how: str, spread: float, taps: int,
              seed: int) -> tuple[dict, float]:
    offsets = {name: 0.0 for name in names}
    if how == "spread":
        rng = random.Random(seed)
        offsets = {name: rng.uniform(0, spread) for name in names}
    results: dict[str, dict] = {}
    learners = {name: Learner(base, name, pins[name]) for name in names}
    go = threading.Event()

    def one(name):
        go.wait()
        time.sleep(offsets[name])
        results[name] = learners[name].arrive(taps=taps)

    threads = [threading.Thread(target=one, args=(name,), daemon=True) for name in names]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    go.set()
    limit = 420 + (spread if how == "spread" else 0)
    for thread in threads:
        thread.join(timeout=max(0.0, limit - (time.perf_counter() - start)))
    for name in names:
        results.setdefault(name, {"ok": False, "taps": [],
                                  "why": f"{learners[name].step}: still running after {limit:.0f} s"})
    return results, time.perf_counter() - start


def report(title: str, alone: dict, results: dict, wall: float, sizes: dict, load: str) -> dict:
    ok = [r for r in results.values() if r["ok"]]
    print(f"\n== {title}: {len(ok)}/{len(results)} reached their home and tapped, "
          f"{len(results) - len(ok)} failed; all done in {wall:.0f} s; {load}")
    for why in sorted({r["why"] for r in results.values() if not r["ok"]}):
        print("    failure:", why)
    print(f"    one learner alone, same hub: PIN {alone.get('pin', 0):.2f} s, ready "
          f"{alone.get('spawn', 0):.2f} s, home shown {alone.get('home', 0):.2f} s"
          f"{'' if alone.get('ok') else ' (' + alone.get('why', '') + ')'}")
    figures = {key: [r[key] for r in results.values() if key in r]
               for key in ("pin", "spawn", "page", "home", "exercise")}
    taps = [tap for r in results.values() for tap in r.get("taps", ())]
    print(line("PIN check", figures["pin"]))
    print(line("login -> server ready", figures["spawn"]))
    print(line("login -> home page served", figures["page"]))
    print(line("login -> home shown", figures["home"]) + "   (target p95 <= 10 s)")
    print(line("card tap -> exercise shown", figures["exercise"]))
    print(line(f"tap -> update ({len(taps)} taps)", taps))
    homes = figures["home"]
    if homes and alone.get("home"):
        print(f"    p50 home shown vs one alone: {statistics.median(homes) / alone['home']:.1f}x")
    summary = {"n": len(results), "ok": len(ok), "home95": pct(homes, .95) if homes else None,
               "tap95": pct(taps, .95) if taps else None}
    if sizes:
        pss = [v[0] for v in sizes.values()]
        rss = [v[1] for v in sizes.values()]
        cpu = [v[2] for v in sizes.values()]
        server = [v[3] for v in sizes.values()]
        print(f"    per learner (server + kernel zygote + kernels, {len(sizes)} measured): "
              f"PSS median {statistics.median(pss):.0f} MB, RSS median {statistics.median(rss):.0f} MB, "
              f"CPU median {statistics.median(cpu):.2f} s (the server alone "
              f"{statistics.median(server):.2f} s, the rest its kernels; the home page's kernel, "
              "ended when the learner left the page, is not counted)")
        summary.update(pss=statistics.median(pss), cpu=statistics.median(cpu))
    return summary


def disk_mb(state, names) -> float:
    """Median size of a learner's home and exchange lane, MB."""
    sizes = []
    for name in names:
        total = 0
        for folder in (state.home(name), state.lane(name)):
            total += sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())
        sizes.append(total / 2**20)
    return statistics.median(sizes) if sizes else 0.0


def capacity(summaries: dict, zygote: float, cores: int) -> None:
    fork = {key: s for key, s in summaries.items() if key[0] == "fork" and s.get("pss")}
    if not fork:
        return
    # a class's servers share the zygote's pages: the figure of the class of 30 (or the
    # largest class measured) is the one a commune's class would see
    sized = fork.get(("fork", 30, "at once")) or max(fork.values(), key=lambda s: s["n"])
    pss, cpu, disk = sized["pss"], sized["cpu"], sized.get("disk", 0.0)
    base_mb = 600 + zygote   # hub, proxy, relay, culler (measured ~450 MB RSS) and the zygote
    good = [key[1] for key, s in fork.items()
            if key[2] == "at once" and s["ok"] == s["n"] and s["home95"] is not None
            and s["home95"] <= 10 and (s["tap95"] or 0) <= 1.0]
    per_core = max(good) / cores if good else 0
    print("\n== capacity (forked servers, from the figures above)")
    print(f"    memory per learner (PSS, server + kernels): {pss:.0f} MB -> "
          f"{1024 / pss:.1f} learners at once per GB, after {base_mb:.0f} MB for the hub, proxy, "
          "relay and zygote")
    print(f"    CPU per learner (server and kernels: arriving, home, exercise, taps): {cpu:.2f} s")
    print(f"    learners arriving at the same instant per core with p95 home <= 10 s and p95 tap "
          f"<= 1 s: {per_core:.0f} (largest class that met both here: {max(good) if good else 0} "
          f"on {cores} cores)")
    spread = [key[1] for key, s in fork.items() if key[2] == "spread" and s["ok"] == s["n"]
              and s["home95"] is not None and s["home95"] <= 10]
    if spread:
        print(f"    arriving over a minute, the largest class that met the target: {max(spread)}")
    need_gb = (base_mb + 30 * pss) * 1.5 / 1024
    cores_30 = max(2, math.ceil(30 / per_core)) if per_core else "more than 2"
    print(f"    a class of 30: {need_gb:.1f} GB of memory (figures + 50% headroom); cores for all "
          f"30 at the same instant within 10 s: {cores_30}")
    print("    300 learners over a week, in classes of 30 (idle servers culled after 20 min): "
          f"the same server as for one class, plus disk: {disk:.2f} MB per learner after one "
          f"exercise -> {300 * disk:.0f} MB for 300 per exercise (homes and exchange lanes)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[],
                        help="run only PATH:N[:spread] scenarios, e.g. fork:30 or fork:30:spread")
    parser.add_argument("--taps", type=int, default=6, help="answers each learner taps")
    parser.add_argument("--spread", type=float, default=60.0, help="seconds a spread class arrives over")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)

    import psutil

    from literacy_kit.classroom.serve import free_port, start_hub

    scenarios = SCENARIOS
    if args.only:
        scenarios = [(p, int(n), "spread" if rest else "at once")
                     for p, n, *rest in (item.split(":") for item in args.only)]
    total = sum(n + 1 for _, n, _ in scenarios)
    root = Path(tempfile.mkdtemp(prefix="lk-classroom-bench-"))
    state, pins = build_course(root, total)
    names = iter(sorted(pins))
    cores = os.cpu_count() or 1
    summaries, zygote = {}, 0.0
    try:
        for index, (path, count, how) in enumerate(scenarios):
            alone_id, class_ids = next(names), [next(names) for _ in range(count)]
            free = psutil.virtual_memory().available / 2**20
            if free < count * BUDGET_MB + 2048:
                print(f"\n== {path} {count} {how}: SKIPPED, {free:.0f} MB available < "
                      f"{count * BUDGET_MB + 2048} MB needed")
                continue
            set_fork(state, path == "fork")
            hub = start_hub(state, "127.0.0.1", free_port())
            try:
                assert hub.ready(90), hub.log.read_text()[-2000:]
                wait_idle(hub.process.pid)
                alone = Learner(hub.url, alone_id, pins[alone_id]).arrive(taps=args.taps)
                results, wall = run_class(hub.url, pins, class_ids, how, args.spread, args.taps, index)
                load = "load %.1f %.1f %.1f" % os.getloadavg()
                sizes = usage({n: p for n, p in server_pids(state).items() if n in class_ids})
                if path == "fork":
                    zygote = max(zygote, zygote_mb(hub.process.pid))
                title = f"{path} spawn, {count} learners {how}" + (
                    f" over {args.spread:.0f} s" if how == "spread" else "")
                summary = report(title, alone, results, wall, sizes, load)
                summary["disk"] = disk_mb(state, class_ids)
                print(f"    disk per learner (home and exchange lane): {summary['disk']:.2f} MB")
                summaries[(path, count, how)] = summary
            finally:
                leftover = server_pids(state).values()
                hub.stop()
                kill_learners(leftover)
        capacity(summaries, zygote, cores)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
