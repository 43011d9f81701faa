"""A kiosk visitor at the protocol level: what a browser's page does, without a browser.

Loads the page (HTTP), connects to its kernel (websocket), asks for every widget's state
as ipywidgets' page manager does, and can tap buttons. Used by the load benchmarks and
tests to put dozens of visitors on a small machine, where dozens of browsers would
measure the browsers instead of the server.

>>> import asyncio
>>> async def visit(url):                                       # doctest: +SKIP
...     async with Visitor(url) as visitor:
...         await visitor.open()
...         return visitor.find("lk-kiosk-tile")
"""
from __future__ import annotations

import asyncio
import datetime
import json
import re
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

CONFIG_RE = re.compile(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>',
                       re.S)
CONTROL_TARGET = "jupyter.widget.control"
CONTROL_VERSION = "1.0.0"  # ipywidgets 8's control protocol
#: The kernel websocket protocol JupyterLab's pages (and so Voila's) speak.
WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def _decode(raw) -> dict:
    """A message as the server sends it (v1 binary protocol; JSON text as a fallback)."""
    if isinstance(raw, str):
        return json.loads(raw)
    channel, parts = deserialize_msg_from_ws_v1(raw)
    header = json.loads(parts[0]) if parts else {}
    content = json.loads(parts[3]) if len(parts) > 3 else {}
    return {"channel": channel, "header": header, "msg_type": header.get("msg_type"),
            "content": content}


class KioskGone(RuntimeError):
    """The kernel or the page went away while the visitor was using it."""


class Visitor:
    """One page view: :meth:`open` loads the page and fetches the home screen's widgets."""

    def __init__(self, url: str, timeout: float = 120.0):
        self.url = url.rstrip("/") + "/"
        self.timeout = timeout
        self.kernel_id = ""
        self.cookies: dict[str, str] = {}
        self.states: dict[str, dict] = {}
        self.page_bytes = 0
        self._ws = None
        self._session = uuid.uuid4().hex
        self._replies: dict[str, asyncio.Future] = {}
        self._reader: asyncio.Task | None = None
        self._control_id = ""

    async def __aenter__(self) -> "Visitor":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    # -- the page ---------------------------------------------------------------
    async def load_page(self) -> str:
        response = await AsyncHTTPClient().fetch(self.url, request_timeout=self.timeout,
                                                 decompress_response=True)
        for header in response.headers.get_list("Set-Cookie"):
            cookie = SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        body = response.body.decode("utf-8")
        self.page_bytes = len(response.body)
        match = CONFIG_RE.search(body)
        if not match:
            raise KioskGone("no kernel in the page")
        self.kernel_id = json.loads(match.group(1))["kernelId"]
        return body

    def _cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    async def connect(self) -> None:
        parts = urlsplit(self.url)
        ws_url = f"ws://{parts.netloc}{parts.path}api/kernels/{self.kernel_id}/channels?" + \
            urlencode({"session_id": self._session})
        request = HTTPRequest(ws_url, headers={"Cookie": self._cookie_header()},
                              connect_timeout=self.timeout, request_timeout=self.timeout)
        self._ws = await websocket_connect(request, subprotocols=[WS_PROTOCOL])
        self._reader = asyncio.ensure_future(self._read())

    async def open(self) -> dict[str, dict]:
        """Load the page, connect, and fetch every widget's state (the home screen)."""
        await self.load_page()
        await self.connect()
        return await self.request_states()

    # -- messages ------------------------------------------------------------------
    def _message(self, msg_type: str, content: dict, channel: str = "shell",
                 metadata: dict | None = None) -> dict:
        return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "",
                           "session": self._session, "version": "5.3",
                           "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
                "parent_header": {}, "metadata": metadata or {}, "content": content, "channel": channel,
                "buffers": []}

    async def _read(self) -> None:
        while True:
            raw = await self._ws.read_message()
            if raw is None:
                break
            self._on_message(_decode(raw))
        for future in self._replies.values():
            if not future.done():
                future.set_exception(KioskGone("connection closed"))

    def _on_message(self, message: dict) -> None:
        content = message.get("content", {})
        if message.get("msg_type") == "status" and content.get("execution_state") in ("dead", "restarting"):
            for future in self._replies.values():
                if not future.done():
                    future.set_exception(KioskGone(content["execution_state"]))
            return
        if message.get("msg_type") != "comm_msg":
            return
        data = content.get("data", {})
        if data.get("method") == "update_states":
            self.states.update(data.get("states", {}))
            future = self._replies.get("states")
            if future and not future.done():
                future.set_result(self.states)
        elif data.get("method") == "update":
            state = self.states.setdefault(content.get("comm_id", ""), {"state": {}})
            state.setdefault("state", {}).update(data.get("state", {}))
            for key, future in list(self._replies.items()):
                if key.startswith("update") and not future.done():
                    future.set_result(data)

    async def _send(self, message: dict) -> None:
        if self._ws is None:
            raise KioskGone("not connected")
        payload = serialize_msg_to_ws_v1(message, message["channel"],
                                         pack=lambda part: json.dumps(part).encode("utf-8"))
        await self._ws.write_message(payload, binary=True)

    async def request_states(self) -> dict[str, dict]:
        """Open the widget control channel and fetch all states, as the page does."""
        self._control_id = self._control_id or uuid.uuid4().hex
        future = self._replies["states"] = asyncio.get_running_loop().create_future()
        await self._send(self._message("comm_open", {"comm_id": self._control_id,
                                                      "target_name": CONTROL_TARGET, "data": {}},
                                         metadata={"version": CONTROL_VERSION}))
        await self._send(self._message("comm_msg", {"comm_id": self._control_id,
                                                     "data": {"method": "request_states"}}))
        return await asyncio.wait_for(future, self.timeout)

    def find(self, css_class: str) -> list[str]:
        """Model ids of the widgets carrying ``lk-``-less ``css_class`` or the full class."""
        wanted = {css_class, f"lk-{css_class}"}
        return [model_id for model_id, entry in self.states.items()
                if wanted & set(entry.get("state", {}).get("_dom_classes", ()))]

    async def tap(self, model_id: str, wait: float = 0.0) -> None:
        """Click a button as the page does; ``wait`` seconds at most for the screen to change."""
        future = self._replies[f"update-{uuid.uuid4().hex}"] = asyncio.get_running_loop().create_future()
        await self._send(self._message("comm_msg", {"comm_id": model_id, "data": {
            "method": "custom", "content": {"event": "click"}}}))
        if wait:
            try:
                await asyncio.wait_for(asyncio.shield(future), wait)
            except asyncio.TimeoutError:
                pass

    async def shutdown_beacon(self) -> int:
        """What the page sends when it is closed or reloaded; the HTTP status."""
        parts = urlsplit(self.url)
        body = urlencode({"_xsrf": self.cookies.get("_xsrf", "")})
        response = await AsyncHTTPClient().fetch(
            f"{parts.scheme}://{parts.netloc}{parts.path}voila/api/shutdown/{self.kernel_id}",
            method="POST", body=body, raise_error=False, request_timeout=self.timeout,
            headers={"Cookie": self._cookie_header(),
                     "Content-Type": "application/x-www-form-urlencoded"})
        return response.code

    async def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None
        if self._reader is not None:
            self._reader.cancel()
            self._reader = None
