"""The bank-app simulator's screens (see :mod:`literacy_kit.core.sim_screen`).

Short texts come from the ``payments`` catalog, longer ones from the
``payments_scenarios`` content bundle; CSS classes start with ``lk-payments-``. Screens
hold no rules: their buttons call the simulator's seams, which drive a
:class:`~literacy_kit.payments.logic.bank_app.BankSession`.
"""
from __future__ import annotations

import ipywidgets as w

from ...content import load
from ...core._parts import esc, show
from ...core.sim_screen import SimScreen, fact_rows
from ...i18n import t
from ..logic.bank_app import simulated_pin
from ..logic.money import format_vnd, parse_amount

SCENARIOS_BUNDLE = "payments_scenarios"


def scenario_page(page_id: str):
    return load(SCENARIOS_BUNDLE).pages[page_id]


class Screen(SimScreen):
    """Base of every bank-app screen (``lk-payments-screen-<key>``...)."""

    prefix = "payments"
    area = "payments"
    bundle = SCENARIOS_BUNDLE

    @property
    def session(self):
        return self.sim.session


class SituationScreen(Screen):
    """The app's home: the balance, then Scan (a payment) or a message and its actions."""

    key = "situation"

    def build(self) -> list[w.Widget]:
        self.balance = self.text("balance", lambda lang: t(
            "payments.balance", lang, amount=format_vnd(self.session.balance)))
        self.hint = self.text("hint", "payments.scan_hint")
        self.message_box = self.text("inbox", self._message, markup=True)
        scan = self.action("scan", "payments.scan", self.sim.scan, style="primary")
        self.action_box = w.VBox([scan])
        return [self.balance, self.hint, self.message_box, self.action_box]

    def _message(self, lang: str) -> str:
        scenario = self.session.scenario
        if scenario.kind != "message":
            return ""
        page = scenario_page(f"{scenario.id}_message")
        return "".join(f'<p class="lk-payments-sms">{esc(text.get(lang))}</p>' for text in page.body)

    def render(self) -> None:
        scenario = self.session.scenario
        paying = scenario.kind == "pay"
        show(self.hint, paying)
        show(self.message_box, not paying)
        wanted = ["scan"] if paying else list(scenario.actions)
        for name in wanted:
            if name not in self.buttons:
                self.action(name, f"payments.action.{name}", lambda n=name: self.sim.choose(n))
        self.action_box.children = [self.buttons[name] for name in wanted]
        for widget, attr, produce in self._labels:
            setattr(widget, attr, produce(self.lang))


class ConfirmScreen(Screen):
    """What the bank shows after the scan: name, bank, account, amount; pay or refuse."""

    key = "confirm"

    def build(self) -> list[w.Widget]:
        self.facts = self.text("facts", self._facts, markup=True)
        self.fixed = self.text("fixed", "payments.amount_in_qr")
        self.amount = self.field("amount", "payments.field.amount", validator=parse_amount)
        self.warn = self.text("warn", "payments.check_name")
        pay = self.action("pay", "payments.pay", self.sim.pay, style="primary")
        refuse = self.action("refuse", "payments.refuse", self.sim.refuse, style="danger")
        return [self.facts, self.fixed, self.amount, self.warn, pay, refuse]

    def _facts(self, lang: str) -> str:
        s = self.session
        if s.qr is None:
            return ""
        def tr(key, **fmt):
            return t(key, lang, **fmt)
        bank = s.qr.bank.short if s.qr.bank else tr("payments.unknown_bank", bin=s.qr.bin)
        pairs = [(tr("payments.label.recipient"), s.recipient or tr("payments.unknown_name")),
                 (tr("payments.label.bank"), bank), (tr("payments.label.account"), s.qr.account)]
        if s.qr.amount is not None:
            pairs.append((tr("payments.label.amount"), format_vnd(s.qr.amount)))
        if s.qr.purpose:
            pairs.append((tr("payments.label.purpose"), s.qr.purpose))
        return fact_rows(pairs, "payments-facts", "payments")

    def render(self) -> None:
        fixed = self.session.amount_fixed
        show(self.fixed, fixed)
        show(self.amount, not fixed)


class PinScreen(Screen):
    key = "pin"

    def build(self) -> list[w.Widget]:
        self.pin = self.field("pin", "payments.field.pin", secret=True)
        hint = self.text("pin-hint", lambda lang: t(
            "payments.pin_hint", lang, pin=simulated_pin()))
        ok = self.action("confirm-pin", "payments.confirm_pin", self.sim.confirm_pin, style="primary")
        refuse = self.action("refuse", "payments.refuse", self.sim.refuse, style="danger")
        return [self.pin, hint, ok, refuse]


class FaceScreen(Screen):
    key = "face"

    def build(self) -> list[w.Widget]:
        text = self.text("face-text", "payments.face_text")
        ok = self.action("face-ok", "payments.face_ok", self.sim.face_check, style="primary")
        refuse = self.action("refuse", "payments.refuse", self.sim.refuse, style="danger")
        return [text, ok, refuse]


class OutcomeScreen(Screen):
    """Right or not, what to notice and the right action (from the scenario's page)."""

    key = "outcome"

    def build(self) -> list[w.Widget]:
        self.result = self.text("result", self._result, markup=True)
        self.explain = self.text("explain", self._explain, markup=True)
        again = self.action("again", "payments.again", self.sim.restart)
        return [self.result, self.explain, again]

    def _result(self, lang: str) -> str:
        s = self.session
        if s.outcome is None:
            return ""
        def tr(key, **fmt):
            return t(key, lang, **fmt)
        if s.action == "pay":
            did = tr("payments.paid", amount=format_vnd(s.amount), name=s.recipient or "?")
        elif s.action == "refuse":
            did = tr("payments.refused")
        else:
            did = tr(f"payments.action.{s.action}")
        verdict = tr(f"payments.{s.outcome}")
        return (f'<p class="lk-payments-verdict lk-payments-verdict-{s.outcome}"><b>{esc(verdict)}</b></p>'
                f'<p class="lk-payments-did">{esc(did)}</p>')

    def _explain(self, lang: str) -> str:
        s = self.session
        if s.outcome is None:
            return ""
        page = scenario_page(s.scenario.id)
        return "".join(f"<p>{esc(text.get(lang))}</p>" for text in page.body[1:])


SCREEN_CLASSES = (SituationScreen, ConfirmScreen, PinScreen, FaceScreen, OutcomeScreen)
