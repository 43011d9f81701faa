"""The "Chuyen tien an toan" tile in a real Chromium against the real kiosk, by taps: pay a
stall (the amount and the PIN shown on screen tapped on the on-screen keypad), then catch a
sticker stuck over a stall's."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from literacy_kit.core.keyboard import key_name
from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from support import ARTIFACTS

pytestmark = pytest.mark.browser


def screen(page, key: str):
    """Wait until the phone shows screen ``key`` and return its locator."""
    locator = page.locator(f".lk-payments-screen-{key}")
    locator.wait_for(state="visible")
    return locator


def type_into(scope, field: str, text: str) -> None:
    box = scope.locator(f".lk-payments-field-{field} input")
    box.fill(text)
    box.press("Enter")


def tap(scope, name: str) -> None:
    scope.locator(f".lk-payments-{name}").click()


def tap_digits(scope, field: str, digits: str) -> None:
    """Type ``digits`` on the field's on-screen keypad (the kiosk has no keyboard), then Done."""
    box = scope.locator(f".lk-payments-field-{field}")
    box.locator(".lk-field-keyboard-toggle").click()
    keypad = box.locator(".lk-keyboard-numeric")
    keypad.wait_for(state="visible")
    keypad.locator(f".lk-key-{key_name('clear')}").click()
    for digit in digits:
        keypad.locator(f".lk-key-{key_name(digit)}").click()
    keypad.locator(f".lk-key-{key_name('done')}").click()
    keypad.wait_for(state="hidden")


def test_pay_a_stall_then_refuse_a_covered_sticker_by_touch(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-payments").click()
    home = screen(page, "situation")
    assert t("core.phone.simulation", "vi") in page.locator(".lk-payments .lk-phone-badge").inner_text()
    # the sticker is a PNG the browser decodes by itself: it has a size only once decoded
    expect(page.locator(".lk-payments-sticker img, img.lk-payments-sticker").first).to_be_visible()

    # Pay Mrs Lan's stall: scan, read the name, type the price, confirm with the PIN on screen.
    tap(home, "scan")
    confirm = screen(page, "confirm")
    assert "HOANG THI LAN" in confirm.inner_text()
    type_into(confirm, "amount", "mười tám")   # from a physical keyboard: a message, text kept
    tap(confirm, "pay")
    expected = InputError("payments.amount.not_a_number", text="mười tám").message("vi")
    confirm.locator(".lk-field-message-error").wait_for()
    assert expected in confirm.locator(".lk-payments-field-amount").inner_text()
    assert confirm.locator(".lk-payments-field-amount input").input_value() == "mười tám"
    tap_digits(confirm, "amount", "180000")
    tap(confirm, "pay")
    pin_screen = screen(page, "pin")
    pin = re.search(r"\b(\d{6})\b", pin_screen.locator(".lk-payments-pin-pin-hint").inner_text()).group(1)
    tap_digits(pin_screen, "pin", pin)
    tap(pin_screen, "confirm-pin")
    outcome = screen(page, "outcome")
    assert t("payments.right", "vi") in outcome.inner_text()
    assert "180.000 đ" in outcome.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "payments-paid.png"))

    # Another stall: its sticker decodes to someone else's name; refuse.
    page.locator(".lk-payments-scenario-swapped_sticker").click()
    tap(screen(page, "situation"), "scan")
    confirm = screen(page, "confirm")
    assert "NGUYEN VAN TUAN" in confirm.inner_text()
    tap(confirm, "refuse")
    outcome = screen(page, "outcome")
    assert t("payments.right", "vi") in outcome.inner_text()
    assert t("payments.refused", "vi") in outcome.inner_text()
    assert page.js_errors == []
