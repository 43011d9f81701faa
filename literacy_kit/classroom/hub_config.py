"""The JupyterHub configuration of a classroom, built from the course and its settings.

``literacy-kit classroom serve`` writes a two-line ``jupyterhub_config.py`` into the
classroom's ``hub/`` folder that calls :func:`configure`; everything else is here, so a
trainer upgrading the package gets the new configuration without editing a file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..course.course_dir import CourseDir
from .settings import ClassroomSettings
from .state import ClassroomState

TEMPLATES = Path(__file__).parent / "templates"
CONFIG_TEMPLATE = """\
# Written by `literacy-kit classroom serve`; rewritten on every start.
from literacy_kit.classroom.hub_config import configure

configure(c, course_root={course!r}, host={host!r}, port={port!r}, hub_port={hub_port!r},
          proxy_port={proxy_port!r})
"""


def write_config(state: ClassroomState, host: str, port: int, hub_port: int, proxy_port: int) -> Path:
    """Write ``hub/jupyterhub_config.py`` and return its path."""
    state.hub.mkdir(parents=True, exist_ok=True)
    path = state.hub / "jupyterhub_config.py"
    path.write_text(CONFIG_TEMPLATE.format(course=str(state.course.root), host=host, port=port,
                                           hub_port=hub_port, proxy_port=proxy_port),
                    encoding="utf-8")
    return path


def hub_page_texts() -> dict[str, dict[str, str]]:
    """Every ``classroom.hub_*`` text of the catalogs by language (``{"vi": {"hub_retry":
    ...}, "en": {...}}``), for the hub's own pages (``templates/lk_hub.html``) and the
    learner pages' error page (:mod:`.page_server`)."""
    from ..i18n import DEFAULT_LANG, LANGS, catalog, t

    keys = [key for key in catalog(DEFAULT_LANG) if key.startswith("classroom.hub_")]
    return {lang: {key.split(".", 1)[1]: t(key, lang) for key in keys} for lang in LANGS}


def use_classroom_pages(c, lang: str = "vi") -> None:
    """Make the hub's pages the classroom's: the login page, the server starting, not
    running and error pages (``templates/``), with their texts in ``vi`` and ``en`` and
    ``lang`` shown first. Also called from the Kubernetes values' hub ``extraConfig``."""
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.template_vars = {"lk_texts": hub_page_texts(), "lk_default_lang": lang}


def culler_command(settings: ClassroomSettings) -> list[str]:
    return [sys.executable, "-m", "jupyterhub_idle_culler",
            f"--timeout={settings.server_idle_timeout}",
            f"--cull-every={max(30, settings.server_idle_timeout // 10)}"]


def configure(c, course_root: str, host: str, port: int, hub_port: int, proxy_port: int) -> None:
    """Fill JupyterHub's config object ``c`` for the course in ``course_root``."""
    from .authenticator import RosterPinAuthenticator
    from .spawner import ClassroomSpawner

    course = CourseDir(Path(course_root))
    state = ClassroomState(course)
    settings = ClassroomSettings.from_course(course)
    hub = state.hub
    hub.mkdir(parents=True, exist_ok=True)

    c.JupyterHub.bind_url = f"http://{host}:{port}/"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_port}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_port}"
    c.ConfigurableHTTPProxy.pid_file = str(hub / "proxy.pid")
    c.ConfigurableHTTPProxy.debug = False
    c.JupyterHub.pid_file = str(hub / "jupyterhub.pid")
    c.JupyterHub.db_url = f"sqlite:///{hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(hub / "jupyterhub_cookie_secret")
    # the hub's own pages a learner meets (login, server starting, not running, errors)
    use_classroom_pages(c, settings.lang)
    c.JupyterHub.redirect_to_server = True
    # A learner whose server stopped (culled, killed, hub restarted) gets it started again
    # by reloading, instead of a page with a "Launch server" button.
    c.JupyterHub.implicit_spawn_seconds = 1
    # Stopping the hub stops every server it started (answers are on disk: nothing lost);
    # a hub that crashed finds the servers still running when it starts again.
    c.JupyterHub.cleanup_servers = True

    c.JupyterHub.authenticator_class = RosterPinAuthenticator
    c.RosterPinAuthenticator.course_root = str(course.root)
    c.RosterPinAuthenticator.trainers = list(settings.trainers)
    c.RosterPinAuthenticator.max_failures = settings.max_failures
    c.RosterPinAuthenticator.default_lang = settings.lang
    c.Authenticator.allow_all = True          # only the roster can log in at all
    c.Authenticator.admin_users = set(settings.trainers)

    c.JupyterHub.spawner_class = ClassroomSpawner
    c.ClassroomSpawner.course_root = str(course.root)
    c.ClassroomSpawner.trainers = list(settings.trainers)
    c.ClassroomSpawner.memory_limit_mb = settings.memory_limit_mb
    c.ClassroomSpawner.kernel_idle_timeout = settings.kernel_idle_timeout
    c.ClassroomSpawner.lang = settings.lang
    c.ClassroomSpawner.page_ready_limit = settings.page_ready_limit
    c.ClassroomSpawner.fork_servers = settings.fork_servers
    if settings.fork_servers:
        from . import forked_servers

        forked_servers.start()   # its imports overlap the hub's start
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 120
    # a class arriving at once: let every learner's server start, one at a time each
    c.JupyterHub.concurrent_spawn_limit = 0

    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]
    c.JupyterHub.services = [
        {"name": "idle-culler", "command": culler_command(settings)},
        {"name": "classroom-relay",
         "command": [sys.executable, "-m", "literacy_kit.classroom.relay", str(course.root)]},
    ]
