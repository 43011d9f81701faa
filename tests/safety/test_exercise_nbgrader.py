"""Layer 3: the graded safety exercise ("safety") through the real nbgrader CLI and gradebook.

One temporary course for the module: generate and release the assignment, hand in four
learners' answers made by tapping the real widgets from Python (all right, partly right,
nothing, a garbage answer file), autograde, read the exact scores back from the gradebook,
and generate feedback that shows the points but not the hidden tests.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as w
import pytest

from literacy_kit import content
from literacy_kit.grading import Exercise
from literacy_kit.safety import default_bank
from literacy_kit.testing import close_all, find_one

from exercise_roundtrip import SEP, RoundTrip

pytestmark = pytest.mark.notebook

ASSIGNMENT = "safety"

# The expected answers, as the source notebook's hidden tests hold them.
PORTAL = ["c"]
SIGNS = ["s1", "s3", "s4", "s6"]
SORT = {"bank_sms_points": "scam", "genuine_bank_balance": "genuine",
        "hijacked_borrow_new_account": "scam", "genuine_son_arriving": "genuine",
        "genuine_health_station": "genuine", "evn_new_code_sms": "scam",
        "genuine_police_in_person": "genuine", "prize_national_day": "scam"}
ORDER = ["stop", "hotline", "report", "warn"]
POINTS = {"q1_real_portal": 2, "q2_warning_signs": 4, "q3_sort_messages": 4,
          "q4_after_scam": 4, "q5_police_scenario": 3}
WRONG_SORT = dict(SORT, genuine_son_arriving="scam", prize_national_day="genuine")

LEARNERS = {
    "hv01": {"portal": PORTAL, "signs": SIGNS, "sort": SORT, "order": ORDER,
             "phone": ["hang_up"], "rehearse": ["hang_up", "go_police"],
             "expected": {"q1_real_portal": 2, "q2_warning_signs": 4, "q3_sort_messages": 4,
                          "q4_after_scam": 4, "q5_police_scenario": 3}},
    # wrong link; 2 right signs minus 1 wrong = 1/4; 6 of 8 sorted right = 3/4;
    # 2 steps in place = 2/4; fell for the call, then rehearsed = 1/3.
    "hv02": {"portal": ["a"], "signs": ["s1", "s2", "s3"], "sort": WRONG_SORT,
             "order": ["stop", "report", "hotline", "warn"],
             "phone": ["follow_link", "allow_install"], "rehearse": ["hang_up", "go_police"],
             "expected": {"q1_real_portal": 0, "q2_warning_signs": 1, "q3_sort_messages": 3,
                          "q4_after_scam": 2, "q5_police_scenario": 1}},
    "hv03": {"expected": {key: 0 for key in POINTS}},   # opened the notebook, tapped nothing
    "hv04": {"garbage": b"{\"answers\": {\"sort_messages\": ",
             "expected": {key: 0 for key in POINTS}},
}
GIVEAWAYS = [re.compile(SEP.join(SIGNS)), re.compile(SEP.join(ORDER)),
             re.compile("HIDDEN TESTS"), re.compile(r"grader\.(picks|sorting|ordering|stage)\("),
             re.compile(r"safe_rehearsed")]


def tap_answers(folder: Path, plan: dict) -> None:
    """Answer in ``folder`` by tapping the real widgets, as a learner would."""
    ex = Exercise(ASSIGNMENT, folder=folder)
    for option in plan["portal"]:
        ex.choice("real_portal").views[0].toggle(option)
    signs = ex.choice("warning_signs").views[0]
    for option in plan["signs"]:
        signs.toggle(option)
    sorter = ex.safety_sort("sort_messages", items=list(SORT)).views[0]
    for item_id, kind in plan["sort"].items():
        row = find_one(sorter, css=f"lk-safety-sorter-item-{item_id}")
        find_one(row, w.Button, css=f"lk-safety-sorter-{kind}").click()
    ordering = ex.ordering("after_scam").views[0]
    index = {step_id: i for i, step_id in enumerate(ordering.ordering.step_ids)}
    for step_id in plan["order"]:
        ordering.place(index[step_id])
    phone = ex.safety_phone("police_scenario", scenario="police_call").views[0]
    for choice in plan["phone"]:
        find_one(phone, w.Button, css=f"lk-safety-sim-choice-{choice}", visible_only=True).click()
    for action in plan["rehearse"]:
        find_one(phone, w.Button, css=f"lk-safety-sim-action-{action}").click()
    find_one(phone, w.Button, css="lk-safety-sim-done").click()
    for item in ex.items.values():
        close_all(item)


TRIP = RoundTrip(ASSIGNMENT, POINTS, LEARNERS, GIVEAWAYS, tap_answers)
course = TRIP.course_fixture()


def test_hidden_answers_agree_with_the_content_and_the_bank():
    TRIP.check_source()
    bank = default_bank()
    assert {item_id: bank.item(item_id).kind for item_id in SORT} == SORT
    assert sorted(SORT.values()).count("scam") == 4
    bundle = content.load("safety_exercise")
    assert all(q.graded and q.correct_ids == frozenset() for q in bundle.questions.values())
    assert list(bundle.orderings["after_scam"].step_ids) != ORDER  # listed out of order
    assert sorted(bundle.orderings["after_scam"].step_ids) == sorted(ORDER)


def test_release_holds_no_answers(course):
    TRIP.check_release(course)


def test_submissions_were_made_by_the_widgets(course):
    saved = json.loads((course / "submitted" / "hv01" / ASSIGNMENT / TRIP.answers).read_text("utf-8"))
    answers = saved["answers"]
    assert answers["real_portal"] == {"selected": PORTAL}
    assert sorted(answers["sort_messages"]["scam"]) == sorted(k for k, v in SORT.items() if v == "scam")
    assert answers["after_scam"] == {"placed": ORDER}
    phone = answers["police_scenario"]
    assert phone["outcome"] == "safe_rehearsed" and phone["choices"] == ["hang_up"]
    assert phone["screen"] == "done"
    assert not (course / "submitted" / "hv03" / ASSIGNMENT / TRIP.answers).exists()


@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_gradebook_has_partial_credit_and_no_traceback(course, learner):
    TRIP.check_graded(course, learner)


def test_the_leak_check_finds_answers_where_they_are(course):
    TRIP.check_leak_check(course)


@pytest.mark.parametrize("learner", sorted(LEARNERS))
def test_feedback_is_vietnamese_without_hidden_tests(course, learner):
    readable = TRIP.feedback(course, learner)
    if learner == "hv02":
        assert "Xếp đúng 6/8 tin." in readable
        assert "đã tập đúng các việc cần làm sau đó" in readable
