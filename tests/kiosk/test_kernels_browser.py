"""Kiosk kernels in a real Chromium: reloads leave no kernels behind, and a kernel killed
under an open page, or a page that cannot load its widgets, brings the visitor back to a
fresh home screen with a short notice; so does a page whose stream never ends."""
from __future__ import annotations

import signal
import uuid

import pytest

from literacy_kit.i18n import t

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser

TILES = ".lk-kiosk-tile"
POOL = 1


@pytest.fixture(scope="module")
def server(start_kiosk):
    return start_kiosk(pool=POOL)


def test_forty_reloads_leave_at_most_pool_plus_one_kernels(page, server):
    page.goto(server.url)
    page.wait_for_selector(TILES, state="visible")
    peak = 0
    for _ in range(40):
        page.reload()
        page.wait_for_selector(TILES, state="visible")
        peak = max(peak, len(kiosk_kernels(server)))
    # the page's beacon ends each old kernel: the open page's kernel plus the pool remain
    assert wait_until(lambda: len(kiosk_kernels(server)) <= POOL + 1, timeout=15)
    assert len(kiosk_kernels(server)) <= POOL + 1
    assert peak <= POOL + 3  # never more than a refill or two in flight
    assert page.js_errors == []


def test_a_killed_kernel_brings_the_visitor_back_home(page, server):
    page.goto(server.url)
    page.wait_for_selector(TILES, state="visible")
    page.locator(".lk-kiosk-tile-help").click()
    page.wait_for_selector(".lk-help", state="visible")
    assert wait_until(lambda: len(kiosk_kernels(server)) == POOL + 1, timeout=20)
    # the visitor's kernel is the one with a page connected: the oldest (the pool's is newer)
    mine = min(kiosk_kernels(server), key=lambda process: process.create_time())
    mine.send_signal(signal.SIGKILL)
    notice = page.locator(".lk-kiosk-restart-notice")
    notice.wait_for(state="visible", timeout=30_000)
    assert t("kiosk.restarted", "vi") in notice.inner_text()
    page.wait_for_selector(TILES, state="visible")
    assert not page.locator(".lk-help").is_visible()
    # the fresh page works: a tile opens again
    page.locator(".lk-kiosk-tile-help").click()
    page.wait_for_selector(".lk-help", state="visible")
    notice.wait_for(state="hidden", timeout=15_000)


def test_a_page_that_cannot_load_its_widgets_tries_again(page, server):
    """The first page names a kernel the server no longer has: the visitor still gets a
    fresh home screen (with the notice), never a blank page."""
    served = []

    def first_page_names_a_lost_kernel(route):
        served.append(route.request.url)
        if len(served) > 1:
            route.continue_()  # later pages come from the server as they are
            return
        response = route.fetch()
        body = response.text()
        kernel_id = body.split('"kernelId": "')[1].split('"')[0]
        route.fulfill(response=response, body=body.replace(kernel_id, str(uuid.uuid4())))

    page.route(server.url, first_page_names_a_lost_kernel)
    page.goto(server.url)
    notice = page.locator(".lk-kiosk-restart-notice")
    notice.wait_for(state="visible", timeout=30_000)
    page.wait_for_selector(TILES, state="visible")
    assert len(served) == 2
    page.locator(".lk-kiosk-tile-help").click()
    page.wait_for_selector(".lk-help", state="visible")


def test_a_page_whose_stream_never_ends_goes_home_after_the_ready_limit(page, server):
    """Voila streams the page while the kernel runs the notebook; a kernel that hangs there
    leaves the stream open for ever (Voila issue 1311), so nothing after the cells ever
    arrives. Here the first page stops where its cells begin: the watch in its head still
    sends the visitor to a fresh home screen once the 90 s "never ready" limit is over
    (the browser's clock is moved on instead of waiting)."""
    served = []

    def first_page_stops_at_its_cells(route):
        served.append(route.request.url)
        if len(served) > 1:
            route.continue_()
            return
        response = route.fetch()
        body = response.text()
        route.fulfill(response=response, body=body[:body.index('<div class="lk-page-widget">')])

    page.clock.install()
    page.route(server.url, first_page_stops_at_its_cells)
    page.goto(server.url)
    page.wait_for_timeout(1000)
    assert page.locator(TILES).count() == 0 and len(served) == 1   # stuck, as a hung stream
    page.clock.fast_forward("01:31")
    notice = page.locator(".lk-kiosk-restart-notice")
    notice.wait_for(state="visible", timeout=30_000)
    assert t("kiosk.restarted", "vi") in notice.inner_text()
    page.wait_for_selector(TILES, state="visible", timeout=30_000)
    assert len(served) == 2
