"""StepOrdering: shuffling, tapping steps in and out, checking, relabelling."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from literacy_kit.content import Localized, Ordering
from literacy_kit.core import OrderingState, StepOrdering
from literacy_kit.core.ordering import shuffled_order
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one

LANGS = ("vi", "en")


def numbered(n):
    return Ordering("o", Localized("Prompt vi", "Prompt en"),
                    tuple(Localized(f"step {i} vi", f"step {i} en") for i in range(n)))


# -- layer 1: logic -------------------------------------------------------------------------
@given(count=st.integers(min_value=0, max_value=9), seed=st.integers())
def test_shuffle_is_a_permutation_never_already_solved(count, seed):
    order = shuffled_order(count, seed)
    assert sorted(order) == list(range(count))
    if count >= 2:
        assert order != tuple(range(count))
    assert shuffled_order(count, seed) == order  # deterministic with a seed


def test_state_validates_placed():
    state = OrderingState(numbered(3), shuffled=(2, 0, 1))
    with pytest.raises(ValueError):
        state.placed = (0, 0)
    with pytest.raises(ValueError):
        state.placed = (5,)
    state.placed = (2,)
    assert state.pool == (0, 1)


@pytest.mark.parametrize("decomposed", [False, True])
def test_equal_texts_count_as_the_same_step(decomposed):
    # "Hoa" with a grave accent on the o, precomposed or decomposed (NFC vs NFD).
    text = "Ho\u0300a" if decomposed else "H\u00f2a"
    steps = (Localized("Mo", "Open"), Localized("H\u00f2a", "Same"), Localized(text, "Same"))
    state = OrderingState(Ordering("o", Localized("p", "p"), steps), shuffled=(2, 1, 0),
                          placed=(0, 2, 1))
    assert state.right_positions() == (True, True, True)


# -- layer 2: the view ----------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_pool_shows_shuffled_steps(keep, demo, lang):
    ordering = demo.orderings["install_app"]
    view = keep(StepOrdering(ordering, lang=lang, seed=3))
    pool = find(view, css="lk-ordering-pool-step")
    assert [b.description for b in pool] == [ordering.steps[i].get(lang)
                                             for i in view.state.shuffled]
    assert view.state.shuffled != tuple(range(len(ordering.steps)))
    assert find(view, css="lk-ordering-answer-step") == []
    assert find_one(view, css="lk-ordering-empty", visible_only=True).value == \
        t("core.ordering.empty", lang)
    assert ordering.prompt.get(lang) in find_one(view, css="lk-ordering-prompt").value


def test_same_seed_same_order(keep, demo):
    ordering = demo.orderings["install_app"]
    a = keep(StepOrdering(ordering, seed=7))
    b = keep(StepOrdering(ordering, seed=7))
    assert a.state.shuffled == b.state.shuffled


def test_tapping_pool_appends_numbered(keep):
    view = keep(StepOrdering(numbered(4), lang="en", seed=1))
    first = find(view, css="lk-ordering-pool-step")[0]
    step = view.pool_buttons.index(first)
    first.click()
    assert view.state.placed == (step,)
    answer = find_one(view, css="lk-ordering-answer-step")
    assert answer.description == f"1. step {step} en"
    assert first not in find(view, css="lk-ordering-pool-step")
    assert find(view, css="lk-ordering-empty", visible_only=True) == []


def test_tapping_placed_step_returns_only_it(keep):
    view = keep(StepOrdering(numbered(4), seed=1))
    for i in (3, 1, 0):
        view.place(i)
    find(view, css="lk-ordering-answer-step")[1].click()  # step 1, in position 2
    assert view.state.placed == (3, 0)
    descriptions = [b.description for b in find(view, css="lk-ordering-answer-step")]
    assert descriptions == ["1. step 3 vi", "2. step 0 vi"]
    assert set(view.state.pool) == {1, 2}
    # returned steps go back in the pool's own (shuffled) order
    assert [view.pool_buttons.index(b) for b in find(view, css="lk-ordering-pool-step")] == \
        [i for i in view.state.shuffled if i in (1, 2)]


@pytest.mark.parametrize("lang", LANGS)
def test_check_all_right(keep, demo, lang):
    ordering = demo.orderings["install_app"]
    view = keep(StepOrdering(ordering, lang=lang, seed=0))
    for i in range(len(ordering.steps)):
        view.pool_buttons[i].click()
    find_one(view, css="lk-ordering-check").click()
    assert view.state.status == "correct" and view.state.right_count == 5
    status = find_one(view, css="lk-ordering-status", visible_only=True)
    assert status.value == t("core.ordering.correct", lang, total=5)
    assert all("lk-ordering-step-correct" in b._dom_classes
               for b in find(view, css="lk-ordering-answer-step"))


@pytest.mark.parametrize("lang", LANGS)
def test_check_counts_right_places_and_marks_each(keep, lang):
    view = keep(StepOrdering(numbered(4), lang=lang, seed=0))
    for i in (0, 2, 1, 3):
        view.place(i)
    assert view.check() == "wrong"
    assert view.state.right_count == 2
    marks = ["lk-ordering-step-correct" in b._dom_classes
             for b in find(view, css="lk-ordering-answer-step")]
    assert marks == [True, False, False, True]
    assert find_one(view, css="lk-ordering-status").value == \
        t("core.ordering.wrong", lang, right=2, total=4)
    # moving anything clears the stale marks
    view.unplace(3)
    assert not any("lk-ordering-step-correct" in b._dom_classes
                   for b in find(view, css="lk-ordering-answer-step"))
    assert find(view, css="lk-ordering-status", visible_only=True) == []


def test_check_incomplete_and_empty(keep):
    view = keep(StepOrdering(numbered(3), lang="en", seed=0))
    assert view.check() == "unanswered"
    assert find_one(view, css="lk-ordering-status").value == t("core.ordering.nudge", "en")
    assert view.state.attempts == 0
    view.place(0)
    assert view.check() == "incomplete"
    assert find_one(view, css="lk-ordering-status").value == \
        t("core.ordering.incomplete", "en", placed=1, total=3, right=1)


def test_reset(keep):
    view = keep(StepOrdering(numbered(3), seed=0))
    view.place(2)
    view.check()
    find_one(view, css="lk-ordering-reset").click()
    assert view.state.placed == () and view.state.attempts == 0
    assert len(find(view, css="lk-ordering-pool-step")) == 3


def test_place_twice_is_a_programming_error(keep):
    view = keep(StepOrdering(numbered(3), seed=0))
    view.place(1)
    with pytest.raises(ValueError):
        view.place(1)


def test_language_switch_relabels_live(keep, demo):
    ordering = demo.orderings["install_app"]
    view = keep(StepOrdering(ordering, lang="vi", seed=2))
    view.place(0)
    view.check()
    view.lang = "en"
    assert find_one(view, css="lk-ordering-answer-step").description == \
        f"1. {ordering.steps[0].en}"
    assert find_one(view, css="lk-ordering-status").value == \
        t("core.ordering.incomplete", "en", placed=1, total=5, right=1)
    assert {b.description for b in find(view, css="lk-ordering-pool-step")} == \
        {s.en for s in ordering.steps[1:]}
    assert find_one(view, css="lk-ordering-check").description == "Check"


def test_touch_sized(keep, demo, assert_touch_sized):
    view = keep(StepOrdering(demo.orderings["install_app"], seed=0))
    view.place(0)
    assert_touch_sized(view)
