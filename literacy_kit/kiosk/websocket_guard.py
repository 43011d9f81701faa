"""The kernel websocket of a public kiosk: the v1 protocol only, well-formed frames only.

Anyone who can reach a kiosk's address can open a page and so a kernel websocket. Two
upstream paths let one such client freeze the server (its only thread) while it grows
without bound (measured: past 18 GB; 100 → 640 MB in 12 s with the health check
unanswered):

* **Legacy JSON protocol.** A client that offers no ``Sec-WebSocket-Protocol`` gets the
  legacy protocol, in which a kernel message with binary buffers (an image widget, a
  QR code) is sent as a legacy binary frame. Voila's websocket handler reads the header
  of every binary frame it writes as if it were a v1 frame, takes the legacy frame's
  first bytes for a count of about 10^18 offsets, and builds that list
  (``voila/tornado/kernel_websocket_handler.py``, ``read_header_from_binary_message``).
* **A forged v1 frame.** jupyter_server reads the offset count of an incoming v1 frame
  from its first 8 bytes and builds that many offsets before looking at the frame's
  length (``deserialize_msg_from_ws_v1``): 32 bytes claiming 2^40 parts do the same.

Browsers (JupyterLab's and so Voila's page) always speak v1, so the kiosk refuses a
websocket that does not offer it (closed at once, code 1008), and closes one that sends
a frame whose offsets do not fit inside it, before jupyter_server parses it. Tornado's
own cap on a frame's size (10 MiB) still applies.
"""
from __future__ import annotations

import asyncio

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"
#: Parts of a kernel message from a page: header, parent header, metadata, content, and a
#: few binary buffers (ipywidgets sends at most a handful).
MAX_PARTS = 64
#: Websocket close code for a frame that breaks the protocol (RFC 6455: policy violation).
POLICY_VIOLATION = 1008


def offered_protocols(header: str | None) -> list[str]:
    """The subprotocols named in a ``Sec-WebSocket-Protocol`` request header."""
    return [name.strip() for name in (header or "").split(",") if name.strip()]


def v1_frame_ok(frame) -> bool:
    """Whether ``frame`` is a v1 kernel message whose offsets all fit inside it.

    Layout: an 8-byte little-endian count ``n``, then ``n`` offsets of 8 bytes; the first
    offset is where the channel name starts (right after the offsets), the others end the
    channel name and each message part, in order.
    """
    if not isinstance(frame, (bytes, bytearray)) or len(frame) < 8:
        return False
    count = int.from_bytes(frame[:8], "little")
    # channel plus header, parent header, metadata and content at least
    if not 6 <= count <= MAX_PARTS + 2 or 8 * (count + 1) > len(frame):
        return False
    offsets = [int.from_bytes(frame[8 * (i + 1): 8 * (i + 2)], "little") for i in range(count)]
    if offsets[0] != 8 * (count + 1) or offsets[-1] > len(frame):
        return False
    return all(start <= end for start, end in zip(offsets, offsets[1:]))


class KioskWebsocketConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection with the two guards above.

    A refused connection registers nothing (no session, no connection count: a client
    must not be able to lower the count of a visitor's kernel and get it reaped), and is
    closed right after the handshake. (Raising an HTTP error before the handshake would
    do, but Voila's server cannot render jupyter_server's error page and logs a
    traceback per attempt.)
    """

    _refused = False

    async def prepare(self):
        offered = offered_protocols(self.websocket_handler.request.headers.get("Sec-WebSocket-Protocol"))
        if V1_PROTOCOL not in offered:
            self.log.warning("Kiosk: refused a kernel websocket without the %s protocol", V1_PROTOCOL)
            self._refused = True
            return
        await super().prepare()

    def connect(self):
        if self._refused:
            self.websocket_handler.close(POLICY_VIOLATION, f"only {V1_PROTOCOL} is served")
            done = asyncio.get_running_loop().create_future()
            done.set_result(None)
            return done
        return super().connect()

    def disconnect(self):
        if not self._refused:
            super().disconnect()

    def handle_incoming_message(self, incoming_msg) -> None:
        if self._refused:
            return
        if not v1_frame_ok(incoming_msg):
            size = len(incoming_msg) if isinstance(incoming_msg, (bytes, bytearray, str)) else 0
            self.log.warning("Kiosk: closed a kernel websocket that sent a malformed frame "
                             "(%d bytes)", size)
            self.websocket_handler.close(POLICY_VIOLATION, "malformed kernel message")
            return
        super().handle_incoming_message(incoming_msg)
