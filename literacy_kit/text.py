"""Text comparison the way Vietnamese arrives from real keyboards.

Some phone keyboards send decomposed letters (NFD), people type double spaces
and non-breaking spaces; comparisons go through :func:`fold` first. Some people type
without tone marks at all: :func:`strip_marks` and :func:`has_marks`. Keyword matching
built on these is :mod:`literacy_kit.keywords`.

>>> fold("  H\u00f2a\u00a0 B\u00ecnh ") == fold("Ho\u0300a Bi\u0300nh")
True
"""
from __future__ import annotations

import unicodedata

_D_STROKE = str.maketrans({"\u0111": "d", "\u0110": "D"})


def nfc(text: str) -> str:
    """The NFC form of ``text``."""
    return unicodedata.normalize("NFC", text)


def fold_space(text: str) -> str:
    """Collapse every run of Unicode whitespace to one space and strip the ends."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """NFC, folded whitespace and case-folded: the key for comparing answers."""
    return fold_space(nfc(text)).casefold()


def strip_marks(text: str) -> str:
    """``text`` without tone marks and diacritics, d-stroke as ``d``.

    Examples
    --------
    >>> strip_marks("S\\u1ed1 \\u0111i\\u1ec7n tho\\u1ea1i")
    'So dien thoai'
    """
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return nfc(bare.translate(_D_STROKE))


def has_marks(text: str) -> bool:
    """True when ``text`` carries any diacritic (so its writer types Vietnamese with marks).

    Examples
    --------
    >>> has_marks("viet thong bao"), has_marks("vi\\u1ebft")
    (False, True)
    """
    return strip_marks(text) != nfc(text)
