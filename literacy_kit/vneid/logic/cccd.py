"""The 12-digit personal ID number (CCCD): read what a learner typed and explain its digits.

======  =====================================================================
digits  meaning
======  =====================================================================
1-3     province code of the birth registration (``"000"``: born abroad)
4       century and sex: 1900s male 0 / female 1, 2000s 2/3, ... 2300s 8/9
5-6     last two digits of the birth year
7-12    random
======  =====================================================================

Phones send digits in many shapes (fullwidth, Arabic-Indic, with non-breaking spaces or
zero-width marks from copy and paste), so every Unicode decimal digit is accepted and
turned into ASCII.

>>> card = parse_cccd("027 2 03 012345")
>>> card.number, card.sex, card.birth_year, card.province_name.get("en")
('027203012345', <Sex.MALE: 'male'>, 2003, 'Bac Ninh')
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ...content.models import Localized
from ...errors import InputError
from .provinces import province

CCCD_LENGTH = 12
FIRST_CENTURY = 1900
"""The century coded by digit 4 = 0 or 1; each later pair of digits adds 100 years."""

# Dots people type between digit groups, including the fullwidth and ideographic forms
# that CJK-capable phone keyboards produce.
_DOTS = frozenset(".\u00b7\u2024\u2027\u3002\uff0e\uff61")
# The minus sign is a math symbol (Sm), not dash punctuation (Pd), but it looks the same.
_EXTRA_DASHES = frozenset("\u2212\u2043")


class Sex(str, Enum):
    """Sex as coded by digit 4 of the CCCD (even: male, odd: female)."""

    MALE = "male"
    FEMALE = "female"


class InvalidCCCD(InputError):
    """A CCCD that cannot be right.

    Codes: ``cccd.empty``, ``cccd.not_digits`` (``char``), ``cccd.wrong_length``
    (``count``, ``expected``), ``cccd.unknown_province`` (``prefix``),
    ``cccd.future_birth_year`` (``year``).
    """


@dataclass(frozen=True)
class CCCD:
    """A parsed personal ID number; ``str(card)`` is the 12 ASCII digits."""

    number: str
    province_code: str
    province_name: Localized
    sex: Sex
    birth_century: int
    """First year of the birth century: 1900 for someone born in 1987."""
    birth_year: int

    @property
    def parts(self) -> tuple[str, str, str, str]:
        """The four groups a lesson explains: province, century/sex, year, random."""
        n = self.number
        return n[:3], n[3], n[4:6], n[6:]

    @property
    def masked(self) -> str:
        """The number with its middle hidden, for screens that others may see."""
        return self.number[:3] + "*" * 6 + self.number[-3:]

    def __str__(self) -> str:
        return self.number


def to_ascii_digit(ch: str) -> str | None:
    """``"0"``-``"9"`` for any Unicode decimal digit, ``None`` for anything else.

    Superscripts and circled digits are not decimal digits and stay refused: no keyboard
    produces them by accident.

    Examples
    --------
    >>> to_ascii_digit("\\uff17"), to_ascii_digit("\\u0667"), to_ascii_digit("x")
    ('7', '7', None)
    """
    value = unicodedata.decimal(ch, None) if len(ch) == 1 else None
    return None if value is None else str(value)


def is_separator(ch: str) -> bool:
    """True for characters ignored between digits: whitespace, dots, dashes, invisible marks.

    Examples
    --------
    >>> [is_separator(c) for c in (" ", "\\u00a0", ".", "\\u2013", "\\u200b", "/")]
    [True, True, True, True, True, False]
    """
    if ch.isspace() or ch in _DOTS or ch in _EXTRA_DASHES:
        return True
    # Zs: odd spaces; Cf: zero-width spaces, bidi marks and soft hyphens from copy-paste;
    # Pd: every hyphen and dash.
    return unicodedata.category(ch) in ("Zs", "Cf", "Pd")


def visible(ch: str) -> str:
    """How to show an offending character in a message: itself, or ``U+XXXX`` if unseen."""
    if ch.isprintable() and not ch.isspace() and not unicodedata.category(ch).startswith("M"):
        return ch
    return f"U+{ord(ch):04X}"


def scan_digits(text: str) -> tuple[str, str | None]:
    """The ASCII digits of ``text`` and the first character that is neither digit nor separator.

    Examples
    --------
    >>> scan_digits("001.203-012 345")
    ('001203012345', None)
    >>> scan_digits("12a4")
    ('124', 'a')
    """
    digits, bad = [], None
    for ch in unicodedata.normalize("NFC", text):
        digit = to_ascii_digit(ch)
        if digit is not None:
            digits.append(digit)
        elif bad is None and not is_separator(ch):
            bad = ch
    return "".join(digits), bad


def parse_cccd(text: str | None, today: date | None = None) -> CCCD:
    """Read a CCCD as typed: 12 digits, with any spaces, dots or dashes between groups.

    Parameters
    ----------
    text : str
        What the learner typed; any Unicode digits and separators, NFC or NFD.
    today : datetime.date, optional
        The date a birth year may not exceed; defaults to ``date.today()``.

    Raises
    ------
    InvalidCCCD
        With a code naming the first problem found (see :class:`InvalidCCCD`).

    Examples
    --------
    >>> parse_cccd("001-1-87-000123").sex
    <Sex.FEMALE: 'female'>
    >>> try:
    ...     parse_cccd("001 2 99 000123", today=date(2025, 1, 1))
    ... except InvalidCCCD as err:
    ...     print(err.code, err.params)
    cccd.future_birth_year {'year': 2099}
    """
    digits, bad = scan_digits(text or "")
    if bad is not None:
        raise InvalidCCCD("cccd.not_digits", char=visible(bad))
    if not digits:
        raise InvalidCCCD("cccd.empty")
    if len(digits) != CCCD_LENGTH:
        raise InvalidCCCD("cccd.wrong_length", count=len(digits), expected=CCCD_LENGTH)
    code = digits[:3]
    place = province(code)
    if place is None:
        raise InvalidCCCD("cccd.unknown_province", prefix=code)
    century_sex = int(digits[3])
    century = FIRST_CENTURY + (century_sex // 2) * 100
    year = century + int(digits[4:6])
    if year > (today or date.today()).year:
        raise InvalidCCCD("cccd.future_birth_year", year=year)
    return CCCD(number=digits, province_code=code, province_name=place.name,
                sex=Sex.FEMALE if century_sex % 2 else Sex.MALE,
                birth_century=century, birth_year=year)


def century_sex_digit(sex: Sex | str, birth_year: int) -> str:
    """Digit 4 of a CCCD for this sex and birth year.

    Examples
    --------
    >>> century_sex_digit("female", 2003)
    '3'
    """
    if not FIRST_CENTURY <= birth_year < FIRST_CENTURY + 500:
        raise ValueError(f"a CCCD cannot code the birth year {birth_year}")
    return str((birth_year - FIRST_CENTURY) // 100 * 2 + (Sex(sex) is Sex.FEMALE))


def make_cccd(province_code: str, sex: Sex | str, birth_year: int, serial: int) -> str:
    """Compose a rule-correct (synthetic) CCCD from its parts.

    Examples
    --------
    >>> make_cccd("027", "male", 1987, 42)
    '027087000042'
    """
    if province(province_code) is None:
        raise InvalidCCCD("cccd.unknown_province", prefix=province_code)
    if not 0 <= serial < 10 ** 6:
        raise ValueError(f"the random part must have six digits, got {serial}")
    return f"{province_code}{century_sex_digit(sex, birth_year)}{birth_year % 100:02d}{serial:06d}"
