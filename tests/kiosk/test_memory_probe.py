"""The server's memory, as the soak benchmark reads it, and the one leak it found (an
event logger, and so a logging.Logger kept for good, per kernel)."""
from __future__ import annotations

import json
import logging

from literacy_kit.kiosk.kernels import KioskKernelManager


def test_memory_probe_reads_live_and_held_memory(tmp_path, monkeypatch):
    import signal

    from literacy_kit.kiosk import memory_probe

    out = tmp_path / "probe.jsonl"
    monkeypatch.setenv(memory_probe.ENV, str(out))
    previous = signal.getsignal(signal.SIGUSR2)
    try:
        assert memory_probe.install()
        signal.raise_signal(signal.SIGUSR2)
    finally:
        signal.signal(signal.SIGUSR2, previous)
    reading = json.loads(out.read_text().splitlines()[-1])
    assert reading["rss_kb"] > 0 and reading["objects"] > 1000 and reading["loggers"] >= 1
    assert 0 < reading["pymalloc_live_kb"] <= reading["pymalloc_held_kb"]
    assert 0 < reading["glibc_in_use_kb"] <= reading["glibc_held_kb"]


def test_kernels_share_one_event_logger_and_add_no_logger(tmp_path):
    manager = KioskKernelManager(connection_dir=str(tmp_path))
    first, _, _ = manager.pre_start_kernel("python3", {})
    first.event_logger  # noqa: B018 - built the first time it is read
    loggers = len(logging.Logger.manager.loggerDict)
    others = [manager.pre_start_kernel("python3", {})[0] for _ in range(5)]
    assert all(other.event_logger is first.event_logger for other in others)
    assert len(logging.Logger.manager.loggerDict) == loggers
