"""The kit's stylesheet, shipped as a file and shown through an ``HTML`` widget.

Display :func:`stylesheet` once at the top of a notebook (or in the kiosk page); no
JavaScript is involved and nothing is fetched from the network.

>>> from literacy_kit.core import stylesheet
>>> "<style" in stylesheet().value
True
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import ipywidgets as w

from .base import css

CSS_FILE = Path(__file__).parent / "static" / "lk.css"


@lru_cache(maxsize=None)
def css_text(path: Path = CSS_FILE) -> str:
    """The contents of a stylesheet file, ``static/lk.css`` by default (each read once)."""
    return Path(path).read_text(encoding="utf-8")


def stylesheet(path: Path = CSS_FILE, name: str = "core") -> w.HTML:
    """A fresh ``HTML`` widget (class ``lk-stylesheet``) holding a ``<style>``.

    Without arguments it holds the kit's own CSS; a domain or the kiosk passes its own file.
    """
    return css(w.HTML(value=f'<style data-lk="{name}">\n{css_text(path)}</style>',
                      layout=w.Layout(display="block", height="0px", margin="0")),
               "stylesheet")
