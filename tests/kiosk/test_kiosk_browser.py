"""The kiosk in a real Chromium against a real Voila server started by ``literacy-kit kiosk``."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlparse

import pytest

from literacy_kit.i18n import t

pytestmark = pytest.mark.browser

TILE = ".lk-kiosk-tile-help"


def is_loopback(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    host = parsed.hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def open_home(page, server) -> None:
    page.goto(server.url)
    page.wait_for_selector(TILE, state="visible")


def test_language_toggle_relabels_the_home_screen(page, kiosk_server):
    open_home(page, kiosk_server)
    tile = page.locator(TILE)
    assert "Cách dùng ki-ốt" in tile.inner_text()
    page.locator(".lk-kiosk-lang button", has_text="English").click()
    page.wait_for_function("document.querySelector('.lk-kiosk-tile-help').innerText.includes('How to use')")
    assert t("kiosk.title", "en") in page.locator(".lk-kiosk-title").inner_text()
    page.locator(".lk-kiosk-lang button", has_text="Tiếng Việt").click()
    page.wait_for_function("document.querySelector('.lk-kiosk-tile-help').innerText.includes('Cách dùng')")
    assert page.js_errors == []


def test_open_a_tile_and_come_back(page, kiosk_server):
    open_home(page, kiosk_server)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    assert not page.locator(TILE).is_visible()
    page.locator(".lk-choice-option").first.click()
    page.locator(".lk-kiosk-home-button").click()
    page.wait_for_selector(TILE, state="visible")
    assert page.locator(".lk-help").count() == 0


def test_touch_targets_are_large_enough(page, kiosk_server):
    open_home(page, kiosk_server)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    for selector in (".lk-kiosk-home-button", ".lk-kiosk-lang button", ".lk-choice-option"):
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 48, selector
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.lk-help-body p')).fontSize)")
    assert size >= 18


def test_nothing_is_requested_outside_loopback(page, kiosk_server):
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    open_home(page, kiosk_server)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    page.wait_for_load_state("networkidle")
    assert requested, "no request was recorded"
    outside = [url for url in requested if not is_loopback(url)]
    assert outside == []
    # the light page: its own small bundle, no JupyterLab frontend, no icon font
    assert any("/lk-page/static/lk-page.js" in url for url in requested)
    assert not any("/voila/static/voila.js" in url or "/labextensions/" in url for url in requested)
    assert not any("/webfonts/" in url or "fontawesome" in url for url in requested)
    assert failed == []
    # the tiles' icons are drawings of the page's own (a CSS mask), shown at a size
    page.locator(".lk-kiosk-home-button").click()
    icon = page.locator(".lk-kiosk-tile-help .fa").first
    icon.wait_for(state="visible")
    assert icon.bounding_box()["width"] >= 12


@pytest.fixture(scope="module")
def idle_kiosk(start_kiosk):
    return start_kiosk(idle_reset=6)


def test_idle_reset_returns_home_and_forgets_input(page, idle_kiosk):
    open_home(page, idle_kiosk)
    page.locator(".lk-kiosk-lang button", has_text="English").click()
    page.locator(TILE).click()
    field = page.locator(".lk-help-practice-field input")
    field.fill("Nguyễn Văn An 0912345678")
    field.press("Enter")
    assert field.input_value() == "Nguyễn Văn An 0912345678"
    # Six idle seconds, checked every 1.5 s: home again, in Vietnamese.
    page.wait_for_selector(TILE, state="visible", timeout=20_000)
    page.wait_for_function("document.querySelector('.lk-kiosk-tile-help').innerText.includes('Cách dùng')")
    assert page.locator(".lk-help").count() == 0
    page.locator(TILE).click()
    assert page.locator(".lk-help-practice-field input").input_value() == ""
    assert "Nguyễn Văn An" not in page.content()
    # Nothing the visitor typed reaches the server's or the kernels' logs either.
    assert "0912345678" not in idle_kiosk.log()


def test_a_visitor_who_keeps_tapping_is_not_reset(page, idle_kiosk):
    open_home(page, idle_kiosk)
    page.locator(TILE).click()
    page.wait_for_selector(".lk-help", state="visible")
    options = page.locator(".lk-choice-option")
    # Eight seconds of tapping, never six seconds apart: the kiosk must stay put.
    for index in range(7):
        options.nth(index % 2).click()
        page.wait_for_timeout(1200)
        assert page.locator(".lk-help").is_visible(), f"reset while active (tap {index})"
