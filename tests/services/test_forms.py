"""validate_field, validate_form and prefill: clean values, every problem at once."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from literacy_kit.content.models import Localized
from literacy_kit.errors import InputError
from literacy_kit.i18n import catalog
from literacy_kit.vneid import fake_citizen
from literacy_kit.services.logic.family import fake_family
from literacy_kit.services.logic.forms import (MAX_NUMBER, InvalidField, parse_number, prefill,
                                         validate_field, validate_form)
from literacy_kit.services.logic.procedures import Choice, get_procedure, load_procedures

TODAY = date(2025, 7, 1)
NEWBORN = get_procedure("newborn")
BUSINESS = get_procedure("household_business")
RESIDENCE = get_procedure("temporary_residence")
NOTICE = get_procedure("residence_notice")


def field(proc, field_id):
    return proc.field(field_id)


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("proc, field_id, typed, expected", [
    (NEWBORN, "child_name", "nguy\u1ec5n minh ho\u00e0", "Nguy\u1ec5n Minh H\u00f2a"),
    (NEWBORN, "child_birth_date", " 5/6/2025 ", date(2025, 6, 5)),
    (NOTICE, "stay_from", "01.08.2025", date(2025, 8, 1)),          # a plain date may be ahead
    (NEWBORN, "mother_cccd", "027 1 95 012345", "027195012345"),
    (NEWBORN, "applicant_phone", "+84 912 345 678", "0912345678"),
    (NEWBORN, "applicant_email", " Hoa.Nguyen@Gmail.COM ", "Hoa.Nguyen@gmail.com"),
    (NEWBORN, "child_sex", "female", "female"),
    (NEWBORN, "child_sex", "N\u1eef", "female"),
    (NEWBORN, "child_sex", "nu", "female"),
    (NEWBORN, "child_sex", "MALE", "male"),
    (NEWBORN, "child_ethnicity", "t\u00e0y", "tay"),
    (NEWBORN, "child_ethnicity", "San Chay (Cao Lan, San Chi)", "san_chay"),
    (NEWBORN, "insurance_delivery", "Qua b\u01b0u \u0111i\u1ec7n", "post"),
    (NEWBORN, "household_address", "  Th\u00f4n Ph\u00fa H\u01b0ng,\u00a0 x\u00e3 S\u01a1n \u0110\u1ed9ng ",
     "Th\u00f4n Ph\u00fa H\u01b0ng, x\u00e3 S\u01a1n \u0110\u1ed9ng"),
    (BUSINESS, "business_line", "B\u00e1n m\u1eadt ong", "B\u00e1n m\u1eadt ong"),
    (BUSINESS, "capital_vnd", "50.000.000", 50_000_000),
    (BUSINESS, "capital_vnd", "50,000,000", 50_000_000),
    (BUSINESS, "capital_vnd", "50 000 000", 50_000_000),
    (BUSINESS, "capital_vnd", "\uff15\uff10\uff10\uff10\uff10\uff10\uff10", 5_000_000),
    (BUSINESS, "employees", "0", 0),
    (RESIDENCE, "stay_months", "12", 12),
])
def test_clean_values(proc, field_id, typed, expected, form):
    value = validate_field(proc.field(field_id), unicodedata.normalize(form, typed), today=TODAY)
    assert value == expected


@pytest.mark.parametrize("proc, field_id", [(NEWBORN, "applicant_email"), (NEWBORN, "father_name"),
                                            (BUSINESS, "employees"), (NOTICE, "stay_reason")])
@pytest.mark.parametrize("typed", ["", "   ", "\u200b", None])
def test_empty_optional_field_is_none(proc, field_id, typed):
    assert validate_field(proc.field(field_id), typed, today=TODAY) is None


@pytest.mark.parametrize("field_id", ["child_name", "child_birth_date", "mother_cccd",
                                      "applicant_phone", "child_sex", "household_address"])
@pytest.mark.parametrize("typed", ["", " \u00a0 ", None])
def test_empty_required_field(field_id, typed):
    with pytest.raises(InvalidField) as caught:
        validate_field(NEWBORN.field(field_id), typed, today=TODAY)
    assert caught.value.code == "form.required"
    assert_localized(caught.value)


@pytest.mark.parametrize("proc, field_id, typed, code, params", [
    (NEWBORN, "child_name", "B\u00e9 2", "name.digits", {}),
    (NEWBORN, "child_birth_date", "31/02/2025", "date.impossible", {"day": 31, "month": 2, "year": 2025}),
    (NEWBORN, "child_birth_date", "02/07/2025", "date.future_birth", {"date": "02/07/2025"}),
    (NEWBORN, "mother_cccd", "12345", "cccd.wrong_length", {"count": 5, "expected": 12}),
    (NEWBORN, "applicant_phone", "0241234567", "phone.landline", {}),
    (NEWBORN, "applicant_email", "hoa@gmail", "email.invalid", {}),
    (NEWBORN, "child_sex", "unknown", "form.bad_choice", {}),
    (NEWBORN, "household_address", "Th\u00f4n 3", "form.too_short", {"count": 6, "min": 10}),
    (NEWBORN, "household_address", "x" * 251, "form.too_long", {"count": 251, "max": 250}),
    (BUSINESS, "business_name", "x" * 101, "form.too_long", {"count": 101, "max": 100}),
    (BUSINESS, "business_line", "ab\x07c", "form.bad_character", {"char": "U+0007"}),
    (BUSINESS, "business_line", "ab", "form.too_short", {"count": 2, "min": 3}),
    (BUSINESS, "capital_vnd", "50 tri\u1ec7u", "form.number", {}),
    (BUSINESS, "capital_vnd", "1.5", "form.number", {}),
    (BUSINESS, "capital_vnd", "50.000,000", "form.number", {}),
    (BUSINESS, "capital_vnd", "-5000000", "form.negative", {}),
    (BUSINESS, "capital_vnd", "999", "form.number_too_small", {"min": 1_000_000}),
    (BUSINESS, "employees", "1001", "form.number_too_large", {"max": 1000}),
    (BUSINESS, "capital_vnd", "9" * 5000, "form.number_too_large", {"max": MAX_NUMBER}),
    (RESIDENCE, "stay_months", "0", "form.number_too_small", {"min": 1}),
])
def test_field_errors(proc, field_id, typed, code, params):
    with pytest.raises(InputError) as caught:
        validate_field(proc.field(field_id), typed, today=TODAY)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_choice_prefers_the_exact_label_and_refuses_an_ambiguous_one():
    spec = replace(NEWBORN.field("child_sex"), choices=(
        Choice("a", Localized("N\u1eef", "Woman")), Choice("b", Localized("Nu", "Nu"))))
    assert validate_field(spec, "N\u1eee") == "a"
    assert validate_field(spec, "nu") == "b"
    with pytest.raises(InvalidField) as caught:
        validate_field(spec, "n\u01b0")          # without its marks, it could be either
    assert caught.value.code == "form.bad_choice"


@pytest.mark.parametrize("typed, expected", [
    ("0", 0), ("007", 7), ("1.000", 1000), ("1,000", 1000), ("12.345.678", 12345678),
    ("\u0661\u0662\u0663", 123), ("1 000 000", 1_000_000),
])
def test_parse_number(typed, expected):
    assert parse_number(typed) == expected


def test_validate_form_reports_every_problem_at_once():
    result = validate_form(NEWBORN, {"child_name": "An 2", "child_birth_date": "31/02/2025",
                                     "no_such_field": "x"}, today=TODAY)
    assert not result.ok
    required = {f.id for f in NEWBORN.fields if f.required}
    assert set(result.errors) == required
    assert result.errors["child_name"].code == "name.digits"
    assert result.errors["child_birth_date"].code == "date.impossible"
    assert {result.errors[f].code for f in required - {"child_name", "child_birth_date"}} == {"form.required"}
    assert result.unknown == ("no_such_field",)
    assert result.values == {"applicant_email": None, "father_name": None,
                             "father_birth_date": None, "father_cccd": None}


@pytest.fixture
def family():
    return fake_family(3, today=TODAY)


def test_a_family_fills_the_newborn_form_without_errors(family):
    result = validate_form(NEWBORN, family.newborn_values(), today=TODAY)
    assert result.ok, result.errors
    assert result.values["child_birth_date"] == family.child.date_of_birth
    assert result.values["relationship_to_head"] == "child"


@pytest.mark.parametrize("changes, field_id, code", [
    ({"child_birth_date": "01/01/1980", "mother_birth_date": "01/01/1990"}, "child_birth_date", "form.date_before"),
    ({"child_birth_date": "01/01/1980", "mother_birth_date": "01/01/1970",
      "father_birth_date": "01/01/1985"}, "child_birth_date", "form.date_before"),
    ({"child_birth_date": "01/07/2019"}, "child_birth_date", "form.age_too_high"),
])
def test_cross_field_rules_of_the_newborn_form(family, changes, field_id, code):
    values = {**family.newborn_values(), **changes}
    result = validate_form(NEWBORN, values, today=TODAY)
    assert list(result.errors) == [field_id]
    assert result.errors[field_id].code == code
    assert field_id not in result.values
    assert_localized(result.errors[field_id])


def test_a_child_of_five_is_still_covered(family):
    values = {**family.newborn_values(), "child_birth_date": "02/07/2019"}
    assert validate_form(NEWBORN, values, today=TODAY).ok


def test_cross_rules_skip_fields_that_are_already_wrong(family):
    values = {**family.newborn_values(), "mother_birth_date": "31/02/1990"}
    result = validate_form(NEWBORN, values, today=TODAY)
    assert {k: e.code for k, e in result.errors.items()} == {"mother_birth_date": "date.impossible"}


def test_business_owner_must_be_an_adult():
    owner = fake_citizen(5, today=TODAY)
    values = {**prefill(BUSINESS, owner), "owner_birth_date": "02/07/2007", "business_name": "M\u1eadt ong",
              "business_address": "Th\u00f4n Ph\u00fa H\u01b0ng, x\u00e3 S\u01a1n \u0110\u1ed9ng",
              "business_line": "B\u00e1n m\u1eadt ong", "capital_vnd": "50.000.000"}
    result = validate_form(BUSINESS, values, today=TODAY)
    assert {k: e.code for k, e in result.errors.items()} == {"owner_birth_date": "form.age_too_low"}
    values["owner_birth_date"] = "01/07/2007"
    assert validate_form(BUSINESS, values, today=TODAY).ok


def test_stay_cannot_end_before_it_starts():
    result = validate_form(NOTICE, {"stay_from": "10/07/2025", "stay_to": "09/07/2025"}, today=TODAY)
    assert result.errors["stay_to"].code == "form.date_before"
    assert result.errors["stay_to"].params == {"other_date": "10/07/2025"}


@pytest.mark.parametrize("proc_id", list(load_procedures()))
@pytest.mark.parametrize("with_email", [True, False])
def test_prefill_gives_valid_values_for_the_prefilled_fields(proc_id, with_email):
    proc = get_procedure(proc_id)
    person = fake_citizen(9, today=TODAY, with_email=with_email)
    filled = prefill(proc, person)
    expected = {f.id for f in proc.fields if f.prefilled and (f.source != "email" or with_email)}
    assert set(filled) == expected
    for field_id, text in filled.items():
        assert isinstance(text, str)
        assert validate_field(proc.field(field_id), text, today=TODAY) is not None


def test_prefill_formats_dates_and_sex():
    person = fake_citizen(2, today=TODAY, sex="female")
    filled = prefill(BUSINESS, person)
    assert filled["owner_sex"] == "female"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", filled["owner_birth_date"])
    assert filled["owner_cccd"] == person.cccd


def test_every_documented_code_has_both_languages():
    for code in re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", InvalidField.__doc__):
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)
