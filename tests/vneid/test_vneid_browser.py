"""The VNeID tile in a real Chromium against the real kiosk: register, activate, log in.

Everything is done as a visitor would: tapping buttons found by their ``lk-*`` classes and
typing into boxes, copying the numbers from the sample ID card and the OTP code from the
simulated SMS on screen.
"""
from __future__ import annotations

import re

import pytest

from literacy_kit.errors import InputError
from literacy_kit.i18n import t

pytestmark = pytest.mark.browser

PASSWORD = "Lang$on2025"
PASSCODE = "582731"


def screen(page, key: str):
    """Wait until the phone shows screen ``key`` and return its locator."""
    locator = page.locator(f".lk-vneid-screen-{key}")
    locator.wait_for(state="visible")
    return locator


def type_into(scope, field: str, text: str) -> None:
    box = scope.locator(f".lk-vneid-field-{field} input")
    box.fill(text)
    box.press("Enter")


def tap(scope, name: str) -> None:
    scope.locator(f".lk-vneid-{name}").click()


def test_register_and_activate_level1_by_touch(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-vneid").click()
    welcome = screen(page, "welcome")
    assert t("core.phone.simulation", "vi") in page.locator(".lk-vneid .lk-phone-badge").inner_text()

    # The sample card beside the phone: the visitor copies its numbers.
    cccd = page.locator(".lk-vneid-card-number").inner_text().strip()
    phone = page.locator(".lk-vneid-card-phone").inner_text().strip()
    assert re.fullmatch(r"\d{12}", cccd), cccd

    # Level 1: register.
    tap(welcome, "open-register")
    tap(screen(page, "intro"), "intro-ok")
    entry = screen(page, "id_entry")
    type_into(entry, "cccd", cccd[:11])  # one digit short: a friendly message, text kept
    entry.locator(".lk-field-message-error").wait_for()
    expected = InputError("cccd.wrong_length", count=11, expected=12).message("vi")
    assert expected in entry.locator(".lk-vneid-field-cccd .lk-field-message").inner_text()
    assert entry.locator(".lk-vneid-field-cccd input").input_value() == cccd[:11]
    type_into(entry, "cccd", cccd)
    type_into(entry, "phone", phone)
    tap(entry, "id-continue")
    tap(screen(page, "card_read"), "tap-nfc")
    details = screen(page, "details")
    assert cccd in details.inner_text()
    tap(details, "details-continue")
    portrait = screen(page, "portrait")
    tap(portrait, "take-portrait")
    portrait.locator(".lk-vneid-photo-taken").wait_for()
    tap(portrait, "portrait-continue")
    tap(screen(page, "email"), "email-continue")
    tap(screen(page, "confirm"), "submit")
    tap(screen(page, "submitted"), "wait-approval")

    # The approval SMS in the simulated inbox, then back to the app to activate.
    inbox = screen(page, "inbox")
    assert "VNeID" in inbox.locator(".lk-vneid-sms").first.inner_text()
    tap(inbox, "inbox-back")
    tap(screen(page, "welcome"), "open-activate")
    activate = screen(page, "activate")
    type_into(activate, "cccd", cccd)
    type_into(activate, "phone", phone)
    tap(activate, "request-otp")

    # The OTP is read from the simulated SMS on screen.
    otp = screen(page, "otp")
    sms = otp.locator(".lk-vneid-notification").inner_text()
    code = re.search(r"\b(\d{6})\b", sms).group(1)
    type_into(otp, "otp", code)
    tap(otp, "verify-otp")

    password = screen(page, "password")
    type_into(password, "password", PASSWORD)
    type_into(password, "password_confirm", PASSWORD)
    tap(password, "set-password")
    passcode = screen(page, "passcode")
    type_into(passcode, "passcode", PASSCODE)
    type_into(passcode, "passcode_confirm", PASSCODE)
    tap(passcode, "set-passcode")
    security = screen(page, "security")
    type_into(security, "answer1", "Trường Kim Đồng")
    type_into(security, "answer2", "Chó")
    tap(security, "set-security")

    login = screen(page, "login")
    type_into(login, "cccd", cccd)
    type_into(login, "password", PASSWORD)
    tap(login, "log-in")
    home = screen(page, "home")
    assert t("vneid.home.level", "vi", level=1) in home.locator(".lk-vneid-level").inner_text()
    assert page.js_errors == []
