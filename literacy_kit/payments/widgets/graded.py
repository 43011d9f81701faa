"""The payments exercise's graded items: pay the right shop, complete a listing.

Built through the domain registry as ``Exercise(...).pay_right_shop(key)`` and
``Exercise(...).listing_check(page_id)``; answers are ids for ``Grader.picks``.
"""
from __future__ import annotations

from .listing_lines import ListingLines
from .stalls import StallsCheck


def pay_right_shop(exercise, key: str):
    """Four stalls: scan each sticker, tap "Do not pay here" where the name is wrong.

    Kept as ``{"selected": [...refused stall ids], "scanned": [...]}``.
    """
    view = StallsCheck(lang=exercise.lang)
    return exercise.track(key, view, view.state, ["selected", "scanned"],
                          hint="payments.qr_check.hint")


def listing_check(exercise, page_id: str):
    """Tap the lines that belong in the listing (content page ``page_id``), kept as line ids."""
    view = ListingLines(exercise.bundle.pages[page_id], lang=exercise.lang)
    return exercise.track(page_id, view, view.state, ["selected"],
                          hint="payments_kit.lines.hint")
