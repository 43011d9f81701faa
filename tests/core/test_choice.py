"""ChoiceQuestion: tapping, checking, retrying, and live relabelling."""
from __future__ import annotations

import pytest

from literacy_kit.content import Localized, Option, Question
from literacy_kit.core import ChoiceQuestion, ChoiceState
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one, texts

LANGS = ("vi", "en")


def small(kind="multiple"):
    options = (
        Option("a", Localized("A vi", "A en"), True, Localized("fa vi", "fa en")),
        Option("b", Localized("B vi", "B en"), kind == "multiple"),
        Option("c", Localized("C vi", "C en"), False, Localized("fc vi", "fc en")),
    )
    return Question("q", kind, Localized("Stem vi", "Stem en"), options,
                    Localized("Why vi", "Why en"))


def classes(widget):
    return set(widget._dom_classes)


# -- layer 1: grading logic -------------------------------------------------------------
@pytest.mark.parametrize("selected, status", [
    ((), "unanswered"), (("a", "b"), "correct"), (("b", "a"), "correct"),
    (("a",), "partial"), (("a", "c"), "partial"), (("c",), "wrong"),
    (("a", "b", "c"), "partial"),
])
def test_grade_multiple(selected, status):
    state = ChoiceState(small("multiple"), selected=selected)
    assert state.grade() == status
    assert state.selected == tuple(i for i in "abc" if i in selected)


@pytest.mark.parametrize("selected, status", [((), "unanswered"), (("a",), "correct"),
                                              (("b",), "wrong"), (("c",), "wrong")])
def test_grade_single(selected, status):
    assert ChoiceState(small("single"), selected=selected).grade() == status


def test_state_rejects_unknown_and_double_single():
    with pytest.raises(ValueError):
        ChoiceState(small(), selected=("zz",))
    with pytest.raises(ValueError):
        ChoiceState(small("single"), selected=("a", "b"))


# -- layer 2: the view --------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_builds_with_texts_from_content_and_catalog(keep, demo, lang):
    question = demo.questions["otp_call"]
    view = keep(ChoiceQuestion(question, lang=lang))
    assert "lk-choice" in classes(view) and "lk-choice-single" in classes(view)
    assert question.stem.get(lang) in find_one(view, css="lk-choice-stem").value
    buttons = find(view, css="lk-choice-option")
    assert [b.description for b in buttons] == [o.text.get(lang) for o in question.options]
    assert find_one(view, css="lk-choice-check").description == t("core.check", lang)
    assert find_one(view, css="lk-choice-retry").description == t("core.retry", lang)
    assert find_one(view, css="lk-choice-hint").value == t("core.choice.hint_single", lang)
    # nothing to read before the first check
    assert find(view, css="lk-choice-status", visible_only=True) == []


def test_single_tap_replaces_selection(keep, demo):
    view = keep(ChoiceQuestion(demo.questions["otp_call"]))
    first, second, _ = find(view, css="lk-choice-option")
    first.click()
    assert view.state.selected == ("read_code",)
    second.click()
    assert view.state.selected == ("hang_up",)
    assert "lk-choice-option-selected" in classes(second)
    assert "lk-choice-option-selected" not in classes(first)


def test_multiple_tap_toggles(keep):
    view = keep(ChoiceQuestion(small("multiple")))
    a, b, _c = find(view, css="lk-choice-option")
    a.click(), b.click()
    assert view.state.selected == ("a", "b")
    a.click()
    assert view.state.selected == ("b",)


@pytest.mark.parametrize("lang", LANGS)
def test_check_correct_marks_and_explains(keep, demo, lang):
    question = demo.questions["otp_call"]
    view = keep(ChoiceQuestion(question, lang=lang))
    view.option_buttons["hang_up"].click()
    find_one(view, css="lk-choice-check").click()
    assert view.state.status == "correct" and view.state.attempts == 1
    assert "lk-choice-option-correct" in classes(view.option_buttons["hang_up"])
    status = find_one(view, css="lk-choice-status", visible_only=True)
    assert status.value == t("core.choice.correct", lang)
    assert "lk-choice-status-correct" in classes(status)
    explanation = find_one(view, css="lk-choice-explanation", visible_only=True)
    assert explanation.value == question.explanation.get(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_check_wrong_shows_option_feedback(keep, demo, lang):
    question = demo.questions["otp_call"]
    view = keep(ChoiceQuestion(question, lang=lang))
    view.toggle("read_code")
    assert view.check() == "wrong"
    assert "lk-choice-option-wrong" in classes(view.option_buttons["read_code"])
    notes = find(view, css="lk-choice-option-feedback", visible_only=True)
    assert [n.value for n in notes] == [question.options[0].feedback.get(lang)]
    # unpicked options are not revealed, so a retry still means something
    assert not classes(view.option_buttons["hang_up"]) & {"lk-choice-option-correct",
                                                           "lk-choice-option-wrong"}
    assert find(view, css="lk-choice-explanation", visible_only=True) == []


def test_partial_on_multiple(keep, demo):
    view = keep(ChoiceQuestion(demo.questions["safe_phone"], lang="en"))
    view.select("screen_lock", "prize_link")
    assert view.check() == "partial"
    assert "lk-choice-option-correct" in classes(view.option_buttons["screen_lock"])
    assert "lk-choice-option-wrong" in classes(view.option_buttons["prize_link"])
    assert t("core.choice.partial", "en") in texts(view)


@pytest.mark.parametrize("lang", LANGS)
def test_check_with_nothing_selected_is_a_friendly_nudge(keep, lang):
    view = keep(ChoiceQuestion(small(), lang=lang))
    find_one(view, css="lk-choice-check").click()
    assert view.state.status == "unanswered" and view.state.attempts == 0
    assert find_one(view, css="lk-choice-status").value == t("core.choice.empty", lang)


def test_retry_keeps_attempts_reset_clears_them(keep):
    view = keep(ChoiceQuestion(small()))
    view.select("c")
    view.check()
    find_one(view, css="lk-choice-retry").click()
    assert view.state.selected == () and view.state.status == "unanswered"
    assert view.state.attempts == 1
    assert find(view, css="lk-choice-option-feedback", visible_only=True) == []
    assert find(view, css="lk-choice-status", visible_only=True) == []
    assert not any("lk-choice-option-wrong" in classes(b) for b in view.option_buttons.values())
    view.select("a", "b")
    assert view.check() == "correct" and view.state.attempts == 2
    view.reset()
    assert view.state.attempts == 0 and view.state.selected == ()


def test_changing_selection_after_check_clears_stale_marks(keep):
    view = keep(ChoiceQuestion(small()))
    view.select("c")
    view.check()
    view.toggle("a")
    assert view.state.checked is False and view.state.status == "unanswered"
    assert "lk-choice-option-wrong" not in classes(view.option_buttons["c"])


def test_language_switch_relabels_live(keep, demo):
    question = demo.questions["otp_call"]
    view = keep(ChoiceQuestion(question, lang="vi"))
    view.select("read_code")
    view.check()
    view.lang = "en"
    assert view.option_buttons["read_code"].description == question.options[0].text.en
    assert find_one(view, css="lk-choice-status").value == t("core.choice.wrong", "en")
    assert question.options[0].feedback.en in texts(view)
    assert find_one(view, css="lk-choice-check").description == "Check"
    assert question.stem.en in find_one(view, css="lk-choice-stem").value
    view.lang = "vi_VN"
    assert view.lang == "vi"
    assert find_one(view, css="lk-choice-status").value == t("core.choice.wrong", "vi")


def test_content_text_is_escaped(keep):
    question = Question("x", "single", Localized("<script>x</script>", "<b>"),
                        (Option("a", Localized("a", "a"), True), Option("b", Localized("b", "b"), False)))
    view = keep(ChoiceQuestion(question))
    assert "<script>" not in find_one(view, css="lk-choice-stem").value


def test_touch_sized(keep, demo, assert_touch_sized):
    assert_touch_sized(keep(ChoiceQuestion(demo.questions["safe_phone"])))
