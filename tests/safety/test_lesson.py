"""Layer 3: lesson 04_safety executes under nbclient and has the shape of the other lessons
(Vietnamese first then English on every text slide, slide metadata, the display-options
cell, every safety view rendered)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

LESSON = Path(__file__).resolve().parents[2] / "lessons" / "04_safety.ipynb"
VIEWS = ("ScamQuiz(", "LinkInspector(", "MessageSorter(", "ScamSimulator(", "SourceNotes(",
         "DisplayOptions()", "StepOrdering(", "ChoiceQuestion(")


def test_shape():
    nb = nbformat.read(LESSON, as_version=4)
    assert nb.cells[0].metadata["slideshow"]["slide_type"] == "slide"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert all(view in code for view in VIEWS)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and len(cell.source) > 40:
            vi, sep, en = cell.source.partition("\n---\n")
            assert any(ch in vi for ch in "ăâđêôơư"), "Vietnamese first"
            if cell.metadata["slideshow"]["slide_type"] != "notes":
                assert not sep, "a slide is Vietnamese only: the English is in its notes"
            elif sep:
                assert not any(ch in en.replace("“", "").lower() for ch in "ăđơư"), "then English"


@pytest.mark.notebook
def test_lesson_executes_and_renders_every_view(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(LESSON, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [out for cell in nb.cells if cell.cell_type == "code"
              for out in cell.outputs if out.output_type in ("error",) or out.get("name") == "stderr"]
    assert errors == []
    widget_cells = [cell for cell in nb.cells if cell.cell_type == "code" and any(
        "application/vnd.jupyter.widget-view+json" in out.get("data", {}) for out in cell.outputs)]
    assert len(widget_cells) == sum(1 for c in nb.cells if c.cell_type == "code")
