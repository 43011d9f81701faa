"""Sort messages into scam and genuine: each message with two buttons, tap again to undo.

In a lesson (``graded=False``) a Check button marks every message right or wrong and shows
its cues; in a graded exercise there is no Check button and the answer is kept as item ids
in :class:`SortState` (``scam`` and ``genuine``), scored later by the hidden tests.

>>> from literacy_kit.safety.widgets.sorting import MessageSorter
>>> view = MessageSorter(["genuine_bank_otp", "zalo_otp_mistake"], lang="en")
>>> view.sort("zalo_otp_mistake", "scam"); view.sort("genuine_bank_otp", "genuine")
>>> view.state.scam, view.state.genuine
(['zalo_otp_mistake'], ['genuine_bank_otp'])
>>> view.check()
2
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import HasTraits, List

from ...core._parts import button, html_box, show
from ...core.base import LangView, css
from ...core.read_aloud import ReadAloud, widget_texts
from ..logic.bank import Bank, ScamItem, default_bank
from .style import GLYPH_BAD, GLYPH_OK, PICKED, cue_list, esc, message_html, safety_stylesheet

__all__ = ["MessageSorter", "SortState"]


class SortState(HasTraits):
    """Item ids sorted so far (an id is in at most one list)."""

    scam = List(help="Ids of the messages sorted as scams, in tap order.")
    genuine = List(help="Ids of the messages sorted as genuine, in tap order.")


class MessageSorter(LangView):
    """Messages to sort, each with "Scam" and "Genuine" buttons.

    Parameters
    ----------
    item_ids : list of str
        Bank item ids, shown in this order.
    lang : str
        ``"vi"`` or ``"en"``.
    graded : bool
        No Check button and no verdicts (an nbgrader exercise).
    bank : Bank, optional
        Where the items come from (default: the packaged bank).

    Seams: ``sort(item_id, kind)`` (the same kind again undoes it), ``check()`` (the number
    sorted right; lessons only), ``reset()``. State: :class:`SortState` in ``state``.

    CSS classes: ``lk-safety-sorter``, ``lk-safety-sorter-item`` (+ ``-<id>``),
    ``lk-safety-sorter-scam``, ``lk-safety-sorter-genuine`` (the buttons),
    ``lk-safety-sorter-verdict``, ``lk-safety-sorter-check``, ``lk-safety-sorter-result``.
    """

    def __init__(self, item_ids: list[str], lang: str = "vi", graded: bool = False,
                 bank: Bank | None = None, **kwargs):
        super().__init__(**kwargs)
        source = bank or default_bank()
        self.items: list[ScamItem] = [source.item(item_id) for item_id in item_ids]
        self.graded = graded
        self.checked = False
        self.state = SortState()
        css(self, "safety-sorter")
        self.cards: dict[str, w.HTML] = {}
        self.buttons: dict[tuple[str, str], w.Button] = {}
        self.verdicts: dict[str, w.HTML] = {}
        rows = []
        for item in self.items:
            card = html_box("safety-sorter-card", width="100%")
            pair = [button(f"safety-sorter-{kind}", on_click=lambda i=item.id, k=kind: self.sort(i, k),
                           flex="1 1 0", width="auto") for kind in ("scam", "genuine")]
            self.buttons[(item.id, "scam")], self.buttons[(item.id, "genuine")] = pair
            verdict = html_box("safety-sorter-verdict", width="100%")
            self.cards[item.id], self.verdicts[item.id] = card, verdict
            rows.append(css(w.VBox([card, css(w.HBox(pair), "safety-row"), verdict]),
                            "safety-sorter-item", f"safety-sorter-item-{item.id}"))
        self.check_button = button("safety-sorter-check", on_click=self.check, width="auto")
        self.result = html_box("safety-sorter-result")
        self.read_aloud = ReadAloud(lambda: widget_texts(*self.cards.values()), lang=lang)
        show(self.check_button, not graded)
        self.state.observe(lambda change: self.relabel(), names=["scam", "genuine"])
        self.children = [safety_stylesheet(), self.read_aloud, *rows, self.check_button,
                         self.result]
        self.lang = lang
        self.relabel()

    def kind_of(self, item_id: str) -> str:
        """``"scam"``, ``"genuine"`` or ``""`` (not sorted yet)."""
        if item_id in self.state.scam:
            return "scam"
        if item_id in self.state.genuine:
            return "genuine"
        return ""

    def sort(self, item_id: str, kind: str) -> None:
        """Put ``item_id`` under ``kind``; tapping the same kind again takes it out."""
        if kind not in ("scam", "genuine") or item_id not in self.cards:
            return
        undo = self.kind_of(item_id) == kind
        scam = [i for i in self.state.scam if i != item_id]
        genuine = [i for i in self.state.genuine if i != item_id]
        if not undo:
            (scam if kind == "scam" else genuine).append(item_id)
        self.checked = False
        with self.state.hold_trait_notifications():
            self.state.scam, self.state.genuine = scam, genuine

    def check(self) -> int:
        """Mark every message right or wrong (lessons); returns how many are right."""
        if self.graded:
            return 0
        self.checked = True
        self.relabel()
        return sum(1 for item in self.items if self.kind_of(item.id) == item.kind)

    def reset(self) -> None:
        self.checked = False
        with self.state.hold_trait_notifications():
            self.state.scam, self.state.genuine = [], []

    def relabel(self) -> None:
        if not hasattr(self, "result"):
            return
        lang = self.lang
        right = 0
        for item in self.items:
            picked = self.kind_of(item.id)
            self.cards[item.id].value = message_html(item, lang, marks=self.checked)
            for kind in ("scam", "genuine"):
                btn = self.buttons[(item.id, kind)]
                btn.description = (PICKED if picked == kind else "") + \
                    self.tr(f"safety_widgets.quiz.{kind}")
                (btn.add_class if picked == kind else btn.remove_class)("lk-safety-picked")
            verdict = ""
            if self.checked:
                ok = picked == item.kind
                right += ok
                said = self.tr(f"safety_widgets.quiz.is_{item.kind}")
                verdict = (f"<p><b>{GLYPH_OK if ok else GLYPH_BAD} {esc(said)}</b></p>"
                           f"{cue_list(item, lang)}")
            self.verdicts[item.id].value = verdict
            show(self.verdicts[item.id], bool(verdict))
        self.check_button.description = self.tr("safety_widgets.sorter.check")
        self.result.value = (esc(self.tr("safety_widgets.quiz.score", score=right,
                                         total=len(self.items))) if self.checked else "")
