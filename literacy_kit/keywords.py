"""Keyword matching the way villagers type: NFC or NFD, any case, any spacing, marks or not.

Generic text matching, used by the domains' detectors (the AI lesson's personal-data
scanner and prompt rubric, the scam lesson's message checks); no domain knowledge here.

* :class:`MappedText` composes a text to NFC while remembering, for every composed
  character, where it came from in the text as given. Detectors search the composed
  copy and report offsets into the original, so ``text[start:end]`` is right for NFD
  input too.
* :class:`Keywords` compiles a word list (from a YAML data file) into one regex that
  matches whole words, case-insensitively, with any run of spaces inside a phrase.

>>> words = Keywords(["s\\u1ed1 t\\u00e0i kho\\u1ea3n"])
>>> words.spans(MappedText("So  tai khoan: 123").text)
[(0, 13)]
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .text import fold_space, nfc, strip_marks

__all__ = ["Keywords", "MappedText"]

# "Not a letter" on both sides of a keyword; digits may touch it ("sdt0912...").
_LEFT = r"(?<![^\W\d_])"
_RIGHT = r"(?![^\W\d_])"
# Whitespace that stays on one line.
_HSPACE = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"


class MappedText:
    """The NFC form of a text and the original span behind every composed character.

    Composition runs per base character and its combining marks, so a mark never
    moves across a character boundary and every NFC character maps back to a whole
    cluster of the original.

    Examples
    --------
    >>> mapped = MappedText("Ma\\u0303 OTP")
    >>> mapped.text == "M\\u00e3 OTP", mapped.original_span(0, 2)
    (True, (0, 3))
    """

    def __init__(self, original: str):
        self.original = original
        if unicodedata.is_normalized("NFC", original):
            self.text = original
            self._starts: list[int] | None = None
            self._ends: list[int] | None = None
            return
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, size = 0, len(original)
        while i < size:
            j = i + 1
            while j < size and unicodedata.combining(original[j]):
                j += 1
            composed = unicodedata.normalize("NFC", original[i:j])
            pieces.append(composed)
            starts.extend([i] * len(composed))
            ends.extend([j] * len(composed))
            i = j
        self.text = "".join(pieces)
        self._starts, self._ends = starts, ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets into the original text for ``self.text[start:end]`` (``end > start``)."""
        if self._starts is None or self._ends is None:
            return start, end
        return self._starts[start], self._ends[end - 1]


def _phrase(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that "so tai khoan ngan hang" wins over "so tai khoan".
    unique = sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(_phrase(w) for w in unique)


class Keywords:
    """A compiled list of words and phrases, matched as whole words in NFC text.

    Parameters
    ----------
    words : iterable of str
        Matched in any case.
    exact_case : iterable of str
        Matched only as written (short capitals that are ordinary words in lower case).
    loose : bool
        Also match every word with its marks stripped ("tai khoan" for the accented form).
    exclude : iterable of str
        Phrases that hide a match inside them ("d\u1ecbch v\u1ee5", a service, is not
        "d\u1ecbch", translate).

    Examples
    --------
    >>> k = Keywords(["vi\\u1ebft"], exact_case=["MB"])
    >>> k.found("Vi\\u1ebft cho MB, mb")
    ['vi\\u1ebft', 'MB']
    """

    def __init__(self, words: Iterable[str] = (), exact_case: Iterable[str] = (),
                 loose: bool = True, exclude: Iterable[str] = ()):
        folded = [fold_space(nfc(str(w))) for w in words]
        exact = [fold_space(nfc(str(w))) for w in exact_case]
        if loose:
            folded += [strip_marks(w) for w in folded]
            exact += [strip_marks(w) for w in exact]
        self.words = tuple(dict.fromkeys(w.casefold() for w in folded if w))
        self._patterns = [(_alternation(group), flags)
                          for group, flags in ((folded, re.IGNORECASE), (exact, 0))
                          if _alternation(group)]
        self._search = [re.compile(f"{_LEFT}(?:{body}){_RIGHT}", flags)
                        for body, flags in self._patterns]
        hidden = [fold_space(nfc(str(w))) for w in exclude]
        hidden += [strip_marks(w) for w in hidden] if loose else []
        self._exclude = Keywords(hidden, loose=False) if hidden else None
        self._after: list[re.Pattern] | None = None
        self._before: list[re.Pattern] | None = None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted ``(start, end)`` of every match in ``text`` (already NFC)."""
        found = set()
        for pattern in self._search:
            found.update(m.span() for m in pattern.finditer(text))
        if self._exclude is not None and found:
            hidden = self._exclude.spans(text)
            found = {(s, e) for s, e in found
                     if not any(hs <= s and e <= he for hs, he in hidden)}
        return sorted(found)

    def found(self, text: str) -> list[str]:
        """The distinct words matched in ``text`` (any form), in order of appearance.

        Words come back case-folded, except those matched in capitals.
        """
        composed = nfc(text)
        seen: dict[str, None] = {}
        for start, end in self.spans(composed):
            word = fold_space(composed[start:end])
            seen.setdefault(word if word.isupper() else word.casefold(), None)
        return list(seen)

    def starts_at(self, text: str, pos: int) -> bool:
        """True when a word begins at ``pos`` (after optional spaces) in NFC ``text``.

        Examples
        --------
        >>> Keywords(["\u0111\u1ed3ng"]).starts_at("500 \u0111\u1ed3ng", 3)
        True
        """
        if self._after is None:
            self._after = [re.compile(rf"{_HSPACE}*(?:{body}){_RIGHT}", flags)
                           for body, flags in self._patterns]
        return any(p.match(text, pos) for p in self._after)

    def ends_at(self, text: str, pos: int, reach: int = 30) -> bool:
        """True when a whole word ends just before ``pos``, spaces or a colon between.

        Examples
        --------
        >>> Keywords(["n\u0103m"]).ends_at("n\u0103m 2025", 4)
        True
        """
        if self._before is None:
            self._before = [re.compile(rf"{_LEFT}(?:{body}){_HSPACE}*[:=]?{_HSPACE}*\Z", flags)
                            for body, flags in self._patterns]
        return any(p.search(text, max(0, pos - reach), pos) for p in self._before)
