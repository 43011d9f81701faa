"""Dates as Vietnamese forms write them: day first, then month, then a four-digit year.

Accepted: ``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, with spaces around
the text or the separators, digits of any script (fullwidth digits from CJK keyboards,
Arabic-Indic...) and the fullwidth or typographic forms of the separators. Both separators
must be of the same kind. Two-digit years are refused: "01/02/03" names no century.

>>> parse_date(" 5/9/2024 ")
datetime.date(2024, 9, 5)
>>> format_date(parse_date("05.09.2024"))
'05/09/2024'
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from ...errors import InputError
from ...vneid.logic.cccd import to_ascii_digit

__all__ = ["EARLIEST_YEAR", "InvalidDate", "format_date", "parse_birth_date", "parse_date"]

EARLIEST_YEAR = 1900
"""Dates before this year are refused (``date.too_old``): no living person or open file."""

_SEPARATORS = {
    "/": "/", "\uff0f": "/", "\u2044": "/", "\u2215": "/",
    "-": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\uff0d": "-", "\ufe63": "-",
    ".": ".", "\uff0e": ".", "\u3002": ".", "\uff61": ".",
}
_SHAPE = re.compile(r"([0-9]{1,2}) ?([/.-]) ?([0-9]{1,2}) ?\2 ?([0-9]{4})")


class InvalidDate(InputError):
    """A date that cannot be read or cannot be right.

    Codes: ``date.empty``, ``date.format`` (not day/month/year), ``date.impossible``
    (``day``, ``month``, ``year``: 31/02, month 13, 29/02 of a common year),
    ``date.too_old`` (``year``, ``earliest``), ``date.future_birth`` (``date``).
    """


def _ascii(text: str) -> str:
    """Digits and separators in ASCII, whitespace folded, invisible marks dropped."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        digit = to_ascii_digit(ch)
        if digit is not None:
            out.append(digit)
        elif ch in _SEPARATORS:
            out.append(_SEPARATORS[ch])
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) != "Cf":
            out.append(ch)
    return " ".join("".join(out).split())


def parse_date(text: str | None) -> date:
    """Read a day/month/year date as typed.

    Raises
    ------
    InvalidDate
        ``date.empty``, ``date.format``, ``date.too_old`` or ``date.impossible``.

    Examples
    --------
    >>> parse_date("\\uff12\\uff19/\\uff10\\uff12/\\uff12\\uff10\\uff12\\uff14")
    datetime.date(2024, 2, 29)
    """
    cleaned = _ascii(text or "")
    if not cleaned:
        raise InvalidDate("date.empty")
    match = _SHAPE.fullmatch(cleaned)
    if match is None:
        raise InvalidDate("date.format")
    day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if year < EARLIEST_YEAR:
        raise InvalidDate("date.too_old", year=year, earliest=EARLIEST_YEAR)
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate("date.impossible", day=day, month=month, year=year) from None


def parse_birth_date(text: str | None, today: date | None = None) -> date:
    """Like :func:`parse_date`, and the day may not be after ``today``.

    Examples
    --------
    >>> try:
    ...     parse_birth_date("02/01/2025", today=date(2025, 1, 1))
    ... except InvalidDate as err:
    ...     print(err.code, err.params)
    date.future_birth {'date': '02/01/2025'}
    """
    born = parse_date(text)
    if born > (today or date.today()):
        raise InvalidDate("date.future_birth", date=format_date(born))
    return born


def format_date(day: date) -> str:
    """``dd/mm/yyyy``, the way Vietnamese forms print a date."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"

