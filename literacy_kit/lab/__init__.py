"""Build the ``jupyter lab`` command a trainer runs on the lessons (pure, no process started).

JupyterLab reads user settings from ``JUPYTERLAB_SETTINGS_DIR``. We point it at a per-user
folder seeded from the templates in ``literacy_kit/lab/settings`` (Vietnamese locale,
a code font with Vietnamese glyphs, no news or update checks). A file that already exists
there is never overwritten: a trainer who changed a setting keeps it.

>>> launch = build_launch("lessons", port=8888, open_browser=False, python="python3",
...                      is_root=False, env={}, settings_dir="/tmp/s")
>>> launch.command[:3]
['python3', '-m', 'jupyterlab']
>>> launch.env["JUPYTERLAB_SETTINGS_DIR"]
'/tmp/s'
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

SETTINGS_TEMPLATES = Path(__file__).parent / "settings"
SETTINGS_SUFFIX = ".jupyterlab-settings"
NEVER_CHECK_FOR_UPDATE = "jupyterlab.handlers.announcements.NeverCheckForUpdate"


@dataclass(frozen=True)
class LabLaunch:
    """Everything needed to start JupyterLab: argv, environment and working directory."""

    command: list[str]
    env: dict[str, str]
    cwd: str


def default_lessons_dir(cwd: str | os.PathLike | None = None) -> Path:
    """The repository's ``lessons/`` next to the package if present, else ``./lessons``."""
    repo_lessons = Path(__file__).resolve().parents[2] / "lessons"
    if repo_lessons.is_dir():
        return repo_lessons
    return Path(cwd or os.getcwd()) / "lessons"


def user_settings_dir(env: Mapping[str, str] | None = None) -> Path:
    """Per-user folder for our JupyterLab user settings (XDG data dir)."""
    env = os.environ if env is None else env
    data_home = env.get("XDG_DATA_HOME") or os.path.join(
        env.get("HOME") or os.path.expanduser("~"), ".local", "share")
    return Path(data_home) / "literacy-kit" / "lab-user-settings"


def settings_templates() -> list[Path]:
    """The packaged settings files, relative to :data:`SETTINGS_TEMPLATES`."""
    return sorted(p.relative_to(SETTINGS_TEMPLATES)
                  for p in SETTINGS_TEMPLATES.rglob("*" + SETTINGS_SUFFIX))


def install_user_settings(target: str | os.PathLike) -> list[Path]:
    """Copy every template missing from ``target``; return the files written."""
    written = []
    for relative in settings_templates():
        destination = Path(target) / relative
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SETTINGS_TEMPLATES / relative, destination)
        written.append(destination)
    return written


def running_as_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return bool(geteuid and geteuid() == 0)


def build_command(directory: str | os.PathLike, *, port: int | None = None,
                  open_browser: bool = True, python: str | None = None,
                  is_root: bool | None = None) -> list[str]:
    """The argv for ``python -m jupyterlab`` serving ``directory``."""
    command = [python or sys.executable, "-m", "jupyterlab",
               f"--ServerApp.root_dir={os.fspath(directory)}",
               "--LabApp.news_url=None",
               f"--LabApp.check_for_updates_class={NEVER_CHECK_FOR_UPDATE}"]
    if port is not None:
        command += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if not open_browser:
        command.append("--no-browser")
    # Jupyter refuses to start as root without this flag; never add it otherwise.
    if running_as_root() if is_root is None else is_root:
        command.append("--allow-root")
    return command


def build_env(settings_dir: str | os.PathLike,
              env: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of ``env`` with JupyterLab pointed at our user-settings folder."""
    result = dict(os.environ if env is None else env)
    result["JUPYTERLAB_SETTINGS_DIR"] = os.fspath(settings_dir)
    return result


def build_launch(directory: str | os.PathLike, *, port: int | None = None,
                 open_browser: bool = True, python: str | None = None,
                 is_root: bool | None = None, env: Mapping[str, str] | None = None,
                 settings_dir: str | os.PathLike | None = None) -> LabLaunch:
    """Command, environment and cwd for JupyterLab; installs nothing."""
    settings = settings_dir if settings_dir is not None else user_settings_dir(env)
    return LabLaunch(
        command=build_command(directory, port=port, open_browser=open_browser,
                              python=python, is_root=is_root),
        env=build_env(settings, env),
        cwd=os.fspath(directory),
    )
