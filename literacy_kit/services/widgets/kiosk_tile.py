"""The kiosk's public-services tile: a fresh simulator, with a new synthetic family, on every visit.

>>> from literacy_kit.services.widgets.kiosk_tile import tile
>>> view = tile.build("en")
>>> view.state.screen, view.state.logged_in
('portal_home', False)
>>> view.close()
"""
from __future__ import annotations

from ...content import load
from ...kiosk.tiles import Tile
from .simulator import PortalSimulator


def build(lang: str) -> PortalSimulator:
    """A clean simulator: nothing typed by an earlier visitor can be in it.

    Its ``close()`` (the kiosk's home button and idle reset call it) closes every screen
    it built, shown or not, so the forms a visitor filled in go with them.
    """
    return PortalSimulator(lang=lang)


tile = Tile(key="services", title=load("services_screens").title, build=build, icon="landmark",
            order=20)
