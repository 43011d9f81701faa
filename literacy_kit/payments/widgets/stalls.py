"""Pay the right shop: four stalls, their stickers, and the name the bank app shows for each.

Tapping "Scan" at a stall decodes its sticker's picture and shows the recipient the bank
looks up; tapping "Do not pay here" marks (or unmarks) the stall. The answer is the set of
refused stalls, plain ids in :class:`StallsState`; in a graded exercise nothing says
whether it is right (the hidden tests do).

>>> view = StallsCheck(lang="en")
>>> view.scan("s1"); view.state.scanned
('s1',)
>>> view.toggle("s3"); view.state.selected
('s3',)
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import HasTraits, Tuple, validate

from ...core._parts import button, esc, html_box, show
from ...core.base import LangView, css
from ..logic.bank_app import scan_sticker, stalls
from .style import payments_stylesheet


class StallsState(HasTraits):
    """What the learner did: stalls scanned and stalls refused (ids, in stall order)."""

    selected = Tuple(help="Ids of the stalls where the learner will not pay.")
    scanned = Tuple(help="Ids of the stalls whose sticker the learner scanned.")

    def __init__(self, ids, **kwargs):
        self.ids = tuple(ids)
        super().__init__(**kwargs)

    @validate("selected", "scanned")
    def _known(self, proposal):
        wanted = set(proposal["value"])
        unknown = wanted.difference(self.ids)
        if unknown:
            raise ValueError(f"unknown stalls: {sorted(unknown)}")
        return tuple(i for i in self.ids if i in wanted)


class StallsCheck(LangView):
    """CSS classes: ``lk-payments-stalls``, ``lk-payments-stall`` (+ ``-<id>``,
    ``lk-payments-stall-refused``), ``lk-payments-stall-scan-<id>``,
    ``lk-payments-stall-refuse-<id>``, ``lk-payments-stall-shown-<id>``."""

    def __init__(self, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        css(self, "payments-stalls")
        self.stalls = {stall.id: stall for stall in stalls()}
        self.state = StallsState(self.stalls)
        self._seen: dict[str, tuple] = {}
        self.hint = html_box("payments-stalls-hint")
        self.parts: dict[str, dict] = {}
        cards = []
        for sid, stall in self.stalls.items():
            part = {
                "title": html_box("payments-stall-title"),
                "image": css(w.Image(value=stall.sticker_png(), format="png",
                                     layout=w.Layout(width="150px")), "payments-stall-image"),
                "scan": button("payments-stall-scan", f"payments-stall-scan-{sid}",
                               on_click=lambda s=sid: self.scan(s), width="100%"),
                "shown": html_box("payments-stall-shown", f"payments-stall-shown-{sid}"),
                "refuse": button("payments-stall-refuse", f"payments-stall-refuse-{sid}",
                                 on_click=lambda s=sid: self.toggle(s), width="100%"),
            }
            self.parts[sid] = part
            card = css(w.VBox([part["title"], part["image"], part["scan"], part["shown"], part["refuse"]],
                              layout=w.Layout(width="190px")), "payments-stall", f"payments-stall-{sid}")
            part["card"] = card
            cards.append(card)
        self.children = [payments_stylesheet(), self.hint,
                         w.HBox(cards, layout=w.Layout(flex_flow="row wrap"))]
        self.state.observe(lambda change: self.relabel(), names=["selected", "scanned"])
        self.lang = lang
        self.relabel()

    def scan(self, sid: str) -> None:
        """Scan the sticker of stall ``sid`` (its picture is decoded for real)."""
        if sid not in self._seen:
            self._seen[sid] = scan_sticker(self.stalls[sid].sticker_png())
        self.state.scanned = self.state.scanned + (sid,)

    def toggle(self, sid: str) -> None:
        """Mark or unmark stall ``sid`` as one where the learner will not pay."""
        picked = self.state.selected
        self.state.selected = tuple(i for i in picked if i != sid) if sid in picked else picked + (sid,)

    def relabel(self) -> None:
        if not hasattr(self, "parts"):
            return
        self.hint.value = f"<i>{esc(self.tr('payments.qr_check.hint'))}</i>"
        for n, (sid, part) in enumerate(self.parts.items(), start=1):
            stall = self.stalls[sid]
            part["title"].value = (f"<b>{esc(self.tr('payments.qr_check.title', n=n))}</b>"
                                   f"<br>{esc(stall.sign)}")
            part["scan"].description = self.tr("payments.qr_check.scan")
            part["refuse"].description = self.tr("payments.qr_check.refuse")
            refused = sid in self.state.selected
            part["refuse"].button_style = "danger" if refused else ""
            if refused:
                part["card"].add_class("lk-payments-stall-refused")
            else:
                part["card"].remove_class("lk-payments-stall-refused")
            scanned = sid in self.state.scanned
            if scanned and sid not in self._seen:   # restored from saved answers
                self._seen[sid] = scan_sticker(stall.sticker_png())
            if scanned:
                qr, name = self._seen[sid]
                part["shown"].value = esc(self.tr("payments.qr_check.scanned",
                                                  name=name or self.tr("payments.unknown_name"),
                                                  bank=qr.bank_name))
            show(part["shown"], scanned)
