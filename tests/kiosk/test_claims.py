"""The places of page requests whose kernel no page has connected to (kiosk/claims.py), the
busy page and the server's settings for them, without a server."""
from __future__ import annotations

import asyncio
import html
import re

import pytest

from literacy_kit.i18n import LANGS, t
from literacy_kit.kiosk.busy_page import RETRY_SECONDS, busy_page
from literacy_kit.kiosk.claims import CLAIM_GRACE, MAX_UNCLAIMED, Claims
from literacy_kit.kiosk.server import voila_command
from literacy_kit.kiosk.settings import KioskSettings
from support import run_async


def make(limit=2, grace=0.2, wait=0.1):
    ended: list[str] = []
    claims: Claims

    async def shutdown(kernel_id):
        ended.append(kernel_id)
        claims.gone(kernel_id)  # as the kernel manager's shutdown_kernel does

    claims = Claims(limit, grace, wait, shutdown)
    return claims, ended


def test_a_kernel_nobody_connects_to_ends_after_the_grace_and_frees_its_place():
    async def run():
        claims, ended = make()
        place = await claims.take()
        claims.bind(place, "k1")
        claims.request_over(place)
        await asyncio.sleep(0.1)
        early = list(ended)  # the grace runs from the end of the response
        await asyncio.sleep(0.3)
        return early, ended, claims.held

    assert run_async(run()) == ([], ["k1"], 0)


def test_a_connected_kernel_is_never_ended_by_the_grace():
    async def run():
        claims, ended = make()
        place = await claims.take()
        claims.bind(place, "k1")
        claims.connected("k1")      # the page connected before its response was over
        claims.request_over(place)
        other = await claims.take()
        claims.bind(other, "k2")
        claims.request_over(other)
        claims.connected("k2")      # ... or after
        await asyncio.sleep(0.4)
        return ended, claims.held

    assert run_async(run()) == ([], 0)


def test_a_request_without_a_kernel_frees_its_place_and_a_shut_down_kernel_too():
    async def run():
        claims, _ = make(limit=1)
        place = await claims.take()
        claims.request_over(place)  # a redirect: no kernel handed
        place = await claims.take()
        assert place is not None
        claims.bind(place, "k1")
        claims.gone("k1")           # the beacon or the culler ended it first
        claims.request_over(place)
        return claims.held

    assert run_async(run()) == 0


def test_beyond_the_bound_requests_wait_in_turn_then_give_up():
    async def run():
        claims, _ = make(limit=1, grace=0, wait=0.3)
        first = await claims.take()
        claims.bind(first, "k1")
        claims.request_over(first)
        second = asyncio.ensure_future(claims.take())
        third = asyncio.ensure_future(claims.take())
        await asyncio.sleep(0.05)
        claims.connected("k1")      # the first page connects: the longest waiter gets the place
        got_second = await second
        got_third = await third     # nobody else connects: it gives up
        return got_second is not None, got_third, claims.held

    assert run_async(run()) == (True, None, 1)


def test_a_cancelled_waiter_passes_its_place_on():
    async def run():
        claims, _ = make(limit=1, grace=0, wait=5)
        first = await claims.take()
        waiting = asyncio.ensure_future(claims.take())
        await asyncio.sleep(0.01)
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        claims.request_over(first)
        return claims.held

    assert run_async(run()) == 0


def test_no_bound_means_every_request_gets_a_place_at_once():
    async def run():
        claims, _ = make(limit=0, wait=0)
        places = [await claims.take() for _ in range(20)]
        return all(places), claims.held

    assert run_async(run()) == (True, 20)


def test_the_busy_page_is_vietnamese_first_and_tries_again_by_itself():
    page = busy_page()
    text = html.unescape(page)
    positions = [text.index(t("kiosk.busy_title", lang)) for lang in LANGS]
    assert LANGS[0] == "vi" and positions == sorted(positions)
    for lang in LANGS:
        assert t("kiosk.busy_text", lang) in text and t("kiosk.busy_retry", lang) in text
        assert f'lang="{lang}"' in page
    assert re.search(rf'http-equiv="refresh" content="{RETRY_SECONDS}"', page)
    assert "<script" not in page  # nothing to load, nothing that could fail


@pytest.mark.parametrize("grace, wait", [(30, 10.0), (6, 2.0), (120, 10.0)])
def test_the_server_gets_the_grace_the_bound_and_the_wait(tmp_path, grace, wait):
    settings = KioskSettings(claim_grace=grace, max_unclaimed=3)
    command = voila_command(tmp_path / "k.ipynb", "127.0.0.1", 8866, 1, settings)
    assert f"--KioskKernelManager.claim_grace={float(grace)!r}" in command
    assert "--KioskKernelManager.max_unclaimed=3" in command
    assert f"--KioskKernelManager.claim_wait={wait!r}" in command


def test_bad_settings_fall_back_to_defaults():
    settings = KioskSettings(claim_grace=-1, max_unclaimed=-4)
    assert (settings.claim_grace, settings.max_unclaimed) == (CLAIM_GRACE, MAX_UNCLAIMED)
