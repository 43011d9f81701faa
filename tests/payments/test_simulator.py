"""Layer 2: the bank-app simulator driven by taps (buttons found by their lk-* classes)."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.i18n import t
from literacy_kit.payments.logic.bank_app import scenarios, simulated_pin
from literacy_kit.payments.widgets import BankAppSimulator
from literacy_kit.testing import find, find_one, texts


@pytest.fixture
def sim(keep):
    return keep(BankAppSimulator(lang="vi"))


def tap(view, name: str) -> None:
    find_one(view.current, w.Button, css=f"lk-payments-{name}").click()


def type_in(view, field: str, text: str) -> None:
    field_widget = find_one(view.current, css=f"lk-payments-field-{field}")
    find_one(field_widget, (w.Text, w.Password)).value = text


def test_pay_the_stall_by_taps(sim):
    assert find_one(sim, w.Image, css="lk-payments-sticker").value[:4] == b"\x89PNG"
    tap(sim, "scan")
    assert sim.state.screen == "confirm"
    assert "HOANG THI LAN" in texts(sim.current) and "Agribank" in texts(sim.current)
    type_in(sim, "amount", "180k")
    tap(sim, "pay")
    assert sim.state.screen == "pin"
    type_in(sim, "pin", "111111")
    tap(sim, "confirm-pin")
    assert sim.state.screen == "pin"
    assert t("errors.payments.bank.wrong_pin", "vi") in texts(sim.current)
    type_in(sim, "pin", simulated_pin())
    tap(sim, "confirm-pin")
    assert (sim.state.screen, sim.state.action, sim.state.outcome) == ("outcome", "pay", "right")
    assert t("payments.right", "vi") in texts(sim.current)


def test_a_bad_amount_gets_a_message_and_the_text_stays(sim):
    tap(sim, "scan")
    type_in(sim, "amount", "mười nghìn")
    tap(sim, "pay")
    assert sim.state.screen == "confirm"
    field = find_one(sim.current, css="lk-payments-field-amount")
    assert find_one(field, w.Text).value == "mười nghìn"
    assert "mười nghìn" in texts(field)


def test_swapped_sticker_by_taps(sim):
    find_one(sim, w.Button, css="lk-payments-scenario-swapped_sticker").click()
    tap(sim, "scan")
    assert "NGUYEN VAN TUAN" in texts(sim.current)
    tap(sim, "refuse")
    assert sim.state.outcome == "right" and sim.state.action == "refuse"


def test_big_transfer_asks_for_the_face(sim):
    sim.start("big_transfer")
    tap(sim, "scan")
    assert t("payments.amount_in_qr", "vi") in texts(sim.current)
    assert find_one(sim.current, css="lk-payments-field-amount").layout.display == "none"
    tap(sim, "pay")
    sim.enter_pin(simulated_pin())
    assert sim.state.screen == "face"
    tap(sim, "face-ok")
    assert sim.state.outcome == "right"


@pytest.mark.parametrize("sid", [s for s, sc in scenarios().items() if sc.kind == "message"])
def test_message_scenarios_offer_their_actions(sim, sid):
    sim.start(sid)
    buttons = [b for b in find(sim.current, w.Button) if b.layout.display != "none"
               and "lk-payments-button" in b._dom_classes]
    shown = {c for b in buttons for c in b._dom_classes}
    for action in scenarios()[sid].actions:
        assert f"lk-payments-{action}" in shown
    tap(sim, scenarios()[sid].right)
    assert sim.state.outcome == "right"


def test_language_switch_keeps_what_was_typed(sim):
    tap(sim, "scan")
    type_in(sim, "amount", "120.000")
    sim.lang = "en"
    assert t("payments.label.recipient", "en") in texts(sim.current)
    assert find_one(find_one(sim.current, css="lk-payments-field-amount"), w.Text).value == "120.000"
    assert t("payments.app_title", "en") in sim.phone.title_html.value


def test_restart_forgets_the_typed_amount(sim):
    tap(sim, "scan")
    type_in(sim, "amount", "120.000")
    tap(sim, "refuse")
    tap(sim, "again")
    assert sim.state.screen == "situation" and sim.state.outcome == ""
    tap(sim, "scan")
    assert find_one(find_one(sim.current, css="lk-payments-field-amount"), w.Text).value == ""
