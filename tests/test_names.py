"""normalize_name: one canonical spelling per name, whatever the keyboard sent."""
from __future__ import annotations

import re
import unicodedata

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.names import MAX_NAME_LENGTH, InvalidName, normalize_name, same_name

FORMS = ["NFC", "NFD"]


def documented_codes(error_class) -> set[str]:
    return set(re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", error_class.__doc__))


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("typed, expected", [
    ("\u0111\u1ed7 th\u1ecb thu\u1ef7", "\u0110\u1ed7 Th\u1ecb Th\u1ee7y"),
    ("  nguy\u1ec5n\u00a0v\u0103n   ho\u00e0 ", "Nguy\u1ec5n V\u0103n H\u00f2a"),
    ("NGUY\u1ec4N TH\u1eca KHO\u1eba", "Nguy\u1ec5n Th\u1ecb Kh\u1ecfe"),
    ("tr\u1ea7n qu\u00fd", "Tr\u1ea7n Qu\u00fd"),                       # qu is a consonant
    ("l\u00ea qu\u1ef3nh", "L\u00ea Qu\u1ef3nh"),
    ("ho\u00e0ng v\u0103n to\u00e1n", "Ho\u00e0ng V\u0103n To\u00e1n"),  # final consonant
    ("ph\u1ea1m thu\u00fd", "Ph\u1ea1m Th\u00fay"),
    ("l\u00fd tu\u1ef5", "L\u00fd T\u1ee5y"),
    ("\u0111\u1eb7ng kh\u1eafc hu\u1ef7", "\u0110\u1eb7ng Kh\u1eafc H\u1ee7y"),
    ("v\u0169 th\u1ecb kh\u1ecfe", "V\u0169 Th\u1ecb Kh\u1ecfe"),       # already canonical
    ("h'hen ni\u00ea", "H'Hen Ni\u00ea"),                                # Ede name
    ("ksor h\u2019bla", "Ksor H'Bla"),                                   # typographic apostrophe
    ("y-moan \u00eanu\u00f4l", "Y-Moan \u00canu\u00f4l"),
    ("y\u2010moan", "Y-Moan"),                                           # Unicode hyphen
    ("Nguy\u200b\u1ec5n V\u0103n\u200d An", "Nguy\u1ec5n V\u0103n An"), # zero-width marks
    ("l\u00f2 v\u0103n p\u1ea3n", "L\u00f2 V\u0103n P\u1ea3n"),
    ("\u00e1nh", "\u00c1nh"),
])
def test_canonical_spelling(typed, expected, form):
    result = normalize_name(unicodedata.normalize(form, typed))
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)
    assert normalize_name(result) == result


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("old, new", [
    ("Ho\u00e0", "H\u00f2a"), ("Thu\u1ef7", "Th\u1ee7y"), ("Kho\u1ebb", "Kh\u1ecfe"),
    ("Ho\u00e1", "H\u00f3a"), ("Thu\u00fd", "Th\u00fay"), ("Xo\u00e3", "X\u00f5a"),
    ("Lo\u1ea1", "L\u1ecda"), ("Tu\u1ef3", "T\u00f9y"),
])
def test_old_and_new_tone_placement_are_the_same_name(old, new, form):
    assert normalize_name(unicodedata.normalize(form, old)) == normalize_name(new) == new
    assert same_name(unicodedata.normalize(form, f"nguy\u1ec5n {old.lower()}"), f"Nguy\u1ec5n {new}")


@pytest.mark.parametrize("word", ["Qu\u00fd", "Qu\u1ef3", "Ho\u00e0ng", "Khu\u1ef7u", "To\u00e1n", "Thu\u1ebf"])
def test_words_that_keep_their_mark(word):
    assert normalize_name(word) == word


def test_same_name():
    assert same_name("NGUY\u1ec4N TH\u1eca HO\u00c0", "nguy\u1ec5n th\u1ecb h\u00f2a")
    assert not same_name("Nguy\u1ec5n Th\u1ecb Hoa", "Nguy\u1ec5n Th\u1ecb H\u00f2a")
    assert not same_name("", "")
    assert not same_name("An 2", "An 2")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("typed, code, params", [
    ("", "name.empty", {}),
    ("  \u00a0\u200b ", "name.empty", {}),
    (None, "name.empty", {}),
    ("Nguy\u1ec5n V\u0103n 2", "name.digits", {}),
    ("Tr\u1ea7n \uff13", "name.digits", {}),
    ("Nguy\u1ec5n @n", "name.bad_character", {"char": "@"}),
    ("Nguy\u1ec5n V. An", "name.bad_character", {"char": "."}),
    ("\u0418\u0432\u0430\u043d", "name.bad_character", {"char": "\u0418"}),      # Cyrillic
    ("\u9648\u660e", "name.bad_character", {"char": "\u9648"}),                    # Han
    ("'An", "name.bad_character", {"char": "'"}),
    ("An'", "name.bad_character", {"char": "'"}),
    ("An - B\u00ecnh", "name.bad_character", {"char": "-"}),
    ("An--B\u00ecnh", "name.bad_character", {"char": "-"}),
    ("\u0301An", "name.bad_character", {"char": "U+0301"}),
    ("a" * (MAX_NAME_LENGTH + 1), "name.too_long", {"count": MAX_NAME_LENGTH + 1, "max": MAX_NAME_LENGTH}),
])
def test_errors(typed, code, params, form):
    text = None if typed is None else unicodedata.normalize(form, typed)
    with pytest.raises(InvalidName) as caught:
        normalize_name(text)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_longest_name_is_accepted():
    assert len(normalize_name("a" * MAX_NAME_LENGTH)) == MAX_NAME_LENGTH


def test_every_documented_code_has_both_languages():
    for code in documented_codes(InvalidName):
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)
