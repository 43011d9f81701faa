"""Small helpers the core views share (not part of the public API)."""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import ipywidgets as w

from ..content import Localized
from .base import css

#: Smallest height of anything a finger taps (WCAG / Material guidance).
TAP_HEIGHT = "48px"


def text_of(value: Localized | str | None, lang: str) -> str:
    """The text of a :class:`Localized` in ``lang``; a plain ``str`` as is; ``None`` as ``""``."""
    if value is None:
        return ""
    if isinstance(value, Localized):
        return value.get(lang)
    return str(value)


def esc(text: str) -> str:
    """Escape content text before it goes into an ``HTML`` widget."""
    return html.escape(text, quote=False)


def tap_layout(**extra) -> w.Layout:
    """A layout that keeps a tap target at least 48px high even without the stylesheet."""
    return w.Layout(min_height=TAP_HEIGHT, height="auto", **extra)


def button(*names: str, on_click: Callable | None = None, **layout) -> w.Button:
    """A touch-sized button carrying ``lk-*`` classes; ``on_click`` gets no argument."""
    btn = w.Button(layout=tap_layout(**layout))
    css(btn, *names)
    if on_click is not None:
        btn.on_click(lambda _btn: on_click())
    return btn


def html_box(*names: str, **layout) -> w.HTML:
    """An ``HTML`` widget carrying ``lk-*`` classes."""
    return css(w.HTML(layout=w.Layout(**layout)), *names)


def show(widget: w.DOMWidget, visible: bool) -> None:
    """Hide or show ``widget`` (hidden widgets take no room)."""
    widget.layout.display = None if visible else "none"


def switch_class(widget: w.DOMWidget, wanted: str | None, family: Iterable[str]) -> None:
    """Make ``wanted`` the only class of ``family`` that ``widget`` carries."""
    for name in family:
        if name != wanted and name in widget._dom_classes:
            widget.remove_class(name)
    if wanted and wanted not in widget._dom_classes:
        widget.add_class(wanted)


def pass_lang(widget: object, lang: str) -> None:
    """Hand the language on to a hosted widget that has a ``lang`` trait."""
    if widget is not None and hasattr(widget, "has_trait") and widget.has_trait("lang"):
        widget.lang = lang
