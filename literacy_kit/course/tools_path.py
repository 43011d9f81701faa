"""Make nbgrader's helper commands findable from an unactivated virtual environment.

nbgrader runs ``alembic`` by name when it creates a gradebook. A trainer who calls
``.venv/bin/literacy-kit`` without activating the environment has no ``.venv/bin`` on
``PATH``, so the first gradebook would fail with "No such file or directory: 'alembic'".
"""
from __future__ import annotations

import os
import sys


def ensure_tools_on_path() -> None:
    """Put this interpreter's ``bin`` folder on ``PATH`` (once)."""
    folder = os.path.dirname(sys.executable)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if folder not in parts:
        os.environ["PATH"] = os.pathsep.join([folder] + [p for p in parts if p])
