"""Home-screen tiles: each domain registers one through the ``literacy_kit.tiles`` entry point.

A domain package declares in ``pyproject.toml``::

    [project.entry-points."literacy_kit.tiles"]
    vneid = "literacy_kit.identity.kiosk:tile"

where ``tile`` is a :class:`Tile`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points

import ipywidgets as w

from ..content import Localized

ENTRY_POINT_GROUP = "literacy_kit.tiles"


@dataclass(frozen=True)
class Tile:
    """One big button on the kiosk home screen.

    ``build(lang)`` returns a fresh view each time the tile opens; a view with a
    ``lang`` trait follows the kiosk's language switch. Going home closes the view and
    every widget on show inside it; a view that keeps widgets off screen (screens not
    shown right now, say) must close them in its own ``close()``, or what a visitor typed
    there would outlive the idle reset.
    """

    key: str
    title: Localized
    build: Callable[[str], w.Widget]
    icon: str = ""
    order: int = 100


def load_tiles(group: str = ENTRY_POINT_GROUP) -> list[Tile]:
    """Every registered tile, in display order; a broken plugin is skipped, not fatal."""
    tiles: dict[str, Tile] = {}
    for entry in entry_points(group=group):
        try:
            tile = entry.load()
        except Exception:  # a broken domain must not take the kiosk down
            continue
        if isinstance(tile, Tile) and tile.key not in tiles:
            tiles[tile.key] = tile
    return sorted(tiles.values(), key=lambda tile: (tile.order, tile.key))
