"""Layer 3: the graded payments exercise through the real nbgrader CLI and gradebook.

One temporary course for the module: generate and release the assignment, hand in four
learners' answers made by tapping the real widgets from Python (all right, about half
right, nothing, a garbage answer file), autograde, read the exact scores back from the
gradebook, and check the feedback shows points but not the hidden tests.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from literacy_kit import content
from literacy_kit.grading import Exercise
from literacy_kit.i18n import t
from literacy_kit.payments.logic.bank_app import scan_sticker, stalls
from literacy_kit.testing import close_all, find_one

from exercise_roundtrip import SEP, RoundTrip

pytestmark = pytest.mark.notebook

ASSIGNMENT = "payments"

# The expected answers, as the source notebook's hidden tests hold them.
SWAPPED = ["s3"]
WHY = ["b"]
MISTAKEN = ["b"]
SAFE = ["r1", "r3", "r4", "r6"]
LINES = ["l1", "l3", "l5", "l6", "l8"]
POINTS = {"q1_stall_check": 3, "q2_why_refuse": 1, "q3_mistaken_money": 2,
          "q4_seller_safety": 4, "q5_honey_listing": 5}

LEARNERS = {
    "hv01": {"refuse": SWAPPED, "why": WHY, "mistaken": MISTAKEN, "safe": SAFE, "lines": LINES,
             "expected": dict(POINTS)},
    # s3 and a good stall refused = 0/3; wrong reason; right action; 3 right 1 wrong = 2/4;
    # 4 right lines, the false OCOP line wrong = 3 of 5 -> 3/5.
    "hv02": {"refuse": ["s1", "s3"], "why": ["c"], "mistaken": ["b"],
             "safe": ["r1", "r2", "r3", "r4"], "lines": ["l1", "l3", "l4", "l5", "l6"],
             "expected": {"q1_stall_check": 0, "q2_why_refuse": 0, "q3_mistaken_money": 2,
                          "q4_seller_safety": 2, "q5_honey_listing": 3}},
    "hv03": {"expected": {key: 0 for key in POINTS}},   # opened the notebook, tapped nothing
    "hv04": {"garbage": b"{\"answers\": {\"stall_check\": ",
             "expected": {key: 0 for key in POINTS}},
}
GIVEAWAYS = [re.compile(SEP.join(SAFE)), re.compile(SEP.join(LINES)),
             re.compile("HIDDEN TESTS"), re.compile(r"grader\.picks\(")]


def tap_answers(folder: Path, plan: dict) -> None:
    """Answer in ``folder`` by tapping the real widgets' buttons, as a learner would."""
    ex = Exercise(ASSIGNMENT, folder=folder)
    check = ex.pay_right_shop("stall_check").views[0]
    for stall in stalls():
        find_one(check, css=f"lk-payments-stall-scan-{stall.id}").click()
    for sid in plan["refuse"]:
        find_one(check, css=f"lk-payments-stall-refuse-{sid}").click()
    for key, field in (("why_refuse", "why"), ("mistaken_money", "mistaken"), ("seller_safety", "safe")):
        view = ex.choice(key).views[0]
        for option in plan[field]:
            view.toggle(option)
    lines = ex.listing_check("honey_listing").views[0]
    for line in plan["lines"]:
        find_one(lines, css=f"lk-payments-line-{line}").click()
    for item in ex.items.values():
        close_all(item)


TRIP = RoundTrip(ASSIGNMENT, POINTS, LEARNERS, GIVEAWAYS, tap_answers)
course = TRIP.course_fixture()


def test_hidden_answers_agree_with_the_content_and_the_logic():
    TRIP.check_source()
    # The swapped stall is the one whose sticker decodes to another holder's name.
    swapped = [s.id for s in stalls() if scan_sticker(s.sticker_png())[1] != s.owner]
    assert swapped == SWAPPED
    bundle = content.load("payments_exercise")
    assert all(q.graded and q.correct_ids == frozenset() for q in bundle.questions.values())
    assert len(bundle.pages["honey_listing"].body) == 8


def test_release_holds_no_answers(course):
    TRIP.check_release(course)


def test_submissions_were_made_by_taps(course):
    saved = json.loads((course / "submitted" / "hv01" / ASSIGNMENT / TRIP.answers).read_text("utf-8"))
    assert saved["answers"]["stall_check"] == {"selected": SWAPPED,
                                              "scanned": [s.id for s in stalls()]}
    assert saved["answers"]["honey_listing"] == {"selected": LINES}
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
        for key, fmt in (("stalls", {"right": 1, "total": 1, "wrong": 1}),
                         ("lines", {"right": 4, "total": 5, "wrong": 1})):
            assert t(f"payments_kit.exercise.{key}", "vi", **fmt) in readable
