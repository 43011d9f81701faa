"""Screens of the level-1 registration: welcome, intro, numbers, card, details, portrait,
e-mail, confirmation and "sent".

Each button calls a method of its screen; the simulator's seams (``sim.tap_nfc()``,
``sim.submit()``...) call the same methods.
"""
from __future__ import annotations

from ...core._parts import esc
from ...errors import InputError
from ...i18n import t
from ..logic.cccd import parse_cccd
from ..logic.citizen import parse_email
from ..logic.phone import parse_phone
from ..logic.registration import next_screen
from .screens_base import Screen, rows
from .screens_card import birth_text, origin_text, sex_text

_PHOTO_STYLE = ("width:120px;height:150px;margin:8px auto;border:3px dashed #607d8b;"
                "border-radius:12px;display:flex;align-items:center;justify-content:center;"
                "text-align:center;background:#ffffff;color:#37474f")


def _parsed(parse, text: str) -> str:
    """The canonical digits of ``text``, or the text as typed if it does not parse."""
    try:
        return str(parse(text))
    except InputError:
        return text


class WelcomeScreen(Screen):
    """The app's first screen: register, activate or log in, with a status line."""

    key = "welcome"

    def build(self):
        return [self.text("intro", "vneid.welcome.intro"),
                self.text("status", self._status, markup=True),
                self.action("open-register", "vneid.welcome.register", self.open_registration,
                            "primary"),
                self.action("open-activate", "vneid.welcome.activate", self.open_activation),
                self.action("open-login", "vneid.welcome.login", self.open_login)]

    def _status(self, lang: str) -> str:
        status = self.sim.state.account_status
        return f"<p><b>{esc(t(f'vneid.welcome.status.{status}', lang))}</b></p>"

    def open_registration(self) -> bool:
        if self.sim.state.account_status != "not_registered":
            self.say("info", "vneid.welcome.already_registered")
            return False
        self.sim.go(next_screen(self.key))
        return True

    def open_activation(self) -> bool:
        status = self.sim.state.account_status
        if status == "activated":
            self.sim.go("login")
            return True
        if status == "not_registered":
            self.say("info", "vneid.welcome.register_first")
            return False
        if status == "pending":
            # The "sent" screen is where the (simulated) wait can be skipped.
            self.sim.go("submitted")
            self.sim.screen("submitted").say("info", "vneid.welcome.not_approved_yet")
            return False
        # A learner who left half-way (OTP confirmed, say) picks up at the step reached.
        self.sim.go(self.sim.resume_screen())
        return True

    def open_login(self) -> bool:
        status = self.sim.state.account_status
        if status != "activated":
            key = "register_first" if status == "not_registered" else "activate_first"
            self.say("info", f"vneid.welcome.{key}")
            return False
        self.sim.go("login")
        return True


class IntroScreen(Screen):
    """What to prepare, who may register; "I understand"."""

    key = "intro"

    def build(self):
        return [self.page_text("body", "intro"),
                self.action("intro-ok", "vneid.intro.ok", self.accept, "primary")]

    def accept(self) -> bool:
        self.sim.go(next_screen(self.key))
        return True


class IdEntryScreen(Screen):
    """The personal ID number and phone number, checked as they are typed."""

    key = "id_entry"

    def build(self):
        return [self.text("help", "vneid.id_entry.help"),
                self.field("cccd", "vneid.field.cccd", parse_cccd, "vneid.field.cccd_placeholder"),
                self.field("phone", "vneid.field.phone", parse_phone,
                           "vneid.field.phone_placeholder"),
                self.action("id-continue", "vneid.continue", self.proceed, "primary"),
                self.action("id-back", "vneid.back", lambda: self.sim.go("intro"))]

    def proceed(self) -> bool:
        """Go on to the card reader when both numbers are valid; otherwise each field explains."""
        if not self.check_fields():
            return False
        self.sim.go(next_screen(self.key))
        return True


class CardReadScreen(Screen):
    """Hold the card to the phone (NFC) or scan its QR code: both read the simulated card."""

    key = "card_read"

    def build(self):
        return [self.text("help", "vneid.card_read.help"),
                self.action("tap-nfc", "vneid.card_read.nfc", self.tap_nfc, "primary"),
                self.action("scan-qr", "vneid.card_read.qr", self.scan_qr, "info"),
                self.action("card-back", "vneid.back", lambda: self.sim.go("id_entry"))]

    def tap_nfc(self) -> bool:
        return self.read("nfc")

    def scan_qr(self) -> bool:
        return self.read("qr")

    def read(self, method: str) -> bool:
        """Read the card; it must carry the number typed on the previous screen."""
        typed = self.sim.screen("id_entry").typed("cccd")
        try:
            number = parse_cccd(typed).number
        except InputError as err:
            self.fail(err)
            return False
        card = self.sim.citizen.cccd
        if number != card:
            self.say("error", "vneid.card_read.mismatch", card=card, typed=number)
            return False
        self.sim.state.card_read = method
        self.sim.go(next_screen(self.key))
        self.sim.screen("details").say("success", f"vneid.card_read.ok_{method}")
        return True


class DetailsScreen(Screen):
    """What the chip (or QR code) holds, for the learner to check."""

    key = "details"

    def build(self):
        return [self.text("help", "vneid.details.help"),
                self.text("facts", self._facts, markup=True),
                self.action("details-continue", "vneid.continue", self.proceed, "primary"),
                self.action("details-back", "vneid.back", lambda: self.sim.go("card_read"))]

    def _facts(self, lang: str) -> str:
        person = self.sim.citizen
        phone = _parsed(parse_phone, self.sim.screen("id_entry").typed("phone"))
        return rows([(t("vneid.card.number", lang), person.cccd),
                     (t("vneid.card.name", lang), person.full_name),
                     (t("vneid.card.birth_date", lang), birth_text(person)),
                     (t("vneid.card.sex", lang), sex_text(person, lang)),
                     (t("vneid.card.origin", lang), origin_text(person, lang)),
                     (t("vneid.card.residence", lang), person.address),
                     (t("vneid.field.phone", lang), phone)])

    def proceed(self) -> bool:
        if not self.sim.state.card_read:
            self.say("error", "vneid.card_read.not_read")
            return False
        self.sim.go(next_screen(self.key))
        return True


class PortraitScreen(Screen):
    """A simulated selfie: take it, retake it, go on."""

    key = "portrait"

    def build(self):
        return [self.text("help", "vneid.portrait.help"),
                self.text("photo", self._photo, markup=True),
                self.action("take-portrait", "vneid.portrait.take", self.take, "primary"),
                self.action("retake-portrait", "vneid.portrait.retake", self.take),
                self.action("portrait-continue", "vneid.continue", self.proceed, "primary"),
                self.action("portrait-back", "vneid.back", lambda: self.sim.go("details"))]

    def _photo(self, lang: str) -> str:
        taken = self.sim.state.portrait_taken
        # A drawn head and shoulders (text glyphs only): clearly not a real photo.
        face = ('<div style="font-size:56px;line-height:1">\u263a</div>' if taken else "")
        label = t("vneid.portrait.done" if taken else "vneid.portrait.empty", lang)
        return (f'<div class="lk-vneid-photo{" lk-vneid-photo-taken" if taken else ""}" '
                f'style="{_PHOTO_STYLE}"><div>{face}{esc(label)}</div></div>')

    def render(self):
        taken = self.sim.state.portrait_taken
        self.buttons["take-portrait"].layout.display = "none" if taken else None
        self.buttons["retake-portrait"].layout.display = None if taken else "none"

    def take(self) -> bool:
        self.sim.state.portrait_taken = True
        self.refresh()
        self.say("success", "vneid.portrait.taken")
        return True

    def proceed(self) -> bool:
        if not self.sim.state.portrait_taken:
            self.say("error", "vneid.portrait.missing")
            return False
        self.sim.go(next_screen(self.key))
        return True


class EmailScreen(Screen):
    """An optional e-mail address: empty is fine, a broken one is explained."""

    key = "email"

    def build(self):
        return [self.text("help", "vneid.email.help"),
                self.field("email", "vneid.field.email", parse_email,
                           "vneid.field.email_placeholder", required=False),
                self.action("email-continue", "vneid.continue", self.proceed, "primary"),
                self.action("email-back", "vneid.back", lambda: self.sim.go("portrait"))]

    def proceed(self) -> bool:
        if not self.check_fields():
            return False
        self.sim.go(next_screen(self.key))
        return True


class ConfirmScreen(Screen):
    """Everything once more, then "Confirm and send" registers the level-1 account."""

    key = "confirm"

    def build(self):
        return [self.text("help", "vneid.confirm.help"),
                self.text("summary", self._summary, markup=True),
                self.action("submit", "vneid.confirm.submit", self.submit, "success"),
                self.action("confirm-edit", "vneid.confirm.edit", lambda: self.sim.go("id_entry"))]

    def _summary(self, lang: str) -> str:
        sim = self.sim
        entry, email = sim.screen("id_entry"), sim.screen("email").typed("email").strip()
        card = sim.state.card_read or "none"
        portrait = "yes" if sim.state.portrait_taken else "no"
        return rows([(t("vneid.card.name", lang), sim.citizen.full_name),
                     (t("vneid.card.number", lang), _parsed(parse_cccd, entry.typed("cccd"))),
                     (t("vneid.field.phone", lang), _parsed(parse_phone, entry.typed("phone"))),
                     (t("vneid.email.title", lang), email or t("vneid.confirm.email_none", lang)),
                     (t("vneid.confirm.card", lang), t(f"vneid.confirm.card_{card}", lang)),
                     (t("vneid.confirm.portrait", lang), t(f"vneid.confirm.portrait_{portrait}", lang))])

    def submit(self) -> bool:
        """Send the application; any problem is explained here and nothing typed is lost."""
        sim = self.sim
        if not sim.state.card_read:
            self.say("error", "vneid.card_read.not_read")
            return False
        entry = sim.screen("id_entry")
        ok = sim.call(self, sim.account.register_level1, entry.typed("cccd"), entry.typed("phone"),
                      sim.screen("email").typed("email"), sim.state.portrait_taken)
        if ok:
            sim.go("submitted")
        return ok


class SubmittedScreen(Screen):
    """The application is waiting; the learner skips the wait to get the approval SMS."""

    key = "submitted"

    def build(self):
        return [self.text("help", "vneid.submitted.help"),
                self.action("wait-approval", "vneid.submitted.wait", self.sim.approve, "primary")]


SCREENS = (WelcomeScreen, IntroScreen, IdEntryScreen, CardReadScreen, DetailsScreen,
           PortraitScreen, EmailScreen, ConfirmScreen, SubmittedScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS"]
