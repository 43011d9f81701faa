"""The deleted-test-cell check: reads the notebook on disk, acts only under ``nbgrader validate``.

The real nbgrader CLI round trip is in ``test_validate_missing_cells.py``; these are the
fast unit tests, plus the shape every exercise notebook needs for the check to work.
"""
from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import nbformat
import pytest

from literacy_kit.grading import Grader, MissingTestCells, check_notebook_complete
from literacy_kit.grading import missing_grade_cells
from literacy_kit.grading.cell_check import (SETUP_CELL, WIDTH, cell_label,
                                             expected_grade_cells, grade_cell_ids)
from literacy_kit.i18n import t

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "exercises" / "source").glob("*/*.ipynb"))
IDS = ["setup", "q1_order", "q2_true_false", "q3_picks"]


def make_notebook(ids=IDS, listed=IDS):
    """A tiny exercise notebook: one 0-point set-up cell and one grade cell per question."""
    nb = nbformat.v4.new_notebook()
    for grade_id in ids:
        meta = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                "points": 0 if grade_id == SETUP_CELL else 1, "schema_version": 3}
        nb.cells.append(nbformat.v4.new_code_cell("pass", metadata={"nbgrader": meta}))
    nb.cells.append(nbformat.v4.new_markdown_cell("text", metadata={"nbgrader": {
        "grade": False, "solution": False, "locked": True, "grade_id": "intro",
        "schema_version": 3}}))
    if listed is not None:
        nb.metadata["literacy_kit"] = {"grade_cells": list(listed)}
    return nb


@pytest.fixture
def validating(folder, monkeypatch):
    """The working folder, as if ``nbgrader validate`` had started the kernel there."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    return folder


def write(folder: Path, nb, name="quiz") -> Path:
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


# -- missing_grade_cells --------------------------------------------------------------
def test_complete_notebook_misses_nothing(folder):
    assert missing_grade_cells(write(folder, make_notebook())) == []


def test_deleted_cells_are_listed_in_the_expected_order(folder):
    path = write(folder, make_notebook(ids=["q1_order", "setup"]))
    assert missing_grade_cells(path) == ["q2_true_false", "q3_picks"]


def test_expected_argument_overrides_the_metadata(folder):
    path = write(folder, make_notebook(ids=["setup"], listed=None))
    assert missing_grade_cells(path) == []
    assert missing_grade_cells(path, expected=["setup", "q9_extra", "q9_extra"]) == ["q9_extra"]


def test_a_cell_counts_by_its_grade_id_like_nbgrader_restores_it(folder):
    nb = make_notebook()
    nb.cells[1].metadata.nbgrader["grade"] = False   # still there: nbgrader would overwrite it
    nb.cells[2].metadata = {}                        # the id is gone: nbgrader would re-add it
    assert missing_grade_cells(write(folder, nb)) == ["q2_true_false"]


@pytest.mark.parametrize("content", [
    b"", b"\x00\xff not json", b"{\"cells\": [", b"[]", b"{}", b"{\"nbformat\": 4}",
    b"{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": \"x\"}",
    "{\"nbformat\": 4, \"cells\": [], \"metadata\": {\"literacy_kit\": 3}}".encode(),
    b"{\"nbformat\": 4, \"cells\": [], \"metadata\": {\"literacy_kit\": {\"grade_cells\": \"q1\"}}}",
    b"{\"nbformat\": 4, \"cells\": [1, null], \"metadata\": {\"literacy_kit\": {\"grade_cells\": [2]}}}",
])
def test_a_broken_file_cannot_be_checked_and_never_crashes(folder, content):
    path = folder / "quiz.ipynb"
    path.write_bytes(content)
    assert missing_grade_cells(path) == []


def test_a_missing_file_or_a_folder_cannot_be_checked(folder):
    assert missing_grade_cells(folder / "absent.ipynb") == []
    assert missing_grade_cells(folder) == []


def test_no_metadata_means_cannot_check(folder):
    assert missing_grade_cells(write(folder, make_notebook(ids=[], listed=None))) == []


def test_ids_are_compared_in_nfc(folder):
    nfc = unicodedata.normalize("NFC", "q1_câu_hỏi")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = write(folder, make_notebook(ids=[nfd], listed=[nfc]))
    assert missing_grade_cells(path) == []
    assert missing_grade_cells(path, expected=[nfc, " " + nfd + " "]) == []
    assert missing_grade_cells(write(folder, make_notebook(ids=[], listed=[nfd]))) == [nfc]


# -- check_notebook_complete ----------------------------------------------------------
@pytest.mark.parametrize("execution", [None, "autograde", "", "VALIDATE"])
def test_does_nothing_unless_validating(folder, monkeypatch, execution):
    if execution is None:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    else:
        monkeypatch.setenv("NBGRADER_EXECUTION", execution)
    write(folder, make_notebook(ids=[]))
    assert check_notebook_complete("quiz") is None


def test_raises_a_short_bilingual_message_while_validating(validating):
    write(validating, make_notebook(ids=["q1_order"]))
    with pytest.raises(MissingTestCells) as caught:
        check_notebook_complete("quiz")
    exc = caught.value
    assert exc.missing == ["setup", "q2_true_false", "q3_picks"]
    cells_vi = ", ".join([t("grading.cell_setup", "vi"), "Câu 2", "Câu 3"])
    cells_en = ", ".join([t("grading.cell_setup", "en"), "question 2", "question 3"])
    assert str(exc) == "\n".join([t("grading.test_cells_missing", "vi", cells=cells_vi),
                                  t("grading.test_cells_missing", "en", cells=cells_en)])
    lines = exc._render_traceback_()   # what IPython prints instead of a traceback
    assert " ".join(lines).split() == str(exc).split()
    assert all(len(line) <= WIDTH for line in lines) and "Traceback" not in str(lines)


def test_reads_the_given_folder_else_the_working_directory(validating, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere")
    write(other, make_notebook(ids=["setup"]))
    check_notebook_complete("quiz")                       # nothing in the working folder
    with pytest.raises(MissingTestCells):
        check_notebook_complete("quiz", folder=other)


@pytest.mark.parametrize("content", [b"\x00garbage", b"{}"])
def test_an_unreadable_notebook_never_fails_validation(validating, content):
    (validating / "quiz.ipynb").write_bytes(content)
    assert check_notebook_complete("quiz") is None


def test_labels_name_questions_as_learners_read_them():
    assert cell_label("q12_anything", "vi") == "Câu 12"
    assert cell_label("q3", "en") == "question 3"
    assert cell_label("setup", "vi") == t("grading.cell_setup", "vi")
    assert cell_label("bonus_cell", "en") == "cell bonus_cell"


# -- Grader.require, the visible part of every test cell ------------------------------
def test_require_raises_only_while_validating(folder, monkeypatch, capsys):
    write(folder, make_notebook(ids=["setup"]), name="vneid")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    Grader("vneid").require("level1_steps")
    assert t("grading.missing", "vi", missing=1, total=1) in capsys.readouterr().out
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    Grader("vneid").require("level1_steps")
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    with pytest.raises(MissingTestCells, match="Câu 1"):
        Grader("vneid").require("level1_steps")
    write(folder, make_notebook(), name="vneid")
    Grader("vneid").require("level1_steps")   # complete notebook: prints as usual
    assert t("grading.missing", "vi", missing=1, total=1) in capsys.readouterr().out


# -- what every exercise notebook needs ------------------------------------------------
def test_there_are_exercise_notebooks():
    assert {path.stem for path in SOURCES} >= {"vneid", "ai"}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_exercise_metadata_lists_every_grade_cell(path):
    nb = nbformat.read(path, as_version=4)
    listed = expected_grade_cells(nb)
    assert listed is not None, "metadata.literacy_kit.grade_cells is missing"
    assert listed == grade_cell_ids(nb) and listed[0] == SETUP_CELL
    assert missing_grade_cells(path) == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_setup_cell_is_a_zero_point_check_without_hidden_tests(path):
    nb = nbformat.read(path, as_version=4)
    setup = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == SETUP_CELL]
    assert len(setup) == 1
    (cell,) = setup
    meta = cell.metadata.nbgrader
    assert cell.cell_type == "code"
    assert [meta[k] for k in ("grade", "points", "locked", "solution")] == [True, 0, True, False]
    assert "HIDDEN TESTS" not in cell.source and "SOLUTION" not in cell.source
    last = ast.parse(cell.source).body[-1]
    assert ast.unparse(last) == f"check_notebook_complete('{path.stem}')"
    # No value left behind: nbgrader would try to read it as the cell's points.
    assert all(not isinstance(s, ast.Expr) or isinstance(s.value, ast.Call)
               and ast.unparse(s.value.func) in {"display", "check_notebook_complete"}
               for s in ast.parse(cell.source).body)
    for other in nb.cells:
        other_meta = other.metadata.get("nbgrader", {})
        if other_meta.get("grade") and other is not cell:
            assert other_meta["points"] > 0
            visible = other.source.split("### BEGIN HIDDEN TESTS")[0]
            assert f'Grader("{path.stem}")' in visible and ".require(" in visible
