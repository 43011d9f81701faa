"""What every screen of the VNeID simulator shares (see :mod:`literacy_kit.core.sim_screen`).

Texts come from the ``vneid`` catalog and the ``vneid_screens`` content bundle; CSS classes
start with ``lk-vneid-``.
"""
from __future__ import annotations

from ...content import Page, load
from ...core.sim_screen import SimScreen, fact_rows, localized, paragraphs

#: Content bundle holding the longer screen texts (explanations, the scam message).
SCREENS_BUNDLE = "vneid_screens"


def screen_page(page_id: str) -> Page:
    """A page of the screens bundle."""
    return load(SCREENS_BUNDLE).pages[page_id]


def rows(pairs: list[tuple[str, str]], name: str = "vneid-facts") -> str:
    """Label/value pairs as a small two-column table (values escaped here)."""
    return fact_rows(pairs, name, "vneid")


class Screen(SimScreen):
    """Base of every VNeID simulator screen (classes ``lk-vneid-screen-<key>``...)."""

    prefix = "vneid"
    area = "vneid"
    bundle = SCREENS_BUNDLE


__all__ = ["SCREENS_BUNDLE", "Screen", "localized", "paragraphs", "rows", "screen_page"]
