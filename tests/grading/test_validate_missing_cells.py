"""Layer 3: ``nbgrader validate`` no longer says "Success" when a test cell was deleted.

nbgrader's Validator only looks at the grade cells still in the notebook. The exercise
notebooks list their grade cells in their metadata, and the set-up cell (a 0-point test
cell) and every test cell's visible part check that list while validating
(:mod:`literacy_kit.grading.cell_check`). One temporary course for the module: each
assignment is generated once; each test validates an edited copy of the released notebook
with the real CLI, run in the learner's folder as the Validate button does.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from literacy_kit.grading import AnswerStore, answers_filename
from literacy_kit.i18n import t

from course_support import COURSE, nbgrader, read_scores

pytestmark = pytest.mark.notebook

SUCCESS = "Success! Your notebook passes all the tests."
QUESTIONS = {
    "vneid": ["q1_level1_steps", "q2_level2_true_false", "q3_invalid_ids", "q4_activation"],
    "ai": ["q1_better_prompt", "q2_why_better", "q3_class_notice", "q4_install_answer"],
}
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course with every assignment of QUESTIONS generated (once each)."""
    root = tmp_path_factory.mktemp("validate") / "course"
    root.mkdir()
    shutil.copy(COURSE / "nbgrader_config.py", root)
    for name in QUESTIONS:
        shutil.copytree(COURSE / "source" / name, root / "source" / name,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", answers_filename(name)))
        _, TIMINGS[f"generate_assignment {name}"] = nbgrader(root, "generate_assignment", name)
    yield root
    print("\nnbgrader timings (s):", {k: round(v, 1) for k, v in TIMINGS.items()})


def released(course: Path, name: str):
    return nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)


def without(nb, *grade_ids: str):
    nb.cells = [c for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids]
    return nb


def validate(folder: Path, name: str, nb, label: str) -> str:
    """Validate ``nb`` saved as ``folder/<name>.ipynb``; the CLI's whole output."""
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{name}.ipynb")
    result, TIMINGS[label] = nbgrader(folder, "validate", f"{name}.ipynb")
    return result.stdout + result.stderr


def message(lang: str, *labels: str) -> str:
    return t("grading.test_cells_missing", lang, cells=", ".join(labels))


def test_released_notebook_keeps_the_grade_cell_list(course):
    for name, questions in QUESTIONS.items():
        nb = released(course, name)
        assert nb.metadata["literacy_kit"]["grade_cells"] == ["setup"] + questions
        setup = next(c for c in nb.cells if c.metadata.nbgrader.get("grade_id") == "setup")
        assert setup.metadata.nbgrader["points"] == 0 and "checksum" in setup.metadata.nbgrader


def test_untouched_notebook_passes(course, tmp_path):
    out = validate(tmp_path / "hv", "vneid", released(course, "vneid"), "validate untouched")
    assert SUCCESS in out
    assert "MissingTestCells" not in out and "Traceback" not in out
    assert message("en", "x").split(":")[0] not in out
    assert "cannot be converted" not in out   # no value left in the 0-point set-up cell


@pytest.mark.parametrize("name, deleted, number", [("vneid", "q2_level2_true_false", 2),
                                                    ("ai", "q3_class_notice", 3)])
def test_one_deleted_test_cell_fails_and_is_named(course, tmp_path, name, deleted, number):
    nb = without(released(course, name), deleted)
    out = validate(tmp_path / "hv", name, nb, f"validate {name} without {deleted}")
    assert "Success" not in out
    # The set-up cell and the three remaining test cells each fail with the same message.
    assert "VALIDATION FAILED ON 4 CELL(S)" in out
    flat = " ".join(out.split())
    assert flat.count(message("vi", f"Câu {number}")) == 4
    assert flat.count(message("en", f"question {number}")) == 4
    assert "Traceback" not in out and "cell_check.py" not in out   # no traceback of ours


def test_every_test_cell_deleted_still_fails_on_the_setup_cell(course, tmp_path):
    nb = without(released(course, "vneid"), *QUESTIONS["vneid"])
    out = validate(tmp_path / "hv", "vneid", nb, "validate without all test cells")
    assert "Success" not in out
    assert "VALIDATION FAILED ON 1 CELL(S)" in out
    assert 'check_notebook_complete("vneid")' in out
    flat = " ".join(out.split())
    assert message("vi", "Câu 1", "Câu 2", "Câu 3", "Câu 4") in flat


def test_control_without_the_list_nbgrader_says_success(course, tmp_path):
    """The gap this fixes: same deleted cell, check disabled (no list) -> "Success"."""
    nb = without(released(course, "vneid"), "q2_level2_true_false")
    del nb.metadata["literacy_kit"]
    out = validate(tmp_path / "hv", "vneid", nb, "validate control")
    assert SUCCESS in out


ORDER = ["open_register", "enter_numbers", "scan_card", "check_info", "portrait", "confirm"]
TRUTH = {"level2_in_person": True, "level2_phone_link": False,
         "level2_wallet": True, "level2_at_home": False}
# learner: (cells deleted from the released notebook, answers, expected points per cell)
DELETIONS = {
    "hv01": (["q1_level1_steps"], {"level1_steps": {"placed": ORDER}},
             {"q1_level1_steps": 3}),
    "hv02": (["setup", "q2_widget", "q2_level2_true_false", "q4_activation"],
             {key: {"selected": ["true" if value else "false"]} for key, value in TRUTH.items()},
             {"q2_level2_true_false": 4}),
}


@pytest.fixture(scope="module")
def autograded(course):
    """Submissions with deleted cells, autograded in one run."""
    name = "vneid"
    for learner, (deleted, answers, _) in DELETIONS.items():
        folder = course / "submitted" / learner / name
        folder.mkdir(parents=True)
        nbformat.write(without(released(course, name), *deleted), folder / f"{name}.ipynb")
        (folder / "timestamp.txt").write_text("2025-09-01 19:30:00.000000 UTC")
        store = AnswerStore.for_exercise(name, folder)
        assert all(store.set(key, value) for key, value in answers.items())
    _, TIMINGS["autograde"] = nbgrader(course, "autograde", name)
    return course


@pytest.mark.parametrize("learner", sorted(DELETIONS))
def test_autograde_restores_deleted_cells_in_place_and_grades_them(autograded, learner):
    """Autograde is untouched by the check: the cells come back and earn their points."""
    name, (deleted, _, points) = "vneid", DELETIONS[learner]
    source = nbformat.read(COURSE / "source" / name / f"{name}.ipynb", as_version=4)
    graded = nbformat.read(autograded / "autograded" / learner / name / f"{name}.ipynb",
                           as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in graded.cells]
    source_ids = [c.metadata.nbgrader["grade_id"] for c in source.cells]
    widgets = {i for i in deleted if not i.startswith("q") or i.endswith("_widget")}
    assert ids == [i for i in source_ids if i not in widgets - {"setup"}]
    outputs = [o for c in graded.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    cells = ["setup"] + QUESTIONS[name]
    max_score, score, scores, needs_manual = read_scores(autograded, name, learner, cells)
    assert (max_score, score, needs_manual) == (14, sum(points.values()), False)
    assert scores == {cell: points.get(cell, 0) for cell in cells}


def test_stock_nbgrader_cannot_restore_a_cell_after_a_read_only_cell(autograded):
    """Why the course config swaps in RestoreMissingCells: nbgrader 0.9.6's own crashes."""
    from nbgrader.preprocessors import OverwriteCells

    from literacy_kit.grading.restore_cells import RestoreMissingCells

    submitted = autograded / "submitted" / "hv01" / "vneid" / "vneid.ipynb"
    resources = {"nbgrader": {"notebook": "vneid", "assignment": "vneid",
                              "db_url": f"sqlite:///{autograded / 'gradebook.db'}"}}
    with pytest.raises(KeyError, match="q1_widget"):
        OverwriteCells(add_missing_cells=True).preprocess(
            nbformat.read(submitted, as_version=4), resources)
    nb, _ = RestoreMissingCells(add_missing_cells=True).preprocess(
        nbformat.read(submitted, as_version=4), resources)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert ids.index("q1_level1_steps") == ids.index("q1_widget") + 1
