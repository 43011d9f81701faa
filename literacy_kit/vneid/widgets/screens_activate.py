"""Screens of the activation after the approval SMS, and of logging in again.

ID number + phone -> "Send request" -> OTP from the SMS -> password -> 6-digit passcode ->
two security questions -> log in with ID number and password.
"""
from __future__ import annotations

import ipywidgets as w

from ...core._parts import esc, tap_layout
from ...core.base import css
from ...i18n import t
from ..logic.account import OTP_LENGTH, AccountError
from ..logic.cccd import parse_cccd, scan_digits
from ..logic.credentials import SECURITY_QUESTIONS, CredentialError, check_passcode, check_password
from ..logic.phone import parse_phone
from .screens_base import Screen


class ActivateScreen(Screen):
    """ID number and phone number, then "Send request" for an OTP code."""

    key = "activate"

    def build(self):
        return [self.text("help", "vneid.activate.help"),
                self.field("cccd", "vneid.field.cccd", parse_cccd, "vneid.field.cccd_placeholder"),
                self.field("phone", "vneid.field.phone", parse_phone,
                           "vneid.field.phone_placeholder"),
                self.action("request-otp", "vneid.activate.send", self.request_otp, "primary"),
                self.action("activate-back", "vneid.back", lambda: self.sim.go("welcome"))]

    def request_otp(self) -> bool:
        """Ask for a code; it arrives as an SMS shown on the next screen and in the inbox."""
        if not self.check_fields():
            return False
        ok = self.sim.call(self, self.sim.account.request_otp, self.typed("cccd"), self.typed("phone"))
        if ok:
            self.sim.go("otp")
        return ok


class OtpScreen(Screen):
    """The SMS arrives as a notification on top; the learner copies its code."""

    key = "otp"

    def build(self):
        return [self.text("sms", self._notification, markup=True),
                self.text("help", "vneid.otp.help"),
                self.field("otp", "vneid.field.otp", _otp_format),
                self.action("verify-otp", "vneid.otp.verify", self.verify, "primary"),
                self.action("resend-otp", "vneid.otp.resend", self.resend)]

    def _notification(self, lang: str) -> str:
        inbox = self.sim.account.inbox
        otp = [message for message in inbox if message.key == "sms_otp"]
        if not otp:
            return ""
        latest = otp[-1]
        return ('<div class="lk-vneid-notification" style="border:2px solid #0d47a1;'
                'border-radius:10px;background:#e3f2fd;padding:6px 10px;margin:4px 0">'
                f'<b>{esc(t("vneid.otp.notification", lang))} \u00b7 {esc(latest.sender)}</b><br>'
                f'<span class="lk-vneid-sms-text">{esc(latest.text(lang))}</span></div>')

    def verify(self) -> bool:
        """Check the typed code; a wrong one is explained and stays in the box."""
        ok = self.sim.call(self, self.sim.account.verify_otp, self.typed("otp"))
        if ok:
            self.sim.go("password")
        return ok

    def resend(self) -> bool:
        """A new code, with the ID number and phone from the previous screen."""
        before = self.sim.screen("activate")
        ok = self.sim.call(self, self.sim.account.request_otp, before.typed("cccd"),
                           before.typed("phone"))
        if ok:
            self.refresh()
            self.say("info", "vneid.otp.resent")
        return ok


def _password_alone(text: str) -> str:
    # Checks the rules on the first box alone; the match is checked on "Continue".
    return check_password(text, text)


def _otp_format(text: str) -> str:
    """Six digits, in any script and with any spacing (the code itself is checked on Confirm)."""
    digits, bad = scan_digits(text)
    if bad is not None:
        raise AccountError("account.otp_not_digits")
    if len(digits) != OTP_LENGTH:
        raise AccountError("account.otp_wrong_length", count=len(digits), expected=OTP_LENGTH)
    return digits


class PasswordScreen(Screen):
    """Password and its repetition; the rules are shown, each broken rule explained."""

    key = "password"

    def build(self):
        return [self.text("help", "vneid.password.help"),
                self.text("rules", "vneid.password.rules"),
                self.field("password", "vneid.field.password", _password_alone, secret=True),
                self.field("password_confirm", "vneid.field.password_confirm",
                           lambda text: self._same(text, "password", "password.mismatch"),
                           secret=True),
                self.action("set-password", "vneid.continue", self.submit, "primary")]

    def submit(self) -> bool:
        if not self.check_fields():
            return False
        ok = self.sim.call(self, self.sim.account.set_password, self.typed("password"),
                           self.typed("password_confirm"))
        if ok:
            self.sim.go("passcode")
        return ok


class PasscodeScreen(Screen):
    """Six digits, twice; easy codes (123456, the birth date) are refused with a reason."""

    key = "passcode"

    def build(self):
        return [self.text("help", "vneid.passcode.help"),
                self.field("passcode", "vneid.field.passcode", self._passcode_alone, secret=True),
                self.field("passcode_confirm", "vneid.field.passcode_confirm",
                           lambda text: self._same(text, "passcode", "passcode.mismatch",
                                                  key=lambda s: scan_digits(s)[0]),
                           secret=True),
                self.action("set-passcode", "vneid.continue", self.submit, "primary")]

    def _passcode_alone(self, text: str) -> str:
        return check_passcode(text, text, born=self.sim.citizen.date_of_birth)

    def submit(self) -> bool:
        if not self.check_fields():
            return False
        ok = self.sim.call(self, self.sim.account.set_passcode, self.typed("passcode"),
                           self.typed("passcode_confirm"))
        if ok:
            self.sim.go("security")
        return ok


class SecurityScreen(Screen):
    """Two drop-down lists of questions and two answers.

    Extra CSS classes: ``lk-vneid-question-1`` and ``lk-vneid-question-2`` (the lists).
    """

    key = "security"

    def build(self):
        self.questions = []
        parts = [self.text("help", "vneid.security.help")]
        for number, default in ((1, SECURITY_QUESTIONS[0]), (2, SECURITY_QUESTIONS[1])):
            label = self.text(f"question-{number}-label",
                              lambda lang, n=number: t("vneid.field.question", lang, number=n))
            menu = css(w.Dropdown(options=[(q, q) for q in SECURITY_QUESTIONS], value=default,
                                  layout=tap_layout(width="100%")),
                       "vneid-question", f"vneid-question-{number}")
            self.questions.append(menu)
            parts += [label, menu, self.field(f"answer{number}", "vneid.field.answer")]
        return parts + [self.action("set-security", "vneid.security.finish", self.submit, "success")]

    def choose(self, first: str, second: str) -> None:
        """Pick the two questions by id, as the drop-down lists would."""
        self.questions[0].value, self.questions[1].value = first, second

    @property
    def answers(self) -> list[tuple[str, str]]:
        """The chosen questions with the answers typed for them."""
        return [(menu.value, self.typed(f"answer{n}"))
                for n, menu in enumerate(self.questions, start=1)]

    def submit(self) -> bool:
        answers = self.answers
        if answers[0][0] == answers[1][0]:
            self.fail(CredentialError("security.same_question"))
            return False
        if not self.check_fields():
            return False
        ok = self.sim.call(self, self.sim.account.set_security_answers, answers)
        if ok:
            self.sim.go("login")
            self.sim.screen("login").say("success", "vneid.security.done")
        return ok

    def relabel(self) -> None:
        super().relabel()
        for menu in getattr(self, "questions", ()):
            chosen = menu.value
            menu.options = [(t(f"vneid.security_q.{q}", self.lang), q) for q in SECURITY_QUESTIONS]
            menu.value = chosen


class LoginScreen(Screen):
    """Log in again with the personal ID number and the password."""

    key = "login"

    def build(self):
        return [self.text("help", "vneid.login.help"),
                self.field("cccd", "vneid.field.cccd", parse_cccd, "vneid.field.cccd_placeholder"),
                self.field("password", "vneid.field.password", secret=True),
                self.action("log-in", "vneid.login.submit", self.log_in, "primary"),
                self.action("login-back", "vneid.back", lambda: self.sim.go("welcome"))]

    def log_in(self) -> bool:
        if not self.check_fields():
            return False
        ok = self.sim.call(self, self.sim.account.log_in, self.typed("cccd"), self.typed("password"))
        if ok:
            self.sim.state.logged_in = True
            self.sim.go("home")
        return ok


SCREENS = (ActivateScreen, OtpScreen, PasswordScreen, PasscodeScreen, SecurityScreen, LoginScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS"]
