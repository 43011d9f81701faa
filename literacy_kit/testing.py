"""Find widgets inside a view, for tests and for lesson authors.

>>> import ipywidgets as w
>>> from literacy_kit.testing import find, find_one
>>> box = w.VBox([w.Button(description="A"), w.HBox([w.Button(description="B")])])
>>> [b.description for b in find(box, w.Button)]
['A', 'B']
"""
from __future__ import annotations

import ipywidgets as w

from .core.tree import close_all, walk

__all__ = ["close_all", "find", "find_one", "texts", "walk"]


def _classes(widget: w.Widget) -> list[str]:
    return list(getattr(widget, "_dom_classes", ()) or ())


def find(root: w.Widget, kind: type | None = None, css: str | None = None,
         visible_only: bool = False) -> list[w.Widget]:
    """Every widget below ``root`` that is an instance of ``kind`` and carries CSS class ``css``.

    ``visible_only`` skips widgets inside a box whose ``layout.display`` is ``"none"``.
    """
    found = []
    hidden: set[int] = set()
    for widget in walk(root):
        layout = getattr(widget, "layout", None)
        if visible_only and (id(widget) in hidden or (layout is not None and layout.display == "none")):
            for child in walk(widget):
                hidden.add(id(child))
            continue
        if kind is not None and not isinstance(widget, kind):
            continue
        if css is not None and css not in _classes(widget):
            continue
        found.append(widget)
    return found


def find_one(root: w.Widget, kind: type | None = None, css: str | None = None,
             visible_only: bool = False) -> w.Widget:
    """The single widget :func:`find` returns; raises ``LookupError`` for none or several."""
    found = find(root, kind, css, visible_only)
    if len(found) != 1:
        raise LookupError(f"expected one {kind.__name__ if kind else 'widget'}"
                          f"{' with class ' + css if css else ''}, found {len(found)}")
    return found[0]


def texts(root: w.Widget) -> str:
    """All visible text of a view (descriptions, values, labels), joined: handy in asserts."""
    parts = []
    for widget in find(root, visible_only=True):
        for attr in ("description", "value", "placeholder"):
            value = getattr(widget, attr, None)
            if isinstance(value, str) and value:
                parts.append(value)
        options = getattr(widget, "_options_labels", None)
        if options:
            parts.extend(options)
    return "\n".join(parts)
