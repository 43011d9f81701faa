"""The kiosk's VNeID tile: a fresh simulator, with a new synthetic citizen, on every visit.

>>> from literacy_kit.vneid.widgets.kiosk_tile import tile
>>> view = tile.build("en")
>>> view.state.screen
'welcome'
"""
from __future__ import annotations

from ...content import load
from ...kiosk.tiles import Tile
from .simulator import VNeIDSimulator


def build(lang: str) -> VNeIDSimulator:
    """A clean simulator: nothing typed by an earlier visitor can be in it."""
    return VNeIDSimulator(lang=lang)


tile = Tile(key="vneid", title=load("vneid_screens").title, build=build, icon="id-card", order=10)
