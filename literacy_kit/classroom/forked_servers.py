"""The hub's handle on the classroom :mod:`.zygote`: started with the hub, asked for servers.

:func:`start` runs in the hub process when it loads its configuration, so the zygote's
imports overlap the hub's own start; the first learner waits for them only if they arrive
before they are done. :func:`server_zygote` restarts a zygote that died. If it cannot
start or is not safe to fork from, learners' servers are started the ordinary way.
"""
from __future__ import annotations

import os
import threading

from ..course.fork_kernel import ZygoteProcess
from .zygote import ENV_ROOM, ENV_ROOM_BYTES

#: The hub's environment the zygote keeps (its imports must see what a learner's server
#: sees); the rest, per learner, comes with each request.
KEEP_ENV = ("PATH", "PYTHONPATH", "VIRTUAL_ENV", "CONDA_ROOT", "CONDA_DEFAULT_ENV", "LANG",
            "LC_ALL", "JUPYTERHUB_SINGLEUSER_APP", "HOME")


class ServerZygote(ZygoteProcess):
    """A running :mod:`.zygote` process (started on construction, ready on first use)."""

    def __init__(self):
        env = {key: os.environ[key] for key in KEEP_ENV if key in os.environ}
        env[ENV_ROOM] = "x" * ENV_ROOM_BYTES
        self._hello: dict | None = None
        # its error output is the hub's log: a forked server's errors end up there, as
        # those of a server the hub started would
        super().__init__("literacy_kit.classroom.zygote", env=env, cwd="/")

    def _before_request(self) -> None:
        if self._hello is None:
            self._hello = self.read_line()
        if not self._hello.get("ready"):
            raise OSError(f"classroom zygote is not safe to fork from: {self._hello}")

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """A learner's server, forked and fenced; its pid. Blocks (run it in a thread)."""
        return self.ask({"argv": argv, "env": env, "cwd": cwd})


_zygote: ServerZygote | None = None
_zygote_lock = threading.Lock()


def server_zygote() -> ServerZygote | None:
    """The hub's zygote, started (or started again after it died); ``None`` if it cannot."""
    global _zygote
    with _zygote_lock:
        if _zygote is None or not _zygote.alive:
            try:
                _zygote = ServerZygote()
            except OSError:
                _zygote = None
        return _zygote


start = server_zygote
