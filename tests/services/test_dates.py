"""parse_date and parse_birth_date: day/month/year as people type it."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.services.logic.dates import (EARLIEST_YEAR, InvalidDate, format_date,
                                         parse_birth_date, parse_date)

TODAY = date(2025, 7, 1)


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang)
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("typed", [
    "05/09/2024", "5/9/2024", "05-09-2024", "5-9-2024", "05.09.2024", " 05/09/2024 ",
    "05 / 09 / 2024", "\u00a005/09/2024\u200b", "5\uff0f9\uff0f2024", "05\u201309\u20132024",
    "\uff10\uff15/\uff10\uff19/\uff12\uff10\uff12\uff14",          # fullwidth digits
    "\u0660\u0665/\u0660\u0669/\u0662\u0660\u0662\u0664",          # Arabic-Indic digits
    "05\uff0e09\uff0e2024",
])
def test_accepted_shapes(typed, form):
    assert parse_date(unicodedata.normalize(form, typed)) == date(2024, 9, 5)


@pytest.mark.parametrize("typed, expected", [
    ("29/02/2024", date(2024, 2, 29)), ("31/12/1999", date(1999, 12, 31)),
    ("01/01/1900", date(1900, 1, 1)), ("1/1/2100", date(2100, 1, 1)),
])
def test_edges(typed, expected):
    assert parse_date(typed) == expected
    assert parse_date(format_date(expected)) == expected


@pytest.mark.parametrize("typed, code, params", [
    ("", "date.empty", {}), (" \u00a0", "date.empty", {}), (None, "date.empty", {}),
    ("05/09/24", "date.format", {}), ("2024-09-05", "date.format", {}),
    ("05/09-2024", "date.format", {}), ("5 th\u00e1ng 9 2024", "date.format", {}),
    ("05092024", "date.format", {}), ("123/09/2024", "date.format", {}),
    ("hôm qua", "date.format", {}),
    ("31/02/2024", "date.impossible", {"day": 31, "month": 2, "year": 2024}),
    ("29/02/2023", "date.impossible", {"day": 29, "month": 2, "year": 2023}),
    ("01/13/2024", "date.impossible", {"day": 1, "month": 13, "year": 2024}),
    ("00/01/2024", "date.impossible", {"day": 0, "month": 1, "year": 2024}),
    ("31/12/1899", "date.too_old", {"year": 1899, "earliest": EARLIEST_YEAR}),
    ("01/01/0000", "date.too_old", {"year": 0, "earliest": EARLIEST_YEAR}),
])
def test_errors(typed, code, params):
    with pytest.raises(InvalidDate) as caught:
        parse_date(typed)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_birth_date_may_be_today_but_not_tomorrow():
    assert parse_birth_date("01/07/2025", today=TODAY) == TODAY
    with pytest.raises(InvalidDate) as caught:
        parse_birth_date("02/07/2025", today=TODAY)
    assert (caught.value.code, caught.value.params) == ("date.future_birth", {"date": "02/07/2025"})
    assert_localized(caught.value)


def test_birth_date_checks_the_date_first():
    with pytest.raises(InvalidDate) as caught:
        parse_birth_date("31/02/2030", today=TODAY)
    assert caught.value.code == "date.impossible"


def test_format_date_pads():
    assert format_date(date(2024, 9, 5)) == "05/09/2024"
    assert format_date(date(1905, 1, 1)) == "01/01/1905"


def test_every_documented_code_has_both_languages():
    for code in re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", InvalidDate.__doc__):
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)
