"""What the kiosk server refuses: notebook sources, Python files, paths outside the kiosk."""
from __future__ import annotations

import asyncio
import json
import re
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import tornado.websocket
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

from literacy_kit.kiosk.websocket_guard import V1_PROTOCOL
from support import run_async

pytestmark = pytest.mark.browser  # needs the real server, like the browser tests


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.mark.parametrize("path", [
    "voila/files/kiosk.ipynb",
    "voila/files/..%2Fnotebook%2Fkiosk.ipynb",
    "voila/files/..%2F..%2Fetc%2Fpasswd",
    "voila/render/kiosk.ipynb",
    "voila/tree",
    "kiosk.ipynb",
    "files/kiosk.ipynb",
    "notebooks/kiosk.ipynb",
    "api/contents",
    "api/contents/kiosk.ipynb",
    "api/kernels",
    "voila/templates/lk-kiosk/index.html.j2",
    "voila/templates/lk-kiosk/conf.json",
    "voila/templates/lk-kiosk/static/..%2Findex.html.j2",
    "voila/templates/lk-kiosk/static/..%2F..%2F..%2F..%2F..%2Fnotebook%2Fkiosk.ipynb",
    "voila/static/..%2F..%2Fapp.py",
    "voila/files/app.py",
])
def test_sources_and_outside_paths_are_refused(kiosk_server, path):
    status, body = fetch(kiosk_server.url + path)
    assert status in (403, 404, 405, 500), f"{path} answered {status}"
    assert "literacy_kit" not in body
    assert "nbformat" not in body


def test_page_has_no_source_and_ignores_template_override(kiosk_server):
    status, body = fetch(kiosk_server.url + "?template=lab&theme=dark")
    assert status == 200
    assert "from literacy_kit" not in body          # sources stripped
    assert "cdn.jsdelivr.net" not in body           # our template, not the stock one
    assert "voila/templates/lk-page/static/lk-page.js?v=" in body  # the light page
    watch = body.index("voila/templates/lk-kiosk/static/lk-kernel-watch.js")
    # in the head, before any cell: a page whose stream never ends still runs its watch
    assert watch < body.index("</head>") and watch < body.index("lk-page-widget")
    assert "lk-page-dark" not in body


def test_the_page_asks_for_no_icon_font(kiosk_server):
    status, body = fetch(kiosk_server.url)
    assert status == 200 and "fontawesome" not in body.lower() and "webfonts" not in body


def kernel_message(msg_type: str, content: dict) -> bytes:
    """A shell message in the v1 websocket protocol (the only one the kiosk serves)."""
    message = {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "visitor",
                          "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
               "parent_header": {}, "metadata": {}, "content": content}
    return serialize_msg_to_ws_v1(message, "shell", pack=lambda part: json.dumps(part).encode())


async def talk_to_kernel(url: str, marker: Path) -> list[str]:
    """Send an execute_request and a kernel_info_request; return the reply types seen."""
    connection = await tornado.websocket.websocket_connect(url, subprotocols=[V1_PROTOCOL])
    code = f"open({str(marker)!r}, 'w').write('executed')"
    connection.write_message(kernel_message("execute_request", {
        "code": code, "silent": False, "store_history": False, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True}), binary=True)
    connection.write_message(kernel_message("kernel_info_request", {}), binary=True)
    seen: list[str] = []
    try:
        while "kernel_info_reply" not in seen:
            raw = await asyncio.wait_for(connection.read_message(), timeout=15)
            if raw is None:
                break
            _channel, parts = deserialize_msg_from_ws_v1(raw)
            seen.append(json.loads(parts[0])["msg_type"])
        await asyncio.sleep(2)  # give a wrongly accepted execute time to land
    finally:
        connection.close()
    return seen


def test_kernel_refuses_code_sent_from_the_page(kiosk_server, tmp_path):
    status, page = fetch(kiosk_server.url)
    assert status == 200
    kernel_id = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
    url = f"ws://127.0.0.1:{kiosk_server.port}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
    marker = tmp_path / "visitor-code-ran.txt"
    seen = run_async(talk_to_kernel(url, marker))
    assert "kernel_info_reply" in seen, "the kernel channel itself works"
    assert "execute_reply" not in seen
    assert not marker.exists()
