"""The exercise's graded items without nbgrader: answers saved on every tap and restored
when the notebook is reopened; the sorting score on any stored answer."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.grading import Exercise
from literacy_kit.safety.logic.scoring import score_sorting
from literacy_kit.testing import close_all, find_one

ITEMS = ["bank_sms_points", "genuine_bank_balance"]


def test_sort_is_saved_and_restored(tmp_path):
    ex = Exercise("safety", folder=tmp_path, lang="en")
    item = ex.safety_sort("sort_messages", items=ITEMS)
    sorter = item.views[0]
    sorter.sort("bank_sms_points", "scam")
    assert ex.store.get("sort_messages") == {"scam": ["bank_sms_points"], "genuine": []}
    assert find_one(item, css="lk-safety-sorter-check").layout.display == "none"
    close_all(item)
    again = Exercise("safety", folder=tmp_path, lang="en").safety_sort("sort_messages", items=ITEMS)
    assert again.views[0].state.scam == ["bank_sms_points"]
    close_all(again)


def test_phone_progress_is_saved_and_replayed(tmp_path):
    ex = Exercise("safety", folder=tmp_path, lang="vi")
    item = ex.safety_phone("police_scenario", scenario="police_call")
    phone = item.views[0]
    find_one(phone, w.Button, css="lk-safety-sim-choice-follow_link", visible_only=True).click()
    saved = ex.store.get("police_scenario")
    assert saved["choices"] == ["follow_link"] and saved["screen"] == "police_install"
    assert saved["outcome"] == "scammed"
    close_all(item)
    again = Exercise("safety", folder=tmp_path, lang="vi").safety_phone(
        "police_scenario", scenario="police_call").views[0]
    assert again.state.screen == "police_install" and again.run.fell
    again.choose("cancel_install")
    assert again.state.screen == "rehearse"
    close_all(again)


@pytest.mark.parametrize("answer, points, message", [
    (None, 0, "grading.unanswered"), ({}, 0, "grading.unanswered"),
    ("garbage", 0, "grading.answer_unreadable"),
    ({"scam": "a"}, 0, "grading.answer_unreadable"),
    ({"scam": ["a"], "genuine": ["a"]}, 0, "grading.answer_unreadable"),
    ({"scam": ["zz"]}, 0, "grading.answer_unreadable"),
    ({"scam": ["a", "b"], "genuine": []}, 1, "safety_widgets.grading.sorted"),
    ({"scam": ["a"], "genuine": ["b"]}, 2, "safety_widgets.grading.sorted"),
])
def test_score_sorting(answer, points, message):
    score = score_sorting(answer, {"a": "scam", "b": "genuine"}, points=2)
    assert float(score) == points and score.message == message
    assert not score.text("vi").startswith("safety_widgets.")
