"""The VNeID exercise's content and source notebook: nothing gives the answers away.

The expected answers are read from the hidden tests of the source notebook, so these
tests follow the notebook when a trainer changes an answer.
"""
from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import nbformat
import pytest

import literacy_kit
from literacy_kit import content
from literacy_kit.content import ContentError, load_file

REPO = Path(__file__).resolve().parents[2]
SOURCE = REPO / "exercises" / "source" / "vneid" / "vneid.ipynb"
BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

# Circular 07/2016/TT-BCA, annex 1: the 63 province codes (000 = born abroad).
PROVINCES = set("""001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031
033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068
070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096""".split())
CENTURY = {"0": 1900, "1": 1900, "2": 2000, "3": 2000, "4": 2100, "5": 2100}


def notebook():
    return nbformat.read(SOURCE, as_version=4)


def grade_cells():
    """The question test cells: every grade cell but the 0-point set-up check."""
    return [c for c in notebook().cells if c.metadata.get("nbgrader", {}).get("grade")
            and c.metadata.nbgrader["grade_id"] != "setup"]


def hidden_part(source: str) -> str:
    return source.split(BEGIN, 1)[1].split(END, 1)[0]


def hidden_calls() -> dict[str, list]:
    """``{grader method: [literal arguments]}`` from every hidden test of the notebook."""
    calls = {}
    for cell in grade_cells():
        tree = ast.parse(textwrap.dedent(hidden_part(cell.source)))
        call = tree.body[-1].value
        calls[call.func.attr] = [ast.literal_eval(arg) for arg in call.args]
    return calls


@pytest.fixture(scope="module")
def expected():
    return hidden_calls()


@pytest.fixture(scope="module")
def bundle():
    return content.load("vneid_exercise")


def cccd_is_valid(number: str, this_year: int = 2025) -> bool:
    if not re.fullmatch(r"\d{12}", number) or number[3] not in CENTURY:
        return False
    year = CENTURY[number[3]] + int(number[4:6])
    return (number[:3] in PROVINCES or number[:3] == "000") and year <= this_year


def test_every_grade_cell_ends_in_a_hidden_grader_call():
    cells = grade_cells()
    assert [c.metadata.nbgrader["grade_id"] for c in cells] == [
        "q1_level1_steps", "q2_level2_true_false", "q3_invalid_ids", "q4_activation"]
    assert sum(c.metadata.nbgrader["points"] for c in cells) == 14
    everything = [c for c in notebook().cells if c.metadata.nbgrader.get("grade")]
    assert [c.metadata.nbgrader["grade_id"] for c in everything] == [
        "setup"] + [c.metadata.nbgrader["grade_id"] for c in cells]
    assert everything[0].metadata.nbgrader["points"] == 0 and BEGIN not in everything[0].source
    for cell in cells:
        visible = cell.source.split(BEGIN)[0]
        assert "grader.require(" in visible and cell.source.rstrip().endswith(END)
        points = ast.parse(textwrap.dedent(hidden_part(cell.source))).body[-1].value
        keywords = {k.arg: ast.literal_eval(k.value) for k in points.keywords}
        assert keywords["points"] == cell.metadata.nbgrader["points"]


def test_other_code_cells_only_import_and_show_widgets():
    for cell in notebook().cells:
        if cell.cell_type != "code" or cell.metadata.nbgrader.get("grade"):
            continue
        assert cell.metadata.nbgrader["locked"] is True
        assert cell.source.isascii()
        for statement in ast.parse(cell.source).body:
            assert isinstance(statement, (ast.Import, ast.ImportFrom, ast.Expr, ast.Assign))


def test_no_answer_file_ships_with_the_source():
    assert sorted(p.name for p in SOURCE.parent.iterdir()) == ["vneid.ipynb"]


def test_content_carries_no_correctness(bundle):
    for question in bundle.questions.values():
        assert question.graded and question.explanation is None
        assert all(o.correct is None and o.feedback is None for o in question.options)
    ordering = bundle.orderings["level1_steps"]
    assert ordering.graded and len(ordering.step_ids) == len(ordering.steps)


def test_stored_step_order_puts_no_step_in_its_place(bundle, expected):
    key, right_order = expected["ordering"]
    stored = bundle.orderings[key].step_ids
    assert sorted(stored) == sorted(right_order)
    assert all(a != b for a, b in zip(stored, right_order))


def test_hidden_answers_match_the_content(bundle, expected):
    (truth,) = expected["true_false"]
    for key in truth:
        assert [o.id for o in bundle.questions[key].options] == ["true", "false"]
    key, invalid = expected["picks"]
    assert set(invalid) < {o.id for o in bundle.questions[key].options}


def test_invalid_numbers_follow_the_domain_rules(bundle, expected):
    key, invalid = expected["picks"]
    for option in bundle.questions[key].options:
        number = option.text.vi
        assert option.text.en == number
        assert cccd_is_valid(number) is (option.id not in invalid), number


def test_invalid_numbers_agree_with_the_identity_parser(bundle, expected):
    cccd = pytest.importorskip("literacy_kit.vneid.logic.cccd")
    key, invalid = expected["picks"]
    for option in bundle.questions[key].options:
        try:
            cccd.parse_cccd(option.text.vi)
            valid = True
        except Exception:  # noqa: BLE001 - any refusal means "invalid" here
            valid = False
        assert valid is (option.id not in invalid), option.text.vi


# Between two tokens: punctuation, spaces, or the "\n" escapes of an .ipynb file's JSON.
SEP = r"(?:\W|\\n)+"


def giveaways(expected) -> list[re.Pattern]:
    _, order = expected["ordering"]
    _, invalid = expected["picks"]
    (truth,) = expected["true_false"]
    statements = SEP.join(f"{key}{SEP}{str(value).lower()}" for key, value in truth.items())
    return [re.compile(SEP.join(order)), re.compile(SEP.join(invalid)),
            re.compile(statements, re.IGNORECASE)]


def test_the_installed_package_holds_no_expected_answer(expected):
    patterns = giveaways(expected)
    package = Path(literacy_kit.__file__).parent
    checked = 0
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in {".pyc", ".png", ".ttf", ".woff2", ".woff"}:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        checked += 1
        assert [p.pattern for p in patterns if p.search(text)] == [], path
    assert checked > 20


def test_the_source_notebook_is_where_the_answers_are(expected):
    text = SOURCE.read_text(encoding="utf-8")
    assert all(p.search(text) for p in giveaways(expected))


GRADED_OK = """\
id: sample
questions:
  - id: q1
    kind: single
    graded: true
    stem: {vi: "Cau hoi", en: "Question"}
    options:
      - {id: a, text: {vi: "A", en: "A"}}
      - {id: b, text: {vi: "B", en: "B"}}
orderings:
  - id: o1
    graded: true
    prompt: {vi: "Xep", en: "Order"}
    steps:
      - {id: two, vi: "Hai", en: "Two"}
      - {id: one, vi: "Mot", en: "One"}
"""


def test_graded_content_loads(tmp_path):
    path = tmp_path / "graded.yaml"
    path.write_text(GRADED_OK, encoding="utf-8")
    bundle = load_file(path)
    assert bundle.questions["q1"].graded and bundle.questions["q1"].correct_ids == frozenset()
    assert bundle.orderings["o1"].step_ids == ("two", "one")


@pytest.mark.parametrize("broken, where", [
    (GRADED_OK.replace('{id: a, text: {vi: "A", en: "A"}}', '{id: a, text: {vi: "A", en: "A"}, correct: true}'),
     "must not carry"),
    (GRADED_OK.replace('{id: a, text: {vi: "A", en: "A"}}',
                       '{id: a, text: {vi: "A", en: "A"}, feedback: {vi: "x", en: "x"}}'), "must not carry"),
    (GRADED_OK.replace("    graded: true\n    stem", "    stem"), "need 'correct'"),
    (GRADED_OK.replace("{id: two, ", "{"), "needs an id on every step"),
    (GRADED_OK.replace("{id: two, ", "{id: one, "), "unique"),
    (GRADED_OK.replace("    graded: true\n    prompt", "    prompt").replace("{id: two, ", "{"),
     "every step or none"),
])
def test_graded_content_that_would_leak_is_refused(tmp_path, broken, where):
    path = tmp_path / "leaky.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError, match=where):
        load_file(path)
