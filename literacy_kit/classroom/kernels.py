"""A learner's kernels, forked from a warm process inside the learner's own fence.

A server forked by :mod:`.zygote` has the kernel and the kit imported already. Before it
starts serving, :func:`start_kernel_zygote` forks one more child of it, inside the same
fence: the learner's kernel zygote. It only forks kernels for that learner's server,
through a pair of pipes the server holds; the kernels close them. A learner's kernel that
found its way to the pipes (through ``/proc`` of its own server, which the fence does not
hide) could only get one more kernel inside its own fence: nothing it could not start
already.

:class:`ClassroomKernelProvisioner` (entry point ``literacy-kit-classroom``) is the
provisioner of every kernel of such a server; without a kernel zygote (a server started
the ordinary way, or a zygote that died) it launches kernels the ordinary way.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading

from jupyter_client.provisioning import LocalProvisioner

from ..course.fork_kernel import ForkedProcess
from ..course.zygote import _die_with_parent, answer_requests, detach, start_ipykernel

PROVISIONER_NAME = "literacy-kit-classroom"
_LAUNCHER = ("-m", "ipykernel_launcher")


class KernelZygote:
    """The server's handle on its kernel zygote: write a request, read a pid."""

    def __init__(self, pid: int, requests: int, replies: int):
        self.pid = pid
        self._out = os.fdopen(requests, "w", buffering=1)
        self._in = os.fdopen(replies, "r")
        self._lock = threading.Lock()

    def fork(self, argv: list[str], env: dict, cwd: str) -> int:
        with self._lock:
            self._out.write(json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n")
            line = self._in.readline()
        if not line:
            raise OSError("kernel zygote exited")
        reply = json.loads(line)
        if "pid" not in reply:
            raise OSError(reply.get("error", "no pid"))
        return int(reply["pid"])


_zygote: KernelZygote | None = None


def _kernel_child(request: dict) -> None:
    """In a kernel forked from the kernel zygote."""
    detach(request, request.get("cwd") or "/")
    from .zygote import show_process

    show_process([sys.executable, "-m", "ipykernel_launcher", *request["argv"]])
    start_ipykernel(request["argv"])


def _serve_kernels(requests: int, replies: int) -> None:
    """The kernel zygote's loop (in the forked child). Never returns."""
    try:
        _die_with_parent()
        for name in ("SIGINT", "SIGTERM"):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)   # kernels are reaped automatically
        low, high = sorted((requests, replies))
        os.closerange(3, low)
        os.closerange(low + 1, high)
        os.closerange(high + 1, 1024)
        with os.fdopen(requests, "r") as inbox, os.fdopen(replies, "w", buffering=1) as outbox:
            answer_requests(inbox, outbox, _kernel_child)
    finally:
        os._exit(0)


def start_kernel_zygote() -> KernelZygote | None:
    """Fork this (fenced, pre-imported, single-threaded) server-to-be's kernel zygote and
    make :class:`ClassroomKernelProvisioner` the provisioner of its kernels."""
    global _zygote
    request_read, request_write = os.pipe()
    reply_read, reply_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        _serve_kernels(request_read, reply_write)
    os.close(request_read)
    os.close(reply_write)
    _zygote = KernelZygote(pid, request_write, reply_read)
    from jupyter_client.provisioning import KernelProvisionerFactory

    KernelProvisionerFactory.instance().default_provisioner_name = PROVISIONER_NAME
    return _zygote


class ClassroomKernelProvisioner(LocalProvisioner):
    """Launch the learner's ipykernel by forking the server's kernel zygote."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        zygote = _zygote
        if zygote is None or tuple(cmd[1:3]) != _LAUNCHER:
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = zygote.fork(list(cmd[3:]), env, cwd)
        except (OSError, ValueError):
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        return self.connection_info


if __name__ == "__main__":  # pragma: no cover
    sys.exit("literacy_kit.classroom.kernels is used by forked learner servers only")
