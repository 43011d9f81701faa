"""What the tap-the-text activities share: the picks as plain state, buttons, Check and marks.

A :class:`TapTextView` shows a text as tappable buttons (pieces or sentences), keeps the
learner's picks as language-independent ids in :class:`TapState`, and on Check marks each
pick right or wrong. Subclasses say what the pieces are and which ones a right answer
picks: :class:`~literacy_kit.ai.widgets.activities.PasteCheck` (pieces to remove before pasting)
and :class:`~literacy_kit.ai.widgets.activities_spot.SpotTheError` (the wrong sentence).

>>> from literacy_kit.ai.widgets.activities_base import TapState
>>> state = TapState(["p1", "p2", "p3"])
>>> state.selected = ["p3", "p1"]
>>> state.selected
('p1', 'p3')
"""
from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w
from traitlets import Bool, Enum, HasTraits, Int, Tuple, validate

from ...content import Localized, Page, load
from ...core import FeedbackPanel
from ...core._parts import button, html_box, show, switch_class
from ...core.base import LangView, css
from ...core.read_aloud import ReadAloud, widget_texts
from ..logic.personal_data import DataKind
from .style import ai_stylesheet, esc

__all__ = ["ACTIVITIES_BUNDLE", "STATUSES", "TapState", "TapTextView", "kind_names", "page_of"]

#: Content bundle with the activities' texts (pieces to check, texts to judge).
ACTIVITIES_BUNDLE = "ai_activities"
STATUSES = ("unanswered", "correct", "partial", "wrong")
_MARKS = ("lk-ai-mark-correct", "lk-ai-mark-wrong")
# The core choice classes go along, so the high-contrast theme (which styles them) shows
# picks and marks here too.
_CORE = {"lk-ai-selected": "lk-choice-option-selected", _MARKS[0]: "lk-choice-option-correct",
         _MARKS[1]: "lk-choice-option-wrong"}


def page_of(page: Page | str, bundle: str = ACTIVITIES_BUNDLE) -> Page:
    """``page`` itself, or the page with that id in a content bundle."""
    return page if isinstance(page, Page) else load(bundle).pages[page]


def kind_names(kinds, lang: str) -> str:
    """Kinds of personal data as words in ``lang``: "phone number, OTP code"."""
    return ", ".join(DataKind(kind).label(lang) for kind in dict.fromkeys(kinds))


class TapState(HasTraits):
    """The learner's picks among a text's pieces and the last check, as plain values."""

    selected = Tuple(help="Ids of the tapped pieces (p1, p2... or s1, s2...), in text order.")
    checked = Bool(False, help="True while the marks of the last check are showing.")
    status = Enum(STATUSES, default_value="unanswered",
                  help="Result of the last check: unanswered, correct, partial or wrong.")
    attempts = Int(0, help="How many times the learner checked (kept by retry).")

    def __init__(self, ids: Sequence[str], single: bool = False, **kwargs):
        self.ids = tuple(ids)
        self.single = single
        super().__init__(**kwargs)

    @validate("selected")
    def _known_ids(self, proposal):
        wanted = set(proposal["value"])
        unknown = wanted.difference(self.ids)
        if unknown:
            raise ValueError(f"unknown ids: {sorted(unknown)}")
        if self.single and len(wanted) > 1:
            raise ValueError("only one piece may be picked")
        return tuple(i for i in self.ids if i in wanted)


class TapTextView(LangView):
    """Base of the tap-the-text activities: buttons, Check, Retry, feedback, marks.

    Subclasses set ``prefix`` (CSS: ``lk-<prefix>``, ``lk-<prefix>-check``...), ``item``
    (CSS of each button, plus ``lk-<item>-<id>``) and ``single``, and implement
    :meth:`texts` (the pieces in a language), :meth:`targets` (the ids a right answer
    picks, ``None`` when unknown) and :meth:`feedback`.
    """

    prefix = "ai-tap"
    item = "ai-tap-item"
    single = False
    #: Catalog key of the nudge shown when Check is pressed with nothing picked ('' none).
    empty_key = ""

    def __init__(self, ids: Sequence[str], lang: str = "vi", graded: bool = False,
                 inline: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.graded = graded
        self._nudge = False
        self.state = TapState(ids, single=self.single)
        p = self.prefix
        css(self, p)
        self.title_html = html_box(f"{p}-title")
        self.hint = html_box(f"{p}-hint", "ai-hint")
        size = {"width": "auto"} if inline else {"width": "auto", "align_self": "stretch"}
        self.item_buttons = {i: button(self.item, f"{self.item}-{i}",
                                       on_click=lambda i=i: self.toggle(i), **size)
                             for i in self.state.ids}
        box = w.HBox if inline else w.VBox
        self.items_box = css(box(list(self.item_buttons.values()),
                                 layout=w.Layout(flex_flow="row wrap" if inline else "column")),
                             f"{p}-items", "ai-pieces" if inline else "ai-sentences")
        self.check_button = button(f"{p}-check", on_click=self.check)
        self.check_button.button_style = "primary"
        self.retry_button = button(f"{p}-retry", on_click=self.retry)
        self.actions = css(w.HBox([self.check_button, self.retry_button]), f"{p}-actions", "ai-row")
        self.feedback_panel = css(FeedbackPanel(lang=lang), f"{p}-feedback")
        self.extra = html_box(f"{p}-extra", "ai-masked")
        show(self.actions, not graded)
        self.read_aloud = ReadAloud(lambda: widget_texts(
            self.title_html, self.hint, self.items_box, self.feedback_panel, self.extra), lang=lang)
        self.children = [ai_stylesheet(), self.read_aloud, *self.head(), self.title_html,
                         self.hint, self.items_box, self.actions, self.feedback_panel, self.extra]
        self.state.observe(lambda change: self._render(), names=["selected", "checked", "status"])

    # -- for subclasses ---------------------------------------------------------------------
    def head(self) -> list[w.Widget]:
        """Widgets shown above the title (default: none)."""
        return []

    def texts(self, lang: str) -> list[str]:  # pragma: no cover - overridden
        """The pieces' texts in ``lang``, one per id."""
        return []

    def targets(self, lang: str) -> set[str] | None:  # pragma: no cover - overridden
        """The ids a right answer picks; ``None`` when unknown (graded exercises)."""
        return None

    def feedback(self, lang: str) -> tuple[str, Localized | str, dict, str] | None:
        """After a check: ``(kind, message, format values, extra HTML)`` for ``lang``."""
        return None

    def title_text(self, lang: str) -> str:
        return ""

    def hint_text(self, lang: str) -> str:
        return ""

    # -- seams ------------------------------------------------------------------------------
    def toggle(self, piece: int | str) -> None:
        """Tap a piece, by id (``"p3"``) or by 0-based position; single choice replaces."""
        piece_id = self.state.ids[piece] if isinstance(piece, int) else piece
        current = self.state.selected
        if self.single:
            picked = () if current == (piece_id,) else (piece_id,)
        elif piece_id in current:
            picked = tuple(i for i in current if i != piece_id)
        else:
            picked = current + (piece_id,)
        self._clear_check()
        self.state.selected = picked

    def select(self, *ids: str) -> None:
        """Make ``ids`` the selection, as taps would."""
        self._clear_check()
        self.state.selected = tuple(ids)

    def check(self) -> str:
        """Mark the picks right or wrong, explain, and return the status."""
        state = self.state
        targets = self.targets(self.lang)
        if self.graded or targets is None:
            return "unanswered"
        chosen = set(state.selected)
        if not chosen and self.empty_key:
            # Nothing picked: a friendly nudge, not a counted attempt.
            self._clear_check()
            self._nudge = True
            self._render()
            return "unanswered"
        if chosen == targets:
            status = "correct"
        elif chosen & targets:
            status = "partial"
        else:
            status = "wrong"
        with state.hold_trait_notifications():
            state.attempts += 1
            state.status = status
            state.checked = True
        return status

    def retry(self) -> None:
        """Clear the picks and the marks; the attempt count stays."""
        self._clear_check()
        self.state.selected = ()

    def reset(self) -> None:
        """Back to a fresh activity, attempts included."""
        self.retry()
        self.state.attempts = 0

    # -- plumbing ---------------------------------------------------------------------------
    def _clear_check(self) -> None:
        self._nudge = False
        with self.state.hold_trait_notifications():
            self.state.checked = False
            self.state.status = "unanswered"

    def _render(self) -> None:
        state, lang = self.state, self.lang
        targets = self.targets(lang) if state.checked else None
        texts = self.texts(lang)
        for index, (piece_id, btn) in enumerate(self.item_buttons.items()):
            picked = piece_id in state.selected
            for name in ("lk-ai-selected", _CORE["lk-ai-selected"]):
                switch_class(btn, name if picked else None, [name])
            mark = None
            if targets is not None and picked:
                mark = _MARKS[0] if piece_id in targets else _MARKS[1]
            switch_class(btn, mark, _MARKS)
            switch_class(btn, _CORE.get(mark), [_CORE[m] for m in _MARKS])
            btn.button_style = {_MARKS[0]: "success", _MARKS[1]: "danger"}.get(
                mark, "info" if picked else "")
            text = texts[index] if index < len(texts) else ""
            btn.description = btn.tooltip = text
            show(btn, bool(text))
        result = self.feedback(lang) if state.checked else None
        if result is None:
            if self._nudge:
                self.feedback_panel.show("info", self.empty_key)
            else:
                self.feedback_panel.clear()
            self.extra.value = ""
        else:
            kind, message, fmt, extra = result
            self.feedback_panel.show(kind, message, **fmt)
            self.extra.value = extra
        show(self.extra, bool(self.extra.value))

    def relabel(self) -> None:
        if not hasattr(self, "extra"):
            return  # traits set while the view is being built
        self.title_html.value = self.title_text(self.lang)
        show(self.title_html, bool(self.title_html.value))
        self.hint.value = esc(self.hint_text(self.lang))
        self.check_button.description = self.tr("ai_widgets.check")
        self.retry_button.description = self.tr("ai_widgets.retry")
        self.feedback_panel.lang = self.lang
        self._render()
