"""Home-screen tiles: each registered domain names its own (:mod:`literacy_kit.domains`).

A domain's :class:`~literacy_kit.domains.Domain` lists ``"module:attribute"`` references to
:class:`Tile` objects; the kiosk's own help tile is added here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import logging

import ipywidgets as w

from .. import domains
from ..content import Localized
from ..i18n import DEFAULT_LANG, t

log = logging.getLogger("literacy_kit.kiosk")

#: Tiles of the kiosk itself (not of a domain).
OWN_TILES = ("literacy_kit.kiosk.help_tile:tile",)


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


def load_tiles() -> list[Tile]:
    """Every tile of the registered domains plus the kiosk's own, in display order.

    A tile that fails to load is skipped with a logged warning: a broken domain must not
    take the kiosk down.
    """
    refs = [ref for domain in domains.registered() for ref in domain.tiles] + list(OWN_TILES)
    tiles: dict[str, Tile] = {}
    for ref in refs:
        try:
            tile = domains.resolve(ref)
            if not isinstance(tile, Tile):
                raise TypeError(f"{ref} is not a Tile")
        except Exception as exc:  # noqa: BLE001
            log.warning(t("errors.plugin_failed", DEFAULT_LANG, name=ref,
                          reason=f"{type(exc).__name__}: {exc}"))
            continue
        tiles.setdefault(tile.key, tile)
    return sorted(tiles.values(), key=lambda tile: (tile.order, tile.key))
