"""Shapes in a text: runs of digits (phones, CCCDs, other numbers) and e-mail addresses.

The detector in :mod:`literacy_kit.ai.logic.personal_data` decides what a run means from the
words around it; this module only finds the runs, recognises the ones
:func:`~literacy_kit.vneid.parse_phone` or :func:`~literacy_kit.vneid.parse_cccd`
accept, and tells dates, year ranges and thousands-grouped amounts by their shape.
All offsets index the (NFC) text passed in.

>>> [(r.digits, r.kind) for r in number_runs_in("SDT (091) 234-5678, 12/03/2024")]
[('0912345678', 'phone'), ('12', None), ('03', None), ('2024', None)]
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from string import ascii_letters, digits as ascii_digits

from ...vneid import parse_cccd, parse_phone

__all__ = ["NumberRun", "email_spans", "is_piece_of_number", "looks_like_amount",
           "looks_like_date", "number_runs_in"]

MAX_GROUPS = 7
"""Digit groups tried together when looking for a phone or CCCD inside a longer run."""

_OPEN, _CLOSE, _PLUS = "([\uff08\uff3b", ")]\uff09\uff3d", "+\uff0b"
_HSPACE = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
# Between digit groups: spaces on one line, dots, dashes, brackets, invisible marks.
_GAP = (rf"(?:{_HSPACE}|[.\u00b7\u2024\u2027\uff0e\-\u2010-\u2015\u2212()\[\]"
        r"\uff08\uff09\uff3b\uff3d\u200b-\u200d\u2060\ufeff\u00ad])")
_RUN = re.compile(rf"(?:[(\[\uff08\uff3b]{_HSPACE}?)?(?:[+\uff0b]{_HSPACE}?)?"
                  rf"\d+(?:{_GAP}{{1,3}}\d+)*")
_DIGIT_GROUP = re.compile(r"\d+")
_LOCAL = frozenset(ascii_letters + ascii_digits + "._%+-")
_DOMAIN = frozenset(ascii_letters + ascii_digits + ".-")


@dataclass
class NumberRun:
    """A run of digit groups in the NFC text, possibly already recognised by a parser."""

    start: int
    end: int
    groups: tuple[str, ...]
    seps: tuple[str, ...]
    kind: str | None = None
    """``"phone"`` or ``"cccd"`` when a parser accepted the run."""
    confirmed: bool = False
    plain: bool = True
    """Not an amount, date, time or year: may become a bank account, OTP or probable number."""

    @property
    def digits(self) -> str:
        return "".join(self.groups)


def _ascii(run: str) -> str:
    return "".join(str(unicodedata.digit(ch, 0)) for ch in run)


def _parses(parser, value: str) -> bool:
    try:
        parser(value)
    except ValueError:  # InvalidCCCD / InvalidPhone are InputErrors, hence ValueErrors
        return False
    return True


def _recognise(groups: list[str], i: int, plus: bool,
               can_end: list[bool]) -> tuple[int, str, bool] | None:
    """The longest stretch of groups from ``i`` that is a phone or CCCD: (last, kind, confirmed)."""
    probable = None
    for j in range(min(len(groups) - 1, i + MAX_GROUPS - 1), i - 1, -1):
        if not can_end[j]:
            continue
        value = "".join(groups[i:j + 1])
        if plus:
            if 8 <= len(value) <= 15:
                if _parses(parse_phone, "+" + value):
                    return j, "phone", True
                probable = probable or (j, "phone", False)
            continue
        if len(value) == 12 and _parses(parse_cccd, value):
            return j, "cccd", True
        if 10 <= len(value) <= 13 and value[0] in "08" and _parses(parse_phone, value):
            return j, "phone", True
    return probable


def _trim_open(text: str, start: int, end: int) -> int:
    # "STK (1234567890)" : the run holds "(" but not ")", which the mask should not eat.
    if not any(ch in _CLOSE for ch in text[start:end]):
        while start < end and (text[start] in _OPEN or text[start].isspace()):
            start += 1
    return start


def number_runs_in(text: str) -> list[NumberRun]:
    """Every digit run of ``text`` (NFC), split into the phones and CCCDs found inside.

    Examples
    --------
    >>> [(r.digits, r.kind) for r in number_runs_in("12 0912 345 678")]
    [('12', None), ('0912345678', 'phone')]
    """
    return [run for match in _RUN.finditer(text) for run in _split_run(text, match)]


def _split_run(text: str, match: re.Match) -> list[NumberRun]:
    spans = [(m.start() + match.start(), m.end() + match.start())
             for m in _DIGIT_GROUP.finditer(match.group())]
    groups = [_ascii(text[s:e]) for s, e in spans]
    plus = any(ch in _PLUS for ch in text[match.start():spans[0][0]])
    numbers: list[NumberRun] = []

    def add(first: int, last: int, kind=None, confirmed=False) -> None:
        start = match.start() if first == 0 else spans[first][0]
        end = spans[last][1]
        seps = tuple(text[spans[k][1]:spans[k + 1][0]] for k in range(first, last))
        numbers.append(NumberRun(_trim_open(text, start, end), end, tuple(groups[first:last + 1]),
                               seps, kind, confirmed))

    # A phone or CCCD starts and ends at the run's ends or at a space or bracket, never inside
    # a dotted or dashed number: "1.200.000 027.203.012.345" is an amount, then an ID.
    soft = [any(ch.isspace() or ch in _OPEN or ch in _CLOSE
                for ch in text[spans[k][1]:spans[k + 1][0]])
            for k in range(len(spans) - 1)]
    can_start = [True] + soft
    can_end = soft + [True]
    i, leftover = 0, None
    while i < len(groups):
        hit = _recognise(groups, i, plus and i == 0, can_end) if can_start[i] else None
        if hit is None:
            leftover = i if leftover is None else leftover
            i += 1
            continue
        if leftover is not None:
            add(leftover, i - 1)
            leftover = None
        add(i, hit[0], hit[1], hit[2])
        i = hit[0] + 1
    if leftover is not None:
        add(leftover, len(groups) - 1)
    return numbers


def looks_like_date(number: NumberRun) -> bool:
    """True for "12.03.2024", "12-03-24", "2024-03-12" and year ranges such as "2024-2025".

    Examples
    --------
    >>> [looks_like_date(r) for r in number_runs_in("12-03-2024, 2024-2025, 1903-4567")]
    [True, True, False]
    """
    sizes = tuple(len(g) for g in number.groups)
    seps = {s.strip() for s in number.seps}
    if sizes == (4, 4) and all(1900 <= int(g) < 2100 for g in number.groups):
        return True  # a year range: "n\u0103m h\u1ecdc 2024-2025"
    if len(sizes) != 3 or len(seps) != 1 or seps.pop() not in (".", "-"):
        return False
    return (sizes[0] <= 2 and sizes[1] <= 2 and sizes[2] in (2, 4)) or \
        (sizes[0] == 4 and sizes[1] <= 2 and sizes[2] <= 2)


def looks_like_amount(number: NumberRun) -> bool:
    """True for thousands grouped with dots, the Vietnamese way of writing money: "1.200.000".

    Examples
    --------
    >>> [looks_like_amount(r) for r in number_runs_in("1.200.000 027.203.012.345")]
    [True, False]
    """
    groups = number.groups
    return (len(groups) >= 2 and groups[0][0] != "0" and len(groups[0]) <= 3
            and all(len(g) == 3 for g in groups[1:]) and all(s == "." for s in number.seps))


def is_piece_of_number(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is joined to another number by "/", ":" or ",".

    Such pieces belong to dates, times and decimals ("12/03/2024", "14:30", "2,5").

    Examples
    --------
    >>> is_piece_of_number("12/03/2024", 3, 5), is_piece_of_number("STK 1234", 4, 8)
    (True, False)
    """
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] in "/:," and before[0].isdecimal()) or \
        (len(after) == 2 and after[0] in "/:," and after[1].isdecimal())


def _local_char(ch: str) -> bool:
    # Letters with tone marks too: "h\u00f2a@gmail.com" (a Telex slip) is still somebody's address.
    return ch in _LOCAL or ch.isalnum() or unicodedata.combining(ch) > 0


def email_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every ``local@domain.tld`` in ``text``.

    Each ``@`` is grown outwards, so the cost stays linear whatever the text.

    Examples
    --------
    >>> text = "Mail hoa.nguyen@gmail.com, not hoa@gmail"
    >>> [text[s:e] for s, e in email_spans(text)]
    ['hoa.nguyen@gmail.com']
    """
    found = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and _local_char(text[start - 1]):
            start -= 1
        while start < at and text[start] == ".":
            start += 1
        end = at + 1
        while end < len(text) and text[end] in _DOMAIN:
            end += 1
        while end > at + 1 and text[end - 1] in ".-":
            end -= 1
        labels = text[at + 1:end].split(".")
        if start < at and len(labels) >= 2 and all(labels) and labels[-1].isalpha() \
                and len(labels[-1]) >= 2:
            found.append((start, end))
        at = text.find("@", at + 1)
    return found
