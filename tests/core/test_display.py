"""Large text and high contrast: toggles, the style they switch, language and reset."""
from __future__ import annotations

import pytest

from literacy_kit.core import DisplayOptions
from literacy_kit.core.display import CONTRAST_CSS, LARGE_CSS
from literacy_kit.i18n import t


def test_off_by_default_with_no_style(keep):
    view = keep(DisplayOptions())
    assert (view.state.large, view.state.contrast) == (False, False)
    assert view.style_html.value == ""


def test_large_text_toggle_adds_the_large_rules(keep):
    view = keep(DisplayOptions())
    view.large_toggle.value = True  # what a tap does
    assert view.state.large
    assert LARGE_CSS.read_text(encoding="utf-8") in view.style_html.value
    assert "--lk-tap: 64px" in view.style_html.value
    assert "lk-display-large-on" in view._dom_classes
    view.large_toggle.value = False
    assert view.style_html.value == "" and "lk-display-large-on" not in view._dom_classes


def test_contrast_and_large_combine(keep):
    view = keep(DisplayOptions())
    view.set(large=True, contrast=True)
    assert view.large_toggle.value and view.contrast_toggle.value
    assert LARGE_CSS.read_text(encoding="utf-8") in view.style_html.value
    assert CONTRAST_CSS.read_text(encoding="utf-8") in view.style_html.value


@pytest.mark.parametrize("start,switched", [("vi", "en"), ("en", "vi")])
def test_options_survive_a_language_switch(keep, start, switched):
    view = keep(DisplayOptions(lang=start))
    view.set(large=True, contrast=True)
    before = view.large_toggle.description
    view.lang = switched
    assert view.large_toggle.description != before
    assert view.state.large and view.state.contrast and view.style_html.value


def test_labels_in_both_languages(keep):
    view = keep(DisplayOptions(lang="vi"))
    assert view.large_toggle.description == t("core.display.large", "vi") != "Large text"
    view.lang = "en"
    assert (view.large_toggle.description, view.contrast_toggle.description) == (
        "Large text", "High contrast")


def test_reset_returns_to_defaults(keep):
    view = keep(DisplayOptions(large=True, contrast=True))
    assert view.style_html.value
    view.reset()
    assert not view.large_toggle.value and not view.contrast_toggle.value
    assert view.style_html.value == ""


def test_toggles_are_touch_sized(keep, assert_touch_sized):
    view = keep(DisplayOptions())
    for toggle in (view.large_toggle, view.contrast_toggle):
        assert toggle.layout.min_height == "48px"
