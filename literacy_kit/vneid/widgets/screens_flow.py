"""How the simulator's screens follow the account: the state traits, which screens fit
which step, and fast-forwarding an account (to restore a learner's saved state).

>>> from literacy_kit.vneid.logic.citizen import fake_citizen
>>> account = fast_forward(VNeIDAccount(fake_citizen(seed=2), seed=2), "approved")
>>> resume_screen(account, logged_in=False)
'activate'
"""
from __future__ import annotations

from collections.abc import Callable

from traitlets import Bool, HasTraits, Int, TraitError, Unicode, validate

from . import screens_activate, screens_home, screens_register
from ..logic.registration import REGISTRATION_SCREENS
from ..logic.account import AccountStatus, NextStep, VNeIDAccount
from .screens_base import Screen

SCREEN_CLASSES: dict[str, type[Screen]] = {
    cls.key: cls for cls in (*screens_register.SCREENS, *screens_activate.SCREENS,
                             *screens_home.SCREENS)}
"""Every screen the phone can show, by key."""

STATUSES = tuple(status.value for status in AccountStatus)
SCAM_OUTCOMES = ("", "refused", "fell_for_it")

#: What :func:`fast_forward` chooses when it activates an account on the learner's behalf
#: (a trainer restoring a class can log in with them). They pass the app's own rules.
DEMO_PASSWORD = "Demo@2025vn"
DEMO_PASSCODE = "582731"
DEMO_ANSWERS = (("home_village", "Phu Hung"), ("favourite_food", "Pho"))

#: Screens of the phone's messages, not of the app: "back to the app" skips them.
PHONE_SCREENS = ("inbox", "scam", "scam_warning", "scam_refused")
_REGISTRATION = REGISTRATION_SCREENS
_AFTER_LOGIN = ("home", "wallet", "scam", "scam_warning", "scam_refused")
_STEP_SCREENS = {
    NextStep.REGISTER: _REGISTRATION, NextStep.WAIT_APPROVAL: ("submitted",),
    NextStep.REQUEST_OTP: ("activate",), NextStep.VERIFY_OTP: ("activate", "otp"),
    NextStep.SET_PASSWORD: ("password",), NextStep.SET_PASSCODE: ("passcode",),
    NextStep.SET_SECURITY: ("security",), NextStep.DONE: ("login",),
}
_RESUME = {NextStep.REGISTER: "welcome", NextStep.WAIT_APPROVAL: "submitted",
           NextStep.REQUEST_OTP: "activate", NextStep.VERIFY_OTP: "otp",
           NextStep.SET_PASSWORD: "password", NextStep.SET_PASSCODE: "passcode",
           NextStep.SET_SECURITY: "security", NextStep.DONE: "login"}


def fast_forward(account: VNeIDAccount, status: str | AccountStatus, level: int = 0) -> VNeIDAccount:
    """Take ``account`` forward to ``status`` (and ``level`` 2 if asked) with its own
    citizen's details and the ``DEMO_*`` credentials; returns the account.

    An account already past ``status`` is left as it is: build a fresh one first.

    >>> from literacy_kit.vneid.logic.citizen import fake_citizen
    >>> account = fast_forward(VNeIDAccount(fake_citizen(seed=2), seed=2), "activated", level=2)
    >>> account.status.value, account.level
    ('activated', 2)
    """
    target = STATUSES.index(AccountStatus(status).value)
    person = account.citizen
    if target >= 1 and account.status is AccountStatus.NOT_REGISTERED:
        account.register_level1(person.cccd, person.phone, person.email, True)
    if target >= 2 and account.status is AccountStatus.PENDING:
        account.approve()
    if target >= 3 and account.status is AccountStatus.APPROVED:
        if account.next_step in (NextStep.REQUEST_OTP, NextStep.VERIFY_OTP):
            account.verify_otp(account.request_otp(person.cccd, person.phone))
        if account.next_step is NextStep.SET_PASSWORD:
            account.set_password(DEMO_PASSWORD, DEMO_PASSWORD)
        if account.next_step is NextStep.SET_PASSCODE:
            account.set_passcode(DEMO_PASSCODE, DEMO_PASSCODE)
        account.set_security_answers(DEMO_ANSWERS)
    if level >= 2 and account.status is AccountStatus.ACTIVATED and account.level < 2:
        account.verify_level2_in_person(person.cccd)
    return account


class SimulatorState(HasTraits):
    """What the learner has done, as plain traits a grading helper can save and restore.

    Setting ``account_status`` or ``level`` from outside (a restore) makes the simulator
    rebuild a matching account; setting ``screen`` shows that screen.
    """

    account_status = Unicode("not_registered", help="AccountStatus value of the account.")
    level = Int(0, help="Account level: 0 before activation, 1 once activated, 2 after the police.")
    screen = Unicode("welcome", help="Key of the screen on the phone.")
    scam_outcome = Unicode("", help="The scam moment: '' (not met yet), 'refused' or 'fell_for_it'.")
    card_read = Unicode("", help="How the ID card was read: '', 'nfc' or 'qr'.")
    portrait_taken = Bool(False, help="Whether the simulated portrait was taken.")
    logged_in = Bool(False, help="Whether the learner is logged in after activation.")

    @validate("account_status")
    def _known_status(self, proposal):
        if proposal["value"] not in STATUSES:
            raise TraitError(f"unknown account status {proposal['value']!r}")
        return proposal["value"]

    @validate("level")
    def _known_level(self, proposal):
        if proposal["value"] not in (0, 1, 2):
            raise TraitError(f"no account level {proposal['value']!r}")
        return proposal["value"]

    @validate("screen")
    def _known_screen(self, proposal):
        if proposal["value"] not in SCREEN_CLASSES:
            raise TraitError(f"unknown screen {proposal['value']!r}")
        return proposal["value"]

    @validate("scam_outcome")
    def _known_outcome(self, proposal):
        if proposal["value"] not in SCAM_OUTCOMES:
            raise TraitError(f"unknown scam outcome {proposal['value']!r}")
        return proposal["value"]

    @validate("card_read")
    def _known_method(self, proposal):
        if proposal["value"] not in ("", "nfc", "qr"):
            raise TraitError(f"unknown card reading {proposal['value']!r}")
        return proposal["value"]


def restored_account(account: VNeIDAccount, status: str, level: int, changed: str,
                     fresh: Callable[[], VNeIDAccount]) -> VNeIDAccount:
    """The account matching restored traits: ``account`` taken forward, or ``fresh()``
    taken forward when ``account`` is already further along.

    ``changed`` names the trait just set: a restored non-activated ``account_status``
    means level 0, a restored level of 1 or 2 means an activated account.
    """
    if changed == "account_status" and status != AccountStatus.ACTIVATED.value:
        level = 0
    elif level >= 1:
        status = AccountStatus.ACTIVATED.value
    highest = max(level, 1) if status == AccountStatus.ACTIVATED.value else 0
    if STATUSES.index(account.status.value) > STATUSES.index(status) or account.level > highest:
        account = fresh()
    return fast_forward(account, status, level)


def allowed_screens(account: VNeIDAccount, logged_in: bool) -> tuple[str, ...]:
    """The screens that make sense for ``account`` as it stands."""
    allowed = ("welcome", "inbox") + _STEP_SCREENS[account.next_step]
    if account.status is AccountStatus.ACTIVATED and logged_in:
        allowed += _AFTER_LOGIN
    return allowed


def resume_screen(account: VNeIDAccount, logged_in: bool) -> str:
    """Where a learner whose account stands there picks up."""
    if account.status is AccountStatus.ACTIVATED and logged_in:
        return "home"
    return _RESUME[account.next_step]
