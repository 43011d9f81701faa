"""A VNeID account as a state machine, following the steps of the real app.

Level 1: register in the app (ID number, phone, optional e-mail, portrait) -> the police
approve -> an approval SMS arrives -> activate: ID number + phone -> SMS OTP -> password ->
6-digit passcode -> two security questions. Level 2 is reached only in person, at the
police, with portrait and fingerprints: this class offers no other way up, because
"we will upgrade your VNeID to level 2 by phone/link" is the most common scam pretext.

Every method either completes its step or raises an :class:`~literacy_kit.errors.InputError`
(:class:`AccountError` for a step taken out of order) and leaves the state as it was;
the one exception is a wrong OTP, which uses up one attempt.

>>> from literacy_kit.vneid.logic.citizen import fake_citizen
>>> person = fake_citizen(seed=3)
>>> account = VNeIDAccount(person, seed=3)
>>> account.register_level1(person.cccd, person.phone)
>>> account.approve()
>>> code = account.request_otp(person.cccd, person.phone)
>>> account.verify_otp(code)
>>> account.next_step
<NextStep.SET_PASSWORD: 'set_password'>
"""
from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ...text import fold
from .account_types import (OTP_LENGTH, OTP_MAX_ATTEMPTS, OTP_TTL_SECONDS, SMS_SENDER,
                            AccountError, AccountStatus, Message, NextStep)
from .cccd import parse_cccd, scan_digits
from .citizen import Citizen, ascii_fold, parse_email
from .credentials import check_passcode, check_password, check_security_answers
from .phone import parse_phone
from .wallet import DocumentWallet

__all__ = ["OTP_LENGTH", "OTP_MAX_ATTEMPTS", "OTP_TTL_SECONDS", "SMS_SENDER", "AccountError",
           "AccountStatus", "Message", "NextStep", "VNeIDAccount"]


@dataclass
class _Otp:
    code: str
    issued_at: float
    attempts_left: int


class VNeIDAccount:
    """The account of one (synthetic) citizen.

    Parameters
    ----------
    citizen : Citizen
        Whose account it is; what is typed must match this person's CCCD and phone.
    clock : callable
        Seconds as a float; OTP expiry is measured with it (tests pass a fake clock).
    seed : int or str, optional
        Makes OTP codes and wallet document numbers repeatable.
    """

    def __init__(self, citizen: Citizen, clock: Callable[[], float] = time.monotonic,
                 seed: int | str | None = None):
        self.citizen = citizen
        self._clock = clock
        self._seed = seed if seed is not None else random.SystemRandom().getrandbits(64)
        self._otp_rng = random.Random(f"{self._seed}:otp")
        self._status = AccountStatus.NOT_REGISTERED
        self._level = 0
        self._inbox: list[Message] = []
        self._email = ""
        self._otp: _Otp | None = None
        self._otp_verified = False
        self._password_digest = ""
        self._passcode_digest = ""
        self._security: dict[str, str] = {}
        self.wallet = DocumentWallet(citizen.full_name, lambda: self._level, self._seed)

    # -- what a view shows ------------------------------------------------------------
    @property
    def status(self) -> AccountStatus:
        return self._status

    @property
    def level(self) -> int:
        """0 until activation, 1 once activated, 2 after the in-person police step."""
        return self._level

    @property
    def inbox(self) -> list[Message]:
        """A copy of the SMS received, oldest first."""
        return list(self._inbox)

    @property
    def email(self) -> str:
        return self._email

    @property
    def security_questions(self) -> tuple[str, ...]:
        """Ids of the two questions chosen, once set."""
        return tuple(self._security)

    @property
    def otp_attempts_left(self) -> int:
        return self._otp.attempts_left if self._otp else 0

    @property
    def otp_seconds_left(self) -> float:
        """Seconds before the current OTP expires (0 when there is none)."""
        if self._otp is None:
            return 0.0
        return max(0.0, OTP_TTL_SECONDS - (self._clock() - self._otp.issued_at))

    @property
    def next_step(self) -> NextStep:
        if self._status is AccountStatus.NOT_REGISTERED:
            return NextStep.REGISTER
        if self._status is AccountStatus.PENDING:
            return NextStep.WAIT_APPROVAL
        if self._status is AccountStatus.ACTIVATED:
            return NextStep.DONE
        if not self._otp_verified:
            usable = self.otp_attempts_left > 0 and self.otp_seconds_left > 0
            return NextStep.VERIFY_OTP if usable else NextStep.REQUEST_OTP
        if not self._password_digest:
            return NextStep.SET_PASSWORD
        if not self._passcode_digest:
            return NextStep.SET_PASSCODE
        return NextStep.SET_SECURITY

    # -- level 1: registration and approval -------------------------------------------
    def register_level1(self, cccd_text: str, phone_text: str, email_text: str = "",
                        portrait_taken: bool = True) -> None:
        """Submit the level-1 registration: NOT_REGISTERED -> PENDING.

        The ID number and phone are parsed (their own errors pass through) and must be the
        citizen's; the e-mail is optional but checked when given; a portrait is required.

        Examples
        --------
        >>> from literacy_kit.vneid.logic.citizen import fake_citizen
        >>> person = fake_citizen(seed=3)
        >>> account = VNeIDAccount(person)
        >>> account.register_level1(person.cccd, "+84 " + person.phone[1:], email_text="")
        >>> account.status.value, account.next_step.value
        ('pending', 'wait_approval')
        """
        if self._status is not AccountStatus.NOT_REGISTERED:
            raise AccountError("account.already_registered")
        self._check_identity(cccd_text, phone_text)
        email = parse_email(email_text) if fold(email_text or "") else ""
        if not portrait_taken:
            raise AccountError("account.portrait_missing")
        self._email = email
        self._status = AccountStatus.PENDING

    def approve(self) -> None:
        """The police approve the registration (PENDING -> APPROVED); an SMS arrives."""
        if self._status is AccountStatus.NOT_REGISTERED:
            raise AccountError("account.not_registered")
        if self._status is not AccountStatus.PENDING:
            raise AccountError("account.already_approved")
        self._status = AccountStatus.APPROVED
        # Real SMS carry no tone marks; the name is written the same way.
        self._send("sms_approved", name=ascii_fold(self.citizen.full_name))

    # -- activation -------------------------------------------------------------------
    def request_otp(self, cccd_text: str, phone_text: str) -> str:
        """Ask for an activation code with ID number + phone; returns it and sends it by SMS.

        A new request replaces the previous code and its attempt counter. The code is valid
        for ``OTP_TTL_SECONDS`` of ``clock`` (see the example at the top of this module).
        """
        self._require_step(NextStep.REQUEST_OTP)
        self._check_identity(cccd_text, phone_text)
        code = f"{self._otp_rng.randrange(10 ** OTP_LENGTH):0{OTP_LENGTH}d}"
        self._otp = _Otp(code, self._clock(), OTP_MAX_ATTEMPTS)
        self._send("sms_otp", code=code, minutes=OTP_TTL_SECONDS // 60)
        return code

    def verify_otp(self, code_text: str) -> None:
        """Check the code from the SMS; a wrong code uses one of ``OTP_MAX_ATTEMPTS`` tries.

        A malformed code (letters, wrong length) uses no try. After the last wrong try the
        code is locked until a new one is requested.

        Examples
        --------
        >>> from literacy_kit.vneid.logic.citizen import fake_citizen
        >>> person = fake_citizen(seed=3)
        >>> account = VNeIDAccount(person, seed=3)
        >>> account.register_level1(person.cccd, person.phone)
        >>> account.approve()
        >>> code = account.request_otp(person.cccd, person.phone)
        >>> try:
        ...     account.verify_otp("000000" if code != "000000" else "111111")
        ... except AccountError as err:
        ...     print(err.code, err.params)
        account.otp_wrong {'attempts_left': 4}
        """
        self._require_step(NextStep.VERIFY_OTP)
        otp = self._otp
        if otp is None:
            raise AccountError("account.otp_not_requested")
        if otp.attempts_left <= 0:
            raise AccountError("account.otp_locked")
        if self.otp_seconds_left <= 0:
            raise AccountError("account.otp_expired")
        digits, bad = scan_digits(code_text or "")
        if bad is not None:
            raise AccountError("account.otp_not_digits")
        if not digits:
            raise AccountError("account.otp_empty")
        if len(digits) != OTP_LENGTH:
            raise AccountError("account.otp_wrong_length", count=len(digits), expected=OTP_LENGTH)
        if digits != otp.code:
            otp.attempts_left -= 1
            if otp.attempts_left == 0:
                raise AccountError("account.otp_locked")
            raise AccountError("account.otp_wrong", attempts_left=otp.attempts_left)
        self._otp, self._otp_verified = None, True

    def set_password(self, password: str, confirm: str) -> None:
        """Choose the login password (8-20 characters: upper, lower, digit, special)."""
        self._require_step(NextStep.SET_PASSWORD)
        self._password_digest = self._digest(check_password(password, confirm))

    def set_passcode(self, passcode: str, confirm: str) -> None:
        """Choose the 6-digit passcode; easy-to-guess codes are refused.

        See :func:`~literacy_kit.vneid.logic.credentials.check_passcode` for the rules; the
        citizen's own birth date is among the refused codes.
        """
        self._require_step(NextStep.SET_PASSCODE)
        code = check_passcode(passcode, confirm, born=self.citizen.date_of_birth)
        self._passcode_digest = self._digest(code)

    def set_security_answers(self, answers: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Answer two different security questions: APPROVED -> ACTIVATED, level 1."""
        self._require_step(NextStep.SET_SECURITY)
        folded = check_security_answers(answers)
        self._security = {question: self._digest(answer) for question, answer in folded.items()}
        self._status, self._level = AccountStatus.ACTIVATED, 1

    def check_security_answer(self, question: str, answer: str) -> bool:
        """Whether ``answer`` matches the one given (folded: case, spacing, NFC/NFD)."""
        digest = self._security.get(question)
        return digest is not None and digest == self._digest(fold(answer or ""))

    def log_in(self, cccd_text: str, password: str) -> int:
        """Log in with ID number and password after activation; returns the account level."""
        if self._status is not AccountStatus.ACTIVATED:
            raise AccountError("account.not_activated")
        card = parse_cccd(cccd_text)
        if card.number != self.citizen.cccd:
            raise AccountError("account.cccd_mismatch")
        if self._digest(password or "") != self._password_digest:
            raise AccountError("account.wrong_password")
        return self._level

    # -- level 2: only in person ------------------------------------------------------
    def verify_level2_in_person(self, cccd_text: str) -> None:
        """The police-station visit (ID card, portrait, fingerprints): level 1 -> level 2.

        The only way to level 2, on purpose: nothing upgrades an account by phone or link.

        Examples
        --------
        >>> from literacy_kit.vneid.logic.citizen import fake_citizen
        >>> account = VNeIDAccount(fake_citizen(seed=3))
        >>> try:
        ...     account.verify_level2_in_person(account.citizen.cccd)
        ... except AccountError as err:
        ...     print(err.code)
        account.not_activated
        """
        if self._status is not AccountStatus.ACTIVATED:
            raise AccountError("account.not_activated")
        if self._level >= 2:
            raise AccountError("account.already_level2")
        if parse_cccd(cccd_text).number != self.citizen.cccd:
            raise AccountError("account.cccd_mismatch")
        self._level = 2
        self._send("sms_level2", name=ascii_fold(self.citizen.full_name))

    # -- helpers ----------------------------------------------------------------------
    def _check_identity(self, cccd_text: str, phone_text: str) -> None:
        if parse_cccd(cccd_text).number != self.citizen.cccd:
            raise AccountError("account.cccd_mismatch")
        if parse_phone(phone_text).number != self.citizen.phone:
            raise AccountError("account.phone_mismatch")

    def _require_step(self, step: NextStep) -> None:
        """Raise the error that explains why ``step`` cannot be taken now."""
        status = self._status
        if status is AccountStatus.NOT_REGISTERED:
            raise AccountError("account.not_registered")
        if status is AccountStatus.PENDING:
            raise AccountError("account.not_approved")
        if status is AccountStatus.ACTIVATED:
            raise AccountError("account.already_activated")
        if step in (NextStep.REQUEST_OTP, NextStep.VERIFY_OTP):
            if self._otp_verified:
                raise AccountError("account.otp_already_verified")
            return
        prerequisites = ((self._otp_verified, "account.otp_not_verified"),
                         (bool(self._password_digest), "account.password_not_set"),
                         (bool(self._passcode_digest), "account.passcode_not_set"))
        needed = {NextStep.SET_PASSWORD: 1, NextStep.SET_PASSCODE: 2, NextStep.SET_SECURITY: 3}[step]
        for finished, code in prerequisites[:needed]:
            if not finished:
                raise AccountError(code)
        if step is NextStep.SET_PASSWORD and self._password_digest:
            raise AccountError("account.password_already_set")
        if step is NextStep.SET_PASSCODE and self._passcode_digest:
            raise AccountError("account.passcode_already_set")

    def _send(self, key: str, **params) -> None:
        self._inbox.append(Message(SMS_SENDER, key, params, order=len(self._inbox) + 1))

    def _digest(self, secret: str) -> str:
        # Only digests are kept: the simulation practises good habits even with fake data.
        return hashlib.sha256(f"{self._seed}:{secret}".encode()).hexdigest()

    def __repr__(self) -> str:
        return f"<VNeIDAccount {self.citizen.cccd[:3]}... {self._status.value} level {self._level}>"
