"""On-screen keyboards without a browser: tones, Vietnamese letters, NFC, fields."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.core import FormField, OnScreenKeyboard
from literacy_kit.core.field_keyboard import guess_kind, keyboards_on
from literacy_kit.core.keyboard import TONES, apply_tone, layouts
from support import NAME_WITH_EVERY_TONE as NAME
from support import taps_for

def test_a_name_with_every_tone_is_typed_by_keys(keep):
    keyboard = keep(OnScreenKeyboard("text", lang="vi"))
    keys = taps_for(NAME)
    assert set(TONES) <= set(keys)
    for key in keys:
        keyboard.press(key)
    assert keyboard.text == unicodedata.normalize("NFC", NAME)
    assert unicodedata.is_normalized("NFC", keyboard.text)


@pytest.mark.parametrize("word, tone, expected", [
    ("Nguy\u00ean", "tone_tilde", "Nguy\u1ec5n"), ("ngu\u01a1i", "tone_grave", "ngu\u1eddi"),
    ("ng\u01b0\u01a1i", "tone_grave", "ng\u01b0\u1eddi"), ("hoa", "tone_grave", "ho\u00e0"), ("mua", "tone_grave", "m\u00f9a"),
    ("toan", "tone_acute", "to\u00e1n"), ("thuy", "tone_hook", "thu\u1ef7"), ("quy\u00eat", "tone_acute", "quy\u1ebft"),
    ("gia", "tone_acute", "gi\u00e1"), ("Hoang", "tone_grave", "Ho\u00e0ng"), ("tin", "tone_dot", "t\u1ecbn"),
    ("V\u0103n", "tone_acute", "V\u1eafn"), ("xyz 12", "tone_acute", "xyz 12"),
])
def test_tone_goes_where_spelling_puts_it(word, tone, expected):
    assert apply_tone(word, tone) == unicodedata.normalize("NFC", expected)


def test_same_tone_twice_takes_it_off_and_another_replaces_it():
    assert apply_tone("m\u00f9a", "tone_grave") == "mua"
    assert apply_tone("m\u00f9a", "tone_acute") == "m\u00faa"


def test_numeric_keypad_types_digits_deletes_and_clears(keep):
    keyboard = keep(OnScreenKeyboard("numeric", secret=True))
    for key in "001099012345":
        keyboard.press(key)
    assert keyboard.text == "001099012345"
    keyboard.press("backspace")
    assert keyboard.text == "00109901234"
    keyboard.press("clear")
    assert keyboard.text == ""
    assert keyboard.read_aloud is None  # a secret is never read aloud
    assert all(key.isdigit() or key in ("backspace", "clear", "done") for key in keyboard.key_buttons)


def test_keys_are_big_and_labelled_in_the_language(keep):
    keyboard = keep(OnScreenKeyboard("text", lang="en"))
    for button in keyboard.key_buttons.values():
        assert button.layout.min_width == "64px" and button.layout.min_height == "64px"
    assert keyboard.key_buttons["tone_acute"].description.startswith("s\u1eafc")
    keyboard.lang = "vi"
    assert keyboard.key_buttons["clear"].description == "Xo\u00e1 h\u1ebft"
    assert keyboard.read_aloud is not None
    rows = layouts()["text"]
    assert {"\u00e2", "\u0103", "\u00ea", "\u00f4", "\u01a1", "\u01b0", "\u0111"} <= {key for row in rows for key in row}


def test_field_keyboard_types_into_the_field_and_done_checks(keep):
    field = keep(FormField("ID", lambda text: int(text), keyboard="numeric", lang="vi"))
    assert field.onscreen.keyboard is None  # built on first use
    field.onscreen.toggle.click()
    keyboard = field.onscreen.keyboard
    for key in "079203001234":
        keyboard.key_buttons[key].click()
    assert field.input.value == field.state.text == "079203001234"
    keyboard.key_buttons["done"].click()
    assert field.state.valid is True and not field.onscreen.is_open
    field.clear()
    assert keyboard.text == ""


def test_opening_one_field_keyboard_closes_the_other(keep):
    first, second = keep(FormField("A", keyboard="text")), keep(FormField("B", keyboard="text"))
    first.onscreen.open()
    second.onscreen.open()
    assert second.onscreen.is_open and not first.onscreen.is_open


def test_keyboards_follow_the_environment_and_field_names(monkeypatch, keep):
    monkeypatch.delenv("LK_ONSCREEN_KEYBOARD", raising=False)
    assert keep(FormField("X")).onscreen.kind is None
    monkeypatch.setenv("LK_ONSCREEN_KEYBOARD", "1")
    assert keyboards_on()
    assert keep(FormField("X")).onscreen.kind == "text"
    for name in ("cccd", "phone", "otp", "passcode_confirm", "capital_vnd"):
        assert guess_kind(name) == "numeric", name
    for name in ("full_name", "address", "password", "email"):
        assert guess_kind(name) == "text", name
