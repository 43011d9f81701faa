"""StepFlow: one screen at a time, progress, blocking, finishing."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit import InputError
from literacy_kit.content import Localized
from literacy_kit.core import FeedbackPanel, FlowState, StepFlow
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one

LANGS = ("vi", "en")


def screens(n=5):
    return [(Localized(f"Title {i} vi", f"Title {i} en"), w.HTML(f"body {i}")) for i in range(n)]


@pytest.mark.parametrize("lang, expected", [("vi", "B\u01b0\u1edbc 2/5"), ("en", "Step 2 of 5")])
def test_progress_text_and_bar(keep, lang, expected):
    flow = keep(StepFlow(screens(), lang=lang))
    flow.next()
    assert find_one(flow, css="lk-flow-progress-text").value == expected
    assert find_one(flow, css="lk-flow-bar").value == 2
    assert find_one(flow, css="lk-flow-bar").max == 5
    assert find_one(flow, css="lk-flow-title").value == f"<b>Title 1 {lang}</b>"
    assert find_one(flow, css="lk-flow-body").children == (flow.screens[1][1],)


@pytest.mark.parametrize("lang", LANGS)
def test_back_disabled_first_finish_on_last(keep, lang):
    flow = keep(StepFlow(screens(3), lang=lang))
    back, nxt = find_one(flow, css="lk-flow-back"), find_one(flow, css="lk-flow-next")
    assert back.disabled and flow.back() is False
    assert nxt.description == t("core.next", lang)
    nxt.click()
    nxt.click()
    assert flow.state.index == 2 and not back.disabled
    assert nxt.description == t("core.finish", lang) and "lk-flow-finish" in nxt._dom_classes
    back.click()
    assert flow.state.index == 1 and nxt.description == t("core.next", lang)
    assert "lk-flow-finish" not in nxt._dom_classes


def test_finish_calls_callbacks(keep):
    flow = keep(StepFlow(screens(2), lang="en"))
    calls = []
    flow.on_finish(calls.append)
    flow.next()
    assert calls == [] and not flow.state.finished
    flow.next_button.click()
    assert calls == [flow] and flow.state.finished
    assert "lk-flow-finished" in flow._dom_classes
    assert find_one(flow, css="lk-flow-message").value == t("core.flow.finished", "en")
    flow.on_finish(calls.append, remove=True)
    flow.next()
    assert calls == [flow]


@pytest.mark.parametrize("lang", LANGS)
def test_can_leave_false_blocks_with_message(keep, lang):
    allowed = {0: False}
    flow = keep(StepFlow(screens(3), lang=lang, can_leave=lambda i: allowed.get(i, True)))
    assert flow.next() is False and flow.state.index == 0
    message = find_one(flow, css="lk-flow-message", visible_only=True)
    assert message.value == t("core.flow.blocked", lang)
    allowed[0] = True
    assert flow.next() is True and flow.state.index == 1
    assert find(flow, css="lk-flow-message", visible_only=True) == []


@pytest.mark.parametrize("raise_it", [False, True])
def test_can_leave_input_error_shows_its_message_and_relabels(keep, raise_it):
    def can_leave(index):
        error = InputError("field.required")
        if raise_it:
            raise error
        return error

    flow = keep(StepFlow(screens(2), lang="vi", can_leave=can_leave))
    flow.next_button.click()
    assert flow.state.index == 0
    assert find_one(flow, css="lk-flow-message").value == t("errors.field.required", "vi")
    flow.lang = "en"
    assert find_one(flow, css="lk-flow-message").value == t("errors.field.required", "en")


def test_can_leave_bug_is_not_a_traceback(keep):
    flow = keep(StepFlow(screens(2), lang="en", can_leave=lambda i: 1 / 0))
    assert flow.next() is False
    assert find_one(flow, css="lk-flow-message").value == t("errors.field.unexpected", "en")


def test_go_jumps_without_asking(keep):
    flow = keep(StepFlow(screens(4), can_leave=lambda i: False))
    flow.go(3)
    assert flow.state.index == 3 and flow.back() is True and flow.state.index == 2
    with pytest.raises(ValueError):
        flow.go(4)


def test_language_switch_relabels_and_passes_on(keep):
    panel = keep(FeedbackPanel())
    flow = keep(StepFlow([(Localized("A vi", "A en"), panel), ("Plain", w.HTML("x"))]))
    flow.lang = "en"
    assert panel.lang == "en"
    assert find_one(flow, css="lk-flow-progress-text").value == "Step 1 of 2"
    assert find_one(flow, css="lk-flow-back").description == "Back"
    flow.next()
    assert find_one(flow, css="lk-flow-title").value == "<b>Plain</b>"


def test_empty_flow_is_refused():
    with pytest.raises(ValueError):
        StepFlow([])


def test_state_bounds():
    state = FlowState(total=2)
    assert state.first and not state.last
    state.index = 1
    assert state.last


def test_touch_sized(keep, assert_touch_sized):
    assert_touch_sized(keep(StepFlow(screens(2))))
