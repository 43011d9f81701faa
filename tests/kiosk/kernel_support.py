"""Helpers for the kiosk kernel tests: find a server's kernels among its processes."""
from __future__ import annotations

import time

import psutil


def kiosk_kernels(server) -> list[psutil.Process]:
    """The visitors' kernels below a kiosk server: the zygote's children."""
    kernels = []
    for process in psutil.Process(server.process.pid).children(recursive=True):
        try:
            parent = process.parent()
            if parent is not None and "literacy_kit.kiosk.zygote" in " ".join(parent.cmdline()):
                kernels.append(process)
        except psutil.Error:
            continue
    return kernels


def wait_until(predicate, timeout: float = 30.0, step: float = 0.25):
    """Poll ``predicate`` until it returns something true; returns its last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(step)
        value = predicate()
    return value
