"""On-screen keyboards for touchscreens with no keyboard: a numeric keypad and a
Vietnamese keyboard with tone-mark keys.

Tone keys (sac, huyen, hoi, nga, nang: rising, falling, dipping, broken, heavy) put the
mark on the vowel of the word being typed where Vietnamese spelling puts it, so a visitor
types "Nguyen" with a hat on the e, then taps *nga* to get the family name Nguyen with
both marks; tapping the same tone again takes it off. Letters with hats, breves and horns
and d with a stroke have keys of their own (``keyboards.json``). The text is always NFC.
Keys are at least 64 px; *read aloud* speaks what was typed, except in secret fields.

>>> keyboard = OnScreenKeyboard(kind="text", lang="en")
>>> for key in ["shift", "n", "g", "u", "y", "\\u00ea", "n", "tone_tilde"]:
...     keyboard.press(key)
>>> keyboard.text == "Nguy\\u1ec5n"
True
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import ipywidgets as w
from traitlets import Bool, Unicode, observe, validate

from ..speech import Typed
from .base import LangView, css
from .read_aloud import ReadAloud

KINDS = ("numeric", "text")
#: Combining marks of the five tones, by key.
TONES = {"tone_acute": "\u0301", "tone_grave": "\u0300", "tone_hook": "\u0309",
         "tone_tilde": "\u0303", "tone_dot": "\u0323"}
_TONE_MARKS = set(TONES.values())
#: Marks that make a new vowel (hat, breve, horn): the tone goes on that vowel.
_SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}
_VOWELS = set("aeiouy")
#: Two-vowel endings whose tone sits on the second vowel (modern spelling: hoa, khoe, thuy with the tone on a, e, y).
_SECOND = {"oa", "oe", "uy"}
KEY_SIZE = "64px"
_SYMBOLS = {"backspace": "\u232b", "shift": "\u21e7"}


@lru_cache(maxsize=None)
def layouts() -> dict[str, list[list[str]]]:
    """Rows of keys per kind, from ``keyboards.json``."""
    return json.loads((Path(__file__).parent / "keyboards.json").read_text(encoding="utf-8"))


def key_name(key: str) -> str:
    """The CSS-safe name of a key: ``a``, ``7``, ``tone_hook``; others by code point
    (``u0111`` for d with a stroke, ``u0040`` for @)."""
    if re.fullmatch(r"[a-z0-9_]+", key):
        return key
    return "u" + "-".join(f"{ord(ch):04x}" for ch in key)


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[0].lower()


def _marks(ch: str) -> set[str]:
    return set(unicodedata.normalize("NFD", ch)[1:])


def _tone_target(word: str) -> int | None:
    """Index in ``word`` of the vowel that carries the tone, or None without a vowel."""
    vowels = [i for i, ch in enumerate(word) if _base(ch) in _VOWELS]
    # "qu" and "gi" before another vowel: that u / i belongs to the consonant
    if len(vowels) > 1 and vowels[0] == 1 and word[:2].lower() in ("qu", "gi"):
        vowels = vowels[1:]
    if not vowels:
        return None
    # the last run of adjacent vowels is the word's vowel cluster
    cluster = [vowels[-1]]
    for i in reversed(vowels[:-1]):
        if i == cluster[0] - 1:
            cluster.insert(0, i)
        else:
            break
    shaped = [i for i in cluster if _marks(word[i]) & _SHAPE_MARKS]
    if shaped:
        return shaped[-1]  # u-horn o-horn: on the o
    if len(cluster) == 1:
        return cluster[0]
    ends_word = cluster[-1] == len(word) - 1
    if not ends_word:
        return cluster[-1]  # toan, hoang, quyet: on a, a, e
    if len(cluster) == 2:
        pair = "".join(_base(word[i]) for i in cluster)
        return cluster[1] if pair in _SECOND else cluster[0]  # hoa, thuy: 2nd / mua, tai: 1st
    return cluster[1]  # three vowels at the end (oai, uyu): the middle one


def apply_tone(text: str, tone_key: str) -> str:
    """Put (or take off, if already there) a tone on the last word of ``text``; NFC."""
    mark = TONES[tone_key]
    head, _, word = text.rpartition(" ")
    index = _tone_target(word)
    if index is None:
        return unicodedata.normalize("NFC", text)
    letters = unicodedata.normalize("NFD", word[index])
    base, marks = letters[0], [m for m in letters[1:] if m not in _TONE_MARKS]
    had = mark in letters
    new = base + "".join(marks) + ("" if had else mark)
    word = word[:index] + unicodedata.normalize("NFC", new) + word[index + 1:]
    return unicodedata.normalize("NFC", (head + " " if _ else "") + word)


class OnScreenKeyboard(LangView):
    """Big keys that edit :attr:`text`; :meth:`press` does what tapping a key does.

    ``kind`` is ``"numeric"`` (0-9, delete, clear) or ``"text"`` (digits, letters,
    Vietnamese letters and tones, space). ``secret=True`` leaves out read-aloud.
    ``on_done`` (no argument) is called by the *Done* key.

    CSS classes: ``lk-keyboard``, ``lk-keyboard-<kind>``, ``lk-keyboard-row``, ``lk-key``
    and ``lk-key-<name>`` (see :func:`key_name`).
    """

    text = Unicode("", help="What has been typed, NFC.")
    shift = Bool(False, help="The next letter is a capital.")
    kind = Unicode("text", help="numeric or text; fixed at construction.")

    def __init__(self, kind: str = "text", secret: bool = False, lang: str = "vi",
                 on_done=None, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind
        self.secret = secret
        self.on_done = on_done
        self.key_buttons: dict[str, w.Button] = {}
        rows = []
        for row in layouts()[self.kind]:
            buttons = [self._key(key) for key in row]
            rows.append(css(w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")), "keyboard-row"))
        extra = [self._key("done")]
        self.read_aloud = None
        if not secret:
            self.read_aloud = css(ReadAloud(self._typed_texts, lang=lang), "keyboard-read")
            extra.insert(0, self.read_aloud)
        rows.append(css(w.HBox(extra, layout=w.Layout(flex_flow="row wrap")), "keyboard-row"))
        self.children = rows
        css(self, "keyboard", f"keyboard-{self.kind}")
        self.lang = lang
        self.relabel()

    @validate("kind")
    def _valid_kind(self, proposal):
        return proposal["value"] if proposal["value"] in KINDS else "text"

    @validate("text")
    def _nfc(self, proposal):
        return unicodedata.normalize("NFC", proposal["value"])

    # -- what the keys do ---------------------------------------------------------------
    def press(self, key: str) -> None:
        """Tap key ``key`` (a character, or a key id such as ``backspace``, ``tone_hook``)."""
        if key == "backspace":
            self.text = self.text[:-1]
        elif key == "clear":
            self.text = ""
        elif key == "space":
            if self.text and not self.text.endswith(" "):
                self.text += " "
        elif key == "shift":
            self.shift = not self.shift
        elif key == "done":
            if self.on_done is not None:
                self.on_done()
        elif key in TONES:
            self.text = apply_tone(self.text, key)
        else:
            char = key.upper() if self.shift else key
            self.shift = False
            self.text += char

    def _typed_texts(self) -> list[str]:
        # Typed: read back, never written to the speech cache (nothing a visitor typed stays)
        return [Typed(self.text)] if self.text else [self.tr("core.keyboard.nothing_typed")]

    # -- plumbing -------------------------------------------------------------------------
    def _key(self, key: str) -> w.Button:
        name = key_name(key)
        button = css(w.Button(layout=w.Layout(min_width=KEY_SIZE, min_height=KEY_SIZE,
                                              width="auto", height="auto", margin="3px")),
                     "key", f"key-{name}")
        button.on_click(lambda _b, key=key: self.press(key))
        self.key_buttons[key] = button
        return button

    def relabel(self) -> None:
        for key, button in getattr(self, "key_buttons", {}).items():
            if key in _SYMBOLS:
                button.description = _SYMBOLS[key]
                button.tooltip = self.tr(f"core.keyboard.{key}")
            elif key in TONES or key in ("clear", "space", "done"):
                button.description = self.tr(f"core.keyboard.{key}")
            else:
                button.description = key
        if self.read_aloud is not None:
            self.read_aloud.lang = self.lang

    @observe("shift")
    def _show_case(self, change=None) -> None:
        for key, button in getattr(self, "key_buttons", {}).items():
            if len(key) == 1 and key.isalpha():
                button.description = key.upper() if self.shift else key

