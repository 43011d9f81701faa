"""fake_citizen: repeatable synthetic people whose numbers agree with our own parsers."""
from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

import faker.generator
import pytest

from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.cccd import InvalidCCCD, Sex, parse_cccd
from literacy_kit.vneid.logic.citizen import (Citizen, InvalidEmail, ascii_fold, fake_citizen,
                                           parse_email)
from literacy_kit.vneid.logic.phone import parse_phone
from literacy_kit.vneid.logic.provinces import province, province_codes

TODAY = date(2025, 7, 1)


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def test_same_seed_same_person_and_different_seeds_differ():
    first = fake_citizen(seed=42, today=TODAY)
    assert fake_citizen(seed=42, today=TODAY) == first
    assert fake_citizen(seed="42", today=TODAY) == fake_citizen(seed="42", today=TODAY)
    others = {fake_citizen(seed=s, today=TODAY).cccd for s in range(20)}
    assert len(others) == 20


def test_unseeded_people_vary():
    assert len({fake_citizen(today=TODAY).cccd for _ in range(5)}) > 1


def test_neither_fakers_shared_random_nor_pythons_is_touched():
    faker_state, python_state = faker.generator.random.getstate(), random.getstate()
    fake_citizen(seed=1, today=TODAY)
    fake_citizen(today=TODAY)
    assert faker.generator.random.getstate() == faker_state
    assert random.getstate() == python_state


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("code", ["027", "001", "079", "000"])
def test_numbers_agree_with_the_parsers(seed, code):
    person = fake_citizen(seed=seed, province_code=code, today=TODAY)
    card = parse_cccd(person.cccd, today=TODAY)
    assert card.number == person.cccd
    assert card.province_code == person.province_code == code
    assert card.sex == person.sex
    assert card.birth_year == person.date_of_birth.year
    assert 18 <= person.age(TODAY) <= 75
    phone = parse_phone(person.phone)
    assert phone.number == person.phone and not phone.converted
    assert not phone.carrier.unverified
    if person.email:
        assert parse_email(person.email) == person.email


@pytest.mark.parametrize("seed", range(10))
def test_names_and_addresses_are_vietnamese_and_nfc(seed):
    person = fake_citizen(seed=seed, today=TODAY)
    assert person.full_name == unicodedata.normalize("NFC", person.full_name)
    assert len(person.full_name.split()) >= 3, "family name, middle name, given name"
    assert person.address == unicodedata.normalize("NFC", person.address)
    assert person.address.endswith(province("027").name.vi)


def test_born_abroad_still_lives_in_a_province():
    names = {province(code).name.vi for code in province_codes(include_abroad=False)}
    for seed in range(10):
        person = fake_citizen(seed=seed, province_code="000", today=TODAY)
        assert person.cccd.startswith("000")
        assert any(person.address.endswith(name) for name in names)


def test_middle_name_matches_sex():
    female = {fake_citizen(seed=s, sex="female", today=TODAY).full_name.split()[1] for s in range(30)}
    male = {fake_citizen(seed=s, sex=Sex.MALE, today=TODAY).full_name.split()[1] for s in range(30)}
    assert "V\u0103n" not in female and "Th\u1ecb" not in male


def test_sex_and_email_can_be_chosen():
    assert fake_citizen(seed=3, sex="female", today=TODAY).sex is Sex.FEMALE
    assert fake_citizen(seed=3, with_email=True, today=TODAY).email
    assert fake_citizen(seed=3, with_email=False, today=TODAY).email == ""
    emails = [fake_citizen(seed=s, today=TODAY).email for s in range(30)]
    assert any(emails) and not all(emails), "e-mail is optional"


@pytest.mark.parametrize("today", [date(2025, 7, 1), date(2024, 2, 29), date(2000, 1, 1)])
def test_age_bounds_hold_on_awkward_days(today):
    ages = {fake_citizen(seed=s, today=today).age(today) for s in range(60)}
    assert min(ages) >= 18 and max(ages) <= 75


def test_every_province_code_works():
    for code in province_codes():
        assert fake_citizen(seed=code, province_code=code, today=TODAY).cccd.startswith(code)


def test_unknown_province_is_a_learner_facing_error():
    with pytest.raises(InvalidCCCD) as caught:
        fake_citizen(seed=1, province_code="003")
    assert caught.value.code == "cccd.unknown_province"


def test_citizen_is_frozen_and_knows_its_birth_date_code():
    person = fake_citizen(seed=9, today=TODAY)
    assert isinstance(person, Citizen)
    assert person.birth_ddmmyy == person.date_of_birth.strftime("%d%m%y")
    with pytest.raises(AttributeError):
        person.cccd = "0"


def test_age_counts_birthdays():
    person = Citizen("A B C", Sex.MALE, date(2000, 7, 2), "027200000001", "0912345678", "x", "027")
    assert person.age(date(2025, 7, 1)) == 24 and person.age(date(2025, 7, 2)) == 25


def test_ascii_fold():
    assert ascii_fold("\u0110\u1eb7ng V\u0103n \u0110\u1ee9c") == "Dang Van Duc"
    assert ascii_fold(unicodedata.normalize("NFD", "Nguy\u1ec5n Th\u1ecb Hoa")) == "Nguyen Thi Hoa"


@pytest.mark.parametrize("typed, expected", [
    ("hoa@gmail.com", "hoa@gmail.com"),
    ("  Hoa.Nguyen@Gmail.COM ", "Hoa.Nguyen@gmail.com"),
    ("a+b_c-d@mail.bacninh.gov.vn", "a+b_c-d@mail.bacninh.gov.vn"),
])
def test_email_accepted(typed, expected):
    assert parse_email(typed) == expected


EMAIL_CASES = [
    ("", "email.empty", {}),
    ("  ", "email.empty", {}),
    ("ho\u00e0@gmail.com", "email.not_ascii", {"char": "\u00e0"}),
    (unicodedata.normalize("NFD", "ho\u00e0@gmail.com"), "email.not_ascii", {"char": "\u00e0"}),
    ("hoa", "email.invalid", {}),
    ("hoa@gmail", "email.invalid", {}),
    ("hoa@@gmail.com", "email.invalid", {}),
    ("ho a@gmail.com", "email.invalid", {}),
    (".hoa@gmail.com", "email.invalid", {}),
    ("hoa@-gmail.com", "email.invalid", {}),
]


@pytest.mark.parametrize("typed, code, params", EMAIL_CASES)
def test_email_errors(typed, code, params):
    with pytest.raises(InvalidEmail) as caught:
        parse_email(typed)
    assert (caught.value.code, caught.value.params) == (code, params)
    for lang in ("vi", "en"):
        assert f"errors.{code}" in catalog(lang)
        assert all(str(v) in caught.value.message(lang) for v in params.values())


def test_every_email_code_is_reachable():
    assert {code for _, code, _ in EMAIL_CASES} == documented_codes(InvalidEmail)
