"""A process that has imported a learner's server and kernel once, and forks a server per learner.

A learner's server started the ordinary way spends seconds of CPU importing Jupyter
Server, JupyterHub's single-user extension and Voila, and its first kernel as much again
importing ipykernel, ipywidgets and the kit; a class of 30 arriving at once on a 2-core
machine then queues for a minute. This process pays those imports once, when the hub
starts, and forks each learner's server on request.

In the forked child, before anything of the learner runs: a session of its own, the
request's environment and folder, no inherited descriptor but the log (never the request
channel), then the learner's Landlock fence and limits, from the same
``LK_CLASSROOM_FENCE`` and the same code (:func:`.learner_server.enter_fence`) as a
server started the ordinary way. The child then starts its own kernel zygote
(:mod:`.kernels`), inside that fence, and becomes ``jupyterhub-singleuser``.

Only the hub can ask for a server: requests come on this process's standard input, a
pipe the hub holds. Nothing inside a fence can reach it: the forked servers close it, and
Landlock forbids a fenced process to trace (or open ``/proc/PID/fd`` of) any process
outside its own fence. A request without a fence is refused.

Run as ``python -m literacy_kit.classroom.zygote``. Protocol, one JSON object per line:
it writes ``{"ready": true, "threads": N}``, then answers each ``{"argv", "env", "cwd"}``
with ``{"pid": N}`` (or ``{"error": text}``). It exits when its standard input closes;
the servers it started live on, as servers the hub started itself would.
"""
from __future__ import annotations

import ctypes
import gc
import importlib
import json
import os
import sys
import threading

from ..course.zygote import answer_requests, become_zygote, detach
from .learner_server import FENCE_ENV, enter_fence

#: What a learner's server imports before it answers (Jupyter Server, the hub's
#: single-user extension, Voila and the notebook-to-page conversion).
SERVER_PRELOAD = (
    "jupyter_server.serverapp", "jupyter_server.services.kernels.kernelmanager",
    "jupyter_server.services.kernels.websocket", "jupyter_server.services.contents.largefilemanager",
    "jupyterhub.singleuser", "jupyterhub.singleuser.extension", "voila.server_extension",
    "voila.handler", "voila.notebook_renderer", "voila.utils", "voila.paths",
    "nbconvert.exporters.html", "nbconvert.preprocessors", "nbclient", "jupyter_client.manager",
    "jupyter_client.provisioning", "jinja2", "psutil", "literacy_kit.classroom.kernels")
#: What a learner's kernel imports before it shows the home or an exercise.
KERNEL_PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.comm",
    "ipykernel.debugger", "debugpy.server", "pdb", "sqlite3", "gzip", "xmlrpc.client",
    "IPython.core.completer", "IPython.extensions.storemagic", "ipywidgets",
    "literacy_kit.core", "literacy_kit.classroom.pages", "literacy_kit.classroom.home_view",
    "literacy_kit.classroom.exercise_view", "literacy_kit.classroom.learner",
    "nbgrader.exchange.default", "nbgrader.apps.api")
#: Room kept in this process's environment block: a forked server writes its own
#: environment there (:func:`show_process`), so ``/proc/PID/environ`` shows the
#: learner's, not the hub's.
ENV_ROOM = "LK_CLASSROOM_ENV_ROOM"
ENV_ROOM_BYTES = 16384


def preload() -> list[str]:
    """Import the server, the kernel, the kit and every domain's modules; what failed."""
    from .. import domains

    failed = []
    for name in SERVER_PRELOAD + KERNEL_PRELOAD + domains.preload_modules():
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module only costs speed
            failed.append(name)
    return failed


def warm_templates() -> int:
    """Make every forked server's Voila share compiled page templates, and compile those of
    every installed Voila template now (:mod:`literacy_kit.voila_templates`); how many."""
    from jupyter_core.paths import jupyter_path

    from .. import voila_templates

    voila_templates.install()
    names = {entry.name for root in jupyter_path("voila", "templates") if os.path.isdir(root)
             for entry in os.scandir(root) if entry.is_dir() and entry.name != "base"}
    compiled = 0
    for name in sorted(names):
        try:
            compiled += voila_templates.warm(name)
        except Exception:  # noqa: BLE001 - a broken template only costs speed
            pass
    return compiled


def _overwrite(block: int, data: bytes) -> None:
    """Write ``data`` over one of this process's original blocks (0: the command line,
    1: the environment: what ``/proc/PID/cmdline`` and ``environ`` show), padded with
    NULs; whatever does not fit is left out, at a NUL boundary."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        # fields 48-51 of proc(5): arg_start, arg_end, env_start, env_end
        start, end = int(fields[45 + 2 * block]), int(fields[46 + 2 * block])
    except (OSError, IndexError, ValueError):
        return
    size = end - start
    if size <= 0:
        return
    if len(data) > size:
        data = data[:data.rfind(b"\0", 0, size) + 1]
    ctypes.memmove(start, data.ljust(size, b"\0"), size)


def show_process(argv: list[str]) -> None:
    """Make ``ps`` and ``/proc`` show this forked process as what it became: its command
    line and its own environment (not the zygote's). Call after ``os.environ`` is set."""
    _overwrite(0, b"".join(part.encode("utf-8", "replace") + b"\0" for part in argv))
    _overwrite(1, b"".join(f"{key}={value}".encode("utf-8", "replace") + b"\0"
                           for key, value in os.environ.items()))


def _child(request: dict) -> None:
    """In the forked child: detach, fence in, become the learner's server."""
    env = request.get("env") or {}
    detach(request, env.get("HOME") or "/", die_with_parent=False, keep_stderr=True)
    enter_fence()
    import random

    random.seed()   # the zygote's generator state must not be every server's
    argv = list(request["argv"])
    sys.argv = [sys.executable, "-m", "jupyterhub.singleuser", *argv]
    show_process(sys.argv)
    from . import kernels

    kernels.start_kernel_zygote()
    from jupyterhub.singleuser import main

    main(argv)


def _fenced_only(request: dict) -> None:
    if not (request.get("env") or {}).get(FENCE_ENV):
        raise ValueError("a learner's server needs a fence")


def serve(stdin=None, stdout=None) -> None:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    become_zygote()
    os.environ.pop(ENV_ROOM, None)
    failed = preload()
    templates = warm_templates()
    # what the imports made stays shared with every server: the garbage collector then
    # never writes to those objects in a child, which would copy their pages
    gc.collect()
    gc.freeze()
    # forking a process with threads running is unsafe: say so, the hub then starts
    # servers the ordinary way
    threads = threading.active_count()
    stdout.write(json.dumps({"ready": threads == 1, "threads": threads, "failed": failed,
                             "templates": templates}) + "\n")
    stdout.flush()
    answer_requests(stdin, stdout, _child, before_fork=_fenced_only, log_errors=True)


if __name__ == "__main__":
    serve()
