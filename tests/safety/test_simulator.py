"""The scam simulator without a browser: every scenario by taps, feedback on the cue, the
rehearsal, the long-press link inspector, restoring, and no network anywhere."""
from __future__ import annotations

import socket

import ipywidgets as w
import pytest

from literacy_kit.safety.logic.phone import OUTCOMES, PhoneRun, scenario, scenarios
from literacy_kit.safety.widgets.simulator import ScamSimulator
from literacy_kit.testing import find, find_one, texts


@pytest.fixture
def sim(keep):
    return keep(ScamSimulator(lang="en"))


def tap(root, css):
    find_one(root, w.Button, css=css, visible_only=True).click()


def test_home_lists_every_scenario(sim):
    for s in scenarios():
        assert find_one(sim, w.Button, css=f"lk-safety-sim-open-{s.id}").description == s.title.get("en")


def test_police_call_by_taps_falls_then_rehearses(sim):
    tap(sim, "lk-safety-sim-open-police_call")
    assert sim.state.screen == "police_call"
    screen = sim.current
    assert "level 2" in texts(screen) and "MULATION" in texts(sim.phone)
    assert sim.phone.read_aloud.texts(), "the caller's script is there to be read aloud"
    tap(sim, "lk-safety-sim-choice-follow_link")
    assert sim.state.screen == "police_install"
    assert "unknown sources" in texts(sim.current)
    tap(sim, "lk-safety-sim-choice-allow_install")
    assert sim.state.screen == "rehearse" and sim.state.outcome == "scammed"
    feedback = find_one(sim.current, w.HTML, css="lk-safety-sim-rehearse-feedback")
    assert "\u2716" in feedback.value and "takes over the phone" in feedback.value
    tap(sim, "lk-safety-sim-action-hang_up")
    tap(sim, "lk-safety-sim-action-reply_normally")
    tap(sim, "lk-safety-sim-done")
    assert sim.state.screen == "rehearse"
    message = texts(sim.current.message)
    assert "Go to the commune police" in message and "It is genuine" in message
    tap(sim, "lk-safety-sim-action-reply_normally")  # tap again: unpicked
    tap(sim, "lk-safety-sim-action-go_police")
    tap(sim, "lk-safety-sim-done")
    assert sim.state.screen == "done" and sim.state.outcome == "scammed_rehearsed"
    assert "police do level 2 only in person" in texts(sim.current)
    tap(sim, "lk-safety-sim-home")
    assert find_one(sim, w.Button, css="lk-safety-sim-open-police_call").description.startswith("\u2714")


@pytest.mark.parametrize("scenario_id, choices, picks, outcome", [
    ("police_call", ["call_back"], ["hang_up", "go_police", "warn_family"], "safe_rehearsed"),
    ("police_call", ["follow_link", "cancel_install"], ["hang_up", "go_police"], "scammed_rehearsed"),
    ("bank_sms", ["delete_report"], ["delete_message", "call_bank_hotline", "report_5656"],
     "safe_rehearsed"),
    ("bank_sms", ["tap_link"], ["delete_message", "call_bank_hotline"], "scammed_rehearsed"),
    ("zalo_friend", ["video_call", "ask_known"], ["call_back_known", "warn_family"], "safe_rehearsed"),
    ("zalo_friend", ["video_call", "transfer"], ["call_back_known", "warn_family"], "scammed_rehearsed"),
    ("zalo_otp", ["read_code"], ["call_back_known", "warn_family"], "scammed_rehearsed"),
    ("zalo_otp", ["refuse"], ["call_back_known", "warn_family"], "safe_rehearsed"),
])
def test_every_scenario_ends_with_the_rehearsal(sim, scenario_id, choices, picks, outcome):
    sim.open_scenario(scenario_id)
    for choice in choices:
        tap(sim, f"lk-safety-sim-choice-{choice}")
    assert sim.state.screen == "rehearse"
    for action in picks:
        tap(sim, f"lk-safety-sim-action-{action}")
    tap(sim, "lk-safety-sim-done")
    assert sim.state.outcome == outcome and sim.state.screen == "done"


def test_the_fake_sits_in_the_real_banks_thread_and_long_press_inspects_it(sim):
    sim.open_scenario("bank_sms")
    shown = texts(sim.current)
    assert "Vietcombank" in shown and "NEVER share this code" in shown  # the real ones
    assert "xacthuc-tk.top" in shown                                   # the fake one
    tap(sim, "lk-safety-sim-inspect-0")
    assert sim.state.inspected == ["vietcombank.com.vn.xacthuc-tk.top"]
    assert sim.inspector.state.flags == ["lookalike"]
    assert "xacthuc-tk.top" in find_one(sim.inspector, w.HTML, css="lk-safety-link-result").value
    assert "<a " not in "".join(h.value for h in find(sim, w.HTML))


def test_a_choice_from_another_step_is_refused_kindly(sim):
    sim.open_scenario("zalo_friend")
    assert sim.choose("allow_install") is False
    assert "not offered" in texts(sim.current.message)
    sim.go("police_install")
    assert sim.choose("allow_install", step="police_install") is False
    assert sim.state.choices == []


def test_language_switch_keeps_the_place(sim):
    sim.open_scenario("zalo_otp")
    sim.lang = "vi"
    assert "mã OTP" in texts(sim.current)
    assert find_one(sim, w.Button, css="lk-safety-sim-choice-read_code").description == \
        "Đọc mã OTP cho chị ấy"


def test_restore_replays_the_choices(keep):
    sim = keep(ScamSimulator(lang="en"))
    sim.open_scenario("zalo_friend")
    sim.choose("video_call")
    saved = {name: getattr(sim.state, name) for name in
             ("scenario", "choices", "rehearsed", "picks", "outcome", "screen")}
    again = keep(ScamSimulator.from_state(saved, lang="en"))
    assert again.state.screen == "zalo_video" and again.run.step_id == "zalo_video"
    assert again.choose("ask_known") and again.state.screen == "rehearse"


@pytest.mark.parametrize("saved", [
    {"scenario": "nope", "choices": ["x"]}, {"scenario": "police_call", "choices": "garbage"},
    {"scenario": "police_call", "choices": ["hang_up"], "screen": "done", "picks": [1, 2]},
    {"screen": 42}, {},
])
def test_a_damaged_save_never_breaks_the_simulator(keep, saved):
    sim = keep(ScamSimulator.from_state(saved, lang="vi"))
    assert sim.state.screen in sim.screen_classes
    assert sim.state.outcome in OUTCOMES


def test_one_scenario_only_for_an_exercise(keep):
    sim = keep(ScamSimulator(lang="vi", scenario="police_call"))
    assert sim.state.screen == "police_call"
    sim.open_scenario("bank_sms")
    assert sim.state.scenario == "police_call"
    sim.home()
    assert sim.state.screen == "police_call"


def test_phone_run_replay_and_outcomes():
    run = PhoneRun.replay(scenario("police_call"), ["follow_link", "nonsense", "cancel_install"])
    assert run.choices == ["follow_link"] and run.outcome == "scammed"
    assert PhoneRun(scenario("bank_sms")).outcome == "not_started"


def test_nothing_reaches_the_network(keep, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the simulator tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    sim = keep(ScamSimulator(lang="vi"))
    for s in scenarios():
        sim.open_scenario(s.id)
        for index in range(2):
            button = find(sim.current, w.Button, css=f"lk-safety-sim-inspect-{index}")
            if button:
                button[0].click()
        sim.choose(s.steps[0].choices[0].id)
    sim.inspect("http://203.0.113.9/app.apk")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_simulator_error_has_a_message_in_both_languages(keep, lang):
    from literacy_kit.errors import InputError

    run = PhoneRun(scenario("bank_sms"))
    codes = set()
    for action in (lambda: run.choose("nope"), lambda: run.rehearse(["hang_up"])):
        with pytest.raises(InputError) as info:
            action()
        codes.add(info.value.code)
        assert not info.value.message(lang).startswith("errors.")
    assert codes == {"safety.unknown_choice", "safety.not_now"}
    sim = keep(ScamSimulator(lang=lang))
    assert sim.finish_rehearsal() is False  # the Done button before any scenario
    assert texts(sim.current.message).strip()
