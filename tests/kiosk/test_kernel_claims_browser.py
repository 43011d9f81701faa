"""A real kiosk page in Chromium connects to its kernel well within the claim grace, keeps
it past the grace and stays usable (the grace ends only kernels no page connected to)."""
from __future__ import annotations

import pytest

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser

TILES = ".lk-kiosk-tile"
POOL = 1
GRACE = 3


@pytest.fixture(scope="module")
def server(start_kiosk):
    return start_kiosk(pool=POOL, claim_grace=GRACE)


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
