"""Fixtures for the core widget tests: demo content, and closing every view after a test."""
from __future__ import annotations

import re

import ipywidgets as w
import pytest

from literacy_kit import content
from literacy_kit.testing import find

LANGS = ("vi", "en")


@pytest.fixture(scope="session")
def demo():
    """The packaged demo bundle (questions, ordering, pages)."""
    return content.load("core_demo")


def px(value: str | None) -> float:
    """The number of pixels in a CSS length like ``"48px"`` (0 when unset)."""
    match = re.fullmatch(r"\s*([0-9.]+)px\s*", value or "")
    return float(match.group(1)) if match else 0.0


@pytest.fixture
def assert_touch_sized():
    """Check that every button and text box under a view is at least 48px high."""

    def _check(view):
        targets = find(view, w.Button) + find(view, w.Text)
        assert targets, "the view has no tap targets"
        for target in targets:
            assert px(target.layout.min_height) >= 48, (target, target.layout.min_height)

    return _check
