"""The plug-in's tile in the real kiosk (``literacy-kit kiosk``, Voila) in the system Chromium."""
from __future__ import annotations

import pytest

from literacy_kit.i18n import t

pytestmark = pytest.mark.browser

TILE = ".lk-kiosk-tile-lamp"


def test_the_plugins_tile_opens_and_the_lamp_turns_on_by_touch(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.wait_for_selector(TILE, state="visible")
    assert t("lamp.domain_title", "vi") in page.locator(TILE).inner_text()
    page.locator(TILE).click()
    page.wait_for_selector(".lk-lamp-switch", state="visible")
    assert page.locator(".lk-lamp-status").inner_text() == t("lamp.off", "vi")
    page.locator(".lk-lamp-switch").click()
    page.wait_for_function(f"document.querySelector('.lk-lamp-status').innerText === {t('lamp.on', 'vi')!r}")
    page.locator(".lk-kiosk-lang button", has_text="English").click()
    page.wait_for_function(f"document.querySelector('.lk-lamp-status').innerText === {t('lamp.on', 'en')!r}")
    page.locator(".lk-kiosk-home-button").click()
    page.wait_for_selector(TILE, state="visible")
    assert page.locator(".lk-lamp").count() == 0
    assert page.js_errors == []
