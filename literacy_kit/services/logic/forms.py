"""Form fields of a procedure: check what was typed, every problem at once, and prefill.

Each :class:`~.procedures.FormFieldSpec` names a validator. The clean values are plain:

==============  ============================================  ===========================
validator       accepts                                       clean value
==============  ============================================  ===========================
``name``        :func:`.names.normalize_name`                 ``str`` (canonical)
``date``        :func:`.dates.parse_date`                     ``datetime.date``
``birth_date``  :func:`.dates.parse_birth_date` (``today``)   ``datetime.date``
``cccd``        :func:`literacy_kit.vneid.parse_cccd`      ``str`` (12 digits)
``phone``       :func:`literacy_kit.vneid.parse_phone`     ``str`` (``0xxxxxxxxx``)
``email``       :func:`literacy_kit.vneid.parse_email`     ``str``
``text``        any text up to ``max_length`` (200)           ``str`` (folded)
``address``     text of ``min_length`` (10) to ``max_length``  ``str`` (folded)
``choice``      a choice id or label, either language,        ``str`` (the choice id)
                case and tone marks ignored
``number``      a whole number >= 0: ``50000000``,            ``int``
                ``50.000.000``, ``50,000,000``, ``50 000 000``
==============  ============================================  ===========================

An empty optional field gives ``None``; an empty required one :class:`InvalidField`
``form.required``. Other problems raise the validator's own error (``name.*``,
``date.*``, ``cccd.*``, ``phone.*``, ``email.*``) or :class:`InvalidField`.

>>> from .procedures import get_procedure
>>> proc = get_procedure("household_business")
>>> validate_field(proc.field("capital_vnd"), "50.000.000")
50000000
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ...errors import InputError
from ...vneid.logic.cccd import Sex, parse_cccd, to_ascii_digit, visible
from ...vneid.logic.citizen import Citizen, parse_email
from ...vneid.logic.phone import parse_phone
from .dates import format_date, parse_birth_date, parse_date
from ...names import normalize_name
from .procedures import FormFieldSpec, Procedure, search_key

__all__ = ["FormCheck", "InvalidField", "MAX_NUMBER", "age_on", "parse_number", "prefill",
           "validate_field", "validate_form"]

TEXT_MAX_LENGTH = 200
ADDRESS_MIN_LENGTH = 10
ADDRESS_MAX_LENGTH = 250
MAX_NUMBER = 10 ** 15
"""Upper bound for a ``number`` field without its own ``max`` (a quadrillion VND)."""
_GROUPED = re.compile(r"[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*")
_MINUS = frozenset("-\u2212\u2013\uff0d")


class InvalidField(InputError):
    """A form value that breaks the field's own rule or a rule between fields.

    Codes: ``form.required``, ``form.too_long`` (``count``, ``max``), ``form.too_short``
    (``count``, ``min``), ``form.bad_character`` (``char``), ``form.bad_choice``,
    ``form.number``, ``form.negative``, ``form.number_too_small`` (``min``),
    ``form.number_too_large`` (``max``), ``form.date_before`` (``other_date``),
    ``form.age_too_high`` (``years``), ``form.age_too_low`` (``years``).
    """


@dataclass
class FormCheck:
    """The outcome of :func:`validate_form`: clean values and every problem, per field."""

    values: dict[str, object] = field(default_factory=dict)
    errors: dict[str, InputError] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    """Keys of the typed values that name no field of the procedure (ignored)."""

    @property
    def ok(self) -> bool:
        return not self.errors


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


def _text(spec: FormFieldSpec, text: str, minimum: int | None, maximum: int) -> str:
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            raise InvalidField("form.bad_character", char=visible(ch))
    limit = spec.max_length or maximum
    if len(text) > limit:
        raise InvalidField("form.too_long", count=len(text), max=limit)
    lower = spec.min_length or minimum
    if lower and len(text) < lower:
        raise InvalidField("form.too_short", count=len(text), min=lower)
    return text


def parse_number(text: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number >= 0 as typed, with dots, commas or spaces between thousands.

    >>> parse_number("50,000,000"), parse_number("\\uff15\\uff10 000")
    (50000000, 50000)
    """
    chars = []
    for ch in _fold(text):
        digit = to_ascii_digit(ch)
        chars.append(digit if digit is not None else ch)
    compact = "".join(chars).replace(" ", "")
    if compact[:1] in _MINUS and compact[1:2].isdigit():
        raise InvalidField("form.negative")
    if not (compact.isascii() and (compact.isdigit() or _GROUPED.fullmatch(compact))):
        raise InvalidField("form.number")
    digits = compact.replace(".", "").replace(",", "").lstrip("0") or "0"
    upper = MAX_NUMBER if maximum is None else maximum
    # Compare lengths first: int() of thousands of digits is slow and later refused.
    if len(digits) > len(str(upper)) or int(digits) > upper:
        raise InvalidField("form.number_too_large", max=upper)
    value = int(digits)
    if minimum is not None and value < minimum:
        raise InvalidField("form.number_too_small", min=minimum)
    return value


def _choice(spec: FormFieldSpec, text: str) -> str:
    for key in (lambda s: s.casefold(), search_key):
        typed = key(text)
        found = {c.id for c in spec.choices
                 if typed in {key(c.id), key(c.label.vi), key(c.label.en)}}
        if len(found) == 1:
            return found.pop()
    raise InvalidField("form.bad_choice")


def validate_field(spec: FormFieldSpec, text: str | None, *, today: date | None = None) -> object:
    """The clean value of one field (see the module table), or the first problem.

    Raises
    ------
    InputError
        :class:`InvalidField` or the validator's own subclass.
    """
    cleaned = _fold("" if text is None else str(text))
    if not cleaned:
        if spec.required:
            raise InvalidField("form.required")
        return None
    today = today or date.today()
    kind = spec.validator
    if kind == "name":
        return normalize_name(cleaned)
    if kind == "date":
        return parse_date(cleaned)
    if kind == "birth_date":
        return parse_birth_date(cleaned, today=today)
    if kind == "cccd":
        return parse_cccd(cleaned, today=today).number
    if kind == "phone":
        return parse_phone(cleaned).number
    if kind == "email":
        return parse_email(cleaned)
    if kind == "choice":
        return _choice(spec, cleaned)
    if kind == "number":
        return parse_number(cleaned, spec.min, spec.max)
    if kind == "address":
        return _text(spec, cleaned, ADDRESS_MIN_LENGTH, ADDRESS_MAX_LENGTH)
    if kind == "text":
        return _text(spec, cleaned, None, TEXT_MAX_LENGTH)
    raise ValueError(f"unknown validator {kind!r}")  # procedures.py refuses these on load


def age_on(born: date, today: date) -> int:
    """Age in whole years on ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _cross_checks(procedure: Procedure, check: FormCheck, today: date) -> None:
    for rule in procedure.checks:
        value = check.values.get(rule.field)
        if rule.field in check.errors or not isinstance(value, date):
            continue
        if rule.kind == "not_before":
            other = check.values.get(rule.other)
            if isinstance(other, date) and value < other:
                check.errors[rule.field] = InvalidField("form.date_before", other_date=format_date(other))
        elif rule.kind == "max_age" and age_on(value, today) >= rule.years:
            check.errors[rule.field] = InvalidField("form.age_too_high", years=rule.years)
        elif rule.kind == "min_age" and age_on(value, today) < rule.years:
            check.errors[rule.field] = InvalidField("form.age_too_low", years=rule.years)


def validate_form(procedure: Procedure, values: Mapping[str, str | None], *,
                  today: date | None = None) -> FormCheck:
    """Check every field of ``procedure`` and the rules between fields, all at once.

    Examples
    --------
    >>> from .procedures import get_procedure
    >>> result = validate_form(get_procedure("newborn"), {})
    >>> result.ok, result.errors["child_name"].code
    (False, 'form.required')
    """
    today = today or date.today()
    check = FormCheck(unknown=tuple(sorted(set(values) - set(procedure.field_ids))))
    for spec in procedure.fields:
        try:
            check.values[spec.id] = validate_field(spec, values.get(spec.id), today=today)
        except InputError as err:
            check.errors[spec.id] = err
    _cross_checks(procedure, check, today)
    for field_id in check.errors:
        check.values.pop(field_id, None)
    return check


def prefill(procedure: Procedure, citizen: Citizen) -> dict[str, str]:
    """What the portal fills in from the population database for the logged-in citizen.

    Dates come as ``dd/mm/yyyy`` and sex as a choice id; an empty attribute (no e-mail)
    leaves its field out.
    """
    filled = {}
    for spec in procedure.fields:
        if not (spec.prefilled and spec.source):
            continue
        value = getattr(citizen, spec.source, "")
        if isinstance(value, date):
            value = format_date(value)
        elif isinstance(value, Sex):
            value = value.value
        if value:
            filled[spec.id] = str(value)
    return filled
