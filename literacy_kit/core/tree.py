"""Walking a widget tree: used to close a whole view, and by the test finders."""
from __future__ import annotations

from collections.abc import Iterator

import ipywidgets as w


def walk(root: w.Widget) -> Iterator[w.Widget]:
    """Yield ``root`` and every widget below it, depth first, in display order."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        yield widget
        children = getattr(widget, "children", None) or ()
        stack.extend(reversed([c for c in children if isinstance(c, w.Widget)]))


def close_all(root: w.Widget) -> None:
    """Close ``root``, every widget below it and their layout and style models.

    ``Widget.close()`` leaves a widget's ``layout`` and ``style`` registered; a kiosk that
    opens and closes screens all day would keep every one of them.
    """
    for widget in list(walk(root)):
        for part in ("layout", "style"):
            model = getattr(widget, part, None)
            if isinstance(model, w.Widget):
                model.close()
        widget.close()
