"""The learner server's kernel manager: a page gets a kernel only once it has answered.

Voila renders a learner's page on the server: it starts a kernel, then waits for the
kernel's first answer and runs the notebook in it. A kernel that dies as it starts (seen
once in a class: "ZMQ address already in use", when another process took one of its ports
between their choice and its start) makes that wait fail inside Voila's page stream, and
the page then never ends: the learner's phone shows an empty page held open by Voila's
heartbeats, and the kernel watch of the page (template ``lk-classroom``) never arrives
to reload it (Voila issue 1311 describes the same hang for a kernel that dies mid-run).

So the learner's server (``ServerApp.kernel_manager_class``, set in
:data:`~literacy_kit.classroom.page_server.SERVER_SETTINGS`) hands out a new kernel only
once it has answered a ``kernel_info`` request. One that died first is shut down and a
new one, with new ports, started in its place (:attr:`LearnerKernelManager.start_attempts`
in all); the page arrives as usual, a second or so later. A kernel that is alive but
slow is handed out as before (Voila's own start-up limit applies). When every attempt dies,
the start fails before Voila has sent anything: the request ends with the server's error
page, which the learner can load again, instead of an empty page that never ends.
"""
from __future__ import annotations

import time
from queue import Empty

from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer

#: Seconds between two looks at a starting kernel (an answer, or whether it still lives).
ANSWER_POLL = 0.25
#: Seconds between two ``kernel_info`` requests to a kernel that has not answered yet.
ASK_AGAIN = 2.0


class LearnerKernelManager(AsyncMappingKernelManager):
    """Start a kernel again (new ports) when it dies before its first answer."""

    start_attempts = Integer(3, min=1, config=True,
                             help="Kernels started in all for one request when each dies before "
                                  "its first answer.")
    answer_timeout = Float(60.0, config=True,
                           help="Seconds to wait for a new kernel's first answer before it is "
                                "handed out anyway (alive but slow).")

    async def start_kernel(self, *, kernel_id: str | None = None, path=None, **kwargs) -> str:
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        for attempt in range(1, self.start_attempts + 1):
            started = await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
            if await self._answered_or_alive(started):
                return started
            self.log.warning("Kernel %s died before its first answer (%d/%d)",
                             started, attempt, self.start_attempts)
            await self.shutdown_kernel(started, now=True)
        # a clear failure (Voila answers the request with an error page) instead of a page
        # that never ends
        raise RuntimeError(f"{self.start_attempts} kernels in a row died before their first answer")

    async def _answered_or_alive(self, kernel_id: str) -> bool:
        """Whether the kernel answered ``kernel_info`` (or, not yet answering, still lives).

        Only the shell channel is opened (no IOPub subscription, no heartbeat): the check
        costs one round trip on top of the kernel's own start."""
        kernel = self.get_kernel(kernel_id)
        client = kernel.client()
        client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        deadline = time.monotonic() + self.answer_timeout
        asked = 0.0
        try:
            while time.monotonic() < deadline:
                if time.monotonic() - asked >= ASK_AGAIN:
                    client.kernel_info()
                    asked = time.monotonic()
                try:
                    reply = await client.shell_channel.get_msg(timeout=ANSWER_POLL)
                except Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    return True
                if not await ensure_async(kernel.is_alive()):
                    return False
                if kernel.shell_port != client.shell_port:
                    return True   # restarted meanwhile (new ports): alive, Voila connects anew
            return True   # alive, only slow: Voila's own start-up limit decides
        finally:
            client.stop_channels()
