"""Fixtures of the classroom tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from classroom.course_setup import make_course


@pytest.fixture
def course(tmp_path) -> Path:
    return make_course(tmp_path)
