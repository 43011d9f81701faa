"""Kernels handed to a page that has not connected to them yet: few at once, and soon ended.

Every GET of the kiosk page takes a kernel, from the preheated pool or started for it, and
the page's script then connects to it over a websocket. A client that never connects (a
``curl`` loop on the local network, a page whose script failed, a phone that lost the
Wi-Fi while loading) used to leave its kernel alive until the idle culler, minutes later,
so a few such clients could fill the kiosk's memory. :class:`Claims` keeps those kernels
in check, for the page handler and the kernel manager that own it:

* a page request holds a *place* from the moment it asks for a kernel until its page
  connects to that kernel (the kernel is *claimed*), the kernel ends, or the request ends
  without a kernel;
* once the response has been sent, a kernel no page connected to within ``grace`` seconds
  is shut down. A kernel that had a page connected keeps the kernel manager's own
  handling when the page goes (its beacon, the orphan timer);
* at most ``limit`` places exist at once (the preheated pool is not counted: its kernels
  belong to no request yet). A request beyond that waits up to ``wait`` seconds, first
  come first served, for a place to free, and otherwise gets none: the handler answers
  with a short "busy, retrying" page instead of a kernel.

Why wait before saying "busy": real pages free their place within a second or two of being
sent (they connect; ``benchmarks/kiosk_claim.py``), so a crowd of real visitors is served
without any message, only a little later. Places stay held only when pages do not
connect, as with a flood of plain GETs; then the visitor gets the busy page, which loads
the kiosk again by itself, since a visitor at a touchscreen cannot be expected to reload.

How the page handler and the kernel manager use it, inside the server's event loop (an
example only: ``tests/kiosk/test_claims.py`` runs the same steps)::

    claims = Claims(limit=1, grace=0.05, wait=0.01, shutdown=manager.shutdown_kernel)
    place = await claims.take()        # None: no place freed in time -> the busy page
    claims.bind(place, kernel_id)      # the kernel handed to this page
    claims.request_over(place)         # the page was sent: the grace starts
    claims.connected(kernel_id)        # its websocket opened: the place is free again
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

#: Seconds a page, once sent, has to connect to its kernel (GET -> open was at most 4 s on
#: the phone profile under load, page sent -> open 1.2 s: ``benchmarks/kiosk_claim.py``).
CLAIM_GRACE = 30.0
#: Pages at most waiting to connect, besides the pool. A burst of 30 visitors at once had
#: p95 6.7 s with 4, 4.4 s with 12 and 4.9 s with no bound, same run; 12 forked kernels
#: cost about 12 x 35 MB when a flood of plain GETs holds every place.
MAX_UNCLAIMED = 12


class Place:
    """One page request's place: the kernel it was handed, and what became of it."""

    __slots__ = ("kernel_id", "taken_at", "sent_at", "released", "timer")

    def __init__(self) -> None:
        self.kernel_id: str | None = None
        self.taken_at = time.monotonic()
        self.sent_at: float | None = None
        self.released = False
        self.timer: asyncio.TimerHandle | None = None


class Claims:
    """The places of page requests whose kernel has no page connected yet.

    Parameters
    ----------
    limit : int
        Places at most at once; 0 for no bound.
    grace : float
        Seconds after its response was sent that a page has to connect to its kernel
        before the kernel is shut down; 0 to never shut one down for this.
    wait : float
        Seconds a request waits for a free place before :meth:`take` gives up.
    shutdown : callable
        ``await shutdown(kernel_id)`` ends a kernel whose grace is over; it should end in
        :meth:`gone` (the kernel manager's ``shutdown_kernel`` calls it).
    logger : logging.Logger, optional
        Where claims and ended kernels are logged (the server's log).
    """

    def __init__(self, limit: int, grace: float, wait: float,
                 shutdown: Callable[[str], Awaitable[None]],
                 logger: logging.Logger | logging.LoggerAdapter | None = None):
        self.log = logger or log
        self.limit = max(0, int(limit))
        self.grace = max(0.0, float(grace))
        self.wait = max(0.0, float(wait))
        self._shutdown = shutdown
        self._held = 0
        self._waiters: deque[asyncio.Future] = deque()
        self._by_kernel: dict[str, Place] = {}

    @property
    def held(self) -> int:
        """Places held now: requests being served and kernels waiting for their page."""
        return self._held

    async def take(self) -> Place | None:
        """A place for one page request, or None when none freed within ``wait`` seconds."""
        place = Place()
        if not self.limit or (self._held < self.limit and not self._waiters):
            self._held += 1
            return place
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait({waiter}, timeout=self.wait)
        except BaseException:  # the request itself was cancelled
            if waiter.done():
                self._release(place)  # a place was handed over meanwhile: pass it on
            raise
        finally:
            if not waiter.done():
                self._waiters.remove(waiter)
                waiter.cancel()
        return place if not waiter.cancelled() else None

    def bind(self, place: Place, kernel_id: str) -> None:
        """The request behind ``place`` was handed ``kernel_id`` for its page."""
        if place.released:  # the kernel ended before its hand-over completed
            return
        place.kernel_id = kernel_id
        self._by_kernel[kernel_id] = place

    def request_over(self, place: Place) -> None:
        """The request's response is sent (or abandoned): start the kernel's grace."""
        if place.released:
            return
        if place.kernel_id is None:  # no kernel was handed (a redirect, an error)
            self._release(place)
            return
        place.sent_at = time.monotonic()
        if self.grace:
            kernel_id = place.kernel_id
            place.timer = asyncio.get_running_loop().call_later(
                self.grace, lambda: asyncio.ensure_future(self._expire(kernel_id)))

    def connected(self, kernel_id: str) -> None:
        """A page connected to ``kernel_id``: the kernel is claimed, its place is free."""
        place = self._by_kernel.get(kernel_id)
        if place is None:
            return
        now = time.monotonic()
        if place.sent_at is not None:
            self.log.info("Kiosk page of kernel %s connected %.2f s after its request, %.2f s after "
                     "the page was sent", kernel_id, now - place.taken_at, now - place.sent_at)
        self._release(place)

    def gone(self, kernel_id: str) -> None:
        """``kernel_id`` was shut down: its place, if it held one, is free."""
        place = self._by_kernel.get(kernel_id)
        if place is not None:
            self._release(place)

    def _release(self, place: Place) -> None:
        if place.released:
            return
        place.released = True
        if place.timer is not None:
            place.timer.cancel()
            place.timer = None
        if place.kernel_id is not None and self._by_kernel.get(place.kernel_id) is place:
            del self._by_kernel[place.kernel_id]
        while self._waiters:  # hand the place straight to the longest waiting request
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(True)
                return
        self._held -= 1

    async def _expire(self, kernel_id: str) -> None:
        place = self._by_kernel.get(kernel_id)
        if place is None or place.released:
            return
        place.timer = None
        self.log.info("Kiosk page of kernel %s never connected within %.0f s; shutting it down",
                 kernel_id, self.grace)
        try:
            await self._shutdown(kernel_id)
        except Exception:  # noqa: BLE001 - already gone; the place is freed below either way
            self.log.debug("Kernel %s was already gone", kernel_id, exc_info=True)
        finally:
            self._release(place)
