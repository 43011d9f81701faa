"""Every screen of the public-services simulator, by key, and which part of the phone it
belongs to (the portal in the browser, the VNeID app, the messages)."""
from __future__ import annotations

from . import (screens_documents, screens_form, screens_login, screens_lookalike, screens_review,
               screens_search, screens_status, screens_vneid_residence)
from .screens_base import Screen

SCREEN_CLASSES: dict[str, type[Screen]] = {
    cls.key: cls for module in (screens_login, screens_search, screens_form, screens_documents,
                                screens_review, screens_status, screens_vneid_residence,
                                screens_lookalike)
    for cls in module.SCREENS}
"""Every screen the phone can show, by key."""

#: Screens of the application being filed: shown in the portal or in the app, wherever it is filed.
FILING_SCREENS = tuple(key for key, cls in SCREEN_CLASSES.items() if cls.app == "filing")
#: Screens that need a logged-in citizen (on the portal) or an application.
NEEDS_APPLICATION = FILING_SCREENS

__all__ = ["FILING_SCREENS", "NEEDS_APPLICATION", "SCREEN_CLASSES"]
