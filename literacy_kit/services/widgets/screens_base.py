"""What every screen of the public-services simulator shares (see
:mod:`literacy_kit.core.sim_screen`).

Short texts come from the ``services_ui`` catalog, longer ones from the ``services_screens``
content bundle; CSS classes start with ``lk-services-``. A screen also says which part of
the phone it belongs to (``app``): ``"portal"`` (the web portal in the phone's browser,
with its address bar), ``"vneid"`` (the VNeID app) or ``"phone"`` (the phone's messages).
"""
from __future__ import annotations

from ...content import Page, load
from ...core.sim_screen import SimScreen, fact_rows, localized, paragraphs

#: Content bundle holding the longer screen texts (explanations, the lookalike message).
SCREENS_BUNDLE = "services_screens"
#: Catalog area of the simulator's short texts.
AREA = "services_ui"


def key(name: str) -> str:
    """The full catalog key of a ``services_ui`` entry."""
    return f"{AREA}.{name}"


def text_in(value, lang: str) -> str:
    """A :class:`Localized`, a ``{lang: text}`` mapping or a plain value, in ``lang``."""
    if value is None:
        return ""
    if hasattr(value, "get") and not isinstance(value, str):
        try:
            text = value.get(lang)
        except TypeError:
            text = None
        if text:
            return str(text)
    return str(value)


def screen_page(page_id: str) -> Page:
    """A page of the screens bundle."""
    return load(SCREENS_BUNDLE).pages[page_id]


def rows(pairs: list[tuple[str, str]], name: str = "services-facts") -> str:
    """Label/value pairs as a small two-column table (values escaped here)."""
    return fact_rows(pairs, name, "services")


class Screen(SimScreen):
    """Base of every public-services simulator screen (``lk-services-screen-<key>``...)."""

    prefix = "services"
    area = AREA
    bundle = SCREENS_BUNDLE
    app = "portal"


__all__ = ["AREA", "SCREENS_BUNDLE", "Screen", "key", "localized", "paragraphs", "rows",
           "screen_page", "text_in"]
