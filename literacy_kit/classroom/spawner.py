"""Start each person's Jupyter server: fenced tap pages for learners, JupyterLab for trainers.

A learner's server runs in the learner's own folder with only Voila enabled (no
JupyterLab, no classic notebook, no terminals, no nbgrader panels); its start page is the
home notebook. It is started through :mod:`.learner_server`, which fences it in with
Landlock and an address-space limit before it runs anything. Kernels nobody is connected
to are shut down after ``kernel_idle_timeout``.

A trainer's server is JupyterLab with nbgrader's formgrader on the course folder, unfenced
(it is the trainer's own machine and course).
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner
from jupyterhub.utils import random_port
from traitlets import Bool, Float, Integer, List, Unicode, default

from ..course.course_dir import CourseDir
from .learner_server import FENCE_ENV
from .state import ClassroomState

NOTEBOOKS = Path(__file__).parent / "notebooks"
LEARNER_EXTENSIONS = ("voila.server_extension",)


def installed_server_extensions() -> list[str]:
    """Every Jupyter server extension the environment enables by default."""
    from jupyter_core.paths import jupyter_config_path
    from jupyter_server.config_manager import BaseJSONConfigManager  # noqa: F401
    from jupyter_server.extension.config import ExtensionConfigManager

    manager = ExtensionConfigManager(read_config_path=jupyter_config_path())
    return sorted(manager.get_jpserver_extensions())


def learner_fence(state: ClassroomState, learner: str, memory_mb: int) -> dict:
    """What a learner's server may touch besides Python and the system (see
    :mod:`.learner_server`): write its home and its exchange lane; read the released
    assignments, its own results and its server settings. Nothing else of the course."""
    return {
        "writable": [str(state.home(learner)), str(state.lane_exchange(learner))],
        "readable": [str(state.outbound), str(state.results(learner)),
                     str(state.lane(learner) / "config")],
        "memory_mb": memory_mb,
    }


class ClassroomSpawner(SimpleLocalProcessSpawner):
    """One local process per person, fenced for learners (see the module docstring)."""

    course_root = Unicode("", config=True, help="The nbgrader course folder.")
    trainers = List(Unicode(), config=True, help="Roster ids that get JupyterLab.")
    memory_limit_mb = Integer(2048, config=True, help="Address-space limit of each learner process, MB.")
    kernel_idle_timeout = Integer(300, config=True, help="Seconds before an unconnected kernel is shut down.")
    lang = Unicode("vi", config=True, help="Default language of the learner pages.")
    page_ready_limit = Float(90.0, config=True, help=(
        "Seconds after which a learner page that never finished loading loads itself again "
        "once (the lk-classroom template's backstop); 0 for never."))
    fork_servers = Bool(True, config=True, help=(
        "Fork learners' servers from the hub's pre-imported classroom zygote (see "
        ":mod:`.zygote`) instead of starting a new Python for each."))

    @property
    def state(self) -> ClassroomState:
        return ClassroomState(CourseDir(Path(self.course_root)))

    @default("home_dir")
    def _home(self):
        return str(self.state.home(self.user.name))

    @property
    def is_trainer(self) -> bool:
        return self.user.name in self.trainers

    def _prepare_learner(self) -> None:
        home = Path(self.home_dir)
        for sub in ("", ".tmp", ".local/share/jupyter/runtime"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        for notebook in NOTEBOOKS.glob("*.ipynb"):
            target = home / notebook.name
            if target.is_symlink() or target.exists():
                target.unlink()   # always the package's current page, never a learner's edit
            shutil.copyfile(notebook, target)
        self.state.prepare_lane(self.user.name)

    def get_env(self):
        env = super().get_env()
        state = self.state
        home = Path(self.home_dir)
        env.update({
            "LK_CLASSROOM_COURSE_ID": state.course.course_id,
            # kernels do not get JUPYTERHUB_USER; nbgrader needs the learner id
            "LK_CLASSROOM_USER": self.user.name,
            "LK_CLASSROOM_EXCHANGE": str(state.lane_exchange(self.user.name)),
            "LK_CLASSROOM_RESULTS": str(state.results(self.user.name)),
            "LK_CLASSROOM_LANG": self.lang,
            "JUPYTER_RUNTIME_DIR": str(home / ".local/share/jupyter/runtime"),
            "TMPDIR": str(home / ".tmp"),
            "MPLCONFIGDIR": str(home / ".tmp"),
        })
        try:
            from ..course.roster import load_roster

            learner = load_roster(state.course).get(self.user.name)
            env["LK_CLASSROOM_NAME"] = learner.name if learner else ""
        except Exception:   # a damaged roster must not stop a server from starting
            env["LK_CLASSROOM_NAME"] = ""
        if self.is_trainer:
            return env
        env[FENCE_ENV] = json.dumps(learner_fence(state, self.user.name, self.memory_limit_mb))
        return env

    def get_args(self):
        args = super().get_args()
        if os.geteuid() == 0:
            args.append("--allow-root")
        args += [f"--MappingKernelManager.cull_idle_timeout={self.kernel_idle_timeout}",
                 "--MappingKernelManager.cull_interval=60",
                 "--MappingKernelManager.cull_connected=False"]
        if self.is_trainer:
            return args + [f"--ServerApp.root_dir={self.state.course.root}"]
        return args + [f"--ServerApp.root_dir={self.home_dir}",
                       f"--config={self._learner_config()}"]

    def _learner_config(self) -> Path:
        """The learner server's settings, in a file the learner can read but not change."""
        from . import page_server

        wanted = (*LEARNER_EXTENSIONS, page_server.EXTENSION)
        extensions = {name: name in wanted for name in installed_server_extensions()}
        extensions.update({name: True for name in wanted})
        config = {
            "ServerApp": {"jpserver_extensions": extensions, "terminals_enabled": False,
                          **page_server.SERVER_SETTINGS},
            "VoilaConfiguration": {"show_tracebacks": False, "file_allowlist": [],
                                   "extension_allowlist": page_server.PAGE_EXTENSIONS,
                                   **page_server.VOILA_SETTINGS,
                                   # the template's "never ready" backstop (index.html.j2)
                                   "resources": {"lk_class_ready_s": self.page_ready_limit}},
        }
        path = self.state.lane(self.user.name) / "config" / "jupyter_server_config.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(config, indent=1), encoding="utf-8")
        return path

    async def start(self):
        if self.is_trainer:
            self.default_url = "/lab"
            self.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
            Path(self.home_dir).mkdir(parents=True, exist_ok=True)
        else:
            self.default_url = "/voila/render/home.ipynb"
            self.cmd = [sys.executable, "-m", "literacy_kit.classroom.learner_server"]
            self._prepare_learner()
            if self.fork_servers:
                started = await self._start_forked()
                if started:
                    return started
        return await super().start()

    async def _start_forked(self):
        """Fork the learner's server from the zygote (same arguments, environment and
        fence as an ordinary start); ``None`` if the zygote cannot, then the caller starts
        it the ordinary way. The hub tracks the server by its pid, as after a restart."""
        from .forked_servers import server_zygote

        zygote = server_zygote()
        if zygote is None:
            return None
        if self.port == 0:
            self.port = random_port()
        env = self.get_env()
        args = self.get_args()
        try:
            pid = await asyncio.to_thread(zygote.fork, args, env, self.home_dir)
        except (OSError, ValueError) as exc:
            self.log.warning("Forking %s's server failed (%s); starting it the ordinary way",
                             self.user.name, exc)
            return None
        self.log.info("Forked %s's server: pid %i", self.user.name, pid)
        self.proc = None
        self.pid = pid
        self._watch_exit(pid)
        return (self.ip or "127.0.0.1", self.port)

    def _watch_exit(self, pid: int) -> None:
        """Tell the hub the moment a forked server exits on its own (killed, crashed): the
        zygote reaps it at once, so without this the proxy would send the learner to a
        dead address until the hub's next poll (30 s)."""
        try:
            fd = os.pidfd_open(pid)
        except (OSError, AttributeError):
            return
        loop = asyncio.get_running_loop()

        def exited():
            loop.remove_reader(fd)
            os.close(fd)
            # polling runs while the hub thinks the server is up; a stop the hub asked
            # for has ended it already, and must not be reported as a crash
            if self._poll_callback is not None and self.pid == pid:
                asyncio.ensure_future(self.poll_and_notify())

        loop.add_reader(fd, exited)
