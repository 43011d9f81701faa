"""The "Lừa hay thật?" tile in a real Chromium against the real kiosk, by taps only: a game of
5 messages with feedback on the cue and a score, the link checker, and a fresh game after
going home. Nothing is requested outside loopback."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from literacy_kit.i18n import t
from support import ARTIFACTS

pytestmark = pytest.mark.browser

GAME = 5


def settled_text(page, locator, any_of: tuple[str, ...], timeout_ms: int = 10_000) -> str:
    """The locator's text once it holds one of ``any_of`` (the widget may redraw in between)."""
    text = ""
    for _ in range(timeout_ms // 100):
        text = locator.inner_text()
        if any(part in text for part in any_of):
            break
        page.wait_for_timeout(100)
    return text


def test_a_game_by_taps_scores_and_sums_up_the_cues(page, kiosk_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-safety").click()
    quiz = page.locator(".lk-safety-quiz")
    quiz.wait_for(state="visible")
    assert t("safety_widgets.simulation", "vi") in quiz.locator(".lk-safety-quiz-card").inner_text()
    right = 0
    for number in range(1, GAME + 1):
        expect(quiz.locator(".lk-safety-quiz-progress")).to_have_text(
            t("safety_widgets.quiz.progress", "vi", number=number, total=GAME))
        scam = quiz.locator(".lk-safety-quiz-scam")
        scam.click()   # a visitor who calls everything a scam
        # the answer has reached the kernel once the choices lock; until then the hidden
        # feedback box may still hold the previous message's text
        expect(scam).to_be_disabled()
        feedback = quiz.locator(".lk-safety-quiz-feedback")
        expect(feedback).to_contain_text(t("safety_widgets.quiz.cues", "vi"))
        text = settled_text(page, feedback, (t("safety_widgets.quiz.is_scam", "vi"),
                                             t("safety_widgets.quiz.is_genuine", "vi")))
        is_scam = t("safety_widgets.quiz.is_scam", "vi") in text
        assert is_scam or t("safety_widgets.quiz.is_genuine", "vi") in text
        if is_scam:
            right += 1
            assert t("safety_widgets.quiz.right", "vi") in text
            # the words that gave it away are marked inside the message itself
            expect(quiz.locator(".lk-safety-quiz-card mark.lk-safety-mark")).not_to_have_count(0)
        else:
            assert t("safety_widgets.quiz.wrong", "vi") in text
        assert t("safety_widgets.quiz.cues", "vi") in text
        if number == 1:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "safety-quiz-feedback.png"), full_page=True)
        quiz.locator(".lk-safety-quiz-next").click()
    summary = quiz.locator(".lk-safety-quiz-summary")
    expect(summary).to_contain_text(t("safety_widgets.quiz.score", "vi", score=right, total=GAME))
    assert summary.locator("li").count() == GAME

    page.locator(".lk-safety-kiosk-open-link").click()
    box = page.locator(".lk-safety-link-input input")
    box.fill("https://vietcombank.com.vn.xacthuc-tk.top/dang-nhap")
    box.press("Enter")
    page.locator(".lk-safety-link-check").click()
    result = page.locator(".lk-safety-link-result")
    result.wait_for(state="visible")
    page.wait_for_function(
        "document.querySelector('.lk-safety-link-result').innerText.includes('xacthuc-tk.top')")
    assert "Vietcombank" in result.inner_text()

    page.locator(".lk-kiosk-home-button").click()
    page.locator(".lk-kiosk-tile-safety").click()
    expect(page.locator(".lk-safety-quiz-progress")).to_have_text(
        t("safety_widgets.quiz.progress", "vi", number=1, total=GAME))
    page.locator(".lk-safety-kiosk-open-link").click()
    assert page.locator(".lk-safety-link-input input").input_value() == ""
    assert page.js_errors == []
    outside = [url for url in requested
               if urlparse(url).hostname not in ("127.0.0.1", "localhost") and
               not re.match(r"^(data|blob):", url)]
    assert outside == []


def test_the_phone_scenario_by_taps(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-safety").click()
    page.locator(".lk-safety-kiosk-open-phone").click()
    page.locator(".lk-safety-sim-open-bank_sms").click()
    inbox = page.locator(".lk-safety-sim-screen-bank_inbox")
    inbox.wait_for(state="visible")
    assert "xacthuc-tk.top" in inbox.inner_text()
    assert t("core.phone.simulation", "vi") in page.locator(".lk-safety-sim .lk-phone-badge").inner_text()
    inbox.locator(".lk-safety-sim-inspect-0").click()   # the "long-press"
    expect(page.locator(".lk-safety-sim-side .lk-safety-link-result")).to_contain_text("xacthuc-tk.top")
    inbox.locator(".lk-safety-sim-choice-delete_report").click()
    rehearse = page.locator(".lk-safety-sim-screen-rehearse")
    rehearse.wait_for(state="visible")
    expect(rehearse.locator(".lk-safety-sim-rehearse-feedback")).to_contain_text("5656")
    for action in ("delete_message", "call_bank_hotline"):
        rehearse.locator(f".lk-safety-sim-action-{action}").click()
        expect(rehearse.locator(f".lk-safety-sim-action-{action}")).to_have_class(re.compile("lk-safety-picked"))
    rehearse.locator(".lk-safety-sim-done").click()
    done = page.locator(".lk-safety-sim-screen-done")
    done.wait_for(state="visible")
    assert t("safety_sim.outcome.safe_rehearsed", "vi") in done.inner_text()
    assert page.locator(".lk-safety-sim a[href]").count() == 0
    assert page.js_errors == []
