"""A message panel (info, success, warning, error) and a "3/5 done" progress display.

>>> from literacy_kit.core import FeedbackPanel, ProgressDisplay
>>> panel = FeedbackPanel(lang="en")
>>> panel.show("success", "core.choice.correct")
>>> progress = ProgressDisplay(5, lang="en")
>>> progress.set(3)
>>> progress.text.value
'3/5 done'
"""
from __future__ import annotations

from traitlets import Any, Dict, Enum, HasTraits, Int, validate

import ipywidgets as w

from ..content import Localized
from ._parts import esc, html_box, show, switch_class, text_of
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts

KINDS = ("info", "success", "warning", "error")
# Text glyphs beside the message: colour is never the only signal.
_GLYPHS = {"info": "i", "success": "\u2714", "warning": "!", "error": "\u2716"}


class FeedbackState(HasTraits):
    """The message a panel shows, kept as a key/Localized so it can be re-translated."""

    kind = Enum(KINDS, default_value="info", help="info, success, warning or error.")
    message = Any(None, allow_none=True,
                  help="A catalog key (str), a Localized, or None for an empty panel.")
    params = Dict(help="Format parameters for a catalog message.")


class FeedbackPanel(LangView):
    """Shows one message at a time; hidden while empty.

    CSS classes: ``lk-feedback`` on the view, ``lk-feedback-<kind>`` for the current kind,
    ``lk-feedback-text`` on the message widget.
    """

    def __init__(self, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.state = FeedbackState()
        css(self, "feedback")
        self.text = html_box("feedback-text")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.text), lang=lang)
        self.children = [self.text, self.read_aloud]
        self.state.observe(lambda change: self.relabel(), names=["kind", "message", "params"])
        self.lang = lang
        self.relabel()

    def show(self, kind: str, message: str | Localized, /, **fmt) -> None:
        """Show ``message`` (a catalog key like ``"core.choice.correct"`` or a Localized)."""
        with self.state.hold_trait_notifications():
            self.state.kind = kind
            self.state.message = message
            self.state.params = fmt

    def clear(self) -> None:
        """Hide the panel."""
        with self.state.hold_trait_notifications():
            self.state.message = None
            self.state.params = {}

    @property
    def message_text(self) -> str:
        """The message in the current language ('' when empty)."""
        message = self.state.message
        if message is None:
            return ""
        if isinstance(message, Localized):
            return text_of(message, self.lang)
        return self.tr(message, **self.state.params)

    def relabel(self) -> None:
        text, kind = self.message_text, self.state.kind
        self.text.value = (f'<span class="lk-feedback-glyph" aria-hidden="true">'
                           f"{_GLYPHS[kind]}</span> {esc(text)}") if text else ""
        show(self, bool(text))
        switch_class(self, f"lk-feedback-{kind}" if text else None,
                     [f"lk-feedback-{k}" for k in KINDS])


class ProgressState(HasTraits):
    """How many of ``total`` items are done."""

    total = Int(1, help="Number of items to do (at least 1).")
    done = Int(0, help="Items done so far; clamped to 0..total.")

    @validate("total")
    def _positive(self, proposal):
        return max(1, proposal["value"])

    @validate("done")
    def _clamp(self, proposal):
        return min(max(0, proposal["value"]), self.total)


class ProgressDisplay(LangView):
    """A bar plus a localized "3/5 done" line.

    CSS classes: ``lk-progress``, ``lk-progress-bar``, ``lk-progress-text``, and
    ``lk-progress-complete`` on the view when everything is done.
    """

    def __init__(self, total: int, lang: str = "vi", done: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.state = ProgressState(total=total)
        css(self, "progress")
        self.bar = css(w.IntProgress(min=0, layout=w.Layout(width="100%")), "progress-bar")
        self.text = html_box("progress-text")
        self.children = [self.bar, self.text]
        self.state.observe(lambda change: self.relabel(), names=["done", "total"])
        self.state.done = done
        self.lang = lang
        self.relabel()

    def set(self, done: int) -> None:
        """Show ``done`` items finished (clamped to 0..total)."""
        self.state.done = done

    def advance(self, step: int = 1) -> None:
        """One (or ``step``) more item done."""
        self.state.done += step

    @property
    def done(self) -> int:
        return self.state.done

    def relabel(self) -> None:
        state = self.state
        self.bar.max = state.total
        self.bar.value = state.done
        self.text.value = esc(self.tr("core.progress.text", done=state.done, total=state.total))
        switch_class(self, "lk-progress-complete" if state.done == state.total else None,
                     ["lk-progress-complete"])
