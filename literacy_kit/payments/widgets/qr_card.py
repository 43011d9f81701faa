"""A VietQR shown as a picture beside its fields, read back from the picture itself.

The picture is made with segno and decoded again with zxing-cpp before the fields are
shown, so what the learner reads is what a camera would read.

>>> from literacy_kit.payments import vietqr_payload
>>> card = VietQRCard(vietqr_payload("970405", "2904205123456", 120000), lang="en")
>>> card.qr.amount
120000
>>> card.close()
"""
from __future__ import annotations

import ipywidgets as w

from ...core._parts import esc, html_box
from ...core.base import LangView, css
from ...core.sim_screen import fact_rows
from ..logic.money import format_vnd
from ..logic.qr_image import qr_png, read_vietqr
from .style import payments_stylesheet


class VietQRCard(LangView):
    """CSS classes: ``lk-payments-card``, ``lk-payments-card-image``, ``lk-payments-card-fields``."""

    def __init__(self, payload: str, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        css(self, "payments-card")
        png = qr_png(payload)
        self.qr = read_vietqr(png)
        self.image = css(w.Image(value=png, format="png", layout=w.Layout(width="220px")),
                         "payments-card-image")
        self.fields_html = html_box("payments-card-fields")
        self.children = [payments_stylesheet(),
                         w.HBox([self.image, self.fields_html], layout=w.Layout(flex_flow="row wrap"))]
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "fields_html"):
            return
        qr, tr = self.qr, self.tr
        bank = f"{qr.bank.short} ({qr.bin})" if qr.bank else qr.bin
        pairs = [(tr("payments.label.kind"), tr(f"payments.card.{'dynamic' if qr.dynamic else 'static'}")),
                 (tr("payments.label.bank"), bank),
                 (tr("payments.label.account"), qr.account),
                 (tr("payments.label.service"),
                  f"{qr.service}: {tr('payments.card.service_card' if qr.to_card else 'payments.card.service_account')}"),
                 (tr("payments.label.amount"),
                  format_vnd(qr.amount) if qr.amount is not None else tr("payments.no_amount"))]
        if qr.purpose:
            pairs.append((tr("payments.label.purpose"), qr.purpose))
        self.fields_html.value = (f"<b>{esc(tr('payments.card.title'))}</b>"
                                  + fact_rows(pairs, "payments-card-table", "payments")
                                  + f"<p>{esc(tr('payments.card.crc_ok', crc=qr.crc))}</p>")
