"""Personal names as people type them on forms: one canonical spelling per name.

A name is folded to NFC, invisible characters are dropped, whitespace is collapsed and
every word is capitalised ("\\u0111\\u1ed7 th\\u1ecb thu\\u1ef7" -> "\\u0110\\u1ed7 Th\\u1ecb
Th\\u1ee7y").

Tone-mark placement: Vietnamese has two conventions for the syllables ending in
``oa``, ``oe`` and ``uy`` with no final consonant. One puts the mark on the second vowel
("ho\\u00e0", "kho\\u1ebb", "thu\\u1ef7"), the other on the first ("h\\u00f2a", "kh\\u1ecfe",
"th\\u1ee7y"). The project calls the second one the *new* placement, after the brief of
the public-service lessons, though grammarians call it the traditional one; it is the
default of the common keyboards and the spelling of the synthetic citizens, so
:func:`normalize_name` canonicalises to it. A final consonant keeps the mark on the
second vowel in both conventions ("Ho\\u00e0ng"), and ``qu`` is a consonant ("Qu\\u00fd").

Accepted characters: letters of the Latin script with any marks (Vietnamese and the
alphabets of the ethnic minorities, e.g. "\\u01a0\\u0306" and "\\u010c" in Ede names),
spaces, and an apostrophe or hyphen *between two letters* ("H'Hen Ni\\u00ea", "Y-Moan").
Apostrophe and hyphen variants (\\u2019, \\u02bc, \\u2010...) become ASCII ``'`` and ``-``.
Digits, other scripts (Cyrillic, Han) and symbols are refused.

>>> normalize_name("  nguy\\u1ec5n   v\\u0103n  ho\\u00e0 ") == normalize_name("Nguy\\u1ec5n V\\u0103n H\\u00f2a")
True
>>> normalize_name("h'hen  ni\\u00ea") == "H'Hen Ni\\u00ea"
True
"""
from __future__ import annotations

import unicodedata

from .errors import InputError
from .text import fold_space

__all__ = ["InvalidName", "MAX_NAME_LENGTH", "normalize_name", "same_name"]

MAX_NAME_LENGTH = 100

_APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u00ad\u2212\ufe63\uff0d")
# The five tone marks (huyen, sac, nga, hoi, nang) as combining characters.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_MOVABLE = frozenset({"oa", "oe", "uy"})


class InvalidName(InputError):
    """A name that cannot be written on a form.

    Codes: ``name.empty``, ``name.digits``, ``name.bad_character`` (``char``),
    ``name.too_long`` (``count``, ``max``).
    """


def _visible(ch: str) -> str:
    if ch.isprintable() and not ch.isspace() and not unicodedata.category(ch).startswith("M"):
        return ch
    return f"U+{ord(ch):04X}"


def _is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")


def _split_tone(ch: str) -> tuple[str, str]:
    """A letter without its tone mark, and the tone mark ('' if none)."""
    parts = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in parts if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
    return base, tone


def _tone_to_first_vowel(word: str) -> str:
    """Move the tone of a final ``oa``/``oe``/``uy`` to its first vowel (see module doc)."""
    if len(word) < 2:
        return word
    (first, first_tone), (second, second_tone) = _split_tone(word[-2]), _split_tone(word[-1])
    if (first + second).lower() not in _MOVABLE or not second_tone or first_tone:
        return word
    if first.lower() == "u" and len(word) >= 3 and word[-3].lower() == "q":
        return word  # "qu" is a consonant: Quy (with any tone) keeps the mark on y.
    moved = unicodedata.normalize("NFC", first + second_tone) + second
    return word[:-2] + moved


def _capitalise(part: str) -> str:
    # title() rather than upper() for the first letter: "\u00df" -> "Ss", not "SS".
    return part[:1].title() + part[1:].lower() if part else part


def _clean(text: str) -> str:
    """NFC, invisible format characters dropped, whitespace folded, joiners made ASCII."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        if unicodedata.category(ch) == "Cf":
            continue  # zero-width spaces and joiners, bidi marks from copy and paste
        if ch in _APOSTROPHES:
            ch = "'"
        elif ch in _HYPHENS:
            ch = "-"
        kept.append(ch)
    return fold_space("".join(kept))


def _check_characters(text: str) -> None:
    if any(unicodedata.category(ch) == "Nd" for ch in text):
        raise InvalidName("name.digits")
    for index, ch in enumerate(text):
        if ch == " " or _is_latin_letter(ch):
            continue
        if unicodedata.category(ch).startswith("M") and index and _is_latin_letter(text[index - 1]):
            continue  # a mark NFC could not compose, e.g. o-horn with a breve
        if unicodedata.category(ch).startswith("M") and index and \
                unicodedata.category(text[index - 1]).startswith("M"):
            continue  # a second mark on the same letter
        if ch in "'-" and 0 < index < len(text) - 1 and text[index - 1] not in " '-" \
                and _is_latin_letter(text[index + 1]):
            continue
        raise InvalidName("name.bad_character", char=_visible(ch))


def normalize_name(text: str | None) -> str:
    """The canonical spelling of a personal name.

    Raises
    ------
    InvalidName
        ``name.empty``, ``name.digits``, ``name.bad_character`` or ``name.too_long``
        (more than :data:`MAX_NAME_LENGTH` characters after folding), in that order.

    Examples
    --------
    >>> normalize_name("\\u0111\\u1ed7 th\\u1ecb thu\\u1ef7") == "\\u0110\\u1ed7 Th\\u1ecb Th\\u1ee7y"
    True
    """
    cleaned = _clean(text or "")
    if not cleaned:
        raise InvalidName("name.empty")
    _check_characters(cleaned)
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidName("name.too_long", count=len(cleaned), max=MAX_NAME_LENGTH)
    words = []
    for word in cleaned.split(" "):
        pieces, joiners = [], []
        current = ""
        for ch in word:
            if ch in "'-":
                pieces.append(current)
                joiners.append(ch)
                current = ""
            else:
                current += ch
        pieces.append(current)
        rebuilt = _capitalise(pieces[0])
        for joiner, piece in zip(joiners, pieces[1:]):
            rebuilt += joiner + _capitalise(piece)
        words.append(_tone_to_first_vowel(unicodedata.normalize("NFC", rebuilt)))
    return " ".join(words)


def same_name(a: str | None, b: str | None) -> bool:
    """True when both are valid names with the same canonical spelling.

    >>> same_name("NGUY\\u1ec4N TH\\u1eca HO\\u00c0", "nguy\\u1ec5n th\\u1ecb h\\u00f2a")
    True
    """
    try:
        return normalize_name(a) == normalize_name(b)
    except InvalidName:
        return False
