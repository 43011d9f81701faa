"""Texts cut into tappable pieces, for the "safe to paste?" and "spot the wrong answer" activities.

Pure Python (no widgets), so the rules are easy to test and to reuse:

* a text to check before pasting is a list of *pieces* (one content paragraph each, the
  same number in both languages); :func:`pieces_to_remove` says which pieces hold personal
  data, by running :func:`~literacy_kit.ai.find_personal_data` over the whole text (so an
  OTP is still recognised from the word "OTP" in the piece before it);
* an assistant's answer is cut into sentences with :func:`sentence_spans`, and
  :func:`flawed_sentence` says which one holds a :class:`~literacy_kit.ai.FlawLocation`.

Ids do not depend on the language: pieces are ``p1, p2...`` and sentences ``s1, s2...``,
so a selection survives a language switch and a stored answer means the same thing in
Vietnamese and English.

>>> pieces = ["SDT", "0912 345 678", "xin cam on"]
>>> pieces_to_remove(pieces)
('p2',)
>>> [("Xin chao. Toi la tro ly!  Ban can gi?"[s:e]) for s, e in sentence_spans("Xin chao. Toi la tro ly!  Ban can gi?")]
['Xin chao.', 'Toi la tro ly!', 'Ban can gi?']
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .personal_data import DataKind, find_personal_data

__all__ = ["PIECE_SEPARATOR", "flawed_sentence", "join_pieces", "piece_ids", "piece_kinds",
           "pieces_to_remove", "sentence_ids", "sentence_spans", "sentences"]

PIECE_SEPARATOR = " "
"""Pieces are shown side by side and read as one text joined by a space."""

# A sentence ends at . ! ? or an ellipsis (and any closing quote or bracket after it),
# followed by white space; a line break always ends one. "12.000" and "3.5" stay whole.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+|\n+")


def piece_ids(count: int) -> tuple[str, ...]:
    """``("p1", ..., "p<count>")``."""
    return tuple(f"p{i}" for i in range(1, count + 1))


def sentence_ids(count: int) -> tuple[str, ...]:
    """``("s1", ..., "s<count>")``."""
    return tuple(f"s{i}" for i in range(1, count + 1))


def join_pieces(pieces: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The whole text and the ``(start, end)`` of every piece in it."""
    spans, position = [], 0
    for index, piece in enumerate(pieces):
        if index:
            position += len(PIECE_SEPARATOR)
        spans.append((position, position + len(piece)))
        position += len(piece)
    return PIECE_SEPARATOR.join(pieces), spans


def piece_kinds(pieces: Sequence[str]) -> dict[str, tuple[DataKind, ...]]:
    """For every piece holding personal data, its id and the kinds found in it.

    Examples
    --------
    >>> piece_kinds(["Email:", "an@example.com", "OTP", "483920"])
    {'p2': (<DataKind.EMAIL: 'email'>,), 'p4': (<DataKind.OTP: 'otp'>,)}
    """
    text, spans = join_pieces(pieces)
    found: dict[str, tuple[DataKind, ...]] = {}
    for finding in find_personal_data(text):
        for piece_id, (start, end) in zip(piece_ids(len(pieces)), spans):
            if start < finding.end and finding.start < end:
                kinds = found.get(piece_id, ())
                if finding.kind not in kinds:
                    found[piece_id] = kinds + (finding.kind,)
    return {piece_id: found[piece_id] for piece_id in piece_ids(len(pieces)) if piece_id in found}


def pieces_to_remove(pieces: Sequence[str]) -> tuple[str, ...]:
    """Ids of the pieces that hold (part of) some personal data, in text order."""
    return tuple(piece_kinds(pieces))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, without the white space around it."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    cleaned = []
    for start, end in spans:
        chunk = text[start:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            cleaned.append((start + left, start + right))
    return cleaned


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


def flawed_sentence(text: str, flaw) -> str | None:
    """The id of the sentence of ``text`` where ``flaw`` (a FlawLocation) starts, or ``None``.

    Examples
    --------
    >>> from literacy_kit.ai import FlawLocation
    >>> flawed_sentence("Fine. Wrong here. Fine.", FlawLocation(6, 17, "Wrong here.", ""))
    's2'
    """
    if flaw is None:
        return None
    spans = sentence_spans(text)
    for sentence_id, (start, end) in zip(sentence_ids(len(spans)), spans):
        if start <= flaw.start < end or (start < flaw.end <= end):
            return sentence_id
    return None
