"""The quick "is it safe to paste this?": read a text, answer yes or no, see why, next text.

The texts are the paragraphs of the ``quick_texts`` page of ``ai_activities``; a text is
safe when :func:`~literacy_kit.ai.find_personal_data` finds nothing in it. After each
answer the learner sees which kinds of personal data the text holds and how it reads with
them masked; amounts, dates and meeting times are not personal data, and the feedback
says so.

>>> from literacy_kit.ai.widgets.activities_quick import QuickPasteCheck
>>> quiz = QuickPasteCheck(lang="en")
>>> quiz.answer(quiz.is_safe(0))
True
>>> quiz.next(); quiz.state.index
1
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Bool, HasTraits, Int, Unicode, validate

from ...content import Page
from ...core import FeedbackPanel
from ...core._parts import button, html_box, show
from ...core.base import LangView, css
from ...core.read_aloud import ReadAloud, widget_texts
from .activities_base import kind_names, page_of
from ..logic.personal_data import find_personal_data, redact
from .style import ai_stylesheet, esc, text_html

__all__ = ["CHOICES", "QuickPasteCheck", "QuickState"]

CHOICES = ("", "safe", "unsafe")


class QuickState(HasTraits):
    """Where the learner is in the texts and how it went, as plain values."""

    index = Int(0, help="0-based index of the text on show.")
    choice = Unicode("", help="The answer for the text on show: '', 'safe' or 'unsafe'.")
    right = Int(0, help="Right answers so far in this round.")
    answered = Int(0, help="Texts answered so far in this round.")
    finished = Bool(False, help="True once every text was answered and the summary shows.")

    @validate("choice")
    def _known_choice(self, proposal):
        if proposal["value"] not in CHOICES:
            raise ValueError(f"choice must be one of {CHOICES}")
        return proposal["value"]

    @validate("index", "right", "answered")
    def _not_negative(self, proposal):
        return max(0, proposal["value"])


class QuickPasteCheck(LangView):
    """One text at a time with "Yes, safe" / "No, remove something first", and Next.

    Seams: ``answer(safe: bool)`` (True when right), ``next()``, ``reset()``;
    ``is_safe(i)`` says what the detector thinks of text ``i``. State: :class:`QuickState`.

    CSS classes: ``lk-ai-quick``, ``lk-ai-quick-counter``, ``lk-ai-quick-text`` (+
    ``lk-ai-quote``), ``lk-ai-quick-question``, ``lk-ai-quick-safe``, ``lk-ai-quick-unsafe``,
    ``lk-ai-quick-feedback``, ``lk-ai-quick-masked``, ``lk-ai-quick-next``,
    ``lk-ai-quick-summary``, ``lk-ai-quick-restart``.
    """

    def __init__(self, page: Page | str = "quick_texts", lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.page = page_of(page)
        self.state = QuickState()
        css(self, "ai-quick")
        self.counter = html_box("ai-quick-counter", "ai-hint")
        self.text_html = html_box("ai-quick-text", "ai-quote")
        self.question = html_box("ai-quick-question")
        wide = {"width": "auto", "min_width": "14em"}
        self.safe_button = button("ai-quick-safe", on_click=lambda: self.answer(True), **wide)
        self.unsafe_button = button("ai-quick-unsafe", on_click=lambda: self.answer(False), **wide)
        self.feedback_panel = css(FeedbackPanel(lang=lang), "ai-quick-feedback")
        self.masked = html_box("ai-quick-masked", "ai-masked")
        self.next_button = button("ai-quick-next", on_click=self.next, **wide)
        self.next_button.button_style = "primary"
        self.summary = html_box("ai-quick-summary")
        self.restart_button = button("ai-quick-restart", on_click=self.reset, **wide)
        self.play = css(w.VBox([self.counter, self.text_html, self.question,
                                css(w.HBox([self.safe_button, self.unsafe_button]), "ai-row"),
                                self.feedback_panel, self.masked, self.next_button]),
                        "ai-quick-play")
        self.end = css(w.VBox([self.summary, self.restart_button]), "ai-quick-end")
        self.read_aloud = ReadAloud(lambda: widget_texts(self.play, self.end), lang=lang)
        self.children = [ai_stylesheet(), self.read_aloud, self.play, self.end]
        self.state.observe(lambda change: self._render(),
                           names=["index", "choice", "right", "answered", "finished"])
        self.lang = lang
        self.relabel()

    @property
    def total(self) -> int:
        return len(self.page.body)

    def text(self, index: int | None = None, lang: str | None = None) -> str:
        """Text ``index`` (default: the one on show) in ``lang`` (default: the view's)."""
        index = self.state.index if index is None else index
        return self.page.body[min(index, self.total - 1)].get(lang or self.lang)

    def is_safe(self, index: int | None = None) -> bool:
        """Whether text ``index`` holds no personal data (in the view's language)."""
        return not find_personal_data(self.text(index))

    # -- seams ------------------------------------------------------------------------------
    def answer(self, safe: bool) -> bool:
        """Answer for the text on show; returns whether the answer is right."""
        state = self.state
        if state.choice or state.finished:
            return (state.choice == "safe") == self.is_safe()
        right = bool(safe) == self.is_safe()
        with state.hold_trait_notifications():
            state.choice = "safe" if safe else "unsafe"
            state.answered += 1
            state.right += int(right)
        return right

    def next(self) -> None:
        """The next text, or the summary after the last one."""
        state = self.state
        with state.hold_trait_notifications():
            if state.index + 1 >= self.total:
                state.finished = True
            else:
                state.index += 1
            state.choice = ""

    def reset(self) -> None:
        """Start again from the first text."""
        with self.state.hold_trait_notifications():
            for name in ("index", "choice", "right", "answered", "finished"):
                setattr(self.state, name, self.state.trait_defaults(name))

    # -- plumbing ---------------------------------------------------------------------------
    def _render(self) -> None:
        state, lang = self.state, self.lang
        show(self.play, not state.finished)
        show(self.end, state.finished)
        summary = self.tr("ai_widgets.quick.summary", right=state.right, total=self.total)
        self.summary.value = f"<b>{esc(summary)}</b>"
        self.counter.value = esc(self.tr("ai_widgets.quick.counter", number=state.index + 1,
                                         total=self.total))
        text = self.text()
        self.text_html.value = text_html(text)
        answered = bool(state.choice)
        for btn, value in ((self.safe_button, "safe"), (self.unsafe_button, "unsafe")):
            btn.disabled = answered
            btn.button_style = "info" if state.choice == value else ""
        show(self.next_button, answered)
        self.next_button.description = self.tr(
            "ai_widgets.quick.finish" if state.index + 1 >= self.total else "ai_widgets.quick.next")
        if not answered:
            self.feedback_panel.clear()
            self.masked.value = ""
        else:
            findings = find_personal_data(text)
            right = (state.choice == "safe") == (not findings)
            kinds = kind_names([f.kind for f in findings], lang)
            key = ("right" if right else "wrong") + ("_unsafe" if findings else "_safe")
            self.feedback_panel.show("success" if right else "error", f"ai_widgets.quick.{key}",
                                     kinds=kinds)
            self.masked.value = (f"<b>{esc(self.tr('ai_widgets.quick.masked'))}</b><br>"
                                 f"{text_html(redact(text, lang))}") if findings else ""
        show(self.masked, bool(self.masked.value))

    def relabel(self) -> None:
        if not hasattr(self, "end"):
            return  # traits set while the view is being built
        self.question.value = f"<b>{esc(self.tr('ai_widgets.quick.question'))}</b>"
        self.safe_button.description = self.tr("ai_widgets.quick.safe")
        self.unsafe_button.description = self.tr("ai_widgets.quick.unsafe")
        self.restart_button.description = self.tr("ai_widgets.quick.restart")
        self.feedback_panel.lang = self.lang
        self._render()
