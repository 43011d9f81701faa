"""Fixtures for the grading tests: a folder to answer in (``keep`` comes from tests/conftest.py)."""
from __future__ import annotations

import pytest


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """An empty folder the learner's notebook would sit in (also the working directory)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LK_GRADING_LANG", raising=False)
    return tmp_path

