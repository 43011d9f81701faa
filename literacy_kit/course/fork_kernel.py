"""Grading kernels forked from a :mod:`zygote`, fenced in by :mod:`sandbox`.

:class:`ForkProvisioner` is a jupyter_client kernel provisioner (entry point
``literacy-kit-fork``). A grading worker starts one :class:`Zygote` and makes the
provisioner the default one; nbgrader's own ``Execute`` preprocessor then gets a fresh,
fenced kernel for each submission without paying the kernel's imports again. Any kernel
that is not ipykernel, or a worker without a zygote, is launched the ordinary way.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from jupyter_client.provisioning import LocalProvisioner

from .sandbox import default_readable

PROVISIONER_NAME = "literacy-kit-fork"
_LAUNCHER = ("-m", "ipykernel_launcher")


class ZygoteError(RuntimeError):
    """The zygote could not be started or did not answer."""


class ZygoteProcess:
    """A zygote process (``python -m MODULE``) asked for one child per JSON line: the parent
    side shared by the grading, kiosk and classroom zygotes (started on construction)."""

    def __init__(self, module: str, **popen):
        self._lock = threading.Lock()
        self.process = subprocess.Popen([sys.executable, "-m", module], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, **popen)

    def read_line(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise OSError("zygote exited")
        return json.loads(line)

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def _before_request(self) -> None:
        """Called under the lock before each request (a subclass waits for its greeting)."""

    def ask(self, request: dict) -> int:
        """The pid of the child forked for ``request``; OSError or ValueError if none."""
        with self._lock:
            self._before_request()
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            reply = self.read_line()
        if "pid" not in reply:
            raise OSError(reply.get("error", "no pid"))
        return int(reply["pid"])

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()


class Zygote(ZygoteProcess):
    """The worker's handle on its zygote process (started on construction)."""

    def __init__(self, require_fence: bool = True, memory_bytes: int = 4 << 30,
                 file_bytes: int = 64 << 20):
        self.require_fence = require_fence
        self.memory_bytes = memory_bytes
        self.file_bytes = file_bytes
        self._home = tempfile.mkdtemp(prefix="lk-zygote-")
        super().__init__("literacy_kit.course.zygote", stderr=subprocess.DEVNULL, cwd=self._home)
        try:
            hello = self.read_line()
        except (OSError, ValueError) as exc:
            raise ZygoteError(str(exc)) from exc
        self.landlock = int(hello.get("landlock", 0))

    @property
    def fenced(self) -> bool:
        """Whether kernels get a Landlock fence (else only resource limits)."""
        return self.landlock > 0

    def fork(self, argv: list[str], env: dict, cwd: str, writable: list[str],
             readable: list[str], listable: list[str] = ()) -> int:
        request = {"argv": argv, "env": env, "cwd": cwd,
                   "require_fence": self.require_fence and self.fenced,
                   "fence": {"writable": writable, "readable": readable, "listable": list(listable),
                             "memory_bytes": self.memory_bytes, "file_bytes": self.file_bytes}}
        try:
            return self.ask(request)
        except (OSError, ValueError) as exc:
            raise ZygoteError(str(exc)) from exc

    def close(self) -> None:
        super().close()
        shutil.rmtree(self._home, ignore_errors=True)


_zygote: Zygote | None = None
_running: set["ForkProvisioner"] = set()


def use_zygote(zygote: Zygote | None) -> None:
    """Make this process's kernels :class:`ForkProvisioner` ones, forked from ``zygote``
    (or launched the ordinary way when it is ``None``, still killable by
    :func:`kill_running_kernels`)."""
    global _zygote
    _zygote = zygote
    from jupyter_client.provisioning import KernelProvisionerFactory

    KernelProvisionerFactory.instance().default_provisioner_name = PROVISIONER_NAME


def kill_running_kernels() -> int:
    """Kill every kernel this process started and has not cleaned up; how many."""
    killed = 0
    for provisioner in list(_running):
        if provisioner.pgid:
            try:
                os.killpg(provisioner.pgid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
    return killed


class ForkedProcess:
    """Enough of ``subprocess.Popen`` for jupyter_client, for a kernel we did not spawn.

    The kernel is the zygote's child, so its exit is watched through a pidfd and signals
    go through it too (no risk of hitting a recycled pid).
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except ProcessLookupError:
            self._fd, self.returncode = None, 0

    def _exited(self, timeout: float | None) -> bool:
        if self.returncode is not None:
            return True
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if ready:
            self.returncode = getattr(self, "_signalled", 0)
            os.close(self._fd)
            self._fd = None
        return self.returncode is not None

    def poll(self) -> int | None:
        self._exited(0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if not self._exited(timeout):
            raise subprocess.TimeoutExpired(str(self.pid), timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None and self._fd is not None:
            self._signalled = -int(signum)
            signal.pidfd_send_signal(self._fd, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """Launch ipykernel by forking the worker's zygote, inside a fence."""

    _scratch: str | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs):
        _running.add(self)
        zygote = _zygote
        if zygote is None or tuple(cmd[1:3]) != _LAUNCHER:
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(Path(kwargs.get("cwd") or os.getcwd()).resolve())
        self._scratch = tempfile.mkdtemp(prefix="lk-kernel-")
        env = dict(kwargs.get("env") or os.environ)
        # the kernel's own files (IPython profile, matplotlib cache, temp files, ~) stay
        # in a private folder that is removed with the kernel
        env.update(HOME=self._scratch, TMPDIR=self._scratch,
                   IPYTHONDIR=os.path.join(self._scratch, "ipython"),
                   MPLCONFIGDIR=os.path.join(self._scratch, "matplotlib"),
                   JUPYTER_CONFIG_DIR=os.path.join(self._scratch, "jupyter"))
        # the submission's folder is read-only (code run at grading time cannot rewrite
        # its answers file), and its notebooks are unreadable: while grading, they hold
        # the hidden tests nbgrader has put back
        readable = default_readable() + [str(entry) for entry in Path(cwd).iterdir()
                                         if entry.suffix != ".ipynb"]
        connection_file = getattr(self.parent, "connection_file", "")
        if connection_file:
            readable.append(str(Path(connection_file).resolve()))
        pid = zygote.fork(list(cmd[3:]), env, cwd, writable=[self._scratch], readable=readable,
                          listable=[cwd])
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        return self.connection_info

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if not restart:
            _running.discard(self)
        if self._scratch and not restart:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
