"""A process that has imported and built the kiosk once, and forks a kernel per visitor.

A cold kiosk kernel spends about 1.5 s of CPU importing ipykernel, ipywidgets, the kit
and every registered domain before it can build the home screen; a burst of visitors on
a 2-core mini-PC then queues for many seconds. This process pays that once: it imports
everything, builds the whole kiosk (every tile opened once, then closed) so the content
and catalog caches are warm, and then forks a fresh kernel per request. No visitor input
ever reaches it: it only runs the warm-up above, before its first fork.

Run as ``python -m literacy_kit.kiosk.zygote``. Protocol, one JSON object per line on
standard input/output: it writes ``{"ready": true, "warm": bool}``, then answers each
``{"argv", "env", "cwd"}`` with ``{"pid": N}`` (or ``{"error": text}``). It exits when its
standard input closes, killing the kernels it started.
"""
from __future__ import annotations

import importlib
import json
import os
import signal
import sys
import threading

from ..course.zygote import answer_requests, become_zygote, detach, start_ipykernel

#: What a kiosk kernel imports before it answers (measured: these took 0.3 s of 0.5 s of a
#: forked kernel's start when left out; the debugger's are imported even when unused).
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.comm",
           "ipykernel.debugger", "debugpy.server", "debugpy._vendored.force_pydevd", "pdb",
           "sqlite3", "psutil", "gzip", "xmlrpc.client", "IPython.core.completer",
           "IPython.extensions.storemagic", "ipywidgets", "literacy_kit.kiosk.app")


def preload() -> None:
    """Import the kernel and the kiosk; a module that fails only costs speed."""
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001
            pass


def warm_up() -> bool:
    """Build the kiosk and open every tile once, then close it all; True when it worked.

    Domains come from the tile registry, never by name. Nothing is shown (there is no
    kernel here), so the widgets only fill the caches their modules keep.
    """
    try:
        from ..core.tree import close_all
        from .app import KioskApp

        app = KioskApp()
        for key in list(app.tiles):
            app.open_tile(key)
            app.home()
        app.watchdog.stop()
        close_all(app)
    except Exception:  # noqa: BLE001 - a cold child still works, only slower
        return False
    # forking a process with threads running is unsafe: refuse the warm state if any started
    return threading.active_count() == 1


def _child(request: dict) -> None:
    """In the forked child: detach and become the kernel."""
    detach(request, "/")
    start_ipykernel(request["argv"])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def serve(stdin=None, stdout=None) -> None:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    become_zygote()
    preload()
    warm = warm_up()
    children: list[int] = []
    stdout.write(json.dumps({"ready": True, "warm": warm}) + "\n")
    stdout.flush()

    def prune(_request):
        children[:] = [pid for pid in children if _alive(pid)]

    try:
        answer_requests(stdin, stdout, _child, before_fork=prune, children=children)
    finally:
        for pid in children:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass


if __name__ == "__main__":
    serve()
