"""Kiosk kernels against a real server, at the protocol level (no browser): forked from the
warm zygote, shut down by the page's beacon with its XSRF token, reaped when the page is
gone, and many visitors at once all reach the home screen."""
from __future__ import annotations

import asyncio
import signal
import urllib.request

import pytest

from literacy_kit.kiosk.launcher import HEALTH_PATH
from literacy_kit.kiosk.visitor import KioskGone, Visitor
from support import run_async

from .kernel_support import kiosk_kernels, wait_until

pytestmark = pytest.mark.browser  # needs the real server, like the browser tests


@pytest.fixture(scope="module")
def server(start_kiosk):
    return start_kiosk(pool=2)


def pool_settled(server, size=2):
    return wait_until(lambda: len(kiosk_kernels(server)) == size, timeout=30)


def test_kernels_are_forked_from_the_zygote_and_the_beacon_ends_them(server):
    assert pool_settled(server)

    async def visit():
        async with Visitor(server.url) as visitor:
            await visitor.open()
            tiles = visitor.find("kiosk-tile")
            pids = {p.pid for p in kiosk_kernels(server)}
            status = await visitor.shutdown_beacon()
            return tiles, pids, status

    tiles, pids, status = run_async(visit())
    assert len(tiles) >= 2  # the home screen's tiles reached the visitor
    assert len(pids) >= 2   # the visitor's kernel and the pool are the zygote's children
    assert status == 204
    # the visitor's kernel is gone and the pool is back to its size
    assert pool_settled(server)


def test_beacon_without_the_token_is_refused(server):
    async def visit():
        async with Visitor(server.url) as visitor:
            await visitor.open()
            visitor.cookies.pop("_xsrf")
            refused = await visitor.shutdown_beacon()
            return refused

    assert run_async(visit()) == 403


@pytest.fixture(scope="module")
def lone_server(start_kiosk):
    """No pool: the only kernel is the visitor's."""
    return start_kiosk(pool=0)


def test_a_page_that_disappears_without_beacon_loses_its_kernel(lone_server):
    async def visit():
        visitor = Visitor(lone_server.url)
        await visitor.open()
        kernels = len(kiosk_kernels(lone_server))
        await visitor.close()  # a crashed tab: the socket drops, no beacon
        return kernels

    assert run_async(visit()) == 1
    assert wait_until(lambda: not kiosk_kernels(lone_server), timeout=30)


def test_a_killed_kernel_is_reported_to_its_page(lone_server):
    async def visit():
        async with Visitor(lone_server.url) as visitor:
            await visitor.open()
            [kernel] = kiosk_kernels(lone_server)
            kernel.send_signal(signal.SIGKILL)
            try:
                await asyncio.wait_for(visitor.request_states(), 30)
            except (KioskGone, asyncio.TimeoutError) as exc:
                outcome = exc
            else:
                outcome = None
            await visitor.shutdown_beacon()
            return outcome

    assert isinstance(run_async(visit()), KioskGone)
    assert wait_until(lambda: not kiosk_kernels(lone_server), timeout=30)


def test_ten_visitors_at_once_all_reach_the_home_screen(server):
    assert pool_settled(server)

    async def burst():
        visitors = [Visitor(server.url) for _ in range(10)]
        await asyncio.gather(*(visitor.open() for visitor in visitors))
        found = [len(visitor.find("kiosk-tile")) for visitor in visitors]
        await asyncio.gather(*(visitor.shutdown_beacon() for visitor in visitors))
        for visitor in visitors:
            await visitor.close()
        return found

    assert all(count >= 2 for count in run_async(burst()))
    assert pool_settled(server)


def headers_of(url: str) -> dict[str, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return {key.lower(): value for key, value in response.headers.items()}


def test_static_files_are_compressed_and_cacheable(server):
    script = headers_of(server.url + "voila/templates/lk-page/static/lk-page.js?v=1")
    assert script.get("content-encoding") == "gzip"
    assert "immutable" in script.get("cache-control", "")   # versioned: kept for a year
    css = headers_of(server.url + "voila/templates/lk-page/static/lk-page.css")
    assert css.get("content-encoding") == "gzip" and "max-age=" in css.get("cache-control", "")
