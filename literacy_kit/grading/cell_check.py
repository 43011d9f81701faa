"""Make ``nbgrader validate`` fail, not print "Success", when a test cell was deleted.

nbgrader's :class:`~nbgrader.validator.Validator` (the ``nbgrader validate`` command and
the JupyterLab *Validate* button) only looks at the grade cells still in the notebook, so
a learner who deleted one is told "Success! Your notebook passes all the tests." Its
preprocessor list is not configurable, so the check runs in the learner's kernel instead:
each exercise notebook lists its grade cells in its own metadata, and the visible part of
every test cell (:meth:`Grader.require`) plus the 0-point set-up cell call
:func:`check_notebook_complete`. While validating (``NBGRADER_EXECUTION=validate``, with
the kernel's working directory at the notebook) it reads the notebook back from disk and
raises :class:`MissingTestCells` if a listed cell is gone; everywhere else it does nothing.

The notebook metadata it reads (nbgrader copies notebook metadata into the release)::

    "metadata": {"literacy_kit": {"grade_cells": ["setup", "q1_level1_steps", ...]}}

>>> import tempfile
>>> missing_grade_cells(tempfile.mkdtemp() + "/absent.ipynb")  # cannot check: nothing
[]
"""
from __future__ import annotations

import logging
import os
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..i18n import LANGS, t

#: Notebook metadata namespace, and the key in it listing every grade cell's ``grade_id``.
METADATA_KEY = "literacy_kit"
GRADE_CELLS_KEY = "grade_cells"
#: nbgrader sets this to ``validate`` or ``autograde`` in the kernels it starts.
EXECUTION_ENV = "NBGRADER_EXECUTION"
VALIDATE = "validate"
#: The grade_id of the set-up cell (a 0-point test cell that also runs the check).
SETUP_CELL = "setup"
#: Question cells are named ``q<number>_...``; the number is what the learner reads.
_QUESTION_ID = re.compile(r"q(\d+)(?:[_-]|$)")
#: nbgrader's Validator cuts lines longer than 87 characters.
WIDTH = 78

_log = logging.getLogger(__name__)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def cell_label(grade_id: str, lang: str) -> str:
    """What a learner calls the cell ``grade_id``: question 2, the set-up cell, or its id."""
    if grade_id == SETUP_CELL:
        return t("grading.cell_setup", lang)
    match = _QUESTION_ID.match(grade_id)
    if match:
        return t("grading.cell_question", lang, number=int(match.group(1)))
    return t("grading.cell_other", lang, id=grade_id)


class MissingTestCells(Exception):
    """Test cells listed in the notebook's metadata are not in it (raised only in validate).

    ``str()`` is the Vietnamese message, then the English one; nothing in it depends on
    the expected answers.
    """

    def __init__(self, missing: Iterable[str]):
        self.missing = list(missing)
        super().__init__("\n".join(
            t("grading.test_cells_missing", lang,
              cells=", ".join(cell_label(grade_id, lang) for grade_id in self.missing))
            for lang in LANGS))

    def _render_traceback_(self) -> list[str]:
        """Lines IPython shows instead of a traceback: the message alone, wrapped."""
        return [line for paragraph in str(self).split("\n")
                for line in (textwrap.wrap(paragraph, WIDTH) or [""])]


def read_notebook(path: str | Path):
    """The notebook at ``path`` as nbformat v4, or ``None`` if it cannot be read.

    Read without schema validation: nbformat logs (and warns about) invalid notebooks,
    and anything written to stderr would itself fail the cell being validated.
    """
    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = Path(path).read_text(encoding="utf-8")
            return nbformat.convert(nbformat.reader.reads(text), 4)
    except Exception as exc:  # noqa: BLE001 - a broken file means "cannot check"
        _log.info("cannot read %s: %s", path, exc)
        return None


def grade_cell_ids(nb: Mapping) -> list[str]:
    """The ``grade_id`` of every nbgrader grade cell of ``nb``, in notebook order.

    What an exercise notebook's ``metadata.literacy_kit.grade_cells`` must hold.
    """
    return [meta["grade_id"] for meta in _nbgrader_metadata(nb)
            if meta.get("grade") and isinstance(meta.get("grade_id"), str)]


def expected_grade_cells(nb: Mapping) -> list[str] | None:
    """The notebook's own list ``metadata.literacy_kit.grade_cells``, or ``None``."""
    metadata = nb.get("metadata") if isinstance(nb, Mapping) else None
    ours = metadata.get(METADATA_KEY) if isinstance(metadata, Mapping) else None
    listed = ours.get(GRADE_CELLS_KEY) if isinstance(ours, Mapping) else None
    if not isinstance(listed, list) or not all(isinstance(i, str) for i in listed):
        return None
    return listed


def _nbgrader_metadata(nb: Mapping) -> list[Mapping]:
    cells = nb.get("cells") if isinstance(nb, Mapping) else None
    found = []
    for cell in cells if isinstance(cells, list) else []:
        metadata = cell.get("metadata") if isinstance(cell, Mapping) else None
        meta = metadata.get("nbgrader") if isinstance(metadata, Mapping) else None
        if isinstance(meta, Mapping):
            found.append(meta)
    return found


def missing_grade_cells(notebook_path: str | Path,
                        expected: Iterable[str] | None = None) -> list[str]:
    """The expected grade cells (``grade_id``) that the notebook on disk does not hold.

    ``expected`` defaults to the notebook's ``metadata.literacy_kit.grade_cells``. A cell
    counts as present when any cell carries its ``grade_id`` (how nbgrader matches cells
    when it restores them). Ids are compared in Unicode NFC. A missing or unreadable file,
    or a notebook without the list, cannot be checked and gives ``[]``.
    """
    nb = read_notebook(notebook_path)
    if nb is None:
        return []
    if expected is None:
        expected = expected_grade_cells(nb)
        if expected is None:
            return []
    present = {_nfc(meta["grade_id"]) for meta in _nbgrader_metadata(nb)
               if isinstance(meta.get("grade_id"), str)}
    missing = []
    for grade_id in expected:
        if isinstance(grade_id, str) and _nfc(grade_id) not in present \
                and _nfc(grade_id) not in missing:
            missing.append(_nfc(grade_id))
    return missing


def notebook_path(exercise: str, folder: str | Path | None = None) -> Path | None:
    """``<exercise>.ipynb`` in ``folder`` (default: the working directory), if it exists."""
    base = Path(folder) if folder is not None else Path.cwd()
    for form in dict.fromkeys((exercise, _nfc(exercise), unicodedata.normalize("NFD", exercise))):
        path = base / f"{form}.ipynb"
        if path.is_file():
            return path
    return None


def check_notebook_complete(exercise: str, folder: str | Path | None = None) -> None:
    """While nbgrader validates, raise :class:`MissingTestCells` if a test cell was deleted.

    Does nothing at all unless ``$NBGRADER_EXECUTION`` is ``validate`` (so never during
    autograde, lessons or normal use), and nothing when the notebook cannot be found or
    read: a check that cannot run must not fail a learner's notebook.
    """
    if os.environ.get(EXECUTION_ENV) != VALIDATE:
        return
    try:
        path = notebook_path(exercise, folder)
        missing = missing_grade_cells(path) if path is not None else []
    except Exception as exc:  # noqa: BLE001 - never a traceback of ours in front of a learner
        _log.info("cannot check %s: %s", exercise, exc)
        return
    if missing:
        raise MissingTestCells(missing)
