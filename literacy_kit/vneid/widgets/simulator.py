"""The VNeID simulator: level-1 registration, activation, home, wallet and a scam moment,
on a plain simulated phone beside a sample ID card.

Everything runs on :class:`~literacy_kit.vneid.logic.account.VNeIDAccount` and a synthetic
citizen from :func:`~literacy_kit.vneid.logic.citizen.fake_citizen`. Each button has a Python
seam of the same name, so lessons, tests and scripts drive it without a browser.

>>> from literacy_kit.vneid.widgets.simulator import VNeIDSimulator
>>> sim = VNeIDSimulator(lang="en", seed=1)
>>> person = sim.citizen
>>> sim.open_registration(); sim.accept_intro()
True
True
>>> sim.confirm_ids(cccd=person.cccd, phone=person.phone)
True
>>> sim.tap_nfc(), sim.confirm_details(), sim.take_portrait(), sim.confirm_portrait()
(True, True, True, True)
>>> sim.confirm_email(), sim.submit(), sim.approve()
(True, True, True)
>>> sim.state.account_status, sim.state.screen
('approved', 'inbox')
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable

import ipywidgets as w

from ...core._parts import button
from ...core.base import css
from ...core.sim_host import SimHost
from ..logic.account import AccountStatus, VNeIDAccount
from ..logic.citizen import HOME_PROVINCE_CODE, Citizen, fake_citizen
from .screens_base import Screen
from .screens_card import IdCardView
from .screens_flow import (DEMO_ANSWERS, DEMO_PASSCODE, DEMO_PASSWORD, PHONE_SCREENS,
                           SCAM_OUTCOMES, SCREEN_CLASSES, STATUSES, SimulatorState, allowed_screens,
                           fast_forward, restored_account, resume_screen)

__all__ = ["DEMO_ANSWERS", "DEMO_PASSCODE", "DEMO_PASSWORD", "SCAM_OUTCOMES", "SCREEN_CLASSES",
           "STATUSES", "SimulatorState", "VNeIDSimulator", "fast_forward"]

class VNeIDSimulator(SimHost):
    """The simulated phone (app screens plus a messages bar) and the sample ID card.

    Parameters
    ----------
    lang : str
        ``"vi"`` (default) or ``"en"``; switch live with ``sim.lang = "en"``.
    seed : int, optional
        Same seed, same citizen, OTP codes and document numbers; random when omitted.
    citizen : Citizen, optional
        Use this person instead of ``fake_citizen(seed, province_code)``.
    clock : callable
        Seconds as a float, for OTP expiry (tests pass a fake clock).

    Seams (each does what its button does and returns ``True`` when the step went through;
    the ones taking texts type them first, ``None`` keeps what is in the box):
    ``open_registration``, ``accept_intro``, ``confirm_ids(cccd, phone)``, ``tap_nfc``,
    ``scan_qr``, ``confirm_details``, ``take_portrait``, ``confirm_portrait``,
    ``confirm_email(email)``, ``submit``, ``approve`` (skips the wait), ``open_inbox``,
    ``open_app``, ``open_activation``, ``request_otp(cccd, phone)`` (the code is then in
    ``result``), ``verify_otp(code)``, ``resend_otp``, ``set_password(pw, confirm)``,
    ``set_passcode(code, confirm)``, ``set_security_answers({qid: answer})``,
    ``open_login``, ``log_in(cccd, password)``, ``log_out``, ``open_wallet``,
    ``request_integration(kind)``, ``show_scam``, ``open_scam_link``, ``refuse_scam``,
    ``visit_police`` (the in-person level-2 step), ``go(key)`` (trainer's jump),
    ``reset``. State: :class:`SimulatorState` in ``state``; restore it with
    :meth:`restore` / :meth:`from_state`, or by setting its traits one by one.

    CSS classes: ``lk-vneid`` (the view), ``lk-vneid-layout``, the phone (``lk-phone``,
    ``lk-vneid-phone``), ``lk-vneid-screen-holder``, ``lk-vneid-nav`` with
    ``lk-vneid-nav-inbox`` and ``lk-vneid-nav-app``, the card (``lk-vneid-card-panel``),
    and each screen's own classes (see :class:`~literacy_kit.vneid.widgets.screens_base.Screen`).
    """

    prefix = "vneid"
    screen_classes = SCREEN_CLASSES
    restore_order = ("account_status", "level", "scam_outcome", "card_read", "portrait_taken",
                     "logged_in", "screen")
    unexpected = "vneid.unexpected"

    def __init__(self, lang: str = "vi", seed: int | None = None, citizen: Citizen | None = None,
                 clock: Callable[[], float] = time.monotonic, province_code: str = HOME_PROVINCE_CODE, **kwargs):
        super().__init__(state=SimulatorState(), lang=lang, **kwargs)
        self.seed = seed if seed is not None else random.SystemRandom().randrange(2 ** 31)
        self.citizen = citizen or fake_citizen(self.seed, province_code)
        self._clock = clock
        self.account = VNeIDAccount(self.citizen, clock=clock, seed=self.seed)
        self._syncing = False
        self._app_screen = "welcome"
        self.nav_inbox = self._nav_button("vneid-nav-inbox", self.open_inbox)
        self.nav_app = self._nav_button("vneid-nav-app", self.open_app)
        self.nav = css(w.HBox([self.nav_app, self.nav_inbox],
                              layout=w.Layout(margin="8px 0 0 0",
                                              justify_content="space-between")), "vneid-nav")
        self.card = IdCardView(self.citizen, lang=lang)
        self.state.observe(self._on_account_traits, names=["account_status", "level"])
        self.state.observe(lambda change: self.relabel_chrome(), names=["logged_in", "scam_outcome"])
        self.build_layout("vneid.app_title", side=self.card, below=[self.nav],
                          side_margin="0 0 0 16px")

    # -- constructing and restoring ---------------------------------------------------------
    @classmethod
    def account_at(cls, status: str, level: int = 0, seed: int | None = None,
                   citizen: Citizen | None = None, province_code: str = HOME_PROVINCE_CODE) -> VNeIDAccount:
        """A fresh account for ``fake_citizen(seed)`` (or ``citizen``) already at ``status``."""
        person = citizen or fake_citizen(seed, province_code)
        return fast_forward(VNeIDAccount(person, seed=seed), status, level)

    # -- seams: one per button ------------------------------------------------------------
    def open_registration(self) -> bool:
        return self.screen("welcome").open_registration()

    def open_activation(self) -> bool:
        return self.screen("welcome").open_activation()

    def open_login(self) -> bool:
        return self.screen("welcome").open_login()

    def accept_intro(self) -> bool:
        return self.screen("intro").accept()

    def confirm_ids(self, cccd: str | None = None, phone: str | None = None) -> bool:
        self.fill("id_entry", cccd=cccd, phone=phone)
        return self.screen("id_entry").proceed()

    def tap_nfc(self) -> bool:
        return self.screen("card_read").tap_nfc()

    def scan_qr(self) -> bool:
        return self.screen("card_read").scan_qr()

    def confirm_details(self) -> bool:
        return self.screen("details").proceed()

    def take_portrait(self) -> bool:
        return self.screen("portrait").take()

    def confirm_portrait(self) -> bool:
        return self.screen("portrait").proceed()

    def confirm_email(self, email: str | None = None) -> bool:
        self.fill("email", email=email)
        return self.screen("email").proceed()

    def submit(self) -> bool:
        return self.screen("confirm").submit()

    def approve(self) -> bool:
        """Skip the wait: the police approve and the approval SMS opens in the inbox."""
        ok = self.call(self.screen("submitted"), self.account.approve)
        if ok:
            self._app_screen = "welcome"
            self.go("inbox")
            self.screen("inbox").say("info", "vneid.submitted.approved")
        return ok

    def resume_screen(self) -> str:
        """The screen where the account's next step is taken."""
        return resume_screen(self.account, self.state.logged_in)

    def open_inbox(self) -> None:
        self.go("inbox")

    def open_app(self) -> None:
        """Back to the app, on the screen the learner left it."""
        self.go(self._app_screen)

    def request_otp(self, cccd: str | None = None, phone: str | None = None) -> bool:
        self.fill("activate", cccd=cccd, phone=phone)
        return self.screen("activate").request_otp()

    def verify_otp(self, code: str | None = None) -> bool:
        self.fill("otp", otp=code)
        return self.screen("otp").verify()

    def resend_otp(self) -> bool:
        return self.screen("otp").resend()

    def set_password(self, password: str | None = None, confirm: str | None = None) -> bool:
        self.fill("password", password=password, password_confirm=confirm)
        return self.screen("password").submit()

    def set_passcode(self, passcode: str | None = None, confirm: str | None = None) -> bool:
        self.fill("passcode", passcode=passcode, passcode_confirm=confirm)
        return self.screen("passcode").submit()

    def set_security_answers(self, answers: dict[str, str] | None = None) -> bool:
        """Choose two questions and answer them (``{question_id: answer}``), then Finish."""
        screen = self.screen("security")
        if answers:
            (first, one), (second, two) = list(answers.items())[:2]
            screen.choose(first, second)
            screen.fill(answer1=one, answer2=two)
        return screen.submit()

    def log_in(self, cccd: str | None = None, password: str | None = None) -> bool:
        self.fill("login", cccd=cccd, password=password)
        return self.screen("login").log_in()

    def log_out(self) -> None:
        self.state.logged_in = False
        self.go("welcome")

    def open_wallet(self) -> None:
        self.go("wallet")

    def request_integration(self, kind: str) -> bool:
        return self.screen("wallet").request(kind)

    @property
    def scam_arrived(self) -> bool:
        """The scam SMS arrives once the learner has logged in."""
        return self.state.logged_in or bool(self.state.scam_outcome)

    def show_scam(self) -> None:
        """Open the message asking to "activate level 2 through this link"."""
        self.go("scam")

    def open_scam_link(self) -> None:
        """The learner taps the link: only a warning that explains the scam."""
        self.state.scam_outcome = "fell_for_it"
        self.go("scam_warning")

    def refuse_scam(self) -> None:
        """The learner refuses: praise and the signs that gave it away."""
        self.state.scam_outcome = "refused"
        self.go("scam_refused")

    def visit_police(self) -> bool:
        """The in-person visit to the commune police: level 1 becomes level 2."""
        screen = self.screen("home")
        ok = self.call(screen, self.account.verify_level2_in_person, self.citizen.cccd)
        if ok:
            self.go("home")
            screen.say("success", "vneid.level2.done")
        return ok

    def reset(self) -> None:
        """Start again with the same citizen: a fresh account, every typed value forgotten."""
        self.close_screens()
        self.account = VNeIDAccount(self.citizen, clock=self._clock, seed=self.seed)
        self._app_screen = "welcome"
        with self.state.hold_trait_notifications():
            for name in ("scam_outcome", "card_read", "portrait_taken", "logged_in"):
                setattr(self.state, name, self.state.trait_defaults(name))
        self.sync()
        self.go("welcome")

    # -- plumbing ---------------------------------------------------------------------------
    def _nav_button(self, name: str, on_click: Callable) -> w.Button:
        return button(name, "vneid-button", on_click=on_click, flex="1 1 0", width="auto")

    def sync(self) -> None:
        self._syncing = True
        try:
            with self.state.hold_trait_notifications():
                self.state.account_status = self.account.status.value
                self.state.level = self.account.level
        finally:
            self._syncing = False
        self.relabel_chrome()

    def remember(self, key: str) -> None:
        if key not in PHONE_SCREENS:
            self._app_screen = key

    def _on_account_traits(self, change) -> None:
        if self._syncing:
            return
        self.account = restored_account(
            self.account, self.state.account_status, self.state.level, changed=change["name"],
            fresh=lambda: VNeIDAccount(self.citizen, clock=self._clock, seed=self.seed))
        if self.account.status is AccountStatus.ACTIVATED:
            self.state.logged_in = True
        self.sync()
        # A restored learner resumes where the account stands (a restored ``screen``,
        # set afterwards, still wins when it fits).
        logged_in = self.state.logged_in
        if self.state.screen == "welcome" or self.state.screen not in allowed_screens(
                self.account, logged_in):
            self.go(self.resume_screen())

    def relabel_chrome(self) -> None:
        if not hasattr(self, "nav_inbox"):
            return
        count = len(self.account.inbox) + (1 if self.scam_arrived else 0)
        self.nav_inbox.description = self.tr("vneid.nav.inbox", count=count)
        self.nav_app.description = self.tr("vneid.nav.app")
