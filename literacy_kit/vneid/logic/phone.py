"""Vietnamese mobile numbers: read any common way of writing one, name the carrier.

Accepted forms: ``0912 345 678``, ``0912.345.678``, ``(091) 234-5678``, ``+84 912 345 678``,
``+84 (0) 912 345 678``, ``84912345678``, ``0084 912 345 678``, and the old 11-digit numbers
(``0168 123 4567``), which are converted to their 10-digit form as the 2018 re-numbering did.
Prefix tables live in ``data/phone_prefixes.yaml`` so that they can be corrected without
touching code.

>>> phone = parse_phone("+84 (0) 912.345.678")
>>> phone.number, phone.carrier.name
('0912345678', 'VinaPhone')
>>> parse_phone("0168 123 4567").number
'0381234567'
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import InputError
from .cccd import is_separator, to_ascii_digit, visible

PHONE_LENGTH = 10
OLD_PHONE_LENGTH = 11
COUNTRY_CODE = "84"

_DATA = Path(__file__).parent.parent / "data" / "phone_prefixes.yaml"
# Brackets group the area-like prefix: "(091) 234 5678", "+84 (0) 91...". Fullwidth too.
_BRACKETS = frozenset("()[]\uff08\uff09\uff3b\uff3d")
_PLUS = frozenset("+\uff0b")


class InvalidPhone(InputError):
    """A phone number that cannot be a Vietnamese mobile number.

    Codes: ``phone.empty``, ``phone.bad_character`` (``char``), ``phone.foreign``,
    ``phone.no_leading_zero``, ``phone.landline``, ``phone.wrong_length``
    (``count``, ``expected``), ``phone.unknown_prefix`` (``prefix``).
    """


@dataclass(frozen=True)
class Carrier:
    """A mobile network; ``unverified`` marks prefixes the project could not confirm."""

    id: str
    name: str
    prefixes: tuple[str, ...]
    unverified: bool = False

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Phone:
    """A valid mobile number in its canonical 10-digit form ``0xxxxxxxxx``.

    ``converted`` is true when an old 11-digit number was typed; ``original`` then holds
    it (11 digits starting with ``01``), otherwise it is empty.
    """

    number: str
    carrier: Carrier
    converted: bool = False
    original: str = ""

    @property
    def international(self) -> str:
        """``+84`` followed by the nine digits after the leading 0."""
        return f"+{COUNTRY_CODE}{self.number[1:]}"

    @property
    def grouped(self) -> str:
        """The usual way to write it for reading aloud: ``0912 345 678``."""
        n = self.number
        return f"{n[:4]} {n[4:7]} {n[7:]}"

    def __str__(self) -> str:
        return self.number


@dataclass(frozen=True)
class PrefixTables:
    """The carriers and old-prefix conversions loaded from the data file."""

    carriers: tuple[Carrier, ...]
    by_prefix: dict[str, Carrier]
    old_to_new: dict[str, str]


@lru_cache(maxsize=1)
def prefix_tables() -> PrefixTables:
    """The carrier and conversion tables, checked for duplicates and dangling targets."""
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    carriers, by_prefix = [], {}
    for carrier_id, entry in data["carriers"].items():
        carrier = Carrier(carrier_id, entry["name"], tuple(str(p) for p in entry["prefixes"]),
                          bool(entry.get("unverified", False)))
        for prefix in carrier.prefixes:
            if len(prefix) != 3 or not prefix.startswith("0") or prefix in by_prefix:
                raise ValueError(f"{_DATA.name}: bad or duplicate prefix {prefix!r}")
            by_prefix[prefix] = carrier
        carriers.append(carrier)
    old_to_new = {str(old): str(new) for old, new in data["old_prefixes"].items()}
    for old, new in old_to_new.items():
        if len(old) != 4 or not old.startswith("01") or new not in by_prefix:
            raise ValueError(f"{_DATA.name}: bad conversion {old!r} -> {new!r}")
    return PrefixTables(tuple(carriers), by_prefix, old_to_new)


def _scan(text: str) -> tuple[str, bool]:
    """ASCII digits and whether a leading ``+`` was typed; raises on any other character."""
    digits: list[str] = []
    plus = False
    for ch in unicodedata.normalize("NFC", text):
        digit = to_ascii_digit(ch)
        if digit is not None:
            digits.append(digit)
        elif ch in _PLUS and not digits and not plus:
            plus = True
        elif not (is_separator(ch) or ch in _BRACKETS):
            raise InvalidPhone("phone.bad_character", char=visible(ch))
    return "".join(digits), plus


def _national(digits: str, plus: bool) -> str:
    """The national form (leading 0) of the digits, whichever way the number was written."""
    if digits.startswith("00"):
        if not digits.startswith("00" + COUNTRY_CODE):
            raise InvalidPhone("phone.foreign")
        digits, plus = digits[2:], True
    if plus or (digits.startswith(COUNTRY_CODE) and len(digits) > PHONE_LENGTH):
        if not digits.startswith(COUNTRY_CODE):
            raise InvalidPhone("phone.foreign")
        rest = digits[len(COUNTRY_CODE):]
        # "+84 (0) 912..." keeps the national 0; no mobile number starts 00 after it.
        return rest if rest.startswith("0") else "0" + rest
    if not digits.startswith("0"):
        raise InvalidPhone("phone.no_leading_zero")
    return digits


def parse_phone(text: str | None) -> Phone:
    """Read a Vietnamese mobile number in any usual form.

    Parameters
    ----------
    text : str
        What the learner typed: digits in any script, spaces, dots, dashes, brackets, an
        optional leading ``+``.

    Returns
    -------
    Phone
        The canonical number, its carrier, and whether an old 11-digit number was converted.

    Raises
    ------
    InvalidPhone
        With a code naming the first problem found (see :class:`InvalidPhone`).

    Examples
    --------
    >>> parse_phone("0084 98 765 4321").carrier.name
    'Viettel'
    >>> p = parse_phone("0199.123.4567")
    >>> p.number, p.converted, p.original
    ('0591234567', True, '01991234567')
    """
    digits, plus = _scan(text or "")
    if not digits:
        raise InvalidPhone("phone.empty")
    national = _national(digits, plus)
    if national.startswith("02"):
        # Fixed lines moved to 02x area codes in 2017; they cannot receive an SMS OTP.
        raise InvalidPhone("phone.landline")
    tables = prefix_tables()
    original = ""
    if len(national) == OLD_PHONE_LENGTH and national.startswith("01"):
        new_prefix = tables.old_to_new.get(national[:4])
        if new_prefix is None:
            raise InvalidPhone("phone.unknown_prefix", prefix=national[:4])
        original, national = national, new_prefix + national[4:]
    if len(national) != PHONE_LENGTH:
        raise InvalidPhone("phone.wrong_length", count=len(national), expected=PHONE_LENGTH)
    carrier = tables.by_prefix.get(national[:3])
    if carrier is None:
        raise InvalidPhone("phone.unknown_prefix", prefix=national[:3])
    return Phone(national, carrier, converted=bool(original), original=original)


def mobile_prefixes(include_unverified: bool = True) -> tuple[str, ...]:
    """Every current three-digit mobile prefix, sorted.

    ``include_unverified=False`` leaves out carriers whose prefixes the project could not
    confirm; generators use it so that no made-up person shows a doubtful number.

    Examples
    --------
    >>> "032" in mobile_prefixes() and "020" not in mobile_prefixes()
    True
    >>> "087" in mobile_prefixes(include_unverified=False)
    False
    """
    return tuple(sorted(prefix for prefix, carrier in prefix_tables().by_prefix.items()
                        if include_unverified or not carrier.unverified))
