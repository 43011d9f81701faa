"""The kiosk without a physical keyboard: a name with every tone and a 12-digit ID, typed
by tapping on-screen keys only, in a real Chromium."""
from __future__ import annotations

import re
import unicodedata

import pytest

from literacy_kit.core.keyboard import key_name

from support import NAME_WITH_EVERY_TONE as NAME
from support import taps_for

pytestmark = pytest.mark.browser


def key_class(key: str) -> str:
    return f".lk-key-{key_name(key)}"


def tap_keys(scope, keys) -> None:
    keyboard = scope.locator(".lk-keyboard")
    keyboard.wait_for(state="visible")
    for key in keys:
        keyboard.locator(key_class(key)).click()


def test_a_name_with_every_tone_by_taps(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-help").click()
    field = page.locator(".lk-help-practice-field")
    field.locator(".lk-field-keyboard-toggle").click()
    field.locator(".lk-keyboard").wait_for(state="visible")
    keys = taps_for(NAME)
    tap_keys(field, keys)
    box = field.locator("input")
    expected = unicodedata.normalize("NFC", NAME)
    page.wait_for_function("([el, text]) => el.value === text", arg=[box.element_handle(), expected])
    for key in ("tone_acute", "tone_grave", "tone_hook", "tone_tilde", "tone_dot"):
        size = field.locator(key_class(key)).bounding_box()
        assert size["width"] >= 64 and size["height"] >= 64
    assert field.locator(".lk-keyboard-read").count() == 1  # not secret: read-aloud offered
    field.locator(key_class("done")).click()
    field.locator(".lk-keyboard").wait_for(state="hidden")
    assert page.js_errors == []


def test_log_in_with_a_twelve_digit_id_and_password_by_taps(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-services").click()
    page.locator(".lk-services-screen-portal_home").wait_for(state="visible")
    cccd = page.locator(".lk-services-paper-cccd").inner_text().strip()
    password = page.locator(".lk-services-paper-password").inner_text().strip()
    assert re.fullmatch(r"\d{12}", cccd)
    page.locator(".lk-services-open-login").click()
    login = page.locator(".lk-services-screen-login")
    login.wait_for(state="visible")
    id_field = login.locator(".lk-services-field-cccd")
    id_field.locator(".lk-field-keyboard-toggle").click()
    id_field.locator(".lk-keyboard-numeric").wait_for(state="visible")
    tap_keys(id_field, list(cccd))
    box = id_field.locator("input")
    page.wait_for_function("([el, text]) => el.value === text", arg=[box.element_handle(), cccd])
    secret = login.locator(".lk-services-field-password")
    secret.locator(".lk-field-keyboard-toggle").click()
    id_field.locator(".lk-keyboard").wait_for(state="hidden")  # one keyboard at a time
    secret.locator(".lk-keyboard").wait_for(state="visible")
    assert secret.locator(".lk-keyboard-read").count() == 0    # a secret is never read aloud
    tap_keys(secret, taps_for(password))
    login.locator(".lk-services-log-in").click()
    page.locator(".lk-services-screen-login").wait_for(state="hidden")
    assert page.js_errors == []
