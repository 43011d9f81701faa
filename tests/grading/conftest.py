"""Fixtures for the grading tests: a folder to answer in, views closed after each test."""
from __future__ import annotations

import pytest

from literacy_kit.testing import close_all


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty folder the learner's notebook would sit in (also the working directory)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LK_GRADING_LANG", raising=False)
    return tmp_path


@pytest.fixture
def keep():
    """``keep(view)`` returns ``view`` and closes it (and its children) after the test."""
    views = []

    def _keep(view):
        views.append(view)
        return view

    yield _keep
    for view in views:
        close_all(view)
