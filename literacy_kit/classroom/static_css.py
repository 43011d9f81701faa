"""The learner pages' own style (big cards, one column on a phone)."""
from __future__ import annotations

from pathlib import Path

CSS_FILE = Path(__file__).parent / "templates" / "learner.css"


def learner_css() -> str:
    return CSS_FILE.read_text(encoding="utf-8")
