"""A hostile learner's code runs inside the fence the spawner gives every learner's server.

The fence is the one ``learner_server`` applies before it becomes ``jupyterhub-singleuser``
(same function, same spawner settings); here a child process applies it and then tries
what a hostile learner would, through any kernel of their server.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest

from literacy_kit.classroom.learner_server import FENCE_ENV
from literacy_kit.classroom.spawner import ClassroomSpawner, learner_fence
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.course.course_dir import CourseDir
from literacy_kit.course.sandbox import landlock_abi

pytestmark = pytest.mark.skipif(landlock_abi() <= 0, reason="this Linux kernel has no Landlock")

HOSTILE = textwrap.dedent("""
    import json, os, signal, sys
    from literacy_kit.classroom.learner_server import fence_from_env
    from literacy_kit.course import sandbox
    assert sandbox.apply(fence_from_env())
    paths = json.loads(sys.argv[1])
    out = {}
    def attempt(name, action):
        try:
            action()
            out[name] = "allowed"
        except OSError:
            out[name] = "refused"
    attempt("read_other_home", lambda: open(paths["other_answers"]).read())
    attempt("write_other_home", lambda: open(paths["other_answers"], "a").write("x"))
    attempt("list_other_home", lambda: os.listdir(paths["other_home"]))
    attempt("read_source", lambda: open(paths["source"]).read())
    attempt("read_gradebook", lambda: open(paths["gradebook"], "rb").read())
    attempt("write_gradebook", lambda: open(paths["gradebook"], "ab").write(b"x"))
    attempt("read_inbound", lambda: os.listdir(paths["inbound"]))
    attempt("write_inbound", lambda: os.mkdir(os.path.join(paths["inbound"], "hv01+vneid+x")))
    attempt("write_outbound", lambda: open(os.path.join(paths["outbound"], "x"), "w").write("x"))
    attempt("read_roster", lambda: open(paths["roster"]).read())
    attempt("read_pins", lambda: open(paths["pins"]).read())
    attempt("read_other_lane", lambda: os.listdir(paths["other_lane"]))
    attempt("write_own_home", lambda: open(os.path.join(paths["own_home"], "a.txt"), "w").write("x"))
    attempt("write_own_lane", lambda: os.mkdir(os.path.join(paths["own_inbound"], "hv02+vneid+t")))
    attempt("read_outbound", lambda: os.listdir(paths["outbound"]))
    if sandbox.landlock_abi() >= 6:
        attempt("signal_other_server", lambda: os.kill(paths["other_server_pid"], signal.SIGTERM))
    print(json.dumps(out))
""")


def spawner_env(state: ClassroomState, learner: str) -> dict:
    spawner = ClassroomSpawner(course_root=str(state.course.root), trainers=["gv01"],
                               user=SimpleNamespace(name=learner))
    spawner._prepare_learner()   # the home and lane the real spawner makes before a start
    return {FENCE_ENV: json.dumps(learner_fence(state, learner, 2048))}


def test_a_hostile_learner_cannot_reach_others_the_sources_or_the_gradebook(course):
    state = ClassroomState(CourseDir(course))
    (state.outbound / "vneid").mkdir(parents=True)
    state.inbound.mkdir(parents=True)
    (state.inbound / "hv01+vneid+2026-01-01 10:00:00.000000 UTC+abc").mkdir()
    (course / "gradebook.db").write_bytes(b"SQLite")
    state.pins.parent.mkdir(parents=True, exist_ok=True)
    state.pins.write_text("{}")
    other = state.home("hv01") / "vneid"
    other.mkdir(parents=True)
    (other / "vneid_answers.json").write_text("{}")
    state.prepare_lane("hv01")
    env = dict(os.environ, **spawner_env(state, "hv02"))
    paths = {"other_answers": str(other / "vneid_answers.json"), "other_home": str(state.home("hv01")),
             "source": str(course / "source" / "vneid" / "vneid.ipynb"),
             "gradebook": str(course / "gradebook.db"), "inbound": str(state.inbound),
             "outbound": str(state.outbound), "roster": str(course / "roster.json"),
             "pins": str(state.pins), "other_lane": str(state.lane("hv01")),
             "own_home": str(state.home("hv02")), "own_inbound": str(state.lane_inbound("hv02"))}
    # another learner's server: a process outside this learner's fence, same user
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    paths["other_server_pid"] = victim.pid
    try:
        result = subprocess.run([sys.executable, "-c", HOSTILE, json.dumps(paths)], env=env,
                                capture_output=True, text=True, timeout=60)
        assert victim.poll() is None, "the learner's code stopped another learner's server"
    finally:
        victim.kill()
        victim.wait()
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    allowed = {"write_own_home", "write_own_lane", "read_outbound"}
    assert {name for name, what in seen.items() if what == "allowed"} == allowed, seen
    assert (other / "vneid_answers.json").read_text() == "{}"
