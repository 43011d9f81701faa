"""Layer 3: the graded public-services exercise through the real nbgrader CLI and gradebook.

One temporary course for the whole module: generate and release the assignment, hand in
learners' answers made by driving the real widgets from Python (everything right, half right,
a filing left as a draft, nothing, a garbage answer file), autograde, read the scores back
from the gradebook per question, generate feedback. Also: the exercise's content and
source notebook agree with the services logic, and nothing shipped gives an answer away.
"""
from __future__ import annotations

import ast
import json
import re
import textwrap
from datetime import date
from pathlib import Path

import nbformat
import pytest

import literacy_kit
from literacy_kit import content
from literacy_kit.grading import Exercise
from literacy_kit.services import check_portal_address, fake_family, next_action
from literacy_kit.services.logic.documents import required_documents
from literacy_kit.services.logic.procedures import get_procedure
from literacy_kit.services.widgets.screens_status import needs_info_example
from literacy_kit.testing import close_all

from exercise_roundtrip import SEP, RoundTrip

from .filing_steps import form_texts

ASSIGNMENT = "services"
# Not the lesson's family (seed 2025): the exercise measures transfer, not recall.
SEED, TODAY = 2031, "2025-09-15"
BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

# The expected answers, as the source notebook's hidden tests hold them.
DOCUMENTS = ["d2", "d4"]
NEXT_STEP = ["s4"]
LOOKALIKES = ["a2", "a3", "a5", "a6", "a8"]
POINTS = {"q1_birth_filing": 8, "q2_needed_documents": 3, "q3_next_step": 2,
          "q4_lookalike_addresses": 4}
# Which document each option of question 2 names (kept here, never in the package).
OPTION_DOCUMENTS = {"d1": "birth_certificate", "d2": "residence_proof", "d3": "driving_licence",
                    "d4": "consent_ct01", "d5": "household_book", "d6": "marriage_certificate",
                    "d7": "portrait"}

LEARNERS = {
    "hv01": {"filing": "right", "documents": DOCUMENTS, "next": NEXT_STEP, "addresses": LOOKALIKES,
             "expected": dict(POINTS)},
    # Filed with 3 of 15 typed items wrong, the marriage certificate left out and a "fee" paid
    # on the lookalike site: 2 + 3 * 12/15 + 2 * 1/2 + 0 = 5.4. Documents: 2 right - 1 wrong
    # = 1/2 of 3; next step wrong; addresses 3 right - 1 wrong = 2/5 of 4.
    "hv02": {"filing": "half", "documents": ["d2", "d4", "d1"], "next": ["s2"],
             "addresses": ["a2", "a3", "a6", "a1"],
             "expected": {"q1_birth_filing": 5.4, "q2_needed_documents": 1.5, "q3_next_step": 0,
                          "q4_lookalike_addresses": 1.6}},
    # Everything typed and attached right, never submitted: 0 + 3 + 2 + 0.
    "hv03": {"filing": "draft", "expected": {"q1_birth_filing": 5, "q2_needed_documents": 0,
                                             "q3_next_step": 0, "q4_lookalike_addresses": 0}},
    "hv04": {"expected": {key: 0 for key in POINTS}},   # opened the notebook, did nothing
    "hv05": {"garbage": b"\x00{\"answers\": [not json", "expected": {key: 0 for key in POINTS}},
}
GIVEAWAYS = [re.compile(SEP.join(DOCUMENTS)), re.compile(SEP.join(LOOKALIKES)),
             re.compile(r"next_step" + SEP + r"s4"), re.compile("HIDDEN TESTS"),
             re.compile(r"grader\.picks\("), re.compile(r"filing\(grader")]


def drive_filing(sim, how: str) -> None:
    """File the family's birth registration through the simulator's screens."""
    family = sim.family
    assert sim.log_in(sim.citizen.cccd, sim.password)
    sim.search("khai sinh")
    sim.open_procedure("newborn")
    assert sim.file_online()
    typed = form_texts(family)
    files = {"birth_certificate": "giay_chung_sinh.jpg",
             "marriage_certificate": "giay_chung_nhan_ket_hon.pdf"}
    if how == "half":
        typed["child_name"] = family.child.full_name + " An"
        typed["father_name"] = family.mother.full_name
        typed["child_birth_place"] = "Trạm Y tế xã Sơn Động, tỉnh Bắc Ninh"
        files.pop("marriage_certificate")
        sim.show_lookalike()
        sim.open_lookalike()
    sim.fill_form(**{key: text for key, text in typed.items() if key in sim.screen("form").fields})
    assert sim.finish_form()
    for doc_id, name in files.items():
        assert sim.attach(doc_id, name)
    assert sim.documents_continue()
    if how != "draft":
        sim.open_payment()
        assert sim.submit()


def tap_answers(folder: Path, plan: dict) -> None:
    """Answer in ``folder`` by driving the real widgets, as a learner's taps would."""
    ex = Exercise(ASSIGNMENT, folder=folder)
    drive_filing(ex.services_simulator("birth_filing", seed=SEED, today=TODAY).views[0],
                 plan["filing"])
    for key, picks in (("needed_documents", plan.get("documents", [])),
                       ("next_step", plan.get("next", [])),
                       ("lookalike_addresses", plan.get("addresses", []))):
        view = ex.choice(key).views[0]
        for option in picks:
            view.toggle(option)
    for item in ex.items.values():
        close_all(item)


TRIP = RoundTrip(ASSIGNMENT, POINTS, LEARNERS, GIVEAWAYS, tap_answers)
SOURCE = TRIP.source
course = TRIP.course_fixture()


# -- the source notebook and the content, without nbgrader --------------------------------
def grade_cells():
    nb = nbformat.read(SOURCE, as_version=4)
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
            and c.metadata.nbgrader["points"]]


def test_every_question_ends_in_a_hidden_call_worth_its_points():
    cells = grade_cells()
    assert {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"] for c in cells} == POINTS
    for cell in cells:
        visible, hidden = cell.source.split(BEGIN)
        assert 'Grader("services")' in visible and "grader.require(" in visible
        assert cell.source.rstrip().endswith(END)
        call = ast.parse(textwrap.dedent(hidden.split(END)[0])).body[-1].value
        points = {k.arg: ast.literal_eval(k.value) for k in call.keywords}["points"]
        assert points == cell.metadata.nbgrader["points"]


def test_content_carries_no_correctness():
    bundle = content.load("services_exercise")
    assert set(bundle.questions) == {"needed_documents", "next_step", "lookalike_addresses"}
    for question in bundle.questions.values():
        assert question.graded and question.explanation is None
        assert all(o.correct is None and o.feedback is None for o in question.options)


def test_expected_documents_follow_the_procedure_rules():
    procedure = get_procedure("temporary_residence")
    needed = required_documents(procedure, {"head_consent": "paper"})
    assert {OPTION_DOCUMENTS[o] for o in DOCUMENTS} == needed
    options = {o.id for o in content.load("services_exercise").questions["needed_documents"].options}
    assert options == set(OPTION_DOCUMENTS)


def test_expected_next_step_follows_the_application_logic():
    app = needs_info_example(seed=31, today="2025-09-01")
    assert app.status.value == "needs_info"
    assert next_action(app) == "services.next.add_document"
    question = content.load("services_exercise").questions["next_step"]
    (chosen,) = [o for o in question.options if o.id in NEXT_STEP]
    assert "bổ sung" in chosen.text.vi and "giấy chứng sinh" in chosen.text.vi


def test_expected_lookalikes_agree_with_the_address_check():
    question = content.load("services_exercise").questions["lookalike_addresses"]
    for option in question.options:
        assert option.text.vi == option.text.en
        fake = not check_portal_address(option.text.vi).official
        assert fake is (option.id in LOOKALIKES), option.text.vi
        assert option.id in LOOKALIKES or "example" not in option.text.vi


def test_the_family_of_the_exercise_is_the_one_the_notebook_names():
    source = SOURCE.read_text(encoding="utf-8")
    assert f'seed={SEED}, today=\\"{TODAY}\\"' in source
    family = fake_family(SEED, today=date.fromisoformat(TODAY))
    assert 0 < (date.fromisoformat(TODAY) - family.child.date_of_birth).days < 60


def test_the_installed_package_holds_no_expected_answer():
    package = Path(literacy_kit.__file__).parent
    patterns = GIVEAWAYS[:3]
    checked = 0
    for path in package.rglob("*"):
        if not path.is_file() or path.suffix in {".pyc", ".png", ".ttf", ".woff2", ".woff"}:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        checked += 1
        assert [p.pattern for p in patterns if p.search(text)] == [], path
    assert checked > 20
    assert all(p.search(SOURCE.read_text(encoding="utf-8")) for p in patterns)


def test_the_simulator_comes_back_with_the_same_family_after_a_restart(tmp_path):
    ex = Exercise(ASSIGNMENT, folder=tmp_path)
    sim = ex.services_simulator("birth_filing", seed=SEED, today=TODAY).views[0]
    drive_filing(sim, "right")
    code = sim.state.file_code
    close_all(ex.items["birth_filing"])
    again = Exercise(ASSIGNMENT, folder=tmp_path, lang="en")
    restored = again.services_simulator("birth_filing").views[0]  # seed and day from the file
    try:
        assert restored.family == sim.family and restored.state.file_code == code
        assert restored.state.status == "submitted" and restored.state.screen == "status"
        assert restored.lang == "en"
    finally:
        close_all(again.items["birth_filing"])


@pytest.mark.parametrize("answer, message", [
    (None, "grading.unanswered"), ("text", "grading.answer_unreadable"),
    ({"application": {}}, "services_ui.grade.not_started"),
    ({"application": {"format": "nope"}}, "grading.answer_unreadable"),
])
def test_filing_scores_zero_for_missing_or_altered_answers(answer, message):
    from literacy_kit.services.logic.scoring import score_filing

    score = score_filing(answer, fake_family(SEED, today=date.fromisoformat(TODAY)), points=8)
    assert (float(score), score.message) == (0.0, message)


def test_an_edited_file_code_scores_zero(tmp_path):
    from literacy_kit.services.logic.scoring import score_filing

    ex = Exercise(ASSIGNMENT, folder=tmp_path)
    sim = ex.services_simulator("birth_filing", seed=SEED, today=TODAY).views[0]
    drive_filing(sim, "right")
    family = sim.family
    answer = ex.store.get("birth_filing")
    close_all(ex.items["birth_filing"])
    assert float(score_filing(answer, family, points=8)) == 8
    answer["application"]["file_code"] = "G01.27.01-250915-0001"
    assert float(score_filing(answer, family, points=8)) == 0


# -- the real nbgrader round trip ---------------------------------------------------------


def test_source_is_locked_and_holds_the_answers_only_in_hidden_tests():
    TRIP.check_source()


@pytest.mark.notebook
def test_release_holds_no_answers(course):
    TRIP.check_release(course)


@pytest.mark.notebook
def test_submissions_were_made_by_the_widgets(course):
    saved = json.loads((course / "submitted" / "hv01" / ASSIGNMENT / TRIP.answers).read_text("utf-8"))
    filing = saved["answers"]["birth_filing"]
    assert filing["status"] == "submitted" and filing["file_code"].startswith("G01.27.01-250915-")
    assert filing["seed"] == SEED and filing["today"] == TODAY
    assert saved["answers"]["needed_documents"] == {"selected": DOCUMENTS}
    assert not (course / "submitted" / "hv04" / ASSIGNMENT / TRIP.answers).exists()


@pytest.mark.notebook
@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_gradebook_has_partial_credit_and_no_traceback(course, learner):
    TRIP.check_graded(course, learner)


@pytest.mark.notebook
def test_the_leak_check_finds_answers_where_they_are(course):
    TRIP.check_leak_check(course)


@pytest.mark.notebook
@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_feedback_is_vietnamese_without_hidden_tests(course, learner):
    readable = TRIP.feedback(course, learner)
    if learner == "hv02":
        assert "Tờ khai khớp giấy tờ của gia đình: 12/15 mục" in readable
        assert "Điểm: 5,4/8." in readable
    if learner == "hv03":
        assert "Nộp được hồ sơ, có mã hồ sơ: 0/1" in readable
