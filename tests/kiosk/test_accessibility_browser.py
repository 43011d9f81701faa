"""Read-aloud, large text and high contrast in the real kiosk (Voila + system Chromium)."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from literacy_kit.content import load
from support import ARTIFACTS, speech_required

pytestmark = pytest.mark.browser

TILE = ".lk-kiosk-tile-help"
AUDIO = "audio.lk-read-aloud-audio"


def open_home(page, server) -> None:
    page.goto(server.url)
    page.wait_for_selector(TILE, state="visible")


def height(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["height"]


def font_px(page, selector: str) -> float:
    return page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)")


def test_speaker_button_plays_speech_in_the_kiosk(page, kiosk_server):
    if shutil.which("espeak-ng") is None:
        if speech_required():
            pytest.fail("espeak-ng not found (LK_REQUIRE_SPEECH is set)")
        pytest.skip("espeak-ng not found: sudo apt-get install -y espeak-ng")
    open_home(page, kiosk_server)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    speaker = page.locator(".lk-help .lk-choice .lk-read-aloud-button")
    assert speaker.is_visible()
    speaker.click()
    audio = page.wait_for_selector(AUDIO, state="attached")
    assert audio.get_attribute("src").startswith("blob:")
    # Playing: not paused, the clock moves, and the browser decoded seconds of sound.
    page.wait_for_function(f"""() => {{
        const a = document.querySelector('{AUDIO}');
        return a && !a.paused && a.currentTime > 0.2 && a.duration > 2;
    }}""", timeout=20_000)
    duration = page.evaluate(f"document.querySelector('{AUDIO}').duration")
    assert duration > 2
    # A second tap replaces the element and plays again from the start. The first one is
    # still playing until the kernel's reply removes it, so wait for a different element.
    speaker.click()
    page.wait_for_function(f"""first => {{
        const all = document.querySelectorAll('{AUDIO}');
        return all.length === 1 && all[0] !== first && !all[0].paused && all[0].currentTime > 0;
    }}""", arg=audio, timeout=20_000)
    assert page.js_errors == []


def test_large_text_makes_targets_and_text_grow(page, kiosk_server):
    open_home(page, kiosk_server)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    targets = (".lk-kiosk-home-button", ".lk-kiosk-lang button", ".lk-choice-option",
               ".lk-help-practice-field input")
    before = {selector: height(page, selector) for selector in targets}
    text_before = font_px(page, ".lk-help-body p")
    page.locator("button.lk-display-large").click()
    page.wait_for_function(
        "document.querySelector('.lk-display').classList.contains('lk-display-large-on')")
    page.wait_for_function(f"parseFloat(getComputedStyle(document.querySelector('.lk-help-body p'))"
                           f".fontSize) > {text_before}")
    after = {selector: height(page, selector) for selector in targets}
    for selector in targets:
        assert after[selector] > before[selector], (selector, before[selector], after[selector])
        assert after[selector] >= 64, selector
    assert font_px(page, ".lk-help-body p") >= 1.3 * text_before
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kiosk-large-text.png"))
    # A language switch keeps the choice. The open tile is relabelled after the display
    # toggles (later messages): wait for its options in English before measuring them.
    page.locator(".lk-kiosk-lang button", has_text="English").click()
    page.wait_for_function("document.querySelector('button.lk-display-large').innerText.includes('Large')")
    options = load("kiosk_help").questions["practice_tap"].options
    expect(page.locator(".lk-help .lk-choice-option")).to_have_text(
        [option.text.get("en") for option in options])
    assert height(page, ".lk-choice-option") == pytest.approx(after[".lk-choice-option"], abs=40)
    assert height(page, ".lk-kiosk-home-button") >= 64


def test_high_contrast_turns_the_kiosk_light_on_black(page, kiosk_server):
    open_home(page, kiosk_server)
    background = "getComputedStyle(document.querySelector('.lk-kiosk')).backgroundColor"
    assert page.evaluate(background) != "rgb(0, 0, 0)"
    page.locator("button.lk-display-contrast").click()
    page.wait_for_function(f"{background} === 'rgb(0, 0, 0)'")
    tile_colour = page.evaluate(f"getComputedStyle(document.querySelector('{TILE}')).color")
    assert tile_colour == "rgb(255, 235, 59)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kiosk-high-contrast.png"))
    page.locator("button.lk-display-contrast").click()
    page.wait_for_function(f"{background} !== 'rgb(0, 0, 0)'")
