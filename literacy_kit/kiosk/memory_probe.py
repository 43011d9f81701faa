"""What the kiosk server holds in memory, for the soak benchmark (off unless asked for).

With ``LK_KIOSK_MEMORY_PROBE`` set to a file path in the server's environment, the
server answers ``SIGUSR2`` by writing one JSON line to that file: its resident size,
threads, open descriptors, both allocators' memory (Python's small-object arenas and
glibc's heaps: what is live, what is held), live objects by type and logging's loggers;
with ``LK_KIOSK_MEMORY_TRACE=1`` too, it traces its allocations (:mod:`tracemalloc`) and
adds the bytes Python allocated since and still holds, and the source lines holding most. The soak
compares these between cycles to tell objects that pile up from memory the allocator
keeps. Tracing costs time: never set it on a real kiosk.
"""
from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import signal
import sys
import time
import tracemalloc
from collections import Counter

ENV = "LK_KIOSK_MEMORY_PROBE"
#: Also trace allocations (slow: several times the cost of a visit).
TRACE_ENV = "LK_KIOSK_MEMORY_TRACE"
FRAMES = 8


def _status() -> dict[str, int]:
    """Resident size (kB) and thread count of this process."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "Threads:")):
                found[line.split(":")[0]] = int(line.split()[1])
    return found


def _stderr_of(call) -> str:
    """What a C function prints on the process's standard error (fd 2), captured."""
    import tempfile

    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            call()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        return capture.read().decode("ascii", "replace")


def _number(text: str, label: str) -> int:
    for line in text.splitlines():
        if line.strip().startswith(label):
            return int(line.rsplit("=", 1)[-1].replace(",", "").strip() or 0)
    return 0


def _allocators() -> dict[str, int]:
    """Both allocators' view (kB): Python's small-object arenas (held, and in live blocks),
    and glibc's heaps over all its arenas (held from the system, in use)."""
    found = {}
    python = _stderr_of(sys._debugmallocstats)
    arenas = _number(python, "# arenas allocated current")
    size = _number(python, "# bytes in allocated blocks")
    found["pymalloc_held_kb"] = arenas * 1024  # 1 MiB arenas (CPython 3.10 and later)
    found["pymalloc_live_kb"] = size // 1024
    try:
        import ctypes

        glibc = _stderr_of(ctypes.CDLL("libc.so.6").malloc_stats)
    except (OSError, AttributeError):
        return found
    total = glibc.split("Total (incl. mmap):")[-1]
    found["glibc_held_kb"] = _number(total, "system bytes") // 1024
    found["glibc_in_use_kb"] = _number(total, "in use bytes") // 1024
    return found


def _sizes(owner) -> dict[str, int]:
    """Lengths of the dicts, lists and sets ``owner`` keeps (registries that could pile up)."""
    found = {}
    members = {**getattr(owner, "_trait_values", {}), **vars(owner)}
    for name, value in list(members.items()):
        if isinstance(value, (dict, list, set)) and not name.startswith("_trait"):
            found[name] = len(value)
    return found


def report(top: int = 25, watched=()) -> dict:
    """One reading of this process (collects garbage first).

    ``watched`` objects (the kernel manager, say) have their containers' lengths listed.
    Live memory is ``pymalloc_live_kb`` plus ``glibc_in_use_kb``; what the allocators keep
    on top of it (``*_held_kb``) can grow while no object does.
    """
    gc.collect()
    types = Counter(type(obj).__name__ for obj in gc.get_objects())
    status = _status()
    reading = {"time": time.time(), "rss_kb": status.get("VmRSS", 0),
               "threads": status.get("Threads", 0), "fds": len(os.listdir("/proc/self/fd")),
               **_allocators(), "objects": sum(types.values()), "types": dict(types),
               "loggers": len(logging.Logger.manager.loggerDict),
               "tasks": len(asyncio.all_tasks()) if _loop_running() else 0,
               "registries": {type(owner).__name__: _sizes(owner) for owner in watched}}
    if tracemalloc.is_tracing():
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)])
        stats = snapshot.statistics("traceback")
        reading["traced_kb"] = sum(stat.size for stat in stats) // 1024
        reading["top"] = [{"kb": stat.size // 1024, "count": stat.count,
                           "where": [f"{frame.filename}:{frame.lineno}" for frame in stat.traceback][-4:]}
                          for stat in stats[:top]]
    return reading


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def install(*watched) -> bool:
    """Start tracing and answer ``SIGUSR2`` when :data:`ENV` names a file; True if on."""
    path = os.environ.get(ENV)
    if not path:
        return False
    if os.environ.get(TRACE_ENV) == "1" and not tracemalloc.is_tracing():
        tracemalloc.start(FRAMES)

    def write(signum, frame):
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(report(watched=watched)) + "\n")

    signal.signal(signal.SIGUSR2, write)
    return True
