"""The document wallet: only level-2 accounts integrate documents; numbers repeat with the seed."""
from __future__ import annotations

import re
from datetime import date

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.account import VNeIDAccount
from literacy_kit.vneid.logic.citizen import fake_citizen
from literacy_kit.vneid.logic.wallet import Document, DocumentKind, DocumentWallet, WalletError

KINDS = ["health_insurance", "driving_licence", "vehicle_registration", "social_insurance"]


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def activated(level, seed=4):
    person = fake_citizen(seed=seed, today=date(2025, 7, 1))
    account = VNeIDAccount(person, clock=lambda: 0.0, seed=seed)
    account.register_level1(person.cccd, person.phone)
    account.approve()
    account.verify_otp(account.request_otp(person.cccd, person.phone))
    account.set_password("Lang$on2025", "Lang$on2025")
    account.set_passcode("582731", "582731")
    account.set_security_answers({"favourite_food": "x", "home_village": "y"})
    if level == 2:
        account.verify_level2_in_person(person.cccd)
    return account


@pytest.mark.parametrize("kind", KINDS)
def test_level_two_integrates_every_kind(kind):
    account = activated(level=2)
    document = account.wallet.request_integration(kind)
    assert isinstance(document, Document) and document.kind == kind
    assert document.number.isdigit() and document.holder == account.citizen.full_name
    assert account.wallet.documents == (document,) and account.wallet.has(kind)
    for lang in ("vi", "en"):
        assert f"vneid.doc.{kind}" in catalog(lang)
    assert document.title("vi") != document.title("en")


@pytest.mark.parametrize("level", [1, 2])
def test_levels(level):
    account = activated(level)
    if level == 1:
        with pytest.raises(WalletError) as caught:
            account.wallet.request_integration("driving_licence")
        assert (caught.value.code, caught.value.params) == ("wallet.needs_level2", {"level": 1})
        assert account.wallet.documents == ()
        assert "link" in caught.value.message("en")
    else:
        account.wallet.request_integration(DocumentKind.DRIVING_LICENCE)


def test_wallet_refuses_before_activation_too():
    person = fake_citizen(seed=1)
    with pytest.raises(WalletError) as caught:
        VNeIDAccount(person).wallet.request_integration("health_insurance")
    assert caught.value.params == {"level": 0}


def test_upgrade_takes_effect_at_once():
    account = activated(level=1)
    with pytest.raises(WalletError):
        account.wallet.request_integration("health_insurance")
    account.verify_level2_in_person(account.citizen.cccd)
    assert account.wallet.request_integration("health_insurance").kind is DocumentKind.HEALTH_INSURANCE


CASES = [
    ("passport", "wallet.unknown_kind", {"kind": "passport"}),
    ("", "wallet.unknown_kind", {"kind": ""}),
    ("driving_licence", "wallet.already_integrated", {"kind": "driving_licence"}),
]


@pytest.mark.parametrize("kind, code, params", CASES)
def test_errors(kind, code, params):
    account = activated(level=2)
    account.wallet.request_integration("driving_licence")
    with pytest.raises(WalletError) as caught:
        account.wallet.request_integration(kind)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert len(account.wallet.documents) == 1
    for lang in ("vi", "en"):
        assert f"errors.{code}" in catalog(lang) and "{" not in caught.value.message(lang)


def test_every_documented_code_is_reachable():
    assert {code for _, code, _ in CASES} | {"wallet.needs_level2"} == documented_codes(WalletError)


def test_numbers_repeat_with_the_seed_in_any_order():
    one, two = activated(2, seed=6).wallet, activated(2, seed=6).wallet
    a = [one.request_integration(k).number for k in KINDS]
    b = [two.request_integration(k).number for k in reversed(KINDS)][::-1]
    assert a == b
    assert activated(2, seed=7).wallet.request_integration(KINDS[1]).number != a[1]


def test_health_card_shows_the_social_insurance_number():
    wallet = DocumentWallet("A", level_of=lambda: 2, seed="s")
    health = wallet.request_integration("health_insurance")
    social = wallet.request_integration("social_insurance")
    assert health.number == social.number and len(health.number) == 10
    assert len(wallet.request_integration("driving_licence").number) == 12
    assert [d.kind.value for d in wallet.documents] == ["health_insurance", "social_insurance",
                                                          "driving_licence"]
