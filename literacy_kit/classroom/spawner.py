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

import json
import os
import shutil
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Integer, List, Unicode, default

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
                                   **page_server.VOILA_SETTINGS},
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
        return await super().start()
