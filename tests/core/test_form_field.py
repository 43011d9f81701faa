"""FormField: friendly messages, the typed text kept as typed, live relabelling."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from literacy_kit import InputError
from literacy_kit.content import Localized
from literacy_kit.core import FieldState, FormField
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find, find_one
from literacy_kit.text import fold

LANGS = ("vi", "en")
LABEL = Localized("Ho ten vi", "Full name en")
HINT = Localized("Vi du vi", "Example en")
# "Hoa Binh" with tone marks, precomposed (NFC) and decomposed (NFD).
NFC_NAME = "H\u00f2a B\u00ecnh"
NFD_NAME = "Ho\u0300a Bi\u0300nh"


def digits_only(text):
    """A validator in the house style: the value, or the project's own error."""
    cleaned = fold(text).replace(" ", "")
    if not cleaned.isdigit():
        raise InputError("field.required")
    return cleaned


def broken(text):
    raise ZeroDivisionError("a bug in a validator")


@pytest.mark.parametrize("lang", LANGS)
def test_builds_with_label_placeholder_and_button(keep, lang):
    field = keep(FormField(LABEL, digits_only, required=True, placeholder=HINT, lang=lang))
    label = find_one(field, css="lk-field-label").value
    assert LABEL.get(lang) in label and t("core.field.required_mark", lang) in label
    box = find_one(field, css="lk-field-input")
    assert box.placeholder == HINT.get(lang)
    assert box.continuous_update is False  # checks on Enter / leaving the box
    assert find_one(field, css="lk-field-check").description == t("core.check", lang)
    assert field.state.valid is None
    assert find(field, css="lk-field-message", visible_only=True) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("typed", ["12a", "  1 2x ", NFC_NAME, NFD_NAME])
def test_bad_input_keeps_typed_text_and_explains(keep, lang, typed):
    field = keep(FormField(LABEL, digits_only, lang=lang))
    field.input.value = typed  # what a commit (Enter) from the browser does
    assert field.state.valid is False
    assert field.input.value == typed and field.state.text == typed  # byte for byte
    message = find_one(field, css="lk-field-message", visible_only=True)
    assert message.value == t("errors.field.required", lang)
    assert "lk-field-message-error" in message._dom_classes
    assert "lk-field-invalid" in field._dom_classes
    assert field.state.error_code == "field.required" and field.state.value is None


@pytest.mark.parametrize("typed", ["0912 345 678", "\u00a0123\u00a0"])
def test_good_input_gives_value(keep, typed):
    field = keep(FormField(LABEL, digits_only, lang="en"))
    field.input.value = typed
    find_one(field, css="lk-field-check").click()
    assert field.state.valid is True and field.state.value == typed.replace(" ", "").strip("\u00a0")
    assert find_one(field, css="lk-field-message").value == t("core.field.ok", "en")
    assert "lk-field-valid" in field._dom_classes


@pytest.mark.parametrize("lang", LANGS)
def test_other_exceptions_become_a_friendly_message(keep, lang):
    field = keep(FormField(LABEL, broken, lang=lang))
    field.input.value = "anything"
    assert field.validate() is False
    assert field.state.error_code == "field.unexpected"
    assert find_one(field, css="lk-field-message").value == t("errors.field.unexpected", lang)
    assert field.input.value == "anything"


@pytest.mark.parametrize("blank", ["", "   ", "\u00a0\t"])
def test_required_and_optional_blank(keep, blank):
    required = keep(FormField(LABEL, digits_only, required=True))
    required.state.text = blank
    assert required.validate() is False and required.state.error_code == "field.required"
    optional = keep(FormField(LABEL, digits_only))
    optional.state.text = blank
    assert optional.validate() is True and optional.state.value is None


def test_no_validator_accepts_text_as_typed(keep):
    field = keep(FormField("Plain label", None, lang="en"))
    field.input.value = NFD_NAME
    assert field.state.valid is True and field.state.value == NFD_NAME
    assert find_one(field, css="lk-field-label").value == "Plain label"


def test_validator_receives_the_text_as_typed(keep):
    seen = []
    field = keep(FormField(LABEL, lambda text: seen.append(text) or text))
    field.input.value = NFD_NAME
    assert seen == [NFD_NAME]


def test_state_text_from_code_mirrors_without_checking(keep):
    field = keep(FormField(LABEL, digits_only))
    field.state.text = "abc"
    assert field.input.value == "abc" and field.state.valid is None
    field.check_button.click()
    assert field.state.valid is False


def test_message_relabels_on_language_switch(keep):
    field = keep(FormField(LABEL, digits_only, required=True, placeholder=HINT, lang="vi"))
    field.input.value = "x"
    assert find_one(field, css="lk-field-message").value == t("errors.field.required", "vi")
    field.lang = "en"
    assert find_one(field, css="lk-field-message").value == t("errors.field.required", "en")
    assert field.input.placeholder == HINT.en and LABEL.en in field.label_html.value
    assert field.input.value == "x"


def test_clear_forgets_everything(keep):
    field = keep(FormField(LABEL, digits_only))
    field.input.value = "secret 123x"
    field.clear()
    assert field.input.value == "" and field.state.text == ""
    assert field.state.valid is None and field.state.error_code == ""
    assert find(field, css="lk-field-message", visible_only=True) == []


def test_touch_sized(keep, assert_touch_sized):
    assert_touch_sized(keep(FormField(LABEL, digits_only)))


@settings(max_examples=60, deadline=None)
@given(typed=st.text())
def test_any_text_gives_a_value_or_a_message(typed):
    field = FormField(LABEL, digits_only, required=True, lang="en")
    try:
        field.input.value = typed
        field.validate()
        assert field.state.valid in (True, False)
        assert field.input.value == typed
        if not field.state.valid:
            assert field.error_message == t("errors.field.required", "en")
    finally:
        close_all(field)


def test_state_defaults():
    state = FieldState()
    assert (state.text, state.value, state.valid, state.error_code) == ("", None, None, "")


def test_secret_field_masks_input_and_is_never_read_aloud(keep):
    import ipywidgets as w

    from literacy_kit.core import FormField, PhoneFrame

    field = FormField("Password", lambda text: text, secret=True, lang="en")
    phone = keep(PhoneFrame("App", field, lang="en"))
    assert isinstance(field.input, w.Password)
    field.input.value = "Demo@2025vn"
    assert field.validate()
    assert "Demo@2025vn" not in phone.read_aloud.texts()
    assert field.state.text == "Demo@2025vn"
