"""Kiosk kernels: forked from a warm :mod:`zygote`, and ended when their page is gone.

:class:`KioskForkProvisioner` is a jupyter_client kernel provisioner (entry point
``literacy-kit-kiosk``) named by the kiosk's kernelspec, so only kiosk kernels use it.
It forks each kernel from one zygote per server, started on first use; if the zygote
cannot start or answer, the kernel is launched the ordinary way (slower, still correct).

:class:`KioskKernelManager` is the server's kernel manager (Voila wraps it with its
preheated pool). Besides the page's shutdown beacon and the idle culler, it ends a kernel
whose page connected once and then went away for ``orphan_timeout`` seconds: a tab that
crashed or a browser that was killed sends no beacon. A kernel handed to a page that never
connects to it is shut down ``claim_grace`` seconds after the page was sent, and at most
``max_unclaimed`` such kernels exist at once (:mod:`.claims`; the page handler in
:mod:`.voila_app` takes the places).
"""
from __future__ import annotations

import asyncio
import ctypes
import os
import shutil
import subprocess
import tempfile
import threading

from jupyter_client.provisioning import LocalProvisioner
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer

from ..course.fork_kernel import ForkedProcess, ZygoteProcess
from . import memory_probe
from .claims import CLAIM_GRACE, MAX_UNCLAIMED, Claims

PROVISIONER_NAME = "literacy-kit-kiosk"
KERNEL_NAME = "lk-kiosk"
_LAUNCHER = ("-m", "ipykernel_launcher")


class KioskZygote(ZygoteProcess):
    """The server's handle on its zygote process (started on construction)."""

    def __init__(self):
        super().__init__("literacy_kit.kiosk.zygote", stderr=subprocess.DEVNULL)
        self.warm = bool(self.read_line().get("warm"))

    def fork(self, argv: list[str], env: dict, cwd: str) -> int:
        return self.ask({"argv": argv, "env": env, "cwd": cwd})


_zygote: KioskZygote | None = None
_zygote_lock = threading.Lock()


def zygote() -> KioskZygote | None:
    """This server's zygote, started (or restarted after a crash) on demand; None if it fails."""
    global _zygote
    with _zygote_lock:
        if _zygote is None or not _zygote.alive:
            try:
                _zygote = KioskZygote()
            except (OSError, ValueError):
                _zygote = None
        return _zygote


def close_zygote() -> None:
    global _zygote
    with _zygote_lock:
        if _zygote is not None:
            _zygote.close()
            _zygote = None


class KioskForkProvisioner(LocalProvisioner):
    """Launch the kiosk's ipykernel by forking the zygote; each kernel gets a private
    home and temporary folder, removed with the kernel."""

    _scratch: str | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs):
        handle = zygote() if tuple(cmd[1:3]) == _LAUNCHER else None
        if handle is None:
            return await super().launch_kernel(cmd, **kwargs)
        self._scratch = tempfile.mkdtemp(prefix="lk-kiosk-kernel-")
        env = dict(kwargs.get("env") or os.environ)
        env.update(HOME=self._scratch, TMPDIR=self._scratch,
                   MPLCONFIGDIR=os.path.join(self._scratch, "matplotlib"))
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = handle.fork(list(cmd[3:]), env, cwd)
        except (OSError, ValueError):
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(pid)
        self.pid = self.pgid = pid
        return self.connection_info

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if self._scratch and not restart:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


class KioskKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager, plus: a kernel whose page left is shut down within seconds,
    one event logger for all kernels instead of one that outlives each, and the heap's free
    pages handed back after kernels end."""

    orphan_timeout = Float(8.0, config=True, help=(
        "Seconds a kernel may stay without any page connected, after a page had connected, "
        "before it is shut down (0: never)."))
    claim_grace = Float(CLAIM_GRACE, config=True, help=(
        "Seconds a page has, once sent, to connect to the kernel it was handed before that "
        "kernel is shut down (0: never)."))
    max_unclaimed = Integer(MAX_UNCLAIMED, config=True, help=(
        "Page requests at most whose kernel no page has connected to yet, besides the "
        "preheated pool (0: no bound); a request beyond waits up to claim_wait seconds, "
        "then gets the busy page."))
    claim_wait = Float(10.0, config=True, help=(
        "Seconds a page request waits for a free place before it gets the busy page."))

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        memory_probe.install(self)  # only when the soak benchmark asks for it
        #: places of page requests whose kernel has no page yet (taken by the page handler)
        self.claims = Claims(self.max_unclaimed, self.claim_grace, self.claim_wait,
                             self._end_unclaimed, self.log)
        self._orphan_timers: dict[str, asyncio.TimerHandle] = {}
        self._event_logger = None
        self._trim_timer: asyncio.TimerHandle | None = None

    def pre_start_kernel(self, kernel_name, kwargs):
        """Every kernel's manager shares one event logger.

        jupyter_server gives each kernel's manager its server's event logger, found on
        the server application; Voila's application has none, so each kernel built a new
        ``EventLogger``, whose uniquely named ``logging.Logger`` stays registered in the
        logging module for good: one more live logger per visitor, for the life of the
        kiosk (measured: +96 loggers per 100 visits, the only object type still growing
        after warm-up). The first kernel's logger, built and given its event schemas by
        jupyter_server, serves them all.
        """
        manager, kernel_name, kernel_id = super().pre_start_kernel(kernel_name, kwargs)
        if self._event_logger is None:
            self._event_logger = manager.event_logger
        else:
            manager.event_logger = self._event_logger
        return manager, kernel_name, kernel_id

    def notify_connect(self, kernel_id):
        super().notify_connect(kernel_id)
        self.claims.connected(kernel_id)
        timer = self._orphan_timers.pop(kernel_id, None)
        if timer is not None:
            timer.cancel()

    def notify_disconnect(self, kernel_id):
        super().notify_disconnect(kernel_id)
        if self.orphan_timeout > 0 and self._kernel_connections.get(kernel_id) == 0:
            old = self._orphan_timers.pop(kernel_id, None)
            if old is not None:
                old.cancel()
            self._orphan_timers[kernel_id] = asyncio.get_event_loop().call_later(
                self.orphan_timeout, lambda: asyncio.ensure_future(self._end_orphan(kernel_id)))

    async def shutdown_kernel(self, kernel_id, now=False, restart=False):
        try:
            await super().shutdown_kernel(kernel_id, now=now, restart=restart)
        finally:
            if not restart:
                self.claims.gone(kernel_id)
        if not restart and self._trim_timer is None:
            # once per burst of shutdowns
            self._trim_timer = asyncio.get_event_loop().call_later(5.0, self._release_free_memory)

    def _release_free_memory(self) -> None:
        """Hand glibc's free heap pages back to the system (``malloc_trim``).

        Each visit allocates and frees a few MB in the server (the page, widget states,
        kernel messages); glibc keeps the freed pages, so the server's resident size crept
        up visit after visit while its live memory stayed flat (measured over 300 visits:
        live 20.2 → 20.3 MB in glibc's heaps, held 40 → 47 MB). Trimming takes a few
        milliseconds; elsewhere than glibc it does nothing.
        """
        self._trim_timer = None
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):
            pass

    async def _end_unclaimed(self, kernel_id: str) -> None:
        """A page was handed this kernel and never connected to it."""
        if kernel_id in self and self._kernel_connections.get(kernel_id, 0) == 0:
            await self.shutdown_kernel(kernel_id)

    async def _end_orphan(self, kernel_id: str) -> None:
        self._orphan_timers.pop(kernel_id, None)
        if kernel_id in self and self._kernel_connections.get(kernel_id, 0) == 0:
            self.log.info("Kiosk page of kernel %s is gone; shutting it down", kernel_id)
            try:
                await self.shutdown_kernel(kernel_id)
            except Exception:  # noqa: BLE001 - already gone
                pass
