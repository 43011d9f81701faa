"""Checks of the house style of Vietnamese texts (rules in ``content/style.yaml``).

Each check takes one text and returns what is wrong with it (an empty list: nothing), so
the same functions serve the tests, a trainer's draft and an editor's script.

>>> old_tone_marks("x\\u00f3a, kho\\u00e1") == ["x\\u00f3a"]     # old "xoa", new "khoa"
True
>>> quote_marks('Tap "Next" or \\u00abBack\\u00bb')
['"', '"', '\xab', '\xbb']
>>> slide_words("## Goals\\n\\n- Know **level 1** and level 2")
7
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from ..text import nfc

STYLE_FILE = Path(__file__).parent / "style.yaml"

# Old-style tone placement: the tone mark on the first vowel of an open "oa", "oe", "uy"
# (old "hoa"/"khoe"/"thuy" with the mark on o/u). After "q" the u belongs to the consonant
# ("quy" takes the mark on y in both styles), so that is not flagged.
_TONES = "\u0300\u0301\u0309\u0303\u0323"      # grave, acute, hook above, tilde, dot below


def _marked(vowels: str) -> str:
    return "".join(unicodedata.normalize("NFC", v + tone) for v in vowels for tone in _TONES)


_OLD_TONE = re.compile(rf"(?<![qQ])[{_marked('oO')}][aeAE](?!\w)|(?<![qQ])[{_marked('uU')}][yY](?!\w)")
_WORD = re.compile(r"\w+")
_STRAIGHT = ('"', "«", "»", "„")
# Words that only English sentences are made of (a Vietnamese slide holds none of them
# in a row: names of apps and sites are single words).
_ENGLISH = frozenset("the and you your is are to of with this that for on in it be can not "
                     "a an or if when what how do does their they we our from by at".split())


@lru_cache(maxsize=1)
def style() -> dict:
    """The rules of ``style.yaml``."""
    return yaml.safe_load(STYLE_FILE.read_text(encoding="utf-8"))


def old_tone_marks(text: str) -> list[str]:
    """Words written with the old tone placement (the mark on "o" of "hoa" instead of "a")."""
    text = nfc(text)
    return [word for word in _WORD.findall(text) if _OLD_TONE.search(word)]


def new_tone_marks(word: str) -> str:
    """``word`` with the tone mark moved to the house style (from "o" to "a" in "khoa")."""
    def move(match: re.Match) -> str:
        first, second = match.group(0)[0], match.group(0)[1]
        parts = unicodedata.normalize("NFD", first)
        base, marks = parts[0], parts[1:]
        return base + unicodedata.normalize("NFC", second + marks)
    return _OLD_TONE.sub(move, nfc(word))


def quote_marks(text: str) -> list[str]:
    """Quotation marks other than “…”, in the order they appear."""
    return [ch for ch in text if ch in _STRAIGHT]


def avoided_terms(text: str) -> list[str]:
    """Wordings the term list replaces by one preferred term."""
    folded = nfc(text).casefold()
    found = []
    for term in style()["terms"]:
        found += [avoid for avoid in term["avoid"] if nfc(avoid).casefold() in folded]
    return found


def _plain(markdown: str) -> str:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*\|?\s*:?-{2,}.*$", " ", text, flags=re.M)   # table rules
    return re.sub(r"[#*_>|\[\]()→•–-]", " ", text)


def slide_words(markdown: str) -> int:
    """Words a learner reads on a slide (Markdown marks, code, links and rules left out)."""
    return sum(1 for token in _plain(nfc(markdown)).split() if any(ch.isalnum() for ch in token))


def english_runs(text: str, run: int = 3) -> list[str]:
    """Stretches of ``run`` or more English function words close together (English prose)."""
    words = _WORD.findall(_plain(nfc(text)).casefold())
    hits, found = [], []
    for index, word in enumerate(words):
        if word in _ENGLISH:
            hits.append(index)
            window = [i for i in hits if i > index - 8]
            if len(window) >= run:
                found.append(" ".join(words[window[0]: index + 1]))
                hits = []
    return found
