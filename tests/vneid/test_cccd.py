"""parse_cccd: the shapes in which a 12-digit ID number arrives, and every way it can be wrong."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.cccd import (CCCD, InvalidCCCD, Sex, century_sex_digit, make_cccd,
                                        parse_cccd, scan_digits)
from literacy_kit.vneid.logic.provinces import (BORN_ABROAD, province, province_codes,
                                             province_table)

TODAY = date(2025, 7, 1)
NUMBER = "027203012345"  # Bac Ninh, male, born 2003

# The 63 codes of Circular 07/2016/TT-BCA, Article 7, typed here a second time on purpose:
# the data file and this list must agree.
OFFICIAL_CODES = (
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096").split()


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def assert_localized(error):
    """The error's message exists in both languages and every placeholder is filled."""
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and text != f"errors.{error.code}" and "{" not in text
        for value in error.params.values():
            assert unicodedata.normalize("NFC", str(value)) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("typed", [
    NUMBER,
    "027 203 012 345",
    "027.203.012.345",
    "027-203-012-345",
    "027 2 03 012345",
    "  027203012345\t\n",
    "027\u00a0203\u00a0012\u00a0345",            # no-break spaces
    "027\u202f203\u2009012\u3000345",            # narrow, thin and ideographic spaces
    "027\u2013203\u2014012\u2212345",            # en dash, em dash, minus sign
    "027\u200b203\u200e012\u00ad345",            # zero-width space, LRM mark, soft hyphen
    "\uff10\uff12\uff17\uff12\uff10\uff13\uff10\uff11\uff12\uff13\uff14\uff15",  # fullwidth
    "\u0660\u0662\u0667\u0662\u0660\u0663\u0660\u0661\u0662\u0663\u0664\u0665",  # Arabic-Indic
    "\u0966\u0968\u096d\u0968\u0966\u0969\u0966\u0967\u0968\u0969\u096a\u096b",  # Devanagari
    "\uff10\uff12\uff17 2\u00a003\uff0e012\uff0d345",  # mixed scripts and fullwidth separators
])
def test_accepted_shapes_give_the_same_card(typed):
    card = parse_cccd(typed, today=TODAY)
    assert card == parse_cccd(NUMBER, today=TODAY)
    assert card.number == NUMBER and card.number.isascii()
    assert card.province_code == "027"
    assert card.province_name.get("en") == "Bac Ninh"
    assert card.province_name.get("vi") == "B\u1eafc Ninh"
    assert (card.sex, card.birth_century, card.birth_year) == (Sex.MALE, 2000, 2003)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_decomposed_text_around_the_number_gives_the_same_error(form):
    typed = unicodedata.normalize(form, "\u1ed1 027203012345")  # o with circumflex and acute
    with pytest.raises(InvalidCCCD) as caught:
        parse_cccd(typed, today=TODAY)
    assert caught.value.code == "cccd.not_digits"
    assert caught.value.params == {"char": "\u1ed1"}, "the offending letter is shown composed"
    assert_localized(caught.value)


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_labelled_number_is_refused_in_both_forms(form):
    typed = unicodedata.normalize(form, "S\u1ed1 CCCD: 027203012345")
    with pytest.raises(InvalidCCCD) as caught:
        parse_cccd(typed, today=TODAY)
    assert (caught.value.code, caught.value.params) == ("cccd.not_digits", {"char": "S"})


@pytest.mark.parametrize("digit, century, sex", [
    ("0", 1900, Sex.MALE), ("1", 1900, Sex.FEMALE), ("2", 2000, Sex.MALE), ("3", 2000, Sex.FEMALE),
    ("4", 2100, Sex.MALE), ("5", 2100, Sex.FEMALE), ("6", 2200, Sex.MALE), ("7", 2200, Sex.FEMALE),
    ("8", 2300, Sex.MALE), ("9", 2300, Sex.FEMALE),
])
def test_century_and_sex_digit(digit, century, sex):
    card = parse_cccd(f"001{digit}87000123", today=date(2400, 1, 1))
    assert (card.birth_century, card.birth_year, card.sex) == (century, century + 87, sex)
    assert card.sex == sex.value, "Sex is a str enum: 'male' / 'female'"
    assert century_sex_digit(sex, century + 87) == digit


CASES = [
    ("", "cccd.empty", {}),
    ("   \u00a0", "cccd.empty", {}),
    (" . - ", "cccd.empty", {}),
    (None, "cccd.empty", {}),
    ("02720301234a", "cccd.not_digits", {"char": "a"}),
    ("027/203/012/345", "cccd.not_digits", {"char": "/"}),
    ("027203012345\x00", "cccd.not_digits", {"char": "U+0000"}),
    ("\u00b2\u00b9" + "0" * 10, "cccd.not_digits", {"char": "\u00b2"}),  # superscripts
    ("0272030123", "cccd.wrong_length", {"count": 10, "expected": 12}),
    ("0272030123456", "cccd.wrong_length", {"count": 13, "expected": 12}),
    ("027 203 012", "cccd.wrong_length", {"count": 9, "expected": 12}),
    ("003203012345", "cccd.unknown_province", {"prefix": "003"}),
    ("097203012345", "cccd.unknown_province", {"prefix": "097"}),
    ("027299012345", "cccd.future_birth_year", {"year": 2099}),
    ("027426012345", "cccd.future_birth_year", {"year": 2126}),
]


@pytest.mark.parametrize("typed, code, params", CASES)
def test_errors_have_distinct_codes_and_messages_in_both_languages(typed, code, params):
    with pytest.raises(InvalidCCCD) as caught:
        parse_cccd(typed, today=TODAY)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_every_documented_code_is_reachable():
    assert {code for _, code, _ in CASES} == documented_codes(InvalidCCCD)


def test_birth_year_equal_to_this_year_is_accepted_and_today_defaults_to_the_real_date():
    assert parse_cccd("027225000001", today=date(2025, 1, 1)).birth_year == 2025
    assert parse_cccd("027087000001").birth_year == 1987


def test_card_parts_mask_and_str():
    card = parse_cccd("001 1 87 654321", today=TODAY)
    assert card.parts == ("001", "1", "87", "654321")
    assert card.masked == "001******321" and str(card) == "001187654321"
    assert isinstance(card, CCCD)
    with pytest.raises(AttributeError):
        card.number = "0"  # frozen


def test_scan_digits_reports_first_offender():
    assert scan_digits("1 2\u00a03") == ("123", None)
    assert scan_digits("1x2y") == ("12", "x")


class TestProvinceTable:
    def test_sixty_three_provinces_plus_born_abroad(self):
        assert len(province_codes(include_abroad=False)) == 63
        assert province_codes() == (BORN_ABROAD, *OFFICIAL_CODES)
        assert list(province_table()) == sorted(province_table())

    @pytest.mark.parametrize("code, vi, en", [
        ("001", "H\u00e0 N\u1ed9i", "Ha Noi"),
        ("027", "B\u1eafc Ninh", "Bac Ninh"),
        ("024", "B\u1eafc Giang", "Bac Giang"),
        ("031", "H\u1ea3i Ph\u00f2ng", "Hai Phong"),
        ("048", "\u0110\u00e0 N\u1eb5ng", "Da Nang"),
        ("079", "Th\u00e0nh ph\u1ed1 H\u1ed3 Ch\u00ed Minh", "Ho Chi Minh City"),
        ("087", "\u0110\u1ed3ng Th\u00e1p", "Dong Thap"),
        ("096", "C\u00e0 Mau", "Ca Mau"),
        ("000", "Sinh ra \u1edf n\u01b0\u1edbc ngo\u00e0i", "Born abroad"),
    ])
    def test_known_codes(self, code, vi, en):
        place = province(code)
        assert (place.name.vi, place.name.en) == (vi, en)

    def test_names_are_nfc_and_english_is_ascii(self):
        for place in province_table().values():
            assert place.name.vi == unicodedata.normalize("NFC", place.name.vi).strip()
            assert place.name.en.isascii() and place.name.en.strip()

    def test_kinds(self):
        cities = {p.code for p in province_table().values() if p.kind == "city"}
        assert cities == {"001", "031", "048", "079", "092"}
        assert province(BORN_ABROAD).is_abroad
        assert {p.kind for p in province_table().values()} == {"city", "province", "abroad"}

    def test_unknown_code(self):
        assert province("003") is None and province("") is None


class TestMakeCCCD:
    @pytest.mark.parametrize("code", ["000", "001", "027", "096"])
    @pytest.mark.parametrize("sex", list(Sex))
    @pytest.mark.parametrize("year", [1900, 1950, 1999, 2000, 2024])
    def test_round_trip(self, code, sex, year):
        card = parse_cccd(make_cccd(code, sex, year, 123456), today=TODAY)
        assert (card.province_code, card.sex, card.birth_year) == (code, sex, year)

    def test_refuses_impossible_parts(self):
        with pytest.raises(InvalidCCCD) as caught:
            make_cccd("003", "male", 1990, 1)
        assert caught.value.code == "cccd.unknown_province"
        with pytest.raises(ValueError):
            make_cccd("001", "male", 1899, 1)
        with pytest.raises(ValueError):
            make_cccd("001", "male", 1990, 10 ** 6)
        with pytest.raises(ValueError):
            make_cccd("001", "other", 1990, 1)
