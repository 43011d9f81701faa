"""Trainer notes: where each scam script comes from, and what is not verified.

Built from the scenario bank, so a note added to ``data/scam_bank.yaml`` shows here without
touching the lesson. Unverified details are listed as such: trainers check them before
teaching them as fact.

>>> from literacy_kit.safety.widgets.source_notes import SourceNotes
>>> notes = SourceNotes(lang="en")
>>> "unverified" in notes.body.value.lower()
True
>>> notes.close()
"""
from __future__ import annotations

from ...core._parts import html_box
from ...core.base import LangView, css
from ..logic.bank import Bank, default_bank
from .style import esc, safety_stylesheet

__all__ = ["SourceNotes"]


class SourceNotes(LangView):
    """A table of the bank's scripts with their source kinds and the unverified details.

    CSS classes: ``lk-safety-notes``, ``lk-safety-notes-body``.
    """

    def __init__(self, lang: str = "vi", bank: Bank | None = None, **kwargs):
        super().__init__(**kwargs)
        self.bank = bank or default_bank()
        css(self, "safety-notes")
        self.body = html_box("safety-notes-body", width="100%")
        self.children = [safety_stylesheet(), self.body]
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "body"):
            return
        lang = self.lang
        rows = []
        for item in self.bank.items:
            kind = self.tr(f"safety_widgets.source.{item.source_kind}")
            note = f" {esc(item.source_note.get(lang))}" if item.source_note else ""
            unverified = ""
            if item.unverified:
                unverified = (f"<br><b>{esc(self.tr('safety_widgets.source.unverified'))}</b> "
                              f"{esc(item.unverified.get(lang))}")
            script = self.tr(f"safety_widgets.script.{item.script or 'genuine'}")
            rows.append(f"<tr><td>{esc(item.id)}</td><td>{esc(script)}</td>"
                        f"<td>{esc(kind)}{note}{unverified}</td></tr>")
        head = "".join(f"<th style=\"text-align:left\">{esc(self.tr(f'safety_widgets.source.col_{c}'))}</th>"
                       for c in ("item", "script", "source"))
        self.body.value = (f"<p>{esc(self.tr('safety_widgets.source.intro'))}</p>"
                           f"<table><tr>{head}</tr>{''.join(rows)}</table>")
