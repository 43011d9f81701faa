"""Layer 3: the graded AI exercise ("ai") through the real nbgrader CLI and gradebook.

One temporary course for the module: generate and release the assignment, hand in four
learners' answers made by tapping the real widgets from Python (all right, about half right,
nothing, a garbage answer file), autograde, read the exact scores back from the gradebook,
and generate feedback that shows the points but not the hidden tests.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from literacy_kit import content
from literacy_kit.ai.logic.activities_text import pieces_to_remove
from literacy_kit.grading import Exercise
from literacy_kit.i18n import t
from literacy_kit.testing import close_all

from exercise_roundtrip import SEP, RoundTrip

pytestmark = pytest.mark.notebook

ASSIGNMENT = "ai"

# The expected answers, as the source notebook's hidden tests hold them.
BEST = ["c"]
REASONS = ["r1", "r3", "r4", "r6"]
PIECES = ["p5", "p7", "p10"]
WRONG_SENTENCE = ["s2"]
POINTS = {"q1_better_prompt": 2, "q2_why_better": 4, "q3_class_notice": 3,
          "q4_install_answer": 2}

LEARNERS = {
    "hv01": {"better_prompt": BEST, "why_better": REASONS, "class_notice": PIECES,
             "install_answer": WRONG_SENTENCE,
             "expected": {"q1_better_prompt": 2, "q2_why_better": 4, "q3_class_notice": 3,
                          "q4_install_answer": 2}},
    # 3 right reasons minus 1 wrong = 2/4; 2 of 3 pieces, none wrong = 2/3; wrong sentence.
    "hv02": {"better_prompt": ["c"], "why_better": ["r1", "r2", "r3", "r4"],
             "class_notice": ["p5", "p10"], "install_answer": ["s1"],
             "expected": {"q1_better_prompt": 2, "q2_why_better": 2, "q3_class_notice": 2,
                          "q4_install_answer": 0}},
    "hv03": {"expected": {key: 0 for key in POINTS}},   # opened the notebook, tapped nothing
    "hv04": {"garbage": b"{\"answers\": {\"class_notice\": ",
             "expected": {key: 0 for key in POINTS}},
}
GIVEAWAYS = [re.compile(SEP.join(REASONS)), re.compile(SEP.join(PIECES)),
             re.compile("HIDDEN TESTS"), re.compile(r"grader\.picks\(")]


def tap_answers(folder: Path, plan: dict) -> None:
    """Answer in ``folder`` by driving the real widgets, as a learner's taps would."""
    ex = Exercise(ASSIGNMENT, folder=folder)
    for option in plan["better_prompt"]:
        ex.choice("better_prompt").views[0].toggle(option)
    reasons = ex.choice("why_better").views[0]
    for option in plan["why_better"]:
        reasons.toggle(option)
    pieces = ex.paste_check("class_notice").views[0]
    for piece_id in plan["class_notice"]:
        pieces.toggle(piece_id)
    sentences = ex.spot_error("install_answer").views[0]
    for sentence_id in plan["install_answer"]:
        sentences.toggle(sentence_id)
    for item in ex.items.values():
        close_all(item)


TRIP = RoundTrip(ASSIGNMENT, POINTS, LEARNERS, GIVEAWAYS, tap_answers)
course = TRIP.course_fixture()


def test_hidden_answers_agree_with_the_content_and_the_detector():
    TRIP.check_source()
    bundle = content.load("ai_exercise")
    page = bundle.pages["class_notice"]
    for lang in ("vi", "en"):
        assert list(pieces_to_remove([piece.get(lang) for piece in page.body])) == PIECES
    assert all(q.graded and q.correct_ids == frozenset() for q in bundle.questions.values())
    assert set(BEST) | set(REASONS) <= {o.id for q in bundle.questions.values() for o in q.options}
    assert len(bundle.pages["install_answer"].body) == 4


def test_release_holds_no_answers(course):
    TRIP.check_release(course)


def test_submissions_were_made_by_the_widgets(course):
    saved = json.loads((course / "submitted" / "hv01" / ASSIGNMENT / TRIP.answers).read_text("utf-8"))
    assert saved["answers"] == {"better_prompt": {"selected": BEST},
                                "why_better": {"selected": REASONS},
                                "class_notice": {"selected": PIECES},
                                "install_answer": {"selected": WRONG_SENTENCE}}
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
        for key, fmt in (("picks", {"right": 3, "total": 4, "wrong": 1}),
                         ("pieces", {"right": 2, "total": 3, "wrong": 0}),
                         ("sentence", {"right": 0, "total": 1, "wrong": 1})):
            assert t(f"ai_widgets.exercise.{key}", "vi", **fmt) in readable
