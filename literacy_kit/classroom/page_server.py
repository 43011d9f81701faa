"""What the learner's server adds to Voila for phones on the commune hall's Wi-Fi.

A learner's server is ``jupyterhub-singleuser`` with Voila as a server extension (see
:mod:`.spawner`). Jupyter Server applies its ``tornado_settings`` when it builds its
application, so compression is plain configuration there (:data:`SERVER_SETTINGS`, unlike
the kiosk's standalone Voila, see :mod:`literacy_kit.kiosk.voila_app`). What configuration
cannot do is done by this server extension: static files (Voila's and the widget
manager's JavaScript, CSS and fonts) get the kiosk's cache headers, so a learner's phone
keeps them for a year when their name carries a content hash and for an hour otherwise,
instead of asking again on every page ("no-cache").

Enabled by the learner's server settings (``_learner_config`` in :mod:`.spawner`).
"""
from __future__ import annotations

#: The one JupyterLab extension the learner's pages need: the widget manager. Every other
#: extension installed next to Voila (nbgrader, RISE, MathJax, ...) would add requests,
#: bytes and start-up time to every page.
PAGE_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]

#: Jupyter Server settings of the learner's server: compressed responses and compressed
#: websocket messages (the widgets' states are JSON, a few hundred KB for an exercise).
SERVER_SETTINGS = {
    "tornado_settings": {"compress_response": True},
    "websocket_compression_options": {},
}

#: Voila settings of the learner's pages: the page is sent at once and each notebook cell's
#: output follows when it has run, so the phone loads Voila's JavaScript while the kernel
#: starts, and the exercise's first question shows before the others are built (the
#: exercise notebook has two cells for that, see :class:`.exercise_view.ExercisePage`).
VOILA_SETTINGS = {"progressive_rendering": True}

EXTENSION = __name__


def _jupyter_server_extension_points():
    return [{"module": EXTENSION}]


def _load_jupyter_server_extension(serverapp) -> None:
    from ..kiosk.voila_app import StaticCacheHeaders

    serverapp.web_app.add_transform(StaticCacheHeaders)
