"""Money as Vietnamese write and read it: ``1.943.000 \u0111``, ``120k``, ``1,2 tri\u1ec7u``, ``1tr2``.

Vietnamese groups thousands with dots and writes decimals with a comma. Amounts typed into
a bank app or a listing come in many shapes; :func:`parse_amount` reads them into whole
dong or refuses them with a message (dong have no smaller unit).

>>> format_vnd(1943000)
'1.943.000 \\u0111'
>>> [parse_amount(s) for s in ("120k", "1,2 tri\\u1ec7u", "120.000\\u0111", "1tr2", "2.5tr")]
[120000, 1200000, 120000, 1200000, 2500000]
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import InputError

DONG = "\u0111"
#: The largest amount accepted: EMVCo's amount field holds at most 13 characters.
MAX_AMOUNT = 10 ** 13 - 1
_DATA = Path(__file__).parent.parent / "data" / "money.yaml"
_NUMBER = re.compile(r"(?P<int>[0-9]+(?:[.,\s][0-9]+)*)\s*(?P<unit>[^\d\s.,]*)\s*(?P<tail>[0-9]*)")


class InvalidAmount(InputError):
    """An amount that cannot be read.

    Codes: ``payments.amount.empty``, ``payments.amount.not_a_number`` (``text``),
    ``payments.amount.fraction`` (``text``), ``payments.amount.zero``,
    ``payments.amount.too_large`` (``limit``).
    """


@lru_cache(maxsize=1)
def units() -> dict[str, int]:
    """Every unit word (lowercase NFC) mapped to its multiplier."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    table: dict[str, int] = {}
    for factor, words in data["units"].items():
        for word in words:
            table[unicodedata.normalize("NFC", str(word)).lower()] = int(factor)
    return table


def format_vnd(amount: int, sign: bool = True) -> str:
    """``amount`` dong with dots between thousands: ``format_vnd(1943000)`` gives ``"1.943.000 \u0111"``."""
    text = f"{int(amount):,}".replace(",", ".")
    return f"{text} {DONG}" if sign else text


def _number(text: str, has_unit: bool) -> Fraction | None:
    """The number in ``text`` (digits and separators), or ``None`` when it is ambiguous."""
    if re.search(r"\s", text):
        # Spaces only ever group thousands: "120 000".
        groups = re.split(r"\s+", text)
        if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
            return None
        text = "".join(groups)
    seps = [ch for ch in text if ch in ".,"]
    if not seps:
        return Fraction(int(text))
    groups = re.split(r"[.,]", text)
    thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(set(seps)) == 1 and thousands and not (has_unit and len(seps) == 1 and seps[0] == ","):
        # 120.000 / 1.943.000 / 120,000: thousands (a lone comma before a unit is decimal).
        return Fraction(int("".join(groups)))
    if len(seps) == 1:
        whole, frac = groups
        return Fraction(int(whole)) + Fraction(int(frac), 10 ** len(frac))
    if len(set(seps)) == 2 and seps[-1] != seps[0] and seps.count(seps[-1]) == 1:
        # 1.234,5 (Vietnamese) or 1,234.5 (English): thousands then a decimal.
        head, frac = re.split(r"[.,]", text.rsplit(seps[-1], 1)[0]), text.rsplit(seps[-1], 1)[1]
        if all(len(g) == 3 for g in head[1:]) and 1 <= len(head[0]) <= 3:
            return Fraction(int("".join(head))) + Fraction(int(frac), 10 ** len(frac))
    return None


def parse_amount(text: str) -> int:
    """Whole dong from what someone typed, or :class:`InvalidAmount` with a clear code.

    Accepts digits with dots, commas or spaces between thousands, a decimal comma (or
    point) before a unit, unit words from ``data/money.yaml`` (dong, ``k``, thousand,
    ``tr``, million, billion...) and the shorthand ``1tr2`` = 1.2 million.
    """
    if not isinstance(text, str):
        raise InvalidAmount("payments.amount.empty")
    clean = unicodedata.normalize("NFKC", text).strip().lower()  # NFKC: fullwidth keys too
    clean = "".join(ch if unicodedata.decimal(ch, None) is None else str(unicodedata.decimal(ch))
                    for ch in clean)
    if not clean:
        raise InvalidAmount("payments.amount.empty")
    match = _NUMBER.fullmatch(clean)
    if match is None:
        raise InvalidAmount("payments.amount.not_a_number", text=text.strip())
    unit = match.group("unit")
    factor = 1 if not unit else units().get(unit)
    tail = match.group("tail")
    if factor is None or (tail and factor == 1):
        raise InvalidAmount("payments.amount.not_a_number", text=text.strip())
    number = _number(match.group("int"), has_unit=factor > 1)
    if number is None:
        raise InvalidAmount("payments.amount.not_a_number", text=text.strip())
    if tail:
        if number.denominator != 1:
            raise InvalidAmount("payments.amount.not_a_number", text=text.strip())
        number += Fraction(int(tail), 10 ** len(tail))
    value = number * factor
    if value.denominator != 1:
        raise InvalidAmount("payments.amount.fraction", text=text.strip())
    amount = int(value)
    if amount == 0:
        raise InvalidAmount("payments.amount.zero")
    if amount > MAX_AMOUNT:
        raise InvalidAmount("payments.amount.too_large", limit=format_vnd(MAX_AMOUNT))
    return amount
