"""Return the kiosk home when nobody has touched it for a while.

Every touch in the browser reaches the kernel as a widget comm message, so the
watchdog counts those as activity: nothing runs in the page itself.
"""
from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable


class IdleWatchdog:
    """Calls ``on_idle`` once after ``timeout`` seconds without :meth:`touch`.

    >>> fired = []
    >>> dog = IdleWatchdog(10, lambda: fired.append(True), clock=lambda: 0.0)
    >>> dog.check(now=5.0), dog.check(now=10.5), dog.check(now=30.0)
    (False, True, False)
    """

    def __init__(self, timeout: float, on_idle: Callable[[], None],
                 clock: Callable[[], float] = time.monotonic):
        self.timeout = float(timeout)
        self.on_idle = on_idle
        self.clock = clock
        self.last_activity = clock()
        self._fired = False
        self._handle: asyncio.TimerHandle | None = None

    @property
    def interval(self) -> float:
        """How often :meth:`start` checks: a quarter of the timeout, between 0.5 s and 5 s."""
        return min(5.0, max(0.5, self.timeout / 4))

    def touch(self) -> None:
        """Record activity; a later idle period fires again."""
        self.last_activity = self.clock()
        self._fired = False

    def check(self, now: float | None = None) -> bool:
        """Fire ``on_idle`` if the timeout has passed since the last touch; True when it fired."""
        now = self.clock() if now is None else now
        if self._fired or now - self.last_activity < self.timeout:
            return False
        self._fired = True
        self.on_idle()
        return True

    def start(self) -> None:
        """Check periodically on the kernel's event loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = asyncio.get_event_loop()

        def tick():
            try:
                self.check()
            finally:
                self._handle = loop.call_later(self.interval, tick)

        self._handle = loop.call_later(self.interval, tick)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


def watch_widget_messages(on_activity: Callable[[], None]) -> bool:
    """Call ``on_activity`` for every widget message the browser sends to this kernel.

    Returns False outside a kernel (plain Python, tests), where callers touch by hand.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    handlers = getattr(kernel, "shell_handlers", None)
    if not handlers or "comm_msg" not in handlers:
        return False
    original = handlers["comm_msg"]
    if inspect.iscoroutinefunction(original):
        async def comm_msg(*args, **kwargs):
            on_activity()
            return await original(*args, **kwargs)
    else:
        def comm_msg(*args, **kwargs):
            on_activity()
            return original(*args, **kwargs)
    handlers["comm_msg"] = comm_msg
    return True
