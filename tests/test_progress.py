"""The text progress bar of long commands: a line per tenth into logs, one redrawn line on a tty."""
from __future__ import annotations

import io

import pytest

from literacy_kit.progress import TextProgress, format_seconds


class Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("seconds,text", [(0, "0 s"), (42.4, "42 s"), (59.6, "1 min 00 s"),
                                          (185, "3 min 05 s"), (-3, "0 s")])
def test_format_seconds(seconds, text):
    assert format_seconds(seconds) == text


def test_a_log_gets_one_line_per_tenth_with_time_left():
    out = io.StringIO()
    bar = TextProgress(100, stream=out, label="grade")
    for done in range(1, 101):
        bar.update(done, elapsed=done * 0.5)
    bar.finish()
    lines = out.getvalue().splitlines()
    assert len(lines) == 11  # 1..9 %, then every tenth up to 100 %
    assert lines[0].startswith("grade [") and "1/100" in lines[0] and "~ 50 s" in lines[0]
    assert lines[-1].endswith("100/100  ~ 0 s") and "#" * 30 in lines[-1]


def test_a_terminal_gets_one_redrawn_line():
    out = Tty()
    bar = TextProgress(4, stream=out)
    for done in range(1, 5):
        bar.update(done, elapsed=done)
    bar.finish()
    text = out.getvalue()
    assert text.count("\r") == 4 and text.endswith("\n") and text.count("\n") == 1
    assert "[" + "#" * 15 + "-" * 15 + "] 2/4  ~ 2 s" in text


def test_an_empty_job_does_not_divide_by_zero():
    out = io.StringIO()
    bar = TextProgress(0, stream=out)
    bar.update(0, elapsed=0.0)
    bar.finish()
    assert "0/0" in out.getvalue()
