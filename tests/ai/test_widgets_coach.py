"""The prompt coach driven from Python: type, tap Review, read the ticks and crosses, retry."""
from __future__ import annotations

import unicodedata

import ipywidgets as w
import pytest

from literacy_kit.ai import CRITERIA, review_prompt, scenario
from literacy_kit.ai.widgets.coach import PromptCoach
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find_one

WEAK = "Viết thông báo"
PERSONAL = "Viết thông báo họp thôn, số điện thoại của tôi là 0912 345 678"


@pytest.fixture
def coach():
    view = PromptCoach(lang="vi")
    yield view
    close_all(view)


def box(view) -> w.Textarea:
    return find_one(view, w.Textarea, css="lk-ai-coach-input")


def tap(view, name: str) -> None:
    find_one(view, w.Button, css=f"lk-ai-coach-{name}", visible_only=True).click()


def verdicts(view) -> dict[str, bool]:
    rows = {cid: find_one(view, w.HTML, css=f"lk-ai-coach-criterion-{cid}") for cid in CRITERIA}
    return {cid: "lk-ai-coach-pass" in row._dom_classes for cid, row in rows.items()}


def test_nothing_is_shown_before_a_review(coach):
    assert find_one(coach, css="lk-ai-coach-results").layout.display == "none"
    assert find_one(coach, w.Button, css="lk-ai-coach-retry").layout.display == "none"
    assert "5" in find_one(coach, css="lk-ai-coach-intro").value


def test_a_weak_prompt_gets_ticks_crosses_feedback_and_an_example(coach):
    box(coach).value = WEAK
    tap(coach, "review")
    assert verdicts(coach) == {"task": True, "context": False, "format": False,
                               "audience": False, "privacy": True}
    assert coach.state.passed == ("task", "privacy") and coach.state.score == 2
    assert coach.state.attempts == 1 and coach.state.reviewed == WEAK
    summary = find_one(coach, css="lk-ai-coach-summary").value
    assert t("ai.review.score", "vi", score=2, total=5) in summary
    context = find_one(coach, css="lk-ai-coach-criterion-context").value
    assert "\u2716" in context and t("ai.criterion.context", "vi") in context
    improved = find_one(coach, css="lk-ai-coach-improved").value
    assert review_prompt(WEAK, "vi").improved_prompt.split("\n")[0][:40] in improved


def test_a_scenario_prompt_passes_everything(coach):
    coach.review(scenario("meeting_notice").improved_prompt.get("vi"))
    assert all(verdicts(coach).values()) and coach.state.score == 5


def test_personal_data_fails_privacy_and_the_example_masks_it(coach):
    result = coach.review(PERSONAL)
    assert result is not None and not result.criterion("privacy").passed
    assert verdicts(coach)["privacy"] is False
    assert "0912" not in find_one(coach, css="lk-ai-coach-improved").value


def test_retry_keeps_the_text_and_a_better_prompt_scores_higher(coach):
    box(coach).value = WEAK
    tap(coach, "review")
    tap(coach, "retry")
    assert find_one(coach, css="lk-ai-coach-results").layout.display == "none"
    assert box(coach).value == WEAK
    box(coach).value = WEAK + " ngắn (khoảng 5 câu) mời bà con lớn tuổi họp thôn tối thứ Bảy tại nhà văn hóa"
    tap(coach, "review")
    assert coach.state.score > 2 and coach.state.attempts == 2


def test_use_the_example_puts_it_in_the_box(coach):
    coach.review(WEAK)
    tap(coach, "use-example")
    assert box(coach).value == review_prompt(WEAK, "vi").improved_prompt
    assert coach.state.reviewed == ""
    tap(coach, "review")
    assert coach.state.score == 5


def test_language_switch_keeps_the_text_and_translates_the_review(coach):
    box(coach).value = WEAK
    tap(coach, "review")
    coach.lang = "en"
    assert box(coach).value == WEAK
    assert "2 of 5 criteria met" in find_one(coach, css="lk-ai-coach-summary").value
    assert find_one(coach, w.Button, css="lk-ai-coach-review").description == "Review"
    assert coach.last_review.lang == "en"


@pytest.mark.parametrize("text, key", [("  \n ", "errors.ai.empty_prompt"),
                                       ("x" * 4001, "errors.ai.prompt_too_long")])
def test_blank_or_overlong_prompts_get_a_friendly_message(coach, text, key):
    assert coach.review(text) is None
    assert coach.message.message_text == t(key, "vi", count=len(text), limit=4000)
    assert box(coach).value == text
    assert find_one(coach, css="lk-ai-coach-results").layout.display == "none"


def test_decomposed_input_is_reviewed_like_composed(coach):
    composed = coach.review(PERSONAL.replace(", số điện thoại của tôi là 0912 345 678", " tối thứ Bảy"))
    decomposed = coach.review(unicodedata.normalize("NFD", composed.prompt))
    assert [c.passed for c in decomposed.criteria] == [c.passed for c in composed.criteria]


def test_reset_forgets_everything(coach):
    coach.review(PERSONAL)
    coach.reset()
    assert box(coach).value == "" and coach.state.reviewed == "" and coach.state.attempts == 0
    assert find_one(coach, css="lk-ai-coach-results").layout.display == "none"
