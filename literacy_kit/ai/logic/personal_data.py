"""Personal data in a text meant for an AI assistant: find it, and mask it.

What counts (every rule's words live in ``data/personal_data.yaml``):

* ``cccd``: a 12-digit number that :func:`~literacy_kit.vneid.parse_cccd` accepts,
  however it is grouped. A 12-digit number that breaks a CCCD rule, or a 9-digit old ID
  card number, counts only next to an ID word ("CCCD", "CMND", "s\u1ed1 \u0111\u1ecbnh danh"...):
  order numbers and invoice numbers are 12 digits too, but a learner who mistyped their
  own ID beside the word "CCCD" still leaks it.
* ``phone``: a number :func:`~literacy_kit.vneid.parse_phone` accepts (0912 345 678,
  +84..., 0084..., brackets, old 11-digit numbers); any number written with a leading
  ``+`` and 8-15 digits (a foreign mobile is personal too); a 10-11 digit number starting
  with 0 next to a phone word (landlines, unknown prefixes).
* ``email``: ``local@domain.tld``; confirmed when ASCII, probable when a tone mark
  slipped into the local part (a Telex keyboard does that).
* ``bank_account``: 6-19 digits next to a banking word or a bank name ("STK",
  "t\u00e0i kho\u1ea3n", "Vietcombank"...), before it (within 40 characters, no other
  candidate in between) or just after it (within 25 characters, no digit, comma,
  semicolon or line break in between; a word before the number wins over one after). A
  valid phone or CCCD whose nearest context word is a banking word is reported as an
  account: people use their phone number as account number.
* ``otp``: 4-8 digits next to a code word ("OTP", "m\u00e3 x\u00e1c th\u1ef1c", "code"...),
  same windows.

Never flagged as bank account, OTP or probable number: amounts and quantities (a unit
after them, "500.000 \u0111\u1ed3ng", "1.200.000\u0111", "2,5 tri\u1ec7u"; or thousands
grouped with dots, "1.200.000"), dates and times ("12/03/2024", "12-03-2024", "14:30"),
year ranges ("2024-2025"), and numbers after "n\u0103m", "gi\u00e1", "l\u00fac"...
("n\u0103m 2025").

Offsets are into the text as given, also when it arrives in NFD. Findings are sorted
and never overlap. :func:`redact` replaces each with a label such as ``[S\u0110T]`` from the
catalogs, and repeats until nothing is found, so ``find_personal_data(redact(t)) == []``.

>>> [(f.kind.value, f.text) for f in find_personal_data("STK 1903 4567 8901, SDT 0912.345.678")]
[('bank_account', '1903 4567 8901'), ('phone', '0912.345.678')]
>>> redact("Call +84 912 345 678", "en")
'Call [PHONE]'
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ...i18n import DEFAULT_LANG, t
from .data_files import load_data, word_list
from ...keywords import Keywords, MappedText
from .scanners import (NumberRun, email_spans, is_piece_of_number, looks_like_amount,
                       looks_like_date, number_runs_in)

__all__ = ["DataKind", "Finding", "find_personal_data", "mask", "redact"]

WINDOW_BEFORE = 40
"""Characters allowed between a context word and the number after it."""
WINDOW_AFTER = 25
"""Characters allowed between a number and the context word after it ("123456 la ma OTP")."""


class DataKind(str, Enum):
    """The kinds of personal data the detector reports (compare with plain strings too)."""

    CCCD = "cccd"
    PHONE = "phone"
    EMAIL = "email"
    BANK_ACCOUNT = "bank_account"
    OTP = "otp"

    def label(self, lang: str = DEFAULT_LANG) -> str:
        """The kind's name for a learner (``"phone number"`` in English)."""
        return t(f"ai.kind.{self.value}", lang)


# Which kind wins when two context words are equally near.
_PRIORITY = (DataKind.CCCD, DataKind.PHONE, DataKind.OTP, DataKind.BANK_ACCOUNT)


@dataclass(frozen=True)
class Finding:
    """One piece of personal data; ``text == given_text[start:end]``.

    ``confirmed`` is true when a parser accepted it (a rule-correct CCCD, a valid
    Vietnamese mobile number, a well-formed e-mail); false when only the words around
    it (or a leading ``+``, or an ``@``) make it personal. Bank accounts and OTPs are never
    confirmed.
    """

    kind: DataKind
    start: int
    end: int
    text: str
    confirmed: bool = False


@dataclass(frozen=True)
class _Rules:
    context: dict
    units_after: Keywords
    words_before: Keywords


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_data("personal_data")
    context = {}
    for kind in _PRIORITY:
        entry = data[kind.value]
        context[kind] = Keywords(word_list(entry.get("words"), f"{kind.value}.words"),
                                 word_list(entry.get("exact_case"), f"{kind.value}.exact_case"))
    return _Rules(context, Keywords(word_list(data["units_after"], "units_after")),
                  Keywords(word_list(data["words_before"], "words_before")))


def _is_plain(text: str, number: NumberRun, rules: _Rules) -> bool:
    return not (looks_like_amount(number) or looks_like_date(number)
                or is_piece_of_number(text, number.start, number.end)
                or rules.units_after.starts_at(text, number.end)
                or rules.words_before.ends_at(text, number.start))


def _eligible(number: NumberRun, kind: DataKind) -> bool:
    size = len(number.digits)
    if kind is DataKind.OTP:
        return number.kind is None and number.plain and 4 <= size <= 8
    if kind is DataKind.BANK_ACCOUNT:
        return number.plain and 6 <= size <= 19
    if kind is DataKind.CCCD:
        return number.kind == DataKind.CCCD or (number.kind is None and number.plain
                                                and size in (9, 12))
    return number.kind == DataKind.PHONE or (number.kind is None and number.plain
                                             and number.digits[:1] == "0" and size in (10, 11))


class _Context:
    """Where each kind's context words are, and which numbers could take each kind."""

    def __init__(self, text: str, numbers: list[NumberRun], rules: _Rules):
        self.text = text
        self.words = {kind: words.spans(text) for kind, words in rules.context.items()}
        self.word_starts = {kind: [s for s, _ in spans] for kind, spans in self.words.items()}
        self.candidates = {kind: [n.start for n in numbers if _eligible(n, kind)]
                           for kind in _PRIORITY}

    def distance(self, number: NumberRun, kind: DataKind) -> int | None:
        spans, starts = self.words[kind], self.word_starts[kind]
        # No context word is longer than 80 characters.
        low = bisect.bisect_left(starts, number.start - WINDOW_BEFORE - 80)
        high = bisect.bisect_right(starts, number.end + WINDOW_AFTER)
        others = self.candidates[kind]
        best = None
        for word_start, word_end in spans[low:high]:
            if word_end <= number.start and number.start - word_end <= WINDOW_BEFORE:
                k = bisect.bisect_left(others, word_end)
                if k < len(others) and others[k] < number.start:
                    continue  # another candidate sits nearer to this word
                gap = number.start - word_end
            elif word_start >= number.end and word_start - number.end <= WINDOW_AFTER:
                between = self.text[number.end:word_start]
                # ", STK ..." starts the next item of a list; it says nothing about this number.
                if any(ch.isdecimal() or ch in ",;\n" for ch in between):
                    continue
                # A word before the number is the usual way to introduce it, so it wins.
                gap = WINDOW_BEFORE + 1 + len(between)
            else:
                continue
            best = gap if best is None else min(best, gap)
        return best


def _classify(number: NumberRun, context: _Context) -> tuple[DataKind, bool] | None:
    options = []
    for rank, kind in enumerate(_PRIORITY):
        if _eligible(number, kind):
            gap = context.distance(number, kind)
            if gap is not None:
                options.append((gap, rank, kind))
    if options:
        kind = min(options)[2]
        return kind, number.confirmed and kind == number.kind
    if number.kind is not None:
        return DataKind(number.kind), number.confirmed
    return None


def find_personal_data(text: str) -> list[Finding]:
    """Every ID number, phone number, e-mail, bank account and OTP in ``text``.

    Parameters
    ----------
    text : str
        Any text, NFC or NFD; nothing raises.

    Returns
    -------
    list of Finding
        Sorted by position, non-overlapping; offsets index ``text`` as given.

    Examples
    --------
    >>> [(f.kind.value, f.text) for f in find_personal_data("OTP: 483 920, n\\u0103m 2025")]
    [('otp', '483 920')]
    >>> find_personal_data("Gi\\u00e1 1.200.000\\u0111, ng\\u00e0y 12/03/2024")
    []
    """
    if not text:
        return []
    mapped = MappedText(text)
    norm, rules = mapped.text, _rules()
    numbers = number_runs_in(norm)
    for number in numbers:
        number.plain = _is_plain(norm, number, rules)
    context = _Context(norm, numbers, rules)
    raw = [(start, end, DataKind.EMAIL, norm[start:end].isascii())
           for start, end in email_spans(norm)]
    verdicts = [_classify(number, context) for number in numbers]
    for i, (number, verdict) in enumerate(zip(numbers, verdicts)):
        if verdict is None:
            continue
        end = number.end
        if verdict[0] is DataKind.BANK_ACCOUNT:
            end = _account_end(norm, numbers, verdicts, i)
        raw.append((number.start, end, verdict[0], verdict[1]))
    spans = [(*mapped.original_span(s, e), kind, ok) for s, e, kind, ok in raw if e > s]
    return [Finding(kind, s, e, text[s:e], ok) for s, e, kind, ok in _merge(spans)]


def _account_end(text: str, numbers: list[NumberRun], verdicts: list, i: int) -> int:
    """Where an account number ends: a 13-digit account grouped "0451 0002 3456 7" splits
    into a valid CCCD and a stray "7"; groups that follow with a plain separator and no
    finding of their own belong to the account (19 digits at most)."""
    end, digits = numbers[i].end, len(numbers[i].digits)
    for number, verdict in zip(numbers[i + 1:], verdicts[i + 1:]):
        gap = text[end:number.start]
        if (verdict is not None or not number.plain or not gap or len(gap) > 2
                or any(ch not in " .-" for ch in gap)
                or digits + len(number.digits) > 19):
            break
        end, digits = number.end, digits + len(number.digits)
    return end


def _merge(spans: list[tuple[int, int, DataKind, bool]]) -> list[tuple[int, int, DataKind, bool]]:
    """Overlapping spans become one; the longer part names the kind."""
    merged: list[tuple[int, int, DataKind, bool]] = []
    for start, end, kind, ok in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            p_start, p_end, p_kind, p_ok = merged[-1]
            longer = (p_kind, p_ok) if p_end - p_start >= end - start else (kind, ok)
            merged[-1] = (p_start, max(p_end, end), *longer)
        else:
            merged.append((start, end, kind, ok))
    return merged


def mask(kind: DataKind | str, lang: str = DEFAULT_LANG) -> str:
    """The label that replaces a finding: ``[S\u1ed0 CCCD]``, ``[S\u0110T]``, ``[PHONE]``...

    Examples
    --------
    >>> mask("bank_account", "en")
    '[ACCOUNT]'
    """
    return t(f"ai.mask.{DataKind(kind).value}", lang)


def redact(text: str, lang: str = DEFAULT_LANG) -> str:
    """``text`` with every finding replaced by its :func:`mask` label.

    A label next to a number could make a new finding (``[STK]`` is a banking word), so
    masking repeats until nothing is left; labels hold no digit and no ``@``, so every
    round removes some and the loop ends.

    Examples
    --------
    >>> redact("CCCD 027203012345, email hoa@example.com", "en")
    'CCCD [ID NUMBER], email [EMAIL]'
    """
    current = text or ""
    for _ in range(len(current) + 1):
        findings = find_personal_data(current)
        if not findings:
            break
        pieces, last = [], 0
        for finding in findings:
            pieces += [current[last:finding.start], mask(finding.kind, lang)]
            last = finding.end
        current = "".join(pieces) + current[last:]
    return current
