"""VNeIDAccount: the level-1 flow, activation with OTP, level 2 in person, illegal steps."""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date

import pytest

from literacy_kit.errors import InputError
from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.account import (OTP_MAX_ATTEMPTS, OTP_TTL_SECONDS, AccountError,
                                           AccountStatus, Message, NextStep, VNeIDAccount)
from literacy_kit.vneid.logic.cccd import InvalidCCCD
from literacy_kit.vneid.logic.citizen import InvalidEmail, fake_citizen
from literacy_kit.vneid.logic.credentials import SECURITY_QUESTIONS, CredentialError
from literacy_kit.vneid.logic.phone import InvalidPhone

PASSWORD = "Lang$on2025"
PASSCODE = "582731"
ANSWERS = {"favourite_food": "Ph\u1edf g\u00e0", "home_village": "Ph\u00fa H\u01b0ng"}


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def person():
    return fake_citizen(seed=11, today=date(2025, 7, 1), with_email=True)


@pytest.fixture
def clock():
    return Clock()


STAGES = ("new", "pending", "approved", "otp_sent", "otp_ok", "password", "passcode",
          "activated", "level2")


def bring_to(stage, person, clock, seed=5):
    """An account advanced through the real API up to ``stage``; its last OTP on ``.otp``."""
    account = VNeIDAccount(person, clock=clock, seed=seed)
    account.otp = None
    steps = [
        lambda: account.register_level1(person.cccd, person.phone, person.email),
        account.approve,
        lambda: setattr(account, "otp", account.request_otp(person.cccd, person.phone)),
        lambda: account.verify_otp(account.otp),
        lambda: account.set_password(PASSWORD, PASSWORD),
        lambda: account.set_passcode(PASSCODE, PASSCODE),
        lambda: account.set_security_answers(ANSWERS),
        lambda: account.verify_level2_in_person(person.cccd),
    ]
    for step in steps[:STAGES.index(stage)]:
        step()
    return account


def snapshot(account):
    return (account.status, account.level, account.next_step, len(account.inbox),
            account.otp_attempts_left, account.email, account.security_questions,
            account.wallet.documents)


def test_full_flow(person, clock):
    account = VNeIDAccount(person, clock=clock, seed=5)
    assert (account.status, account.level, account.next_step) == ("not_registered", 0, "register")
    assert account.inbox == []

    spaced = f"{person.cccd[:3]} {person.cccd[3:6]} {person.cccd[6:9]} {person.cccd[9:]}"
    account.register_level1(spaced, "+84 " + person.phone[1:], f"  {person.email} ")
    assert (account.status, account.next_step) == (AccountStatus.PENDING, NextStep.WAIT_APPROVAL)
    assert account.email == person.email and account.inbox == []

    account.approve()
    assert (account.status, account.next_step) == ("approved", "request_otp")
    [approval] = account.inbox
    assert (approval.sender, approval.key, approval.order) == ("VNeID", "sms_approved", 1)
    assert "vneid.gov.vn" in approval.text("vi") and "approved" in approval.text("en")

    code = account.request_otp(person.cccd, person.phone)
    assert re.fullmatch(r"\d{6}", code) and account.next_step == "verify_otp"
    otp_sms = account.inbox[-1]
    assert (otp_sms.key, otp_sms.order, otp_sms.params["code"]) == ("sms_otp", 2, code)
    assert code in otp_sms.text("vi") and code in otp_sms.text("en")
    assert "KHONG chia se" in otp_sms.text("vi") and "Do NOT share" in otp_sms.text("en")
    assert account.otp_attempts_left == OTP_MAX_ATTEMPTS

    account.verify_otp(" ".join(code))
    assert account.next_step == "set_password"
    account.set_password(PASSWORD, PASSWORD)
    assert account.next_step == "set_passcode"
    account.set_passcode(PASSCODE, PASSCODE)
    assert account.next_step == "set_security"
    account.set_security_answers(ANSWERS)
    assert (account.status, account.level, account.next_step) == ("activated", 1, "done")
    assert set(account.security_questions) == set(ANSWERS)
    assert account.log_in(person.cccd, PASSWORD) == 1

    account.verify_level2_in_person(person.cccd)
    assert (account.status, account.level, account.next_step) == ("activated", 2, "done")
    assert account.inbox[-1].key == "sms_level2" and account.log_in(person.cccd, PASSWORD) == 2


def test_messages_read_in_both_languages_and_inbox_is_a_copy(person, clock):
    account = bring_to("otp_sent", person, clock)
    for message in account.inbox:
        assert isinstance(message, Message)
        for lang in ("vi", "en"):
            assert f"vneid.{message.key}" in catalog(lang)
            assert "{" not in message.text(lang)
    account.inbox.clear()
    assert len(account.inbox) == 2


def test_approval_sms_names_the_citizen_without_tone_marks(person, clock):
    account = bring_to("approved", person, clock)
    name = account.inbox[0].params["name"]
    assert name.isascii() and len(name.split()) == len(person.full_name.split())


def test_otp_is_repeatable_with_a_seed(person, clock):
    first = bring_to("otp_sent", person, clock, seed=8).otp
    assert bring_to("otp_sent", person, clock, seed=8).otp == first
    codes = {bring_to("otp_sent", person, clock, seed=s).otp for s in range(10)}
    assert len(codes) > 1


def test_otp_expires(person, clock):
    account = bring_to("otp_sent", person, clock)
    clock.now += OTP_TTL_SECONDS - 0.5
    assert account.next_step == "verify_otp" and account.otp_seconds_left == pytest.approx(0.5)
    clock.now += 0.5
    assert account.next_step == "request_otp" and account.otp_seconds_left == 0
    with pytest.raises(AccountError) as caught:
        account.verify_otp(account.otp)
    assert caught.value.code == "account.otp_expired"
    fresh = account.request_otp(person.cccd, person.phone)
    account.verify_otp(fresh)
    assert account.next_step == "set_password"


def test_wrong_codes_count_down_then_lock_until_a_new_code(person, clock):
    account = bring_to("otp_sent", person, clock)
    wrong = "000000" if account.otp != "000000" else "111111"
    for left in range(OTP_MAX_ATTEMPTS - 1, 0, -1):
        with pytest.raises(AccountError) as caught:
            account.verify_otp(wrong)
        assert (caught.value.code, caught.value.params) == ("account.otp_wrong", {"attempts_left": left})
        assert str(left) in caught.value.message("vi") and str(left) in caught.value.message("en")
    with pytest.raises(AccountError) as caught:
        account.verify_otp(wrong)
    assert caught.value.code == "account.otp_locked"
    assert account.next_step == "request_otp"
    with pytest.raises(AccountError) as caught:
        account.verify_otp(account.otp)
    assert caught.value.code == "account.otp_locked", "even the right code is refused once locked"
    account.verify_otp(account.request_otp(person.cccd, person.phone))
    assert account.next_step == "set_password"


@pytest.mark.parametrize("typed, code", [
    ("", "account.otp_empty"), ("  ", "account.otp_empty"),
    ("12a456", "account.otp_not_digits"), ("12345", "account.otp_wrong_length"),
    ("1234567", "account.otp_wrong_length"),
])
def test_malformed_codes_do_not_use_an_attempt(person, clock, typed, code):
    account = bring_to("otp_sent", person, clock)
    with pytest.raises(AccountError) as caught:
        account.verify_otp(typed)
    assert caught.value.code == code
    assert account.otp_attempts_left == OTP_MAX_ATTEMPTS


def test_otp_typed_with_fullwidth_digits(person, clock):
    account = bring_to("otp_sent", person, clock)
    account.verify_otp("".join(chr(0xFF10 + int(d)) for d in account.otp))
    assert account.next_step == "set_password"


# (stage, action, expected code): every out-of-order step, and every mismatch.
ILLEGAL = [
    ("new", lambda a, p: a.approve(), "account.not_registered"),
    ("new", lambda a, p: a.request_otp(p.cccd, p.phone), "account.not_registered"),
    ("new", lambda a, p: a.verify_otp("123456"), "account.not_registered"),
    ("new", lambda a, p: a.set_password(PASSWORD, PASSWORD), "account.not_registered"),
    ("new", lambda a, p: a.verify_level2_in_person(p.cccd), "account.not_activated"),
    ("new", lambda a, p: a.log_in(p.cccd, PASSWORD), "account.not_activated"),
    ("new", lambda a, p: a.register_level1(p.cccd, p.phone, portrait_taken=False),
     "account.portrait_missing"),
    ("new", lambda a, p: a.register_level1("001087000001", p.phone), "account.cccd_mismatch"),
    ("new", lambda a, p: a.register_level1(p.cccd, "0912345678" if p.phone != "0912345678"
                                           else "0987654321"), "account.phone_mismatch"),
    ("pending", lambda a, p: a.register_level1(p.cccd, p.phone), "account.already_registered"),
    ("pending", lambda a, p: a.request_otp(p.cccd, p.phone), "account.not_approved"),
    ("pending", lambda a, p: a.set_passcode(PASSCODE, PASSCODE), "account.not_approved"),
    ("pending", lambda a, p: a.verify_level2_in_person(p.cccd), "account.not_activated"),
    ("approved", lambda a, p: a.approve(), "account.already_approved"),
    ("approved", lambda a, p: a.verify_otp("123456"), "account.otp_not_requested"),
    ("approved", lambda a, p: a.set_password(PASSWORD, PASSWORD), "account.otp_not_verified"),
    ("approved", lambda a, p: a.set_security_answers(ANSWERS), "account.otp_not_verified"),
    ("approved", lambda a, p: a.request_otp("001087000001", p.phone), "account.cccd_mismatch"),
    ("approved", lambda a, p: a.verify_level2_in_person(p.cccd), "account.not_activated"),
    ("otp_sent", lambda a, p: a.set_passcode(PASSCODE, PASSCODE), "account.otp_not_verified"),
    ("otp_ok", lambda a, p: a.verify_otp(a.otp), "account.otp_already_verified"),
    ("otp_ok", lambda a, p: a.request_otp(p.cccd, p.phone), "account.otp_already_verified"),
    ("otp_ok", lambda a, p: a.set_passcode(PASSCODE, PASSCODE), "account.password_not_set"),
    ("otp_ok", lambda a, p: a.set_security_answers(ANSWERS), "account.password_not_set"),
    ("password", lambda a, p: a.set_password(PASSWORD, PASSWORD), "account.password_already_set"),
    ("password", lambda a, p: a.set_security_answers(ANSWERS), "account.passcode_not_set"),
    ("passcode", lambda a, p: a.set_passcode(PASSCODE, PASSCODE), "account.passcode_already_set"),
    ("passcode", lambda a, p: a.set_password(PASSWORD, PASSWORD), "account.password_already_set"),
    ("passcode", lambda a, p: a.log_in(p.cccd, PASSWORD), "account.not_activated"),
    ("activated", lambda a, p: a.approve(), "account.already_approved"),
    ("activated", lambda a, p: a.register_level1(p.cccd, p.phone), "account.already_registered"),
    ("activated", lambda a, p: a.request_otp(p.cccd, p.phone), "account.already_activated"),
    ("activated", lambda a, p: a.set_security_answers(ANSWERS), "account.already_activated"),
    ("activated", lambda a, p: a.verify_level2_in_person("001087000001"), "account.cccd_mismatch"),
    ("activated", lambda a, p: a.log_in(p.cccd, "Wrong$pass1"), "account.wrong_password"),
    ("activated", lambda a, p: a.log_in("001087000001", PASSWORD), "account.cccd_mismatch"),
    ("level2", lambda a, p: a.verify_level2_in_person(p.cccd), "account.already_level2"),
]


@pytest.mark.parametrize("stage, action, code", ILLEGAL,
                         ids=[f"{stage}-{code}" for stage, _, code in ILLEGAL])
def test_illegal_steps_raise_and_change_nothing(person, clock, stage, action, code):
    account = bring_to(stage, person, clock)
    before = snapshot(account)
    with pytest.raises(AccountError) as caught:
        action(account, person)
    assert caught.value.code == code
    assert snapshot(account) == before
    for lang in ("vi", "en"):
        assert f"errors.{code}" in catalog(lang)
        assert "{" not in caught.value.message(lang)


def test_every_account_code_is_reachable():
    reached = {code for _, _, code in ILLEGAL} | {
        "account.otp_expired", "account.otp_locked", "account.otp_wrong", "account.otp_empty",
        "account.otp_not_digits", "account.otp_wrong_length"}  # tested above with a clock
    assert reached == documented_codes(AccountError)
    for code in reached:
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)


@pytest.mark.parametrize("cccd, phone, email, error, code", [
    ("", None, "", InvalidCCCD, "cccd.empty"),
    ("0272", None, "", InvalidCCCD, "cccd.wrong_length"),
    (None, "", "", InvalidPhone, "phone.empty"),
    (None, "024 3825 1234", "", InvalidPhone, "phone.landline"),
    (None, None, "hoa@", InvalidEmail, "email.invalid"),
    (None, None, "ho\u00e0@gmail.com", InvalidEmail, "email.not_ascii"),
])
def test_registration_passes_parser_errors_through(person, clock, cccd, phone, email, error, code):
    account = bring_to("new", person, clock)
    with pytest.raises(error) as caught:
        account.register_level1(person.cccd if cccd is None else cccd,
                                person.phone if phone is None else phone, email)
    assert caught.value.code == code and isinstance(caught.value, InputError)
    assert account.status == "not_registered"


def test_email_is_optional(person, clock):
    account = VNeIDAccount(person, clock=clock)
    account.register_level1(person.cccd, person.phone, " \u00a0")
    assert account.email == "" and account.status == "pending"


@pytest.mark.parametrize("password, confirm, code", [
    ("", "", "password.empty"),
    ("Lang $on2025", "Lang $on2025", "password.whitespace"),
    ("L\u00e2ng$on2025", "L\u00e2ng$on2025", "password.not_ascii"),
    ("Ab$1xyz", "Ab$1xyz", "password.length"),
    ("Ab$1" + "x" * 17, "Ab$1" + "x" * 17, "password.length"),
    ("LANG$ON2025", "LANG$ON2025", "password.no_lower"),
    ("lang$on2025", "lang$on2025", "password.no_upper"),
    ("Lang$onabc", "Lang$onabc", "password.no_digit"),
    ("Langson2025", "Langson2025", "password.no_special"),
    (PASSWORD, "Lang$on2024", "password.mismatch"),
])
def test_password_rules(person, clock, password, confirm, code):
    account = bring_to("otp_ok", person, clock)
    with pytest.raises(CredentialError) as caught:
        account.set_password(password, confirm)
    assert caught.value.code == code and account.next_step == "set_password"


def test_password_edge_lengths(person, clock):
    account = bring_to("otp_ok", person, clock)
    account.set_password("Ab$1wxyz", "Ab$1wxyz")
    other = bring_to("otp_ok", person, clock)
    other.set_password("Ab$1" + "x" * 16, "Ab$1" + "x" * 16)
    assert account.next_step == other.next_step == "set_passcode"


@pytest.mark.parametrize("passcode, confirm, code", [
    ("", "", "passcode.empty"),
    ("12a456", "12a456", "passcode.not_digits"),
    ("58273", "58273", "passcode.wrong_length"),
    ("5827310", "5827310", "passcode.wrong_length"),
    ("777777", "777777", "passcode.same_digit"),
    ("123456", "123456", "passcode.sequence"),
    ("654321", "654321", "passcode.sequence"),
    ("567890", "567890", "passcode.sequence"),
    ("098765", "098765", "passcode.sequence"),
    ("121212", "121212", "passcode.repeated_pattern"),
    ("123123", "123123", "passcode.repeated_pattern"),
    ("905905", "905905", "passcode.repeated_pattern"),
    (PASSCODE, "582732", "passcode.mismatch"),
    (PASSCODE, "", "passcode.mismatch"),
])
def test_passcode_rules(person, clock, passcode, confirm, code):
    account = bring_to("password", person, clock)
    with pytest.raises(CredentialError) as caught:
        account.set_passcode(passcode, confirm)
    assert caught.value.code == code and account.next_step == "set_passcode"


@pytest.mark.parametrize("code", ["090387", "870309", "031987"])
def test_passcode_refuses_the_birth_date(person, clock, code):
    born_1987 = dataclasses.replace(person, date_of_birth=date(1987, 3, 9))
    account = bring_to("password", born_1987, clock)
    with pytest.raises(CredentialError) as caught:
        account.set_passcode(code, code)
    assert caught.value.code == "passcode.birth_date"
    bring_to("password", person, clock).set_passcode(code, code)  # someone else may use it


def test_passcode_with_unicode_digits_and_spaces(person, clock):
    account = bring_to("password", person, clock)
    account.set_passcode("\uff15\uff18\uff12 \uff17\uff13\uff11", "582 731")
    assert account.next_step == "set_security"


@pytest.mark.parametrize("answers, code", [
    ({}, "security.wrong_count"),
    ({"favourite_food": "x"}, "security.wrong_count"),
    ({q: "x" for q in SECURITY_QUESTIONS[:3]}, "security.wrong_count"),
    ({"favourite_food": "x", "pet_name": "y"}, "security.unknown_question"),
    ([("favourite_food", "x"), ("favourite_food", "y")], "security.same_question"),
    ({"favourite_food": "x", "home_village": " \u00a0 "}, "security.empty_answer"),
])
def test_security_answer_rules(person, clock, answers, code):
    account = bring_to("passcode", person, clock)
    with pytest.raises(CredentialError) as caught:
        account.set_security_answers(answers)
    assert caught.value.code == code and account.status == "approved"


def test_security_questions_have_texts_and_answers_compare_folded(person, clock):
    assert len(SECURITY_QUESTIONS) >= 5 and len(set(SECURITY_QUESTIONS)) == len(SECURITY_QUESTIONS)
    for question in SECURITY_QUESTIONS:
        for lang in ("vi", "en"):
            assert f"vneid.security_q.{question}" in catalog(lang)
    account = bring_to("activated", person, clock)
    typed = unicodedata.normalize("NFD", "  PH\u00da   h\u01b0ng ")
    assert account.check_security_answer("home_village", typed)
    assert not account.check_security_answer("home_village", "Ph\u00fa Th\u1ecd")
    assert not account.check_security_answer("first_teacher", "x")


def test_level2_has_no_online_path(person, clock):
    public = {name for name in dir(VNeIDAccount) if not name.startswith("_")}
    upgrades = {name for name in public if re.search(r"level_?2|upgrade|elevate|raise", name)}
    assert upgrades == {"verify_level2_in_person"}


def test_status_and_steps_have_labels():
    for lang in ("vi", "en"):
        for status in AccountStatus:
            assert f"vneid.status.{status.value}" in catalog(lang)
        for step in NextStep:
            assert f"vneid.step.{step.value}" in catalog(lang)
        for level in (0, 1, 2):
            assert f"vneid.level.{level}" in catalog(lang)


def test_repr_hides_the_number(person, clock):
    text = repr(bring_to("pending", person, clock))
    assert person.cccd not in text and "pending" in text
