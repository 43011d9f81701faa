"""Rules for what a learner chooses while activating VNeID: password, passcode, security answers.

The password rule is the app's own (8-20 characters with upper- and lower-case letters,
a digit and a special character). The passcode rules go further than the app in one
respect: they refuse the codes a thief tries first (111111, 123456, 121212, the birth
date), because that is the lesson.

>>> check_password("Lang$on2025", "Lang$on2025")
'Lang$on2025'
>>> try:
...     check_passcode("123456", "123456")
... except CredentialError as err:
...     print(err.code)
passcode.sequence
"""
from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date

from ...errors import InputError
from ...text import fold
from .cccd import scan_digits, visible

PASSWORD_MIN, PASSWORD_MAX = 8, 20
PASSCODE_LENGTH = 6
SECURITY_ANSWERS_REQUIRED = 2
SECURITY_QUESTIONS: tuple[str, ...] = (
    "primary_school", "childhood_friend", "first_teacher",
    "favourite_food", "home_village", "favourite_animal",
)
"""Ids of the security questions; their texts are ``vneid.security_q.<id>``."""

_SPECIALS = frozenset(string.punctuation)


class CredentialError(InputError):
    """A password, passcode or set of security answers that the app would refuse.

    Codes: ``password.empty``, ``password.whitespace``, ``password.not_ascii`` (``char``),
    ``password.length`` (``count``, ``min``, ``max``), ``password.no_lower``,
    ``password.no_upper``, ``password.no_digit``, ``password.no_special``,
    ``password.mismatch``; ``passcode.empty``, ``passcode.not_digits``,
    ``passcode.wrong_length`` (``count``, ``expected``), ``passcode.same_digit``,
    ``passcode.sequence``, ``passcode.repeated_pattern``, ``passcode.birth_date``,
    ``passcode.mismatch``; ``security.unknown_question`` (``question``),
    ``security.same_question``, ``security.wrong_count`` (``count``, ``expected``),
    ``security.empty_answer`` (``position``).
    """


def check_password(password: str, confirm: str) -> str:
    """The password (NFC) if it follows the VNeID rule and ``confirm`` repeats it.

    Raises
    ------
    CredentialError
        The first broken rule, in the order a learner can fix them.

    Examples
    --------
    >>> try:
    ...     check_password("abc", "abc")
    ... except CredentialError as err:
    ...     print(err.code, err.params["count"])
    password.length 3
    """
    # NFC: the same password typed on two keyboards must be the same password.
    value = unicodedata.normalize("NFC", password or "")
    if not value:
        raise CredentialError("password.empty")
    if any(ch.isspace() for ch in value):
        raise CredentialError("password.whitespace")
    for ch in value:
        # Telex and VNI keyboards turn "aa" into a-circumflex without asking; such a
        # password cannot be typed again on another phone.
        if not ch.isascii() or not ch.isprintable():
            raise CredentialError("password.not_ascii", char=visible(ch))
    if not PASSWORD_MIN <= len(value) <= PASSWORD_MAX:
        raise CredentialError("password.length", count=len(value), min=PASSWORD_MIN, max=PASSWORD_MAX)
    for code, present in (("password.no_lower", any(c.islower() for c in value)),
                          ("password.no_upper", any(c.isupper() for c in value)),
                          ("password.no_digit", any(c.isdigit() for c in value)),
                          ("password.no_special", any(c in _SPECIALS for c in value))):
        if not present:
            raise CredentialError(code)
    if unicodedata.normalize("NFC", confirm or "") != value:
        raise CredentialError("password.mismatch")
    return value


def _is_run(code: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(code, code[1:])}
    # 1 is counting up (123456, 567890), 9 is counting down (654321, 098765).
    return steps in ({1}, {9})


def birth_date_codes(born: date) -> frozenset[str]:
    """Six-digit codes made from a birth date: ddmmyy, yymmdd and mmyyyy.

    Examples
    --------
    >>> sorted(birth_date_codes(date(1987, 3, 9)))
    ['031987', '090387', '870309']
    """
    return frozenset({born.strftime("%d%m%y"), born.strftime("%y%m%d"), born.strftime("%m%Y")})


def check_passcode(passcode: str, confirm: str, born: date | None = None) -> str:
    """The six ASCII digits of ``passcode`` if it is not easy to guess and ``confirm`` repeats it.

    Parameters
    ----------
    passcode, confirm : str
        As typed; digits in any script, spaces ignored.
    born : datetime.date, optional
        The owner's birth date; codes made from it are refused.

    Examples
    --------
    >>> check_passcode("\\uff15\\uff18\\uff12\\uff17\\uff13\\uff11", "582731")
    '582731'
    >>> try:
    ...     check_passcode("123123", "123123")
    ... except CredentialError as err:
    ...     print(err.code)
    passcode.repeated_pattern
    """
    digits, bad = scan_digits(passcode or "")
    if bad is not None:
        raise CredentialError("passcode.not_digits")
    if not digits:
        raise CredentialError("passcode.empty")
    if len(digits) != PASSCODE_LENGTH:
        raise CredentialError("passcode.wrong_length", count=len(digits), expected=PASSCODE_LENGTH)
    if len(set(digits)) == 1:
        raise CredentialError("passcode.same_digit")
    if _is_run(digits):
        raise CredentialError("passcode.sequence")
    if digits == digits[:2] * 3 or digits == digits[:3] * 2:
        raise CredentialError("passcode.repeated_pattern")
    if born is not None and digits in birth_date_codes(born):
        raise CredentialError("passcode.birth_date")
    again, bad_again = scan_digits(confirm or "")
    if bad_again is not None or again != digits:
        raise CredentialError("passcode.mismatch")
    return digits


def check_security_answers(answers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """Exactly two different known questions with non-empty answers, answers folded.

    The answers are stored folded (NFC, single spaces, case-folded) so that a later check
    does not fail on a keyboard's spelling of the same word.

    Examples
    --------
    >>> folded = check_security_answers({"favourite_food": " Ph\\u1edf ", "home_village": "L\\u00e0ng  Mai"})
    >>> folded == {"favourite_food": "ph\\u1edf", "home_village": "l\\u00e0ng mai"}
    True
    """
    pairs = list(answers.items() if isinstance(answers, Mapping) else answers)
    seen: set[str] = set()
    for question, _ in pairs:
        if question not in SECURITY_QUESTIONS:
            raise CredentialError("security.unknown_question", question=str(question))
        if question in seen:
            raise CredentialError("security.same_question")
        seen.add(question)
    if len(pairs) != SECURITY_ANSWERS_REQUIRED:
        raise CredentialError("security.wrong_count", count=len(pairs),
                              expected=SECURITY_ANSWERS_REQUIRED)
    folded = {}
    for position, (question, answer) in enumerate(pairs, start=1):
        folded[question] = fold(answer or "")
        if not folded[question]:
            raise CredentialError("security.empty_answer", position=position)
    return folded
