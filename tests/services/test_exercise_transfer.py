"""The graded birth filing uses a family the lesson never showed (transfer, not recall)."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def seeds(path: Path, call: str) -> set[int]:
    text = path.read_text(encoding="utf-8")
    return {int(s) for s in re.findall(rf"{call}\(.*?seed=(\d+)", text)}


def test_exercise_family_is_not_a_lesson_family():
    lesson = seeds(ROOT / "lessons" / "03_services.ipynb", "PortalSimulator(?:\\.from_state)?")
    graded = seeds(ROOT / "exercises" / "source" / "services" / "services.ipynb", "services_simulator")
    assert lesson and graded
    assert not lesson & graded
