"""nbgrader's ``OverwriteCells`` with a ``add_missing_cells`` that survives read-only cells.

With ``OverwriteCells.add_missing_cells = True`` nbgrader 0.9.6 puts a deleted grade cell
back right after the source cell that preceded it, but looks that cell up among the
submission's *grade and solution* cells only. In the exercises here a test cell follows a
read-only widget cell, so the lookup raises ``KeyError`` and autograde drops the whole
submission ("Removing failed assignment"). This subclass inserts the cell after the
nearest preceding source cell the submission still has (any cell carrying its
``grade_id``), or first if there is none. The course config lists it in
``Autograde.sanitize_preprocessors`` in place of ``OverwriteCells``; the settings of
``OverwriteCells`` apply to it unchanged.
"""
from __future__ import annotations

from nbgrader.preprocessors import OverwriteCells


def _grade_id(cell) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


class RestoreMissingCells(OverwriteCells):
    """Re-add deleted grade cells after the nearest surviving source cell."""

    def add_missing_grade_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_ids = [cell.name for cell in source_nb.source_cells]
        source_by_id = {cell.name: cell for cell in source_nb.source_cells}
        grade_cells = {cell.name: cell for cell in source_nb.grade_cells}
        solution_ids = {cell.name for cell in source_nb.solution_cells}
        # In source order, so a run of deleted cells comes back in its own order.
        for grade_id in sorted(grade_cells, key=lambda i: source_ids.index(i)
                               if i in source_ids else len(source_ids)):
            present = [_grade_id(cell) for cell in nb.cells]
            if grade_id in present or grade_id not in source_by_id:
                continue
            self.log.warning("Missing grade cell %s encountered, adding to notebook", grade_id)
            cell = self.missing_cell_transform(source_by_id[grade_id],
                                               grade_cells[grade_id].max_score,
                                               is_solution=grade_id in solution_ids)
            position = 0
            for earlier in reversed(source_ids[:source_ids.index(grade_id)]):
                if earlier in present:
                    position = present.index(earlier) + 1
                    break
            nb.cells.insert(position, cell)
        return nb, resources
