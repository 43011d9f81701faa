"""The safety kiosk tile "Lừa hay thật?": registered through the entry point, 5 random
messages a game with a score and a summary of the cues, a link checker, and nothing of a
visitor left after the idle reset."""
from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import load_tiles
from literacy_kit.safety.widgets.kiosk_tile import GAME_SIZE, SafetyKioskView, tile
from literacy_kit.testing import find_one, walk

TYPED = "dichvucong-gov.vn/xac-thuc"


@pytest.fixture
def app():
    kiosk = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    yield kiosk
    kiosk.home()
    kiosk.close()


def test_tile_is_registered_through_the_entry_point():
    tiles = {t.key: t for t in load_tiles()}
    assert tiles["safety"] == tile
    assert tile.title.get("vi") == "Lừa hay thật?" and tile.title.get("en") == "Scam or real?"
    keys = list(tiles)
    assert keys.index("ai") < keys.index("safety") < keys.index("help")


def play(view, right: bool) -> None:
    quiz = view.quiz
    for _ in range(GAME_SIZE):
        kind = quiz.current.kind if right else ("genuine" if quiz.current.scam else "scam")
        css = f"lk-safety-quiz-{kind}"
        find_one(quiz, w.Button, css=css).click()
        find_one(quiz, w.Button, css="lk-safety-quiz-next").click()


def test_a_game_by_taps_gives_a_score_and_the_cues(app):
    find_one(app, w.Button, css="lk-kiosk-tile-safety").click()
    view = app.screen
    assert isinstance(view, SafetyKioskView) and app.screen_key == "safety"
    items = list(view.quiz.items)
    assert len({item.id for item in items}) == GAME_SIZE
    play(view, right=True)
    summary = find_one(view, w.HTML, css="lk-safety-quiz-summary")
    assert view.quiz.state.finished and view.quiz.score == GAME_SIZE
    assert f"{GAME_SIZE}/{GAME_SIZE}" in summary.value
    for item in items:
        assert item.cues[0].get("vi")[:10] in summary.value


def test_wrong_answers_score_zero_and_feedback_points_at_the_cue(app):
    view = app.open_tile("safety")
    quiz = view.quiz
    scam = next((i for i, item in enumerate(quiz.items) if item.scam), None)
    play(view, right=False)
    assert quiz.score == 0
    assert f"0/{GAME_SIZE}" in find_one(view, w.HTML, css="lk-safety-quiz-summary").value
    if scam is not None:
        quiz.restart()
        quiz.answer("genuine" if quiz.current.scam else "scam")
        feedback = find_one(quiz, w.HTML, css="lk-safety-quiz-feedback")
        assert "lk-safety-wrong" in feedback._dom_classes
        assert quiz.current.cues[0].get("vi")[:12] in feedback.value


def test_every_game_draws_new_items():
    seen = {tuple(i.id for i in tile.build("vi").quiz.items) for _ in range(6)}
    assert len(seen) > 1


def test_language_switch_relabels_the_game(app):
    view = app.open_tile("safety")
    app.set_lang("en")
    assert view.quiz.lang == "en"
    assert find_one(view, w.Button, css="lk-safety-quiz-scam").description == "Scam"
    assert find_one(view, w.Button, css="lk-safety-kiosk-open-link").description == "Check a link"


def test_idle_reset_forgets_the_visitor(app):
    view = app.open_tile("safety")
    view.quiz.answer("scam")
    view.go("link")
    find_one(view, w.Text, css="lk-safety-link-input").value = TYPED
    find_one(view, w.Button, css="lk-safety-link-check").click()
    assert "lookalike" in view.inspector.state.flags
    view.go("quiz")  # the checker is off screen now, still holding the text
    widgets = list(walk(view)) + list(walk(view.inspector))
    app.reset()
    assert app.screen is None and all(widget.comm is None for widget in widgets)
    assert [x for x in list(_instances.values())
            if isinstance(getattr(x, "value", None), str) and TYPED in x.value] == []
    again = app.open_tile("safety")
    assert again is not view and again.quiz.state.picks == []
    assert again.inspector.input.value == ""


def test_the_phone_section_plays_and_is_forgotten(app):
    view = app.open_tile("safety")
    assert view.phone is None                       # built only when opened
    find_one(view, w.Button, css="lk-safety-kiosk-open-phone").click()
    phone = view.phone
    find_one(phone, w.Button, css="lk-safety-sim-open-bank_sms").click()
    find_one(phone, w.Button, css="lk-safety-sim-inspect-0", visible_only=True).click()
    find_one(phone, w.Button, css="lk-safety-sim-choice-tap_link", visible_only=True).click()
    assert phone.state.outcome == "scammed"
    built = [widget for screen in phone.built_screens() for widget in walk(screen)]
    view.go("quiz")                                 # the phone is off screen now
    app.reset()
    assert phone.comm is None and all(widget.comm is None for widget in built)
    assert app.open_tile("safety").phone is None


def test_the_link_box_has_an_on_screen_keyboard_at_the_kiosk(monkeypatch):
    from literacy_kit.core.field_keyboard import BoxKeyboard

    monkeypatch.setenv("LK_ONSCREEN_KEYBOARD", "1")
    kiosk = KioskApp(settings=KioskSettings(lang="en", idle_reset=60))
    try:
        view = kiosk.open_tile("safety")
        box = find_one(view, w.Text, css="lk-safety-link-input")
        [keyboard] = [k for k in walk(view) if isinstance(k, BoxKeyboard) and k.target is box]
        view.go("link")
        assert box.layout.display is None and view.inspector.layout.display is None
        assert view.quiz.layout.display == "none"
        keyboard.toggle.click()
        for key in ["b", "i", "t", ".", "l", "y", "/", "x"]:
            keyboard.keyboard.key_buttons[key].click()
        assert box.value == "bit.ly/x"
        find_one(view, w.Button, css="lk-safety-link-check").click()
        assert view.inspector.state.flags == ["shortener"]
    finally:
        kiosk.home()
        kiosk.close()
