"""What the learner's server adds to Voila for phones on the commune hall's Wi-Fi.

A learner's server is ``jupyterhub-singleuser`` with Voila as a server extension (see
:mod:`.spawner`); its pages use the kit's light Voila template (:data:`VOILA_SETTINGS`).
Jupyter Server applies its ``tornado_settings`` when it builds its application, so
compression is plain configuration there (:data:`SERVER_SETTINGS`, unlike the kiosk's
standalone Voila, see :mod:`literacy_kit.kiosk.voila_app`). What configuration cannot do is done by this server extension: static files (Voila's and the widget
manager's JavaScript, CSS and fonts) get the kiosk's cache headers, so a learner's phone
keeps them for a year when their name carries a content hash and for an hour otherwise,
instead of asking again on every page ("no-cache"); and the pages' templates get the
classroom's texts (``lk_texts``), for the error page a learner may meet.

Enabled by the learner's server settings (``_learner_config`` in :mod:`.spawner`).
"""
from __future__ import annotations

import os
from pathlib import Path

#: The one JupyterLab extension the learner's pages need: the widget manager. Every other
#: extension installed next to Voila (nbgrader, RISE, MathJax, ...) would add requests,
#: bytes and start-up time to every page.
PAGE_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]

#: Jupyter Server settings of the learner's server: compressed responses and compressed
#: websocket messages (the widgets' states are JSON, a few hundred KB for an exercise), and
#: kernels handed out only once they answered (:mod:`.kernel_manager`).
SERVER_SETTINGS = {
    "tornado_settings": {"compress_response": True},
    "websocket_compression_options": {},
    # a page gets a kernel only once it answered: one that died as it started is replaced
    "kernel_manager_class": "literacy_kit.classroom.kernel_manager.LearnerKernelManager",
}

#: Voila settings of the learner's pages: template ``lk-classroom`` (in :data:`DATA_DIR`),
#: the kit's light page (:mod:`literacy_kit.page`, ``lk-page``: the outputs rendered on the
#: server and a small widget script instead of JupyterLab's frontend) with a watch that
#: loads the page again once when its kernel is lost. It renders the executed notebook on
#: the server, so progressive rendering (JupyterLab's frontend running the cells) stays off.
VOILA_SETTINGS = {"template": "lk-classroom", "progressive_rendering": False,
                  "allow_template_override": "NO", "allow_theme_override": "NO"}

#: A Jupyter data folder holding the ``lk-classroom`` Voila template.
DATA_DIR = Path(__file__).parent / "data"

EXTENSION = __name__


def _jupyter_server_extension_points():
    return [{"module": EXTENSION}]


def _link_jupyter_server_extension(serverapp) -> None:
    """Put the learner pages' template and the light page it extends on the Jupyter data
    path before Voila, loaded after the linking of every extension, looks for them."""
    from .. import page

    current = page.jupyter_path(os.environ.get("JUPYTER_PATH"))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys([str(DATA_DIR), *current.split(os.pathsep)]))


def _load_jupyter_server_extension(serverapp) -> None:
    from ..kiosk.voila_app import StaticCacheHeaders
    from .hub_config import hub_page_texts

    serverapp.web_app.add_transform(StaticCacheHeaders)
    # the texts of the learner pages' error page (lk-classroom/error.html), from the catalogs
    settings = serverapp.web_app.settings
    settings["jinja_template_vars"] = {**settings.get("jinja_template_vars", {}),
                                       "lk_texts": hub_page_texts()}
