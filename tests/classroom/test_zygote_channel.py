"""The classroom zygote forks learners' servers for the hub only.

Its request channel is its standard input, a pipe the hub holds. A learner's code runs
inside the learner's fence, where Landlock forbids opening ``/proc/PID/fd`` of a process
outside the fence: the pipe cannot be reached. The zygote itself refuses a request
without a fence. Both are tried here against the real zygote.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from classroom.test_isolation import spawner_env
from literacy_kit.classroom.forked_servers import ServerZygote
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.course.course_dir import CourseDir
from literacy_kit.course.sandbox import landlock_abi

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(landlock_abi() <= 0, reason="this Linux kernel has no Landlock")]

REACH = textwrap.dedent("""
    import json, sys
    from literacy_kit.classroom.learner_server import fence_from_env
    from literacy_kit.course import sandbox
    if sys.argv[2] == "fenced":
        assert sandbox.apply(fence_from_env())
    out = {}
    for name, mode in (("write_requests", "w"), ("read_replies", "r")):
        fd = 0 if name == "write_requests" else 1
        try:
            open(f"/proc/{sys.argv[1]}/fd/{fd}", mode).close()
            out[name] = "allowed"
        except OSError:
            out[name] = "refused"
    print(json.dumps(out))
""")


@pytest.fixture(scope="module")
def zygote():
    handle = ServerZygote()
    yield handle
    handle.close()


def reach(zygote, env, how):
    result = subprocess.run([sys.executable, "-c", REACH, str(zygote.process.pid), how], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_fenced_learner_cannot_reach_the_zygote_channel(course, zygote):
    env = dict(os.environ, **spawner_env(ClassroomState(CourseDir(course)), "hv02"))
    # outside the fence the channel is there to be opened: the check below can fail
    assert reach(zygote, env, "open") == {"write_requests": "allowed", "read_replies": "allowed"}
    assert reach(zygote, env, "fenced") == {"write_requests": "refused", "read_replies": "refused"}


def test_the_zygote_refuses_a_server_without_a_fence(course, zygote):
    home = ClassroomState(CourseDir(course)).home("hv02")
    home.mkdir(parents=True, exist_ok=True)
    with pytest.raises(OSError, match="needs a fence"):
        zygote.fork(["--port=1"], {"HOME": str(home), "PATH": os.environ["PATH"]}, str(home))
    assert zygote.alive
