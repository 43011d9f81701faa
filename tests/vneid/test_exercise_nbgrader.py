"""Layer 3: the graded VNeID exercise through the real nbgrader CLI and gradebook.

One temporary course for the whole module (each nbgrader call costs ~3 s of start-up):
generate and release the assignment, hand in four learners' answers made by tapping the
real widgets from Python (all right, half right, nothing, a garbage answer file), autograde,
read the scores back from the gradebook, generate feedback. A second test executes the
released notebook in a real kernel, taps, restarts the kernel and finds the answers again.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from literacy_kit.grading import Exercise
from literacy_kit.testing import close_all
from literacy_kit.vneid.logic.registration import step_ids

from exercise_roundtrip import SEP, RoundTrip

pytestmark = pytest.mark.notebook

ASSIGNMENT = "vneid"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"

# The expected answers, as the source notebook's hidden tests hold them. The order is the
# one the simulator follows (hv01 scores 3 only if the hidden test agrees with it).
RIGHT_ORDER = list(step_ids())
TRUTH = {"level2_in_person": True, "level2_phone_link": False,
         "level2_wallet": True, "level2_at_home": False}
INVALID = ["n2", "n4", "n6", "n7"]
POINTS = {"q1_level1_steps": 3, "q2_level2_true_false": 4, "q3_invalid_ids": 4,
          "q4_activation": 3}

# What each learner taps, and the points per grade cell that must come out.
LEARNERS = {
    "hv01": {"order": RIGHT_ORDER, "truth": TRUTH, "picks": INVALID, "simulator": "activated",
             "expected": {"q1_level1_steps": 3, "q2_level2_true_false": 4, "q3_invalid_ids": 4,
                          "q4_activation": 3}},
    # 3/6 steps in place; 2/4 statements; 3 right picks minus 1 wrong pick = 2/4;
    # registration sent but the account not activated = 1/3.
    "hv02": {"order": RIGHT_ORDER[:3] + ["portrait", "confirm", "check_info"],
             "truth": {key: True for key in TRUTH}, "picks": ["n2", "n4", "n6", "n1"],
             "simulator": "pending",
             "expected": {"q1_level1_steps": 1.5, "q2_level2_true_false": 2, "q3_invalid_ids": 2,
                          "q4_activation": 1}},
    "hv03": {"expected": {key: 0 for key in POINTS}},   # opened the notebook, tapped nothing
    "hv04": {"garbage": b"\x00{\"answers\": [not json",
             "expected": {key: 0 for key in POINTS}},
}
# Strings that would give answers away if they showed up where learners can read them.
GIVEAWAYS = [re.compile(SEP.join(RIGHT_ORDER)), re.compile(SEP.join(INVALID)),
             re.compile(SEP.join(f"{key}{SEP}{value}" for key, value in TRUTH.items()), re.IGNORECASE),
             re.compile("HIDDEN TESTS"), re.compile(r"grader\.(ordering|true_false|picks|stage)\(")]


def tap_answers(folder: Path, plan: dict) -> None:
    """Answer in ``folder`` by driving the real widgets, as a learner's taps would."""
    ex = Exercise(ASSIGNMENT, folder=folder)
    ordering = ex.ordering("level1_steps").views[0]
    index = {step_id: i for i, step_id in enumerate(ordering.ordering.step_ids)}
    for step_id in plan["order"]:
        ordering.place(index[step_id])
    statements = ex.choices(*TRUTH).views
    for view in statements:
        view.toggle("true" if plan["truth"][view.question.id] else "false")
    picks = ex.choice("invalid_ids").views[0]
    for option_id in plan["picks"]:
        picks.toggle(option_id)
    drive_simulator(ex.vneid_simulator("activation").views[0], plan["simulator"])
    for item in ex.items.values():
        close_all(item)


def drive_simulator(sim, until: str) -> None:
    """Tap through the simulator's screens (its seams) up to account status ``until``."""
    person = sim.citizen
    steps = [sim.open_registration(), sim.accept_intro(),
             sim.confirm_ids(cccd=person.cccd, phone=person.phone), sim.tap_nfc(),
             sim.confirm_details(), sim.take_portrait(), sim.confirm_portrait(),
             sim.confirm_email(), sim.submit()]
    if until == "activated":
        steps += [sim.approve(), sim.open_app() or True, sim.open_activation(),
                  sim.request_otp(cccd=person.cccd, phone=person.phone)]
        otp = [m for m in sim.account.inbox if m.key == "sms_otp"][-1].params["code"]
        steps += [sim.verify_otp(otp), sim.set_password("Lua@2025nep", "Lua@2025nep"),
                  sim.set_passcode("582731", "582731"),
                  sim.set_security_answers({"home_village": "Phú Hưng", "favourite_food": "Xôi"})]
    assert all(steps) and sim.state.account_status == until


TRIP = RoundTrip(ASSIGNMENT, POINTS, LEARNERS, GIVEAWAYS, tap_answers)
course = TRIP.course_fixture()


def test_source_is_locked_and_holds_the_answers_only_in_hidden_tests():
    TRIP.check_source()


def test_release_holds_no_answers(course):
    TRIP.check_release(course)


def test_submissions_were_made_by_the_widgets(course):
    saved = json.loads((course / "submitted" / "hv01" / ASSIGNMENT / TRIP.answers).read_text("utf-8"))
    assert saved["answers"]["level1_steps"] == {"placed": RIGHT_ORDER}
    assert not (course / "submitted" / "hv03" / ASSIGNMENT / TRIP.answers).exists()


@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_gradebook_has_partial_credit_and_no_traceback(course, learner):
    TRIP.check_graded(course, learner)


def test_garbage_answer_file_is_kept_for_the_trainer(course):
    autograded = course / "autograded" / "hv04" / ASSIGNMENT
    assert (autograded / TRIP.answers).read_bytes() == LEARNERS["hv04"]["garbage"]


def test_the_leak_check_finds_answers_where_they_are(course):
    TRIP.check_leak_check(course)


@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_feedback_is_vietnamese_without_hidden_tests(course, learner):
    readable = TRIP.feedback(course, learner)
    if learner == "hv02":
        assert "Có 3/6 bước ở đúng vị trí. Điểm: 1,5/3." in readable
        assert "Chọn đúng 3/4 số, chọn nhầm 1 số" in readable


def test_answers_survive_a_kernel_restart(course, tmp_path, monkeypatch):
    from nbclient import NotebookClient
    from nbclient.util import run_sync

    monkeypatch.delenv("LK_GRADING_LANG", raising=False)
    shutil.copy(course / "release" / ASSIGNMENT / NOTEBOOK, tmp_path / NOTEBOOK)
    nb = nbformat.read(tmp_path / NOTEBOOK, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=60,
                            resources={"metadata": {"path": str(tmp_path)}})
    taps = nbformat.v4.new_code_cell(
        'o = ex.items["level1_steps"].views[0]\n'
        'index = {s: i for i, s in enumerate(o.ordering.step_ids)}\n'
        'o.place(index["open_register"]); o.place(index["enter_numbers"])\n'
        'ex.items["invalid_ids"].views[0].toggle("n8")\n'
        'sim = ex.items["activation"].views[0]\n'
        'sim.open_registration(); sim.accept_intro()\n'
        'sim.confirm_ids(cccd=sim.citizen.cccd, phone=sim.citizen.phone); sim.tap_nfc()\n'
        'sim.confirm_details(); sim.take_portrait(); sim.confirm_portrait()\n'
        'sim.confirm_email(); sim.submit()\n'
        'print(sim.citizen.cccd, sim.state.account_status)\n'
        'before_restart = True')
    probe = nbformat.v4.new_code_cell(
        'view = ex.items["level1_steps"].views[0]\n'
        'print([view.ordering.step_ids[i] for i in view.state.placed],\n'
        '      ex.items["invalid_ids"].views[0].state.selected, "before_restart" in dir())\n'
        'sim = ex.items["activation"].views[0]\n'
        'print(sim.citizen.cccd, sim.state.account_status)')
    released = len(nb.cells)
    with client.setup_kernel():
        for index in range(released):
            client.execute_cell(nb.cells[index], index)
        nb.cells.append(taps)
        client.execute_cell(taps, released)
        run_sync(client.km.restart_kernel)(now=True)
        run_sync(client.kc.wait_for_ready)(timeout=60)
        nb.cells[released] = probe   # the same cells again, then look at the widgets
        for index in range(released + 1):
            client.execute_cell(nb.cells[index], index)
    before = taps.outputs[-1].text.split()
    assert before[1] == "pending"
    restored = probe.outputs[0].text.strip().splitlines()
    assert restored[0] == "['open_register', 'enter_numbers'] ('n8',) False"
    assert restored[1].split() == before, "the same synthetic citizen, the account still sent"
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    # the grader shows its messages as display_data (text/plain + every language)
    shown = [out.get("text") or out.get("data", {}).get("text/plain", "") for out in outputs]
    assert any("Đã lưu câu trả lời của mình" in text for text in shown)
