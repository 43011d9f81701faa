"""The AI tile in a real Chromium against the real kiosk: a suggestion gets an answer, a prompt
with a phone number is refused (and kept in the box), and the masked version is sent."""
from __future__ import annotations

import pytest

from literacy_kit.ai import DataKind, mask, scenario
from literacy_kit.i18n import t

pytestmark = pytest.mark.browser

PHONE = "0912 345 678"
PROMPT = f"Viết thông báo họp thôn, ai cần hỏi thì gọi tôi số {PHONE}"


def test_chat_answers_a_suggestion_and_refuses_a_phone_number(page, kiosk_server):
    from playwright.sync_api import expect

    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-ai").click()
    chat = page.locator(".lk-ai-chat")
    chat.wait_for(state="visible")
    assert t("core.phone.simulation", "vi") in chat.locator(".lk-phone-badge").inner_text()
    assert page.locator(".lk-ai-chat-source-row").is_hidden(), "the kiosk never offers a server"

    # A suggestion chip sends its example prompt; the offline assistant answers in Vietnamese.
    page.locator(".lk-ai-chat-suggestion-meeting_notice").click()
    answer = page.locator(".lk-ai-bubble-assistant").first
    answer.wait_for()
    first_line = scenario("meeting_notice").answer.get("vi").split("\n")[0]
    assert first_line in answer.inner_text()

    # A prompt with a phone number is refused before any assistant sees it.
    box = page.locator(".lk-ai-chat-input textarea")
    box.fill(PROMPT)
    page.locator(".lk-ai-chat-send").click()
    notice = page.locator(".lk-ai-chat-notice .lk-feedback-text")
    notice.wait_for()
    refusal = t("errors.ai.personal_data", "vi", kinds=DataKind.PHONE.label("vi"))
    assert refusal in notice.inner_text()
    assert box.input_value() == PROMPT, "what the visitor typed is kept"
    assert page.locator(".lk-ai-bubble-user").count() == 1
    # the preview's text is set after the notice shows (a later message from the kernel)
    expect(page.locator(".lk-ai-chat-masked-preview")).to_contain_text(mask("phone", "vi"))

    # Sending it masked: the learner bubble shows the label, never the number.
    page.locator(".lk-ai-chat-send-masked").click()
    page.locator(".lk-ai-bubble-user").nth(1).wait_for()
    messages = page.locator(".lk-ai-chat-messages").inner_text()
    assert mask("phone", "vi") in messages and PHONE not in messages
    expect(box).to_have_value("")
    assert page.js_errors == []
