"""The vocabulary of a VNeID account: its statuses, next steps, SMS messages and errors.

Kept apart from :mod:`.account` so that views can name states without the state machine.

>>> AccountStatus("pending") is AccountStatus.PENDING
True
>>> Message("VNeID", "sms_otp", {"code": "123456", "minutes": 5}).text("en").startswith("Your VNeID")
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ...errors import InputError
from ...i18n import DEFAULT_LANG, t

OTP_TTL_SECONDS = 300
OTP_MAX_ATTEMPTS = 5
OTP_LENGTH = 6
SMS_SENDER = "VNeID"
"""The sender name the approval SMS shows (reported by provincial police in 2022)."""


class AccountStatus(str, Enum):
    """Where the account stands."""

    NOT_REGISTERED = "not_registered"
    PENDING = "pending"
    """Level-1 registration submitted, awaiting approval."""
    APPROVED = "approved"
    """Approval SMS received; activation (OTP, password, passcode, questions) under way."""
    ACTIVATED = "activated"


class NextStep(str, Enum):
    """The action the app expects next; a simulator highlights the matching screen."""

    REGISTER = "register"
    WAIT_APPROVAL = "wait_approval"
    REQUEST_OTP = "request_otp"
    VERIFY_OTP = "verify_otp"
    SET_PASSWORD = "set_password"
    SET_PASSCODE = "set_passcode"
    SET_SECURITY = "set_security"
    DONE = "done"


class AccountError(InputError):
    """A step taken at the wrong time, or details that do not belong to this citizen.

    Codes: ``account.not_registered``, ``account.already_registered``,
    ``account.not_approved``, ``account.already_approved``, ``account.already_activated``,
    ``account.not_activated``, ``account.already_level2``, ``account.cccd_mismatch``,
    ``account.phone_mismatch``, ``account.portrait_missing``, ``account.otp_not_requested``,
    ``account.otp_already_verified``, ``account.otp_expired``, ``account.otp_locked``,
    ``account.otp_wrong`` (``attempts_left``), ``account.otp_empty``,
    ``account.otp_not_digits``, ``account.otp_wrong_length`` (``count``, ``expected``),
    ``account.otp_not_verified``, ``account.password_already_set``,
    ``account.password_not_set``, ``account.passcode_already_set``,
    ``account.passcode_not_set``, ``account.wrong_password``.
    """


@dataclass(frozen=True)
class Message:
    """One SMS in the simulated phone's inbox; its text is ``vneid.<key>``."""

    sender: str
    key: str
    params: dict = field(default_factory=dict)
    order: int = 0

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The SMS as the phone shows it, in ``lang``."""
        return t(f"vneid.{self.key}", lang, **self.params)
