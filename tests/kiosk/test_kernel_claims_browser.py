"""A real kiosk page in Chromium connects to its kernel well within the claim grace, keeps
it past the grace and stays usable (the grace ends only kernels no page connected to); a
visitor who arrives while the places are held sees the busy page, which brings the kiosk
by itself once a place frees."""
from __future__ import annotations

import pytest

from literacy_kit.i18n import t
from literacy_kit.kiosk.visitor import Visitor
from support import run_async

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser

TILES = ".lk-kiosk-tile"
POOL = 1
GRACE = 3


@pytest.fixture(scope="module")
def server(start_kiosk):
    # one waiting page at most: a request beyond waits a third of the grace (1 s)
    return start_kiosk(pool=POOL, claim_grace=GRACE, max_unclaimed=1)


def test_an_open_page_keeps_its_kernel_past_the_grace(page, server):
    page.goto(server.url)
    page.wait_for_selector(TILES, state="visible")
    assert wait_until(lambda: len(kiosk_kernels(server)) == POOL + 1, timeout=20)
    page.wait_for_timeout((GRACE + 2) * 1000)
    # the page's kernel and the pool are still there, and the page still works
    assert len(kiosk_kernels(server)) == POOL + 1
    page.locator(".lk-kiosk-tile-help").click()
    page.wait_for_selector(".lk-help", state="visible")
    log = server.log()
    assert "Kiosk page of kernel" in log and "connected" in log
    assert "never connected" not in log
    assert page.js_errors == []


def test_the_busy_page_brings_the_kiosk_by_itself_once_a_place_frees(page, server):
    async def hold_the_only_place():
        visitor = Visitor(server.url)
        await visitor.load_page()  # a page that never connects: a plain GET
        return visitor.kernel_id

    assert run_async(hold_the_only_place())
    page.goto(server.url)
    busy = page.locator(".lk-kiosk-busy")
    busy.wait_for(state="visible")
    assert t("kiosk.busy_title", "vi") in busy.inner_text()
    # the held kernel ends after the grace; the busy page loads the kiosk again by itself
    page.wait_for_selector(TILES, state="visible", timeout=30_000)
    assert not page.locator(".lk-kiosk-busy").count()
    page.locator(".lk-kiosk-tile-help").click()
    page.wait_for_selector(".lk-help", state="visible")
