"""Property tests: whatever a learner types, the identity logic answers with a value or our own error."""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

import literacy_kit.i18n as i18n
from literacy_kit.errors import InputError
from literacy_kit.vneid.logic.account import AccountError, AccountStatus, VNeIDAccount
from literacy_kit.vneid.logic.cccd import CCCD, InvalidCCCD, Sex, make_cccd, parse_cccd
from literacy_kit.vneid.logic.citizen import InvalidEmail, fake_citizen, parse_email
from literacy_kit.vneid.logic.credentials import (CredentialError, check_passcode, check_password,
                                               check_security_answers)
from literacy_kit.vneid.logic.phone import InvalidPhone, Phone, mobile_prefixes, parse_phone
from literacy_kit.vneid.logic.provinces import province_codes
from literacy_kit.vneid.logic.wallet import WalletError

TODAY = date(2025, 7, 1)
FAST = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ERROR_CLASSES = (InvalidCCCD, InvalidPhone, InvalidEmail, CredentialError, AccountError, WalletError)

# What phone keyboards and copy-paste produce: digits of every script, spaces, dashes,
# invisible format marks, combining marks, letters, brackets, plus signs.
typed_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(categories=["Nd", "Zs", "Pd", "Cf", "Mn", "Ll", "Lu", "Po", "Ps", "Pe"])),
    st.text(alphabet=st.sampled_from("0123456789 .-+()\u00a0\uff10\uff11\uff18\uff14\uff0b\u0660\u0669")),
)
digit_in_any_script = st.characters(categories=["Nd"])
separator = st.sampled_from(["", " ", ".", "-", "\u00a0", "\u2013", "\u200b", "\u3000", "\uff0e"])


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def outcome(parser, text):
    try:
        return ("value", parser(text))
    except InputError as err:
        return ("error", err.code, err.params)


def assert_clean_error(err, error_class):
    assert isinstance(err, error_class)
    assert err.code in documented_codes(error_class)
    for lang in ("vi", "en"):
        assert err.message(lang) != f"errors.{err.code}"


def in_any_script(digits: str, data) -> str:
    """The same digits, each written in a random script, with random separators."""
    out = []
    for ch in digits:
        script = data.draw(st.sampled_from([0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0xE50]))
        out.append(chr(script + int(ch)) + data.draw(separator))
    return "".join(out)


@FAST
@given(typed_text)
def test_parse_cccd_returns_a_card_or_raises_our_error(text):
    try:
        card = parse_cccd(text, today=TODAY)
    except InputError as err:
        assert_clean_error(err, InvalidCCCD)
    else:
        assert isinstance(card, CCCD)
        assert re.fullmatch(r"[0-9]{12}", card.number)
        assert card.birth_year <= TODAY.year


@FAST
@given(typed_text)
def test_parse_phone_returns_a_phone_or_raises_our_error(text):
    try:
        phone = parse_phone(text)
    except InputError as err:
        assert_clean_error(err, InvalidPhone)
    else:
        assert isinstance(phone, Phone)
        assert re.fullmatch(r"0[0-9]{9}", phone.number)
        assert phone.number[:3] in mobile_prefixes()


@FAST
@given(typed_text)
def test_nfc_and_nfd_input_give_the_same_outcome(text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert outcome(lambda s: parse_cccd(s, today=TODAY), nfc) == outcome(lambda s: parse_cccd(s, today=TODAY), nfd)
    assert outcome(parse_phone, nfc) == outcome(parse_phone, nfd)


@FAST
@given(st.sampled_from(province_codes()), st.sampled_from(list(Sex)),
       st.integers(1900, TODAY.year), st.integers(0, 10 ** 6 - 1), st.data())
def test_any_script_and_separators_read_the_same_card(code, sex, year, serial, data):
    number = make_cccd(code, sex, year, serial)
    card = parse_cccd(in_any_script(number, data), today=TODAY)
    assert (card.number, card.province_code, card.sex, card.birth_year) == (number, code, sex, year)


@FAST
@given(st.sampled_from(mobile_prefixes()), st.integers(0, 10 ** 7 - 1),
       st.sampled_from(["0{n}", "84{n}", "+84{n}", "0084{n}", "+84 (0) {n}", "(0{a}) {b}"]), st.data())
def test_every_written_form_of_a_mobile_number_reads_the_same(prefix, rest, form, data):
    national = f"{prefix}{rest:07d}"
    nine = in_any_script(national[1:], data)
    typed = form.format(n=nine, a=national[1:3], b=national[3:])
    assert parse_phone(typed).number == national


@FAST
@given(typed_text, typed_text)
def test_credential_checks_never_crash(first, second):
    for check in (lambda: check_password(first, second), lambda: check_passcode(first, second, TODAY),
                  lambda: check_security_answers({"favourite_food": first, "home_village": second}),
                  lambda: parse_email(first)):
        try:
            check()
        except InputError as err:
            assert isinstance(err, ERROR_CLASSES)
            assert any(err.code in documented_codes(cls) for cls in ERROR_CLASSES)


ACTIONS = ("register", "register_bad", "approve", "request_otp", "verify_right", "verify_wrong",
           "wait", "password", "passcode", "security", "level2", "wallet")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ACTIONS), max_size=25), st.integers(0, 5))
def test_any_sequence_of_taps_keeps_the_account_consistent(actions, seed):
    person = fake_citizen(seed=seed, today=TODAY)
    now = [0.0]
    account = VNeIDAccount(person, clock=lambda: now[0], seed=seed)
    otp = ["000000"]
    reached_level2 = False
    run = {
        "register": lambda: account.register_level1(person.cccd, person.phone),
        "register_bad": lambda: account.register_level1("12", person.phone),
        "approve": account.approve,
        "request_otp": lambda: otp.__setitem__(0, account.request_otp(person.cccd, person.phone)),
        "verify_right": lambda: account.verify_otp(otp[0]),
        "verify_wrong": lambda: account.verify_otp("99999" + str((int(otp[0][-1]) + 1) % 10)),
        "wait": lambda: now.__setitem__(0, now[0] + 200),
        "password": lambda: account.set_password("Lang$on2025", "Lang$on2025"),
        "passcode": lambda: account.set_passcode("582731", "582731"),
        "security": lambda: account.set_security_answers({"favourite_food": "x", "home_village": "y"}),
        "level2": lambda: account.verify_level2_in_person(person.cccd),
        "wallet": lambda: account.wallet.request_integration("health_insurance"),
    }
    for action in actions:
        before = (account.status, account.level)
        try:
            run[action]()
        except InputError as err:
            assert isinstance(err, ERROR_CLASSES)
            assert (account.status, account.level) == before, f"{action} failed but changed the state"
        if action == "level2" and account.level == 2:
            reached_level2 = True
        assert account.level == 0 or account.status is AccountStatus.ACTIVATED
        assert account.level < 2 or reached_level2
        assert account.wallet.documents == () or account.level == 2
        assert 0 <= account.otp_attempts_left <= 5


VNEID_CATALOGS = Path(__import__("literacy_kit.vneid").vneid.__file__).parent / "catalogs"


def test_catalog_keys_of_the_identity_errors_are_all_documented():
    """No orphan message: every errors.<area>.* key of this domain belongs to a documented code."""
    documented = set().union(*(documented_codes(cls) for cls in ERROR_CLASSES))
    areas = {code.split(".")[0] for code in documented}
    folder = Path(i18n.__file__).parent / "catalogs"
    for lang in ("vi", "en"):
        keys = json.loads((folder / lang / "errors.json").read_text(encoding="utf-8"))
        ours = {key for key in keys if key.split(".")[0] in areas}
        assert ours == documented, lang
        for key in ours:
            assert keys[key] == unicodedata.normalize("NFC", keys[key])
        identity = json.loads((VNEID_CATALOGS / lang / "vneid.json").read_text(encoding="utf-8"))
        assert all(v == unicodedata.normalize("NFC", v) for v in identity.values())
