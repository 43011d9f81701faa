"""parse_phone: every usual way of writing a Vietnamese mobile number, old numbers, errors."""
from __future__ import annotations

import re
import unicodedata

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.phone import (InvalidPhone, Phone, mobile_prefixes, parse_phone,
                                         prefix_tables)


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("typed", [
    "0912345678",
    "0912 345 678",
    "0912.345.678",
    "0912-345-678",
    "(091) 234 5678",
    "[091] 234-5678",
    "+84 912 345 678",
    "+84912345678",
    "+84 (0) 912 345 678",
    "+84-91-234-5678",
    "84912345678",
    "84 912 345 678",
    "0084 912 345 678",
    "0084912345678",
    "  0912\u00a0345\u00a0678 ",
    "\uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",          # fullwidth digits
    "\uff0b\uff18\uff14 \uff19\uff11\uff12 345 678",                        # fullwidth plus
    "\u0660\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668",          # Arabic-Indic
    "\uff08091\uff09234\u20135678",                                          # fullwidth brackets, en dash
    "0912\u200b345\u200b678",                                                # zero-width spaces
])
def test_accepted_shapes(typed):
    phone = parse_phone(typed)
    assert phone == parse_phone("0912345678")
    assert phone.number == "0912345678" and phone.number.isascii()
    assert phone.carrier.name == "VinaPhone" and str(phone.carrier) == "VinaPhone"
    assert not phone.converted and phone.original == ""
    assert phone.international == "+84912345678"
    assert phone.grouped == "0912 345 678" and str(phone) == "0912345678"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_decomposed_label_gives_the_same_error(form):
    typed = unicodedata.normalize(form, "\u0111\u1ed1i 0912345678")
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(typed)
    assert (caught.value.code, caught.value.params) == ("phone.bad_character", {"char": "\u0111"})
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(unicodedata.normalize(form, "0912345678 \u1ed1"))
    assert caught.value.params == {"char": "\u1ed1"}


@pytest.mark.parametrize("prefix, carrier", [
    *[(p, "Viettel") for p in ("086", "096", "097", "098", "032", "033", "034", "035", "036",
                               "037", "038", "039")],
    *[(p, "VinaPhone") for p in ("088", "091", "094", "081", "082", "083", "084", "085")],
    *[(p, "MobiFone") for p in ("089", "090", "093", "070", "076", "077", "078", "079")],
    *[(p, "Vietnamobile") for p in ("092", "052", "056", "058")],
    *[(p, "Gmobile") for p in ("099", "059")],
    ("087", "iTel"),
    ("055", "Reddi"),
])
def test_carrier_by_prefix(prefix, carrier):
    phone = parse_phone(f"{prefix}1234567")
    assert phone.carrier.name == carrier
    assert phone.number == f"{prefix}1234567"


@pytest.mark.parametrize("old, new", [
    ("0162", "032"), ("0163", "033"), ("0164", "034"), ("0165", "035"), ("0166", "036"),
    ("0167", "037"), ("0168", "038"), ("0169", "039"), ("0120", "070"), ("0121", "079"),
    ("0122", "077"), ("0126", "076"), ("0128", "078"), ("0123", "083"), ("0124", "084"),
    ("0125", "085"), ("0127", "081"), ("0129", "082"), ("0186", "056"), ("0188", "058"),
    ("0199", "059"),
])
def test_old_eleven_digit_numbers_are_converted(old, new):
    phone = parse_phone(f"{old} 765 4321")
    assert phone.number == f"{new}7654321"
    assert phone.converted and phone.original == f"{old}7654321"
    assert phone.carrier == parse_phone(f"{new}7654321").carrier


def test_old_number_in_international_form():
    phone = parse_phone("+84 168 765 4321")
    assert (phone.number, phone.original, phone.carrier.name) == ("0387654321", "01687654321", "Viettel")


CASES = [
    ("", "phone.empty", {}),
    (" - . () ", "phone.empty", {}),
    (None, "phone.empty", {}),
    ("0912 345 67a", "phone.bad_character", {"char": "a"}),
    ("0912+345678", "phone.bad_character", {"char": "+"}),
    ("++84912345678", "phone.bad_character", {"char": "+"}),
    ("0912/345/678", "phone.bad_character", {"char": "/"}),
    ("0912\t345\x07678", "phone.bad_character", {"char": "U+0007"}),
    ("+1 202 555 0143", "phone.foreign", {}),
    ("0044 20 7946 0958", "phone.foreign", {}),
    ("912 345 678", "phone.no_leading_zero", {}),
    ("113", "phone.no_leading_zero", {}),
    ("024 3825 1234", "phone.landline", {}),
    ("+84 222 3851 234", "phone.landline", {}),
    ("091234567", "phone.wrong_length", {"count": 9, "expected": 10}),
    ("09123456789", "phone.wrong_length", {"count": 11, "expected": 10}),
    ("+84 91234567", "phone.wrong_length", {"count": 9, "expected": 10}),
    ("0", "phone.wrong_length", {"count": 1, "expected": 10}),
    ("0111234567", "phone.unknown_prefix", {"prefix": "011"}),
    ("0601234567", "phone.unknown_prefix", {"prefix": "060"}),
    ("01301234567", "phone.unknown_prefix", {"prefix": "0130"}),
]


@pytest.mark.parametrize("typed, code, params", CASES)
def test_errors(typed, code, params):
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(typed)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_every_documented_code_is_reachable():
    assert {code for _, code, _ in CASES} == documented_codes(InvalidPhone)


def test_prefix_tables_are_consistent():
    tables = prefix_tables()
    prefixes = [p for carrier in tables.carriers for p in carrier.prefixes]
    assert len(prefixes) == len(set(prefixes)) == len(mobile_prefixes())
    assert set(tables.old_to_new.values()) <= set(prefixes)
    assert {c.name for c in tables.carriers if c.unverified} == {"iTel", "Reddi"}
    verified = mobile_prefixes(include_unverified=False)
    assert "087" not in verified and "055" not in verified and "032" in verified


def test_phone_is_frozen():
    phone = parse_phone("0987654321")
    assert isinstance(phone, Phone)
    with pytest.raises(AttributeError):
        phone.number = "0"
