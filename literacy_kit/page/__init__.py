"""The light notebook page: a Voila template of the kit's own (``lk-page``).

Voila's server, handlers, kernel management and security settings stay as they are; only
the page changes. Instead of JupyterLab's whole frontend (several MB of script) the page
holds the executed notebook's outputs, rendered on the server, and a small script
(``static/lk-page.js``, built from the official Jupyter widget packages, see
``js/page`` in the source tree) that connects to the page's kernel, shows the widgets,
and shuts the kernel down with the page (Voila's shutdown beacon, with the ``_xsrf``
cookie). Cell sources are never shown.

Select it in any Voila (standalone or the server extension under JupyterHub) by putting
:data:`DATA_DIR` on the Jupyter data path and naming the template:

>>> from literacy_kit import page
>>> page.TEMPLATE_NAME
'lk-page'
>>> (page.DATA_DIR / "voila" / "templates" / page.TEMPLATE_NAME / "index.html.j2").is_file()
True

e.g. ``JUPYTER_PATH=<DATA_DIR> voila --template=lk-page notebook.ipynb``. A template of
one's own can extend it (``"base_template": "lk-page"`` in its ``conf.json`` and
``{% extends 'voila/templates/lk-page/index.html.j2' %}``), filling the blocks
``lk_head`` and ``lk_footer``. Page scripts hear of the page through DOM events on
``document``: ``lk-page-kernel`` (the kernel connection exists), ``lk-page-ready`` (every
widget is shown), ``lk-page-failed`` (the kernel or the widgets could not load).
"""
from __future__ import annotations

import os
from pathlib import Path

#: A Jupyter data directory holding the template (``voila/templates/lk-page``).
DATA_DIR = Path(__file__).parent / "data"
#: The template's name, for Voila's ``--template``.
TEMPLATE_NAME = "lk-page"
#: The template's folder.
TEMPLATE_DIR = DATA_DIR / "voila" / "templates" / TEMPLATE_NAME


def jupyter_path(current: str | None = None) -> str:
    """A ``JUPYTER_PATH`` value with :data:`DATA_DIR` first, then ``current`` (if any)."""
    parts = [str(DATA_DIR)] + [p for p in (current or "").split(os.pathsep) if p]
    return os.pathsep.join(dict.fromkeys(parts))
