"""Scoring: partial credit math, friendly zero for garbage, messages in both languages."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from literacy_kit.grading import (Score, format_points, score_ordering, score_picks, score_stage,
                                  score_true_false, score_value)

ORDER = ["a", "b", "c", "d", "e", "f"]
TRUTH = {"s1": True, "s2": False, "s3": True, "s4": False}
RIGHT = ["n2", "n4", "n6", "n7"]
OPTIONS = [f"n{i}" for i in range(1, 9)]
STAGES = {"not_registered": 0, "pending": 1, "approved": 1, "activated": 3}


@pytest.mark.parametrize("placed, points", [
    (ORDER, 3), (["a", "b", "c", "f", "d", "e"], 1.5), (["b", "a", "c", "d", "e", "f"], 2),
    (["f", "e", "d", "c", "b", "a"], 0), (["a", "b"], 1), (["b"], 0),
])
def test_ordering_credit_per_step_in_place(placed, points):
    score = score_ordering({"placed": placed}, ORDER, points=3)
    assert float(score) == points and score.max_points == 3
    assert score.message == "grading.ordering_result"


@pytest.mark.parametrize("answer, message", [
    (None, "grading.unanswered"), ({"placed": []}, "grading.unanswered"), ({}, "grading.unanswered"),
    ("abc", "grading.answer_unreadable"), ({"placed": "abc"}, "grading.answer_unreadable"),
    ({"placed": ["a", "a"]}, "grading.answer_unreadable"), ({"placed": ["a", "zz"]}, "grading.answer_unreadable"),
    ({"placed": [0, 1]}, "grading.answer_unreadable"),
])
def test_ordering_nothing_or_garbage_scores_zero(answer, message):
    score = score_ordering(answer, ORDER, points=3)
    assert (float(score), score.message) == (0.0, message)


def _tf(**picks):
    return {key: {"selected": [value]} for key, value in picks.items()}


@pytest.mark.parametrize("answers, points, right", [
    (_tf(s1="true", s2="false", s3="true", s4="false"), 4, 4),
    (_tf(s1="true", s2="true", s3="true", s4="true"), 2, 2),
    (_tf(s1="false", s2="true", s3="false", s4="true"), 0, 0),
    (_tf(s1="true"), 1, 1),
    ({**_tf(s1="true", s2="false"), "s3": {"selected": ["maybe"]}, "s4": "junk"}, 2, 2),
])
def test_true_false_credit_per_statement(answers, points, right):
    score = score_true_false(answers, TRUTH, points=4)
    assert float(score) == points and score.params["right"] == right


@pytest.mark.parametrize("answers, message", [
    ({}, "grading.unanswered"), ({"s1": {"selected": []}}, "grading.unanswered"),
    ({"s1": "junk", "s2": {"selected": ["true", "false"]}}, "grading.answer_unreadable"),
    ("junk", "grading.answer_unreadable"),
])
def test_true_false_nothing_or_garbage(answers, message):
    score = score_true_false(answers, TRUTH, points=4)
    assert (float(score), score.message) == (0.0, message)


@pytest.mark.parametrize("picked, points", [
    (RIGHT, 4), (["n2", "n4", "n6"], 3), (["n2", "n4", "n6", "n1"], 2), (["n2", "n1"], 0),
    (["n1", "n3", "n5"], 0), (OPTIONS, 0), (["n2"], 1),
])
def test_picks_right_minus_wrong_floored_at_zero(picked, points):
    score = score_picks({"selected": picked}, RIGHT, points=4, options=OPTIONS)
    assert float(score) == points


@pytest.mark.parametrize("answer, message", [
    (None, "grading.unanswered"), ({"selected": []}, "grading.unanswered"),
    ({"selected": ["n99"]}, "grading.answer_unreadable"), ({"selected": "n2"}, "grading.answer_unreadable"),
    ([1, 2], "grading.answer_unreadable"),
])
def test_picks_nothing_or_garbage(answer, message):
    score = score_picks(answer, RIGHT, points=4, options=OPTIONS)
    assert (float(score), score.message) == (0.0, message)


@pytest.mark.parametrize("status, points", [
    ("not_registered", 0), ("pending", 1), ("approved", 1), ("activated", 3),
])
def test_stage_credit(status, points):
    score = score_stage({"account_status": status}, "account_status", STAGES, 3, "grading.activation")
    assert float(score) == points and score.message == f"grading.activation.{status}"


@pytest.mark.parametrize("answer", [{"account_status": "hacked"}, {"account_status": 3}, "activated", {}])
def test_stage_garbage(answer):
    score = score_stage(answer, "account_status", STAGES, 3, "grading.activation")
    assert float(score) == 0 and score.message == "grading.answer_unreadable"


def test_value_all_or_nothing():
    assert float(score_value({"status": "done"}, "status", "done", 2)) == 2
    assert float(score_value({"status": "half"}, "status", "done", 2)) == 0
    assert score_value(None, "status", "done", 2).message == "grading.unanswered"
    assert score_value("x", "status", "done", 2).message == "grading.answer_unreadable"


@pytest.mark.parametrize("value, vi, en", [(1.5, "1,5", "1.5"), (3, "3", "3"), (3.0, "3", "3"),
                                           (2 / 3, "0,67", "0.67"), (0, "0", "0")])
def test_format_points(value, vi, en):
    assert format_points(value, "vi") == vi and format_points(value, "en") == en


def test_messages_are_vietnamese_by_default():
    score = score_ordering({"placed": ["a", "c", "b", "d", "e", "f"]}, ORDER, points=3)
    assert score.text() == "Có 4/6 bước ở đúng vị trí. Điểm: 2/3."
    assert score.text("en") == "4/6 steps in the right place. Points: 2/3."
    assert Score(0.0, 4.0, "grading.unanswered").text() == "Chưa có câu trả lời. Điểm: 0/4."


def test_no_message_names_a_right_answer():
    score = score_picks({"selected": ["n2", "n1"]}, RIGHT, points=4)
    for lang in ("vi", "en"):
        assert not any(option in score.text(lang) for option in OPTIONS)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(JSON, JSON)
def test_any_stored_data_scores_within_bounds_and_never_raises(answer, other):
    scores = [score_ordering(answer, ORDER, 3), score_picks(answer, RIGHT, 4, OPTIONS),
              score_true_false({"s1": answer, "s2": other}, TRUTH, 4),
              score_stage(answer, "account_status", STAGES, 3, "grading.activation"),
              score_value(answer, "status", "done", 2)]
    for score in scores:
        assert 0 <= float(score) <= score.max_points
        assert score.text("vi") and score.text("en")
