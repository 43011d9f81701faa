"""Why a submission scored what it did: the reasons listed in a grading run's summary.

Reads the learner's handed-in folder (before grading) and the autograded notebook
(after), never runs anything. Each reason is a catalog key (``course.reason_*``) plus
format values, so the summary speaks the trainer's language.

>>> Reason("reason_no_notebook").text("en")
'notebook missing from the submission'
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..grading.answers import FORMAT, answers_filename
from ..grading.learner_code import is_learner_code
from ..i18n import t

#: What nbgrader's LimitOutput leaves where it cut a flood of output.
TRUNCATED = "... Output truncated ..."
TIMEOUT_NAMES = ("CellTimeoutError", "TimeoutError")


@dataclass(frozen=True)
class Reason:
    key: str
    fmt: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(f"course.{self.key}", lang, **self.fmt)

    def to_dict(self) -> dict:
        return {"key": self.key, **({"fmt": self.fmt} if self.fmt else {})}

    @classmethod
    def from_dict(cls, data: dict) -> "Reason":
        return cls(str(data.get("key", "reason_grading_failed")), dict(data.get("fmt") or {}))


def _read_notebook(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("cells"), list) else None


def _nbgrader(cell: dict) -> dict:
    meta = cell.get("metadata") if isinstance(cell, dict) else None
    value = meta.get("nbgrader") if isinstance(meta, dict) else None
    return value if isinstance(value, dict) else {}


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def locked_cells(notebook: dict) -> dict[str, str]:
    """``{grade_id: source}`` of the read-only cells (questions, tests) of a notebook."""
    cells = {}
    for cell in notebook.get("cells", []):
        meta = _nbgrader(cell)
        if meta.get("grade_id") and (meta.get("locked") or meta.get("grade")):
            cells[str(meta["grade_id"])] = _source(cell)
    return cells


def before_grading(folder: Path, assignment: str, released: dict | None) -> list[Reason]:
    """Problems visible in the handed-in folder: missing files, deleted or edited tests."""
    notebook_path = folder / f"{assignment}.ipynb"
    if not notebook_path.is_file():
        return [Reason("reason_no_notebook")]
    reasons = []
    notebook = _read_notebook(notebook_path)
    if notebook is None:
        reasons.append(Reason("reason_notebook_unreadable"))
    elif released is not None:
        expected, handed_in = locked_cells(released), locked_cells(notebook)
        deleted = sorted(set(expected) - set(handed_in))
        edited = sorted(key for key in expected if key in handed_in
                        and handed_in[key].strip() != expected[key].strip())
        if deleted:
            reasons.append(Reason("reason_cells_deleted", {"cells": ", ".join(deleted)}))
        if edited:
            reasons.append(Reason("reason_cells_edited", {"cells": ", ".join(edited)}))
        added = [cell for cell in notebook["cells"] if isinstance(cell, dict)
                 and is_learner_code(cell) and _source(cell).strip()]
        if added:
            reasons.append(Reason("reason_code_added", {"count": len(added)}))
    answers = folder / answers_filename(assignment)
    if not answers.is_file():
        reasons.append(Reason("reason_no_answers"))
    else:
        try:
            data = json.loads(answers.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not an answer file")
        except (OSError, ValueError, UnicodeDecodeError):
            reasons.append(Reason("reason_answers_unreadable"))
    return reasons


def after_grading(notebook_path: Path) -> list[Reason]:
    """Problems the execution left in the autograded notebook: loops, floods, errors."""
    notebook = _read_notebook(notebook_path)
    if notebook is None:
        return []
    timeouts, floods, errors = [], [], {}
    for index, cell in enumerate(notebook.get("cells", [])):
        name = str(_nbgrader(cell).get("grade_id") or f"#{index + 1}")
        outputs = cell.get("outputs", []) or []
        timed_out = any(o.get("output_type") == "error" and o.get("ename") in TIMEOUT_NAMES
                        for o in outputs)
        for output in outputs:
            kind = output.get("output_type")
            if kind == "error":
                ename = str(output.get("ename", ""))
                if ename in TIMEOUT_NAMES:
                    timeouts.append(name)
                elif not (timed_out and ename == "KeyboardInterrupt"):  # the interrupt itself
                    errors.setdefault(ename or "Error", []).append(name)
            elif kind == "stream" and TRUNCATED in str(output.get("text", "")):
                floods.append(name)
    reasons = []
    if timeouts:
        reasons.append(Reason("reason_cell_timeout", {"cells": ", ".join(dict.fromkeys(timeouts))}))
    if floods:
        reasons.append(Reason("reason_output_flood", {"cells": ", ".join(dict.fromkeys(floods))}))
    for ename, cells in sorted(errors.items()):
        reasons.append(Reason("reason_error", {"error": ename, "cells": ", ".join(dict.fromkeys(cells))}))
    return reasons


def failure_reason(messages: list[str]) -> Reason:
    """Why nbgrader gave up on a submission, from the errors it logged."""
    text = "\n".join(messages)
    if "unresponsive" in text or "Timeout waiting for execute reply" in text:
        return Reason("reason_kernel_unresponsive")
    if "DeadKernel" in text or "Kernel died" in text or "kernel died" in text:
        return Reason("reason_kernel_died")
    useful = [m for m in messages if "see the" not in m and "Please see" not in m]
    detail = (useful or messages or ["?"])[0].strip().splitlines()[0][:200]
    return Reason("reason_grading_failed", {"detail": detail})
