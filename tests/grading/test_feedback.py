"""The feedback preprocessor and the course config that puts it into generate_feedback."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets.config.loader import PyFileConfigLoader

from literacy_kit.grading.feedback import StripHiddenTests

COURSE = Path(__file__).resolve().parents[2] / "exercises"

GRADED = ("grader.require('q')\n"
          "### BEGIN HIDDEN TESTS\n"
          "grader.picks('q', ['n2', 'n4'], points=4)\n"
          "### END HIDDEN TESTS\n"
          "print('after')")


def _grade_cell(source, outputs=()):
    cell = new_code_cell(source, metadata={"nbgrader": {"grade": True, "solution": False,
                                                        "grade_id": "q", "points": 4}})
    cell.outputs = list(outputs)
    return cell


def run(*cells, **config):
    nb = new_notebook(cells=list(cells))
    out, _ = StripHiddenTests(**config).preprocess(nb, {})
    return out


def test_hidden_region_replaced_by_a_note_outputs_kept():
    stream = new_output("stream", name="stdout", text="Chọn đúng 2/2 số. Điểm: 4/4.\n")
    result = new_output("execute_result", data={"text/plain": "4.0"}, execution_count=1)
    cell = run(_grade_cell(GRADED, [stream, result])).cells[0]
    assert cell.source == ("grader.require('q')\n"
                           "# (phần kiểm tra ẩn đã được lược bỏ)\n"
                           "print('after')")
    assert cell.outputs == [stream, result]


def test_the_note_follows_the_language_and_indentation():
    source = "if True:\n    ### BEGIN HIDDEN TESTS\n    x = 1\n    ### END HIDDEN TESTS\n"
    cell = run(_grade_cell(source), lang="en").cells[0]
    assert cell.source == "if True:\n    # (hidden tests removed)\n"


def test_tracebacks_of_cells_with_hidden_tests_are_cut():
    error = new_output("error", ename="AssertionError", evalue="['n2', 'n4'] != []",
                       traceback=["----> 3 assert picked == ['n2', 'n4']"])
    cell = run(_grade_cell(GRADED, [error])).cells[0]
    assert cell.outputs[0].traceback == ["AssertionError"] and cell.outputs[0].evalue == ""


def test_odd_cells_never_stop_the_feedback():
    unterminated = new_code_cell("a = 1\n### BEGIN HIDDEN TESTS\nsecret = 2")
    typed_by_a_learner = new_markdown_cell("### BEGIN HIDDEN TESTS\nmy notes")
    plain = new_code_cell("print(1)")
    nb = run(unterminated, typed_by_a_learner, plain)
    assert "secret" not in nb.cells[0].source and nb.cells[0].source.startswith("a = 1\n# ")
    assert "my notes" not in nb.cells[1].source
    assert nb.cells[2].source == "print(1)"


def test_disabled_does_nothing():
    nb = new_notebook(cells=[_grade_cell(GRADED)])
    out, _ = StripHiddenTests(enabled=False)(nb, {})
    assert "n2" in out.cells[0].source


def _course_config():
    loader = PyFileConfigLoader("nbgrader_config.py", path=str(COURSE))
    return loader.load_config()


def test_course_config_strips_hidden_tests_from_feedback():
    from nbgrader.preprocessors import GetGrades

    from literacy_kit.grading.feedback_lang import LocalizeMessages

    preprocessors = _course_config().GenerateFeedback.preprocessors
    assert preprocessors[0] is GetGrades
    assert StripHiddenTests in preprocessors
    assert preprocessors.index(StripHiddenTests) < preprocessors.index(LocalizeMessages)


def test_course_config_never_overwrites_answer_files():
    config = _course_config()
    assert config.Autograde.exclude_overwriting["vneid"] == ["vneid_answers.json"]
    assert not list((COURSE / "source").rglob("*_answers.json*")), "never ship an answer file"


def test_feedback_config_keeps_working_without_the_package(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_literacy_kit(name, *args, **kwargs):
        if name.startswith("literacy_kit"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_literacy_kit)
    from nbgrader.preprocessors import ClearHiddenTests

    config = _course_config()
    assert ClearHiddenTests in config.GenerateFeedback.preprocessors
    assert "HTMLExporter" not in config.GenerateFeedback     # nbgrader's own page template


def test_source_notebook_is_valid():
    nb = nbformat.read(COURSE / "source" / "vneid" / "vneid.ipynb", as_version=4)
    nbformat.validate(nb)
