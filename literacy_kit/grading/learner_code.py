"""Keep code a learner added to a notebook from running at grading time.

Learners answer by tapping widgets; every code cell of an exercise is a locked cell of the
source (nbgrader's ``OverwriteCells`` restores those). A code cell that is neither locked
nor a solution cell was therefore added by hand, and running it during autograde would
let it monkeypatch the grader, loop, flood or read the hidden tests. This preprocessor,
placed in autograde's sanitising pass after ``OverwriteCells``, turns such cells into raw
cells (their text stays visible in the autograded copy and feedback, with a note) so
they are never executed. Exercises with solution cells keep them.
"""
from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode

from ..i18n import t


def is_learner_code(cell) -> bool:
    """A code cell that is neither a locked (source) cell nor a solution cell."""
    if cell.get("cell_type") != "code":
        return False
    meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
    return not (meta.get("locked") or meta.get("solution") or meta.get("grade"))


class SetAsideLearnerCode(Preprocessor):
    """Turn hand-added code cells into raw cells that autograde does not run."""

    enabled = Bool(True, help="nbconvert runs a preprocessor only when it is enabled.")
    lang = Unicode("vi", help="Language of the note put in front of a set-aside cell.").tag(config=True)

    def preprocess(self, nb, resources):
        count = 0
        for cell in nb.cells:
            if is_learner_code(cell):
                note = t("grading.learner_code_set_aside", self.lang)
                cell.cell_type = "raw"
                cell.source = f"# {note}\n{cell.source}"
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
                cell.metadata.pop("nbgrader", None)
                count += 1
        resources.setdefault("literacy_kit", {})["learner_code_cells"] = count
        return nb, resources
