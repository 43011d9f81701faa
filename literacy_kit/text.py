"""Text comparison the way Vietnamese arrives from real keyboards.

Some phone keyboards send decomposed letters (NFD), people type double spaces
and non-breaking spaces; comparisons go through :func:`fold` first.

>>> fold("  H\u00f2a\u00a0 B\u00ecnh ") == fold("Ho\u0300a Bi\u0300nh")
True
"""
from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """The NFC form of ``text``."""
    return unicodedata.normalize("NFC", text)


def fold_space(text: str) -> str:
    """Collapse every run of Unicode whitespace to one space and strip the ends."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """NFC, folded whitespace and case-folded: the key for comparing answers."""
    return fold_space(nfc(text)).casefold()
