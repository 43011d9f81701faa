"""The bank app's rules: the scan decodes the sticker, the name look-up, PIN, face check, outcomes."""
from __future__ import annotations

import pytest

from literacy_kit.payments import InvalidAmount
from literacy_kit.payments.logic.bank_app import (BankAppError, BankSession, face_check_above,
                                                  holder_name, needs_face_check, scenarios,
                                                  simulated_pin)

PIN = simulated_pin()


def test_every_scenario_has_pages_in_both_languages_and_a_right_action():
    from literacy_kit import content

    pages = content.load("payments_scenarios").pages
    for sid, scenario in scenarios().items():
        assert scenario.right in scenario.actions
        assert len(pages[sid].body) == 3
        if scenario.kind == "message":
            assert f"{sid}_message" in pages
        else:
            assert scenario.payload() and holder_name(scenario.sticker["bin"], scenario.sticker["account"])


def test_face_check_rule_is_over_ten_million():
    assert face_check_above() == 10_000_000
    assert not needs_face_check(10_000_000) and needs_face_check(10_000_001)


def test_honest_payment_with_a_typed_amount():
    s = BankSession("pay_shop")
    qr = s.scan()
    assert qr.amount is None and s.recipient == "HOANG THI LAN" and not s.amount_fixed
    with pytest.raises(BankAppError) as caught:
        s.pay()
    assert caught.value.code == "payments.bank.no_amount"
    with pytest.raises(InvalidAmount):
        s.set_amount("mot tram")
    assert s.set_amount("180k") == 180000
    assert s.pay() == "pin"
    with pytest.raises(BankAppError) as caught:
        s.enter_pin("000000")
    assert caught.value.code == "payments.bank.wrong_pin" and s.screen == "pin"
    before = s.balance
    assert s.enter_pin(PIN) == "right"
    assert s.balance == before - 180000 and s.action == "pay" and s.screen == "outcome"


def test_swapped_sticker_shows_another_name_and_refusing_is_right():
    s = BankSession("swapped_sticker")
    s.scan()
    assert s.recipient != s.scenario.owner
    assert s.refuse() == "right"


def test_paying_the_swapped_sticker_is_wrong():
    s = BankSession("swapped_sticker")
    s.scan()
    s.set_amount("60.000")
    s.pay()
    assert s.enter_pin(PIN) == "wrong"


def test_changed_amount_is_fixed_in_the_qr():
    s = BankSession("amount_changed")
    qr = s.scan()
    assert qr.amount == 1_500_000 != s.scenario.agreed and s.amount_fixed
    with pytest.raises(BankAppError):
        s.set_amount("150k")
    assert s.refuse() == "right"


def test_big_transfer_needs_the_face_check():
    s = BankSession("big_transfer")
    s.scan()
    s.pay()
    assert s.enter_pin(PIN) == "face"
    assert s.face_check() == "right" and s.balance == 25_000_000 - 12_000_000


def test_not_enough_money():
    s = BankSession("big_transfer", balance=5_000_000)
    s.scan()
    with pytest.raises(BankAppError) as caught:
        s.pay()
    assert caught.value.code == "payments.bank.not_enough"


@pytest.mark.parametrize("sid,action,outcome", [
    ("mistaken_transfer", "ask_bank", "right"), ("mistaken_transfer", "send_back", "wrong"),
    ("mistaken_transfer", "spend", "wrong"), ("fake_screenshot", "check_balance", "right"),
    ("fake_screenshot", "hand_over", "wrong"), ("refund_otp", "hang_up", "right"),
    ("refund_otp", "read_otp", "wrong"), ("fake_shipper", "check_order", "right"),
    ("fake_shipper", "pay_fee", "wrong"), ("overpaid", "check_balance", "right"),
    ("overpaid", "send_difference", "wrong"),
])
def test_message_scenarios_end_with_an_outcome(sid, action, outcome):
    s = BankSession(sid)
    with pytest.raises(BankAppError):
        s.scan()
    assert s.choose(action) == outcome and s.screen == "outcome"


def test_steps_out_of_order_are_refused():
    s = BankSession("pay_shop")
    for step in (s.pay, s.face_check, lambda: s.enter_pin(PIN), lambda: s.choose("ask_bank")):
        with pytest.raises(BankAppError) as caught:
            step()
        assert caught.value.code == "payments.bank.not_now"
