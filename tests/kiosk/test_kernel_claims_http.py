"""Kernels handed to a page that never connects, against a real kiosk server (no browser):
shut down after the claim grace, at most a few at once, and a request beyond the bound
waits for a place or gets the busy page, never a kernel. (A real page keeps its kernel
past the grace: test_kernel_claims_browser.py.)"""
from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request

import pytest

from literacy_kit.i18n import t
from literacy_kit.kiosk.busy_page import RETRY_SECONDS
from literacy_kit.kiosk.visitor import Visitor
from support import run_async

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser  # needs the real server, like the browser tests

GRACE = 3


@pytest.fixture(scope="module")
def server(start_kiosk):
    return start_kiosk(pool=1, claim_grace=GRACE, max_unclaimed=8)


def get(url: str) -> tuple[int, str, dict[str, str]]:
    """One plain GET of the page, as ``curl`` does: the status, the body, the headers."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), dict(error.headers)


async def load_pages(url: str, count: int) -> list[str]:
    """``count`` page loads that never open the kernel websocket; the kernels they were given."""
    visitors = [Visitor(url) for _ in range(count)]
    await asyncio.gather(*(visitor.load_page() for visitor in visitors))
    return [visitor.kernel_id for visitor in visitors]


def test_pages_that_never_connect_lose_their_kernels_after_the_grace(server):
    assert wait_until(lambda: len(kiosk_kernels(server)) == 1, timeout=30)
    kernel_ids = run_async(load_pages(server.url, 5))
    assert len(set(kernel_ids)) == 5  # each page was handed a kernel of its own
    # Without the grace they lived until the idle culler (240 s here): back to the pool now.
    assert wait_until(lambda: len(kiosk_kernels(server)) == 1, timeout=GRACE + 20)
    log = server.log()
    for kernel_id in kernel_ids:
        assert f"Kiosk page of kernel {kernel_id} never connected" in log


@pytest.fixture(scope="module")
def bounded(start_kiosk):
    """No pool, two waiting pages at most; a request waits 3 s (a third of the grace)."""
    return start_kiosk(pool=0, claim_grace=9, max_unclaimed=2)


async def leave(*visitors: Visitor) -> None:
    for visitor in visitors:
        await visitor.shutdown_beacon()
        await visitor.close()


def test_beyond_the_bound_a_request_gets_the_busy_page_and_no_kernel(bounded):
    async def visit():
        holders = [Visitor(bounded.url), Visitor(bounded.url)]
        for holder in holders:
            await holder.load_page()  # a kernel each, never connected
        kernels = len(kiosk_kernels(bounded))
        started = time.monotonic()
        status, body, headers = await asyncio.to_thread(get, bounded.url)
        waited = time.monotonic() - started
        after = len(kiosk_kernels(bounded))
        await leave(*holders)
        return kernels, status, body, headers, waited, after

    kernels, status, body, headers, waited, after = run_async(visit())
    assert kernels == 2
    assert status == 503 and headers.get("Retry-After") == str(RETRY_SECONDS)
    assert waited >= 2.5  # it waited for a place first
    assert after == 2  # no kernel was started for it
    assert "lk-kiosk-busy" in body and "kernelId" not in body
    # Vietnamese first, then English; the page loads itself again
    vi, en = t("kiosk.busy_title", "vi"), t("kiosk.busy_title", "en")
    assert vi in body and en in body and body.index(vi) < body.index(en)
    assert f'http-equiv="refresh" content="{RETRY_SECONDS}"' in body
    # the beacons freed both places: the next visitor gets a page with a kernel
    assert wait_until(lambda: not kiosk_kernels(bounded), timeout=20)

    async def next_visitor():
        visitor = Visitor(bounded.url)
        await visitor.load_page()
        await leave(visitor)
        return visitor.kernel_id

    assert run_async(next_visitor())


def test_a_waiting_request_gets_its_page_once_a_place_frees(bounded):
    assert wait_until(lambda: not kiosk_kernels(bounded), timeout=30)

    async def visit():
        first, second, third = Visitor(bounded.url), Visitor(bounded.url), Visitor(bounded.url)
        await first.load_page()
        await second.load_page()
        waiting = asyncio.ensure_future(third.load_page())
        await asyncio.sleep(0.8)
        was_waiting = not waiting.done()
        await first.connect()  # the first page connects: its place goes to the third
        await asyncio.wait_for(waiting, 30)
        await leave(first, second, third)
        return was_waiting, third.kernel_id

    was_waiting, kernel_id = run_async(visit())
    assert was_waiting
    assert kernel_id  # a real page, with its kernel
