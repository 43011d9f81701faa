"""What a grading run has finished, so an interrupted run resumes where it stopped.

One JSON file per assignment in ``<course>/.literacy-kit/``, rewritten atomically after
every submission: ``{learner: {"graded", "timestamp", "reasons", "seconds"}}``. A
submission counts as done only once it is in here; one whose autograded folder exists
without an entry (a run killed half-way through it) is graded again from scratch.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

STATE_DIR = ".literacy-kit"


def submitted_timestamp(folder: Path) -> str:
    """The ``timestamp.txt`` nbgrader keeps with a submission ('' if none)."""
    try:
        return (folder / "timestamp.txt").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


class Journal:
    def __init__(self, course_root: Path, assignment: str):
        self.path = Path(course_root) / STATE_DIR / f"grade-{assignment}.json"
        self.entries: dict[str, dict] = self._load()

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def done(self, learner: str, timestamp: str) -> bool:
        """Whether ``learner``'s submission with this timestamp is already graded."""
        entry = self.entries.get(learner)
        return bool(entry) and entry.get("timestamp") == timestamp

    def record(self, learner: str, timestamp: str, result: dict) -> None:
        self.entries[learner] = {"timestamp": timestamp, "graded": bool(result.get("graded")),
                                 "reasons": result.get("reasons", []),
                                 "seconds": round(float(result.get("seconds", 0.0)), 3)}
        self.save()

    def forget(self, learner: str) -> None:
        self.entries.pop(learner, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".journal-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.entries, handle, ensure_ascii=False, indent=0, sort_keys=True)
        os.replace(tmp, self.path)
