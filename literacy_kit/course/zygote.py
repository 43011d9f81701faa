"""A process that has imported the kernel once, and forks a fresh kernel per submission.

Starting a kernel for every submission costs about 2 s of CPU here, most of it imports
(ipykernel, ipywidgets, jsonschema, the lesson widgets). This process pays them once; each
submission then gets a forked child, a new process in its own session, which never shares
state with another submission: no learner code ever runs in the zygote itself.

Run as ``python -m literacy_kit.course.zygote``. Protocol, one JSON object per line: it
writes ``{"ready": true, "landlock": ABI}``, then answers each request
``{"argv", "env", "cwd", "fence": {...}}`` with ``{"pid": N}`` (or ``{"error": text}``).
It exits when its standard input closes, killing the kernels it started.
"""
from __future__ import annotations

import ctypes
import importlib
import json
import os
import signal
import sys

from .sandbox import Fence, apply, landlock_abi

_PR_SET_PDEATHSIG = 1
#: Exit status of a child that could not put its fence up (it never runs learner code).
FENCE_FAILED = 70

#: Generic modules every grading kernel needs; the domains add theirs (:func:`preload_names`).
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipywidgets", "jsonschema",
           "literacy_kit.grading", "literacy_kit.core")


def preload_names() -> tuple[str, ...]:
    """The generic modules, then each registered domain's package and preload list."""
    from .. import domains

    return PRELOAD + domains.preload_modules()


def _die_with_parent() -> None:
    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def become_zygote() -> None:
    """Set up the current process as a zygote (grading, kiosk, classroom): it dies with its
    parent, leaves Ctrl-C to its parent, lets the system reap its children, and does not
    import from the folder it was started in."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]


def detach(request: dict, default_cwd: str, die_with_parent: bool = True,
           keep_stderr: bool = False) -> None:
    """In a forked child: a session of its own, dead with its parent, default signals, no
    inherited file descriptors, the request's environment and working folder (shared by
    the grading, kiosk and classroom zygotes). ``keep_stderr`` keeps the zygote's error
    output (a log file, never a request channel); ``die_with_parent=False`` lets the child
    outlive the zygote, as a process the hub started would."""
    os.setsid()
    if die_with_parent:
        _die_with_parent()
    for name in ("SIGCHLD", "SIGINT", "SIGTERM", "SIGPIPE"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1) if keep_stderr else (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, 1024)
    os.environ.clear()
    os.environ.update(request.get("env") or {})
    os.chdir(request.get("cwd") or default_cwd)


def start_ipykernel(argv: list[str]) -> None:
    """In a forked, detached child: become an ipykernel (returns when it stops).

    ipywidgets registers its comm targets when it is imported inside a kernel; in a
    zygote it was imported before there was one, so this registers them again.
    """
    import random

    random.seed()  # the zygote's generator state must not be every child's
    sys.path.insert(0, "")  # the notebook's folder, as in a normal kernel
    sys.argv = [sys.executable] + list(argv)
    from ipykernel.kernelapp import IPKernelApp

    kernel = IPKernelApp.instance()
    kernel.initialize(list(argv))
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].register_comm_target()
    kernel.start()


def run_child(body, request: dict, log_errors: bool = False) -> None:
    """In a forked child: ``body(request)``, then exit with its status. Never returns into
    the zygote's loop, whatever happens (``log_errors``: print a failure to standard error)."""
    status = 1
    try:
        body(request)
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - the child must never return into the zygote loop
        if log_errors:
            import traceback

            traceback.print_exc()
        status = 1
    finally:
        os._exit(status)


def answer_requests(lines, out, child, before_fork=None, children: list[int] | None = None,
                    log_errors: bool = False) -> None:
    """A zygote's loop: for each JSON request line, fork a child that runs ``child(request)``
    (through :func:`run_child`) and answer ``{"pid": N}``, or ``{"error": text}`` when
    ``before_fork(request)`` refuses it or the fork fails. Forked pids go to ``children``."""
    for line in lines:
        try:
            request = json.loads(line)
            if before_fork is not None:
                before_fork(request)
            pid = os.fork()
            if pid == 0:
                run_child(child, request, log_errors)
            if children is not None:
                children.append(pid)
            reply = {"pid": pid}
        except Exception as exc:  # noqa: BLE001 - reported to the asker, which falls back
            reply = {"error": repr(exc)}
        out.write(json.dumps(reply) + "\n")
        out.flush()


def _preload(names) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing optional module only costs speed
            pass


def _child(request: dict) -> None:
    """In the forked child: detach, fence in, become the kernel."""
    detach(request, os.environ.get("TMPDIR", "/"))
    fence = Fence(**request.get("fence", {}))
    fenced = apply(fence)
    if request.get("require_fence") and not fenced:
        os._exit(FENCE_FAILED)
    import random

    random.seed()  # the zygote's generator state must not be every child's
    sys.path.insert(0, "")  # the notebook's folder, as in a normal kernel
    sys.argv = [sys.executable] + list(request["argv"])
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=list(request["argv"]))


def serve(stdin=None, stdout=None) -> None:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    become_zygote()
    _preload(preload_names())
    children: list[int] = []
    stdout.write(json.dumps({"ready": True, "landlock": landlock_abi()}) + "\n")
    stdout.flush()
    try:
        answer_requests(stdin, stdout, _child, children=children)
    finally:
        for pid in children:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass


if __name__ == "__main__":
    serve()
