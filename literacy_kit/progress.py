"""A text progress bar with time left, for long command-line jobs (prewarm, grading).

On a terminal it redraws one line; into a log file it writes a line every tenth.

>>> import io
>>> out = io.StringIO()
>>> bar = TextProgress(4, stream=out, label="demo")
>>> for done in range(1, 5):
...     bar.update(done, elapsed=done * 0.5)
>>> bar.finish()
>>> "4/4" in out.getvalue()
True
"""
from __future__ import annotations

import sys
from typing import TextIO


def format_seconds(seconds: float) -> str:
    """``"42 s"``, ``"3 min 05 s"``."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


class TextProgress:
    """``[#####-----] 12/40  ~ 1 min 05 s`` (the time left comes from the pace so far)."""

    def __init__(self, total: int, stream: TextIO | None = None, label: str = "", width: int = 30):
        self.total = max(0, int(total))
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def line(self, done: int, elapsed: float) -> str:
        total = self.total or 1
        filled = int(self.width * min(done, total) / total)
        bar = "#" * filled + "-" * (self.width - filled)
        left = elapsed / done * (total - done) if done else 0.0
        prefix = f"{self.label} " if self.label else ""
        return f"{prefix}[{bar}] {done}/{self.total}  ~ {format_seconds(left)}"

    def update(self, done: int, elapsed: float) -> None:
        if self.tty:
            self.stream.write("\r" + self.line(done, elapsed))
            self.stream.flush()
            return
        tenth = int(10 * done / (self.total or 1))
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.stream.write(self.line(done, elapsed) + "\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
        self.stream.flush()
