"""Review everything, pay the fee (simulated), submit and get the file code.

Paying runs :meth:`~literacy_kit.services.logic.application.Application.pay_fee` with the
procedure's exact fee through a simulated payment page: no bank, no money. A free procedure
says so, and warns that anyone asking for a "fee" for it is a scammer.
"""
from __future__ import annotations

from ...core._parts import esc, show
from ...i18n import t
from ..logic.application_types import money
from .screens_base import Screen, key, rows, text_in
from .screens_documents import size_text
from .screens_form import shown_value
from .screens_search import fee_text


class ReviewScreen(Screen):
    """Every value and file once more, with the way back to change them."""

    key = "review"
    app = "filing"

    def build(self):
        return [self.text("help", key("review.help")),
                self.text("values", self._values, markup=True),
                self.text("documents", self._documents, markup=True),
                self.text("fee", self._fee, markup=True),
                self.action("review-continue", key("review.continue"), self.sim.open_payment, "primary"),
                self.action("review-edit-form", key("review.edit_form"), self.sim.back_to_form),
                self.action("review-edit-documents", key("review.edit_documents"),
                            lambda: self.sim.go("documents"))]

    def _values(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return ""
        values = app.values
        pairs = [(spec.label.get(lang), shown_value(spec, values[spec.id], lang))
                 for spec in app.procedure.fields if values.get(spec.id)]
        return rows(pairs, "services-review-values")

    def _documents(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return ""
        pairs = [(app.procedure.document(doc_id).label.get(lang),
                  ", ".join(f"{a.name} ({size_text(a.size_bytes)})" for a in files))
                 for doc_id, files in app.attachments.items() if files]
        if not pairs:
            return f"<p>{esc(t(key('review.no_documents'), lang))}</p>"
        return rows(pairs, "services-review-documents")

    def _fee(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return ""
        return f"<p><b>{esc(t(key('procedure.fee'), lang))}:</b> {esc(fee_text(app.procedure.fee_vnd, lang))}</p>"


class PaymentScreen(Screen):
    """The fee on a simulated payment page, then "Submit"."""

    key = "payment"
    app = "filing"

    def build(self):
        return [self.text("amount", self._amount, markup=True),
                self.text("note", self._note),
                self.action("pay", self._pay_label, self.pay, "warning"),
                self.action("submit", key("payment.submit"), self.sim.submit, "success"),
                self.action("payment-back", key("back"), lambda: self.sim.go("review"))]

    def _amount(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return ""
        return (f'<p class="lk-services-fee"><b>{esc(t(key("procedure.fee"), lang))}:</b> '
                f'{esc(fee_text(app.procedure.fee_vnd, lang))}</p>')

    def _note(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return ""
        if app.procedure.fee_vnd == 0:
            return t(key("payment.free"), lang)
        if app.fee_due == 0:
            return t(key("payment.paid"), lang, amount=fee_text(app.fee_paid, lang))
        return t(key("payment.how"), lang)

    def _pay_label(self, lang: str) -> str:
        app = self.sim.application
        fee = app.procedure.fee_vnd if app else 0
        return t(key("payment.pay"), lang, amount=fee_text(fee, lang))

    def render(self):
        app = self.sim.application
        due = app is not None and app.fee_due > 0
        show(self.buttons["pay"], due)
        show(self.buttons["submit"], app is not None and not due)

    def pay(self) -> bool:
        """Pay exactly the fee on the simulated payment page."""
        sim = self.sim
        app = sim.application
        ok = sim.call(self, app.pay_fee, app.procedure.fee_vnd)
        self.refresh()
        if ok:
            self.say("success", key("payment.done"), amount=money(app.fee_paid))
        return ok


SCREENS = (ReviewScreen, PaymentScreen)

__all__ = ["PaymentScreen", "ReviewScreen", "SCREENS", "text_in"]
