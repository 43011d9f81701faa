"""A speaker button that reads a view's texts aloud, offline, in the view's language.

The host view passes ``source``: a function returning the texts to read *now* (so the
button always reads the current language and the current feedback). Tapping makes one
WAV through :mod:`literacy_kit.speech` and plays it in a fresh ``Audio`` widget, which
works the same in JupyterLab and in the Voila kiosk. Without espeak-ng the button is
hidden and tapping does nothing.

>>> from literacy_kit.core.read_aloud import ReadAloud
>>> speaker = ReadAloud(lambda: ["Xin ch\\u00e0o"], lang="vi")
>>> speaker.speak() in ("played", "unavailable")
True
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

import ipywidgets as w
from traitlets import Int, Unicode

from ..speech import Speaker, SpeechError, Typed, default_speaker
from ._parts import button, show
from .base import LangView, css

#: Speaker symbol (text glyph: no icon font needed, works offline everywhere).
_SPEAKER = "\U0001f50a"
_BLOCK_TAGS = re.compile(r"<\s*(br|/?(p|div|li|ul|ol|h[1-6]|tr|td|th))\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_STYLE = re.compile(r"<(style|script)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Decorative glyphs are marked aria-hidden; a screen reader skips them and so do we.
_HIDDEN = re.compile(r"<(span|i)\b[^>]*aria-hidden=[\"']true[\"'][^>]*>.*?</\1\s*>",
                     re.IGNORECASE | re.DOTALL)


def html_texts(markup: str) -> list[str]:
    """The readable lines of an HTML fragment: tags dropped, entities decoded."""
    markup = _HIDDEN.sub(" ", _STYLE.sub(" ", markup or ""))
    markup = _ANY_TAG.sub(" ", _BLOCK_TAGS.sub("\n", markup))
    lines = (" ".join(html.unescape(line).split()) for line in markup.split("\n"))
    return [line for line in lines if line]


def widget_texts(*roots: w.Widget, skip: Iterable[str] = ("lk-read-aloud", "lk-keyboard")) -> list[str]:
    """What a learner sees in ``roots``, top to bottom: HTML and label text, button captions,
    typed values. Hidden parts and widgets carrying a ``skip`` class are left out."""
    skip = set(skip)
    texts: list[str] = []

    def visit(widget: w.Widget) -> None:
        layout = getattr(widget, "layout", None)
        if layout is not None and layout.display == "none":
            return
        if skip.intersection(getattr(widget, "_dom_classes", ()) or ()):
            return
        if isinstance(widget, (w.HTML, w.HTMLMath)):
            texts.extend(html_texts(widget.value))
        elif isinstance(widget, w.Label):
            texts.append(widget.value)
        elif isinstance(widget, w.Button):
            texts.append(widget.description)
        elif isinstance(widget, w.Password):
            texts.append(widget.description)  # never read a secret aloud
        elif isinstance(widget, (w.Text, w.Textarea)):
            # What was typed is read back but marked, so it never reaches the disk cache.
            texts.extend(part for part in (widget.description, Typed(widget.value)) if part)
        for child in getattr(widget, "children", None) or ():
            if isinstance(child, w.Widget):
                visit(child)

    for root in roots:
        visit(root)
    return [text for text in texts if text and text.strip()]


class ReadAloud(LangView):
    """The speaker button and the audio it plays.

    CSS classes: ``lk-read-aloud`` (the view), ``lk-read-aloud-button``,
    ``lk-read-aloud-audio`` (the ``Audio`` widget, present after a tap).
    ``status`` is ``""``, ``"played"``, ``"silent"`` (nothing to read) or ``"failed"``.
    """

    status = Unicode("", help="Outcome of the last tap: '', 'played', 'silent' or 'failed'.")
    plays = Int(0, help="How many times audio was handed to the page.")

    def __init__(self, source: Callable[[], Iterable[str]], lang: str = "vi",
                 speaker: Speaker | None = None, compact: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.source = source
        # Compact: the glyph alone (the label stays as tooltip), for narrow headers.
        self.compact = compact
        self._speaker = speaker
        self.button = button("read-aloud-button", on_click=self.speak, width="auto")
        self.audio: w.Audio | None = None
        self.children = [self.button]
        css(self, "read-aloud")
        show(self, self.speaker.available)
        self.lang = lang
        self.relabel()

    @property
    def speaker(self) -> Speaker:
        return self._speaker or default_speaker()

    @property
    def available(self) -> bool:
        return self.speaker.available

    def texts(self) -> list[str]:
        """What a tap would read, in the current language."""
        try:
            return [text if isinstance(text, str) else str(text) for text in self.source() if text]
        except Exception:  # a host's bug must not break the page: read nothing
            return []

    def speak(self) -> str:
        """Read the texts aloud (what a tap does); returns the new :attr:`status`."""
        if not self.available:
            return "unavailable"
        try:
            data = self.speaker.speak(self.texts(), self.lang)
        except SpeechError as exc:
            self.status = "silent" if "nothing" in str(exc) else "failed"
            return self.status
        except Exception:  # never a traceback in front of a learner
            self.status = "failed"
            return self.status
        self._play(data)
        self.status = "played"
        return self.status

    def stop(self) -> None:
        """Remove the audio element (the sound stops)."""
        if self.audio is not None:
            self.children = [self.button]
            self.audio.close()
            self.audio = None

    def _play(self, data: bytes) -> None:
        # A fresh element per tap: autoplay fires on creation, so a second tap replays.
        self.stop()
        self.audio = css(w.Audio(value=data, format="wav", autoplay=True, loop=False,
                                 controls=False, layout=w.Layout(width="1px", height="1px")),
                         "read-aloud-audio")
        self.children = [self.button, self.audio]
        self.plays += 1

    def relabel(self) -> None:
        label = self.tr("core.read_aloud")
        self.button.description = _SPEAKER if self.compact else f"{_SPEAKER} {label}"
        self.button.tooltip = label
