"""Run the classroom: JupyterHub (with its proxy, the idle culler and the relay) until Ctrl-C.

The hub runs as a child process in its own session, its log in the classroom's
``hub/jupyterhub.log``; this process prints only the trainer's messages. Ctrl-C (or a
SIGTERM from a service manager) asks the hub to stop, which stops the proxy, the
learners' servers and the services it started; whatever is still alive after
:data:`STOP_WAIT` seconds is killed with its whole process group.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .hub_config import write_config
from .state import ClassroomState

STOP_WAIT = 30.0
#: Debian's configurable-http-proxy finds its modules here; a Node.js from elsewhere does not
#: look there by itself.
DEBIAN_NODE_MODULES = "/usr/share/nodejs"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            return sock.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def public_address(host: str, port: int, configured: str = "") -> str:
    """The address learners open (``ClassroomSettings.address`` if the trainer set one)."""
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    shown = lan_address() if host in ("0.0.0.0", "", "::") else host
    return f"http://{shown}:{port}/"


def proxy_command() -> str | None:
    return shutil.which("configurable-http-proxy")


def hub_env() -> dict[str, str]:
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join([bindir, env.get("PATH", "")])
    if os.path.isdir(DEBIAN_NODE_MODULES):
        env["NODE_PATH"] = os.pathsep.join(p for p in (env.get("NODE_PATH"), DEBIAN_NODE_MODULES) if p)
    return env


@dataclass
class Hub:
    """A running hub: its process, where it answers and where it logs."""

    process: subprocess.Popen
    url: str
    log: Path

    def ready(self, timeout: float = 60.0) -> bool:
        """Wait until the hub's API answers; ``False`` if it exited or timed out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url + "hub/api", timeout=2) as reply:
                    if reply.status == 200:
                        return True
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.3)
        return False

    def stop(self, wait: float = STOP_WAIT) -> int:
        """Ask the hub to stop; kill its process group if it has not after ``wait`` s."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)   # anything left in its group
        except (ProcessLookupError, PermissionError):
            pass
        return self.process.wait()


def start_hub(state: ClassroomState, host: str = "127.0.0.1", port: int = 8000) -> Hub:
    """Start JupyterHub for the course; return at once (see :meth:`Hub.ready`)."""
    config = write_config(state, host, port, free_port(), free_port())
    log = state.hub / "jupyterhub.log"
    with open(log, "ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                                   cwd=state.hub, env=hub_env(), stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    local = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    return Hub(process, f"http://{local}:{port}/", log)
