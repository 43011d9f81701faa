"""The kiosk's kernel websocket serves the v1 protocol only and closes malformed frames.

Without the guard, one forged 32-byte frame froze a real kiosk server while it grew
(~100 MB/s), and a legacy-protocol client tapping a tile that sends an image did the same
(past 18 GB once). The server in the slow tests runs under an address-space cap, so a
regression fails here instead of exhausting the machine.
"""
from __future__ import annotations

import asyncio
import json
import time
import urllib.request
import uuid

import psutil
import pytest
from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

from literacy_kit.kiosk.launcher import HEALTH_PATH
from literacy_kit.kiosk.visitor import Visitor
from literacy_kit.kiosk.websocket_guard import V1_PROTOCOL, offered_protocols, v1_frame_ok
from support import run_async



def v1_frame(parts: int = 4) -> bytes:
    message = {"header": {"msg_type": "comm_msg"}, "parent_header": {}, "metadata": {},
               "content": {"data": {}}}
    frame = serialize_msg_to_ws_v1(message, "shell", pack=lambda part: json.dumps(part).encode())
    if parts > 4:  # binary buffers after the content, as ipywidgets sends them
        count = int.from_bytes(frame[:8], "little")
        offsets = [int.from_bytes(frame[8 * (i + 1): 8 * (i + 2)], "little") for i in range(count)]
        extra = [b"\x89PNG" * 3] * (parts - 4)
        shift = 8 * len(extra)
        offsets = [o + shift for o in offsets]
        for buffer in extra:
            offsets.append(offsets[-1] + len(buffer))
        head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
        frame = head + frame[8 * (count + 1):] + b"".join(extra)
    return frame


def test_well_formed_v1_frames_pass():
    assert v1_frame_ok(v1_frame())
    assert v1_frame_ok(v1_frame(parts=6))


@pytest.mark.parametrize("frame", [
    (2 ** 40).to_bytes(8, "little") + bytes(24),           # a count no frame could hold
    v1_frame()[:40],                                         # offsets past the end
    b"",                                                     # nothing
    "a JSON text frame",                                     # the legacy protocol's text
    (3).to_bytes(8, "little") + bytes(24),                   # too few parts for a message
])
def test_malformed_frames_are_refused(frame):
    assert not v1_frame_ok(frame)


def test_offsets_out_of_order_are_refused():
    frame = bytearray(v1_frame())
    frame[16:24] = (len(frame) + 5).to_bytes(8, "little")  # the channel ends past the frame
    assert not v1_frame_ok(bytes(frame))


def test_offered_protocols():
    assert offered_protocols(f"foo, {V1_PROTOCOL}") == ["foo", V1_PROTOCOL]
    assert offered_protocols(None) == []


# -- against a real kiosk server (slow) ------------------------------------------------

@pytest.fixture(scope="module")
def capped_server(start_kiosk):
    return start_kiosk(pool=1, memory_cap=3 << 29)  # 1.5 GB of address space per process


def server_rss_mb(server) -> float:
    for process in psutil.Process(server.process.pid).children(recursive=True):
        if "kiosk.voila_app" in " ".join(process.cmdline()):
            return process.memory_info().rss / 1e6
    raise AssertionError("no Voila server process")


def answers_within(url: str, seconds: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=seconds) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.browser
def test_a_forged_frame_closes_the_socket_and_the_server_keeps_answering(capped_server):
    before = server_rss_mb(capped_server)

    async def attack():
        async with Visitor(capped_server.url, timeout=30) as visitor:
            await visitor.open()
            await visitor._ws.write_message((2 ** 40).to_bytes(8, "little") + bytes(24), binary=True)
            await asyncio.sleep(1.0)
            return visitor._ws is not None and visitor._ws.close_code

    close_code = run_async(attack())
    assert answers_within(capped_server.url + HEALTH_PATH, 3.0), "the server stopped answering"
    time.sleep(1.0)
    assert server_rss_mb(capped_server) < before + 60
    assert close_code == 1008


@pytest.mark.browser
def test_the_legacy_protocol_is_refused_and_v1_visitors_still_work(capped_server):
    async def legacy():
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        visitor = Visitor(capped_server.url, timeout=30)
        await visitor.load_page()
        url = (capped_server.url.replace("http", "ws") + f"api/kernels/{visitor.kernel_id}/channels"
               f"?session_id={uuid.uuid4().hex}")
        socket = await websocket_connect(HTTPRequest(url, headers={"Cookie": visitor._cookie_header()}))
        received = []
        while True:
            raw = await asyncio.wait_for(socket.read_message(), 10)
            if raw is None:
                break
            received.append(raw)
        await visitor.shutdown_beacon()
        return received, socket.close_code

    received, close_code = run_async(legacy())
    assert received == [] and close_code == 1008

    async def browser_like():
        async with Visitor(capped_server.url, timeout=30) as visitor:
            await visitor.open()
            tiles = visitor.find("kiosk-tile")
            await visitor.shutdown_beacon()
            return tiles

    assert len(run_async(browser_like())) >= 2
    assert answers_within(capped_server.url + HEALTH_PATH, 3.0)

