"""Money as Vietnamese write it: formatting and reading typed amounts."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import literacy_kit.payments
from literacy_kit.i18n import placeholders
from literacy_kit.payments import InvalidAmount, format_vnd, parse_amount

CATALOGS = {lang: json.loads((Path(literacy_kit.payments.__file__).parent / "catalogs" / lang
                              / "errors.payments.json").read_text(encoding="utf-8"))
            for lang in ("vi", "en")}


@pytest.mark.parametrize("amount,text", [
    (1943000, "1.943.000 đ"), (0, "0 đ"), (500, "500 đ"), (1000, "1.000 đ"),
    (10_000_000, "10.000.000 đ"), (1_500_000_000, "1.500.000.000 đ"),
])
def test_format_vnd(amount, text):
    assert format_vnd(amount) == text
    assert format_vnd(amount, sign=False) == text[:-2]


@pytest.mark.parametrize("typed,amount", [
    ("120000", 120000), ("120.000", 120000), ("120.000đ", 120000), ("120.000 đ", 120000),
    ("120.000 VND", 120000), ("120,000", 120000), ("120 000", 120000), ("120k", 120000),
    ("120 K", 120000), ("120 nghìn", 120000), ("120 ngàn", 120000), ("1,2 triệu", 1200000),
    ("1.2tr", 1200000), ("1tr2", 1200000), ("1 triệu 2", 1200000), ("1tr25", 1250000),
    ("1,5 tỷ", 1500000000), ("1.943.000 đồng", 1943000), ("１２０ｋ", 120000),
    ("1.234,5k", 1234500), ("2,5 TRIỆU", 2500000), ("  50k\n", 50000),
    (unicodedata.normalize("NFD", "1,2 triệu"), 1200000),
])
def test_parse_amount_reads_everyday_writing(typed, amount):
    assert parse_amount(typed) == amount


@pytest.mark.parametrize("typed,code", [
    ("", "payments.amount.empty"), ("   ", "payments.amount.empty"),
    ("abc", "payments.amount.not_a_number"), ("12 triệu đô", "payments.amount.not_a_number"),
    ("1.2.3", "payments.amount.not_a_number"), ("1 2", "payments.amount.not_a_number"),
    ("5đ3", "payments.amount.not_a_number"), ("-50k", "payments.amount.not_a_number"),
    ("120,5", "payments.amount.fraction"), ("1,2345678 triệu", "payments.amount.fraction"),
    ("0", "payments.amount.zero"), ("0k", "payments.amount.zero"),
    ("99999 tỷ", "payments.amount.too_large"),
])
def test_parse_amount_refuses_with_a_clear_code(typed, code):
    with pytest.raises(InvalidAmount) as caught:
        parse_amount(typed)
    err = caught.value
    assert err.code == code
    for lang in ("vi", "en"):
        assert set(err.params) == placeholders(CATALOGS[lang][code])


def test_round_trip_of_formatted_amounts():
    for amount in (1, 999, 1000, 120000, 1943000, 10_000_001):
        assert parse_amount(format_vnd(amount)) == amount
