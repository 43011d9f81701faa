"""The chat simulator driven from Python as a learner would: type into the box, tap Send and
the chips, switch language; personal data is refused before any assistant, offline or on a
real local server, receives the prompt."""
from __future__ import annotations

import json
import threading
import unicodedata

import ipywidgets as w
import pytest

from ai.test_client import ANSWER, ChatServer
from literacy_kit.ai import DataKind, scenario, scenarios
from literacy_kit.ai.widgets.chat import ChatSimulator
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find, find_one, texts
from support import free_port

PHONE_PROMPT = "Viết thông báo họp thôn, gọi cho tôi số 0912 345 678"
MEETING = "Viết thông báo mời bà con họp thôn lúc 19 giờ tối thứ Bảy"


@pytest.fixture
def chat():
    view = ChatSimulator(lang="vi")
    yield view
    close_all(view)


@pytest.fixture
def server():
    chat_server = ChatServer()
    thread = threading.Thread(target=chat_server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield chat_server
    chat_server.shutdown()
    chat_server.server_close()
    thread.join(timeout=5)


def box(view) -> w.Textarea:
    return find_one(view, w.Textarea, css="lk-ai-chat-input")


def tap(view, name: str) -> None:
    find_one(view, w.Button, css=f"lk-ai-chat-{name}", visible_only=True).click()


def type_and_send(view, text: str) -> None:
    box(view).value = text
    tap(view, "send")


def bubbles(view, role: str) -> list[w.HTML]:
    """The bubbles of ``role``, oldest first (the box holds them newest first)."""
    return find(view, w.HTML, css=f"lk-ai-bubble-{role}")[::-1]


def test_typing_and_sending_shows_both_bubbles(chat):
    assert find_one(chat, css="lk-ai-chat-empty").layout.display != "none"
    assert t("core.phone.simulation", "vi") in find_one(chat, css="lk-phone-badge").value
    type_and_send(chat, MEETING)
    assert [b.value.split("</div>", 1)[1] for b in bubbles(chat, "user")] == [MEETING]
    answer, = bubbles(chat, "assistant")
    assert "THÔNG BÁO HỌP THÔN" in answer.value and "<br>" in answer.value
    assert chat.state.messages[-1]["scenario"] == "meeting_notice"
    assert chat.state.status == "answered" and chat.state.sent == 1
    assert box(chat).value == "" and chat.state.draft == ""
    assert find_one(chat, css="lk-ai-chat-empty").layout.display == "none"
    json.dumps(chat.state.messages)  # plain values: a store can keep them


def test_every_suggestion_chip_sends_its_example_and_gets_its_answer(chat):
    chips = find(chat, w.Button, css="lk-ai-chat-suggestion")
    assert [c.description for c in chips] == [s.title.get("vi") for s in scenarios()]
    for item in scenarios():
        find_one(chat, w.Button, css=f"lk-ai-chat-suggestion-{item.id}").click()
        assert chat.state.messages[-1]["scenario"] == item.id
        assert chat.state.messages[-2]["text"].startswith(item.improved_prompt.get("vi"))
    assert len(bubbles(chat, "assistant")) == len(scenarios())


def test_the_flawed_answer_is_not_marked_in_the_chat(chat):
    chat.suggest("meeting_notice")
    chat.suggest("vneid_level2")
    assert chat.last_reply.flawed and chat.last_reply.flaw is not None
    normal, flawed = bubbles(chat, "assistant")
    assert set(flawed._dom_classes) == set(normal._dom_classes)
    assert chat.last_reply.flaw.quote in flawed.value  # shown plainly, like any other answer
    assert not find(chat, css="lk-ai-mark-wrong") and not find(chat, css="lk-ai-mark-correct")
    assert chat.notice.message_text == ""


@pytest.mark.parametrize("lang, names", [("vi", "số điện thoại"), ("en", "phone number")])
def test_personal_data_is_refused_with_the_kinds_named_and_the_text_kept(lang, names):
    view = ChatSimulator(lang=lang)
    try:
        type_and_send(view, PHONE_PROMPT)
        assert view.state.status == "refused" and view.state.refused_kinds == ("phone",)
        assert view.state.messages == [] and view.state.sent == 0 and view.last_reply is None
        assert box(view).value == PHONE_PROMPT
        notice = find_one(view, css="lk-ai-chat-notice")
        assert "lk-feedback-warning" in notice._dom_classes
        assert names in view.notice.message_text
        preview = find_one(view, w.HTML, css="lk-ai-chat-masked-preview", visible_only=True)
        mask = t("ai.mask.phone", lang)
        assert mask in preview.value and "0912 345 678" not in preview.value
    finally:
        close_all(view)


def test_sending_with_the_data_masked_sends_only_the_masked_text(chat):
    type_and_send(chat, PHONE_PROMPT)
    tap(chat, "send-masked")
    assert chat.state.status == "answered"
    user, = bubbles(chat, "user")
    assert "[SĐT]" in user.value and "0912" not in user.value
    assert "0912" not in json.dumps(chat.state.messages, ensure_ascii=False)
    assert chat.last_reply.prompt.endswith("[SĐT]")
    assert box(chat).value == ""
    assert find_one(chat, css="lk-ai-chat-masked").layout.display == "none"


def test_editing_after_a_refusal_updates_the_masked_preview(chat):
    type_and_send(chat, PHONE_PROMPT)
    box(chat).value = "OTP 483920"
    assert t("ai.mask.otp", "vi") in chat.masked_preview.value
    assert "483920" not in chat.masked_preview.value


def test_language_switch_keeps_typed_text_and_translates_offline_answers(chat):
    chat.suggest("scam_warning")
    type_and_send(chat, PHONE_PROMPT)
    chat.lang = "en"
    assert box(chat).value == PHONE_PROMPT
    assert "phone number" in chat.notice.message_text
    assert "[PHONE]" in chat.masked_preview.value
    assert scenario("scam_warning").answer.get("en").split("\n")[0] in bubbles(chat, "assistant")[0].value
    assert find_one(chat, w.Button, css="lk-ai-chat-send").description == "Send"
    assert find_one(chat, css="lk-phone-title").value == "<b>AI assistant</b>"
    chat.lang = "vi"
    assert "CẢNH BÁO LỪA ĐẢO" in bubbles(chat, "assistant")[0].value


def test_an_unknown_request_gets_the_polite_fallback_in_the_learners_language(chat):
    type_and_send(chat, "Hát cho tôi một bài")
    assert chat.state.messages[-1]["scenario"] == ""
    assert "Xin lỗi" in bubbles(chat, "assistant")[0].value
    chat.lang = "en"
    assert "Sorry" in bubbles(chat, "assistant")[0].value


def test_decomposed_vietnamese_is_understood():
    view = ChatSimulator(lang="vi")
    try:
        view.send(unicodedata.normalize("NFD", MEETING))
        assert view.state.messages[-1]["scenario"] == "meeting_notice"
        assert view.state.messages[-2]["text"] == MEETING  # the assistant received NFC
    finally:
        close_all(view)


@pytest.mark.parametrize("text, key", [("   ", "errors.ai.empty_prompt"),
                                       ("x" * 4001, "errors.ai.prompt_too_long")])
def test_blank_and_overlong_prompts_get_a_friendly_message(chat, text, key):
    assert chat.send(text) is False
    assert chat.state.status == "error" and chat.state.error_key == key
    assert chat.notice.message_text and "{" not in chat.notice.message_text
    assert box(chat).value == text


def test_old_messages_scroll_away():
    view = ChatSimulator(lang="en", max_messages=4)
    try:
        view.suggest("meeting_notice")
        view.suggest("scam_warning")
        view.suggest("product_honey")
        assert len(view.state.messages) == 4 and len(bubbles(view, "user")) == 2
        assert "meeting" not in texts(find_one(view, css="lk-ai-chat-messages")).lower()
    finally:
        close_all(view)


def test_reset_forgets_the_conversation_and_closes_its_bubbles(chat):
    chat.suggest("meeting_notice")
    old = bubbles(chat, "user") + bubbles(chat, "assistant")
    box(chat).value = "0912 345 678"
    chat.reset()
    assert chat.state.messages == [] and chat.state.draft == "" and box(chat).value == ""
    assert bubbles(chat, "user") == [] and chat.state.status == "idle"
    assert all(bubble.comm is None for bubble in old)


def test_the_server_option_is_hidden_without_a_configured_server(server):
    plain = ChatSimulator(lang="en", environ={})
    kiosk_like = ChatSimulator(lang="en", environ={"LK_AI_BASE_URL": server.base})
    try:
        for view in (plain, kiosk_like):
            assert find_one(view, css="lk-ai-chat-source-row").layout.display == "none"
            assert view.choose_source("server") is False
            assert view.state.source == "offline"
            assert "LK_AI_BASE_URL" in view.notice.message_text
            view.send(MEETING)
        assert server.requests == []
    finally:
        close_all(plain)
        close_all(kiosk_like)


def test_the_trainers_server_answers_and_never_sees_personal_data(server):
    view = ChatSimulator(lang="vi", allow_server=True,
                         environ={"LK_AI_BASE_URL": server.base, "LK_AI_MODEL": "qwen"})
    try:
        assert find_one(view, css="lk-ai-chat-source-row").layout.display != "none"
        tap(view, "source-server")
        assert view.state.source == "server"
        assert "qwen" in find_one(view, css="lk-ai-chat-assistant-name").value
        type_and_send(view, PHONE_PROMPT)
        assert view.state.status == "refused"
        assert server.requests == [], "the server must never receive personal data"
        tap(view, "send-masked")
        request, = server.requests
        assert request["json"]["messages"][-1]["content"].endswith("[SĐT]")
        assert b"0912" not in request["raw"]
        assert view.state.messages[-1]["source"] == "server"
        assert ANSWER.strip() in bubbles(view, "assistant")[0].value
        view.lang = "en"  # a server answer is not translated: it stays as the server gave it
        assert ANSWER.strip() in bubbles(view, "assistant")[0].value
        tap(view, "source-offline")
        view.send(MEETING)
        assert len(server.requests) == 1
    finally:
        close_all(view)


def test_server_errors_are_shown_kindly_and_the_prompt_is_kept(server):
    view = ChatSimulator(lang="en", allow_server=True, environ={"LK_AI_BASE_URL": server.base})
    try:
        view.choose_source("server")
        server.mode = "error"
        type_and_send(view, MEETING)
        assert view.state.status == "error"
        assert view.notice.message_text == t("errors.ai.server_error", "en", status=500)
        assert box(view).value == MEETING
        view.lang = "vi"
        assert view.notice.message_text == t("errors.ai.server_error", "vi", status=500)
    finally:
        close_all(view)


@pytest.mark.parametrize("environ, key", [
    ({"LK_AI_BASE_URL": "ftp://ai.lan"}, "errors.ai.bad_url"),
    ({"LK_AI_BASE_URL": f"http://127.0.0.1:{free_port()}", "LK_AI_TIMEOUT": "2"},
     "errors.ai.server_unreachable"),
])
def test_a_wrong_server_address_is_explained(environ, key):
    view = ChatSimulator(lang="vi", allow_server=True, environ=environ)
    try:
        if view.choose_source("server"):
            view.send(MEETING)
        assert view.state.error_key == key
        assert view.notice.message_text and "Traceback" not in texts(view)
    finally:
        close_all(view)


def test_refused_kinds_are_validated():
    view = ChatSimulator(lang="en")
    try:
        view.state.refused_kinds = ["otp", DataKind.EMAIL]
        assert view.state.refused_kinds == ("otp", "email")
        with pytest.raises(ValueError):
            view.state.refused_kinds = ["name"]
    finally:
        close_all(view)
