"""OpenAICompatibleAssistant against a real chat-completions server on 127.0.0.1."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from literacy_kit.ai import (AssistantError, OpenAICompatibleAssistant, PersonalDataError, ask,
                             chat_completions_url, mask)
from literacy_kit.ai.logic.client import DEFAULT_MODEL, DEFAULT_TIMEOUT
from literacy_kit.i18n import catalog, t
from support import free_port

ANSWER = "  Kính mời bà con đến họp thôn lúc 19 giờ 30.  "


class ChatHandler(BaseHTTPRequestHandler):
    """Speaks enough of the chat-completions protocol; ``server.mode`` picks a behaviour."""

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        self.server.requests.append({"path": self.path, "headers": dict(self.headers), "raw": raw,
                                     "json": json.loads(raw.decode("utf-8"))})
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.delay)
        if mode in ("ok", "slow"):
            body = {"id": "chatcmpl-1", "object": "chat.completion", "model": "test-model",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": ANSWER}}]}
            self._send(200, json.dumps(body).encode("utf-8"))
        elif mode == "parts":
            body = {"choices": [{"message": {"role": "assistant",
                                             "content": [{"type": "text", "text": "Xin "},
                                                         {"type": "text", "text": "chào"}]}}]}
            self._send(200, json.dumps(body).encode("utf-8"))
        elif mode == "error":
            self._send(500, b'{"error": {"message": "CUDA out of memory"}}')
        elif mode == "unauthorized":
            self._send(401, b'{"error": "invalid api key"}')
        elif mode == "garbage":
            self._send(200, b"<html>this is not json</html>")
        elif mode == "no_choices":
            self._send(200, b'{"object": "chat.completion", "choices": []}')
        elif mode == "empty_content":
            self._send(200, b'{"choices": [{"message": {"role": "assistant", "content": ""}}]}')
        elif mode == "not_utf8":
            self._send(200, b"\xff\xfe\x00garbage")
        elif mode == "hang_up":
            self.close_connection = True
            self.wfile.flush()
            self.connection.close()

    def _send(self, status, body):
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout test)


class ChatServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ChatHandler)
        self.mode = "ok"
        self.delay = 0.0
        self.requests: list[dict] = []
        self.base = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def server():
    chat = ChatServer()
    thread = threading.Thread(target=chat.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield chat
    chat.shutdown()
    chat.server_close()
    thread.join(timeout=5)


def make(server, **options):
    options.setdefault("environ", {})
    return OpenAICompatibleAssistant(server.base, **options)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_success_sends_model_messages_and_key(server, lang):
    bot = make(server, model="qwen2.5-3b", api_key="secret-key", timeout=5)
    reply = bot.reply("Viết thông báo họp thôn", lang)
    assert reply.text == ANSWER.strip() and reply.source == "server" and reply.lang == lang
    assert reply.model == "test-model" and reply.scenario is None and not reply.flawed
    request, = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer secret-key"
    assert request["headers"]["Content-Type"].startswith("application/json")
    body = request["json"]
    assert body["model"] == "qwen2.5-3b" and body["stream"] is False
    assert body["messages"] == [{"role": "system", "content": t("ai.system_prompt", lang)},
                                {"role": "user", "content": "Viết thông báo họp thôn"}]
    assert "temperature" not in body and "max_tokens" not in body


def test_no_key_no_authorization_header_and_options_are_sent(server):
    make(server, temperature=0.2, max_tokens=300).reply("Viết thông báo họp thôn", "vi")
    request, = server.requests
    assert "Authorization" not in request["headers"]
    assert request["json"]["temperature"] == 0.2 and request["json"]["max_tokens"] == 300
    assert request["json"]["model"] == DEFAULT_MODEL


def test_the_prompt_reaches_the_server_in_nfc_utf8(server):
    make(server).reply("Vie\u0302\u0301t tho\u0302ng ba\u0301o", "vi")
    request, = server.requests
    assert "Viết thông báo".encode("utf-8") in request["raw"]


def test_configuration_from_the_environment(server, monkeypatch):
    monkeypatch.setenv("LK_AI_BASE_URL", server.base + "/v1")
    monkeypatch.setenv("LK_AI_MODEL", "llama3.2")
    monkeypatch.setenv("LK_AI_API_KEY", "env-key")
    monkeypatch.setenv("LK_AI_TIMEOUT", "7.5")
    bot = OpenAICompatibleAssistant()
    assert (bot.model, bot.api_key, bot.timeout) == ("llama3.2", "env-key", 7.5)
    bot.reply("Xin chào", "vi")
    request, = server.requests
    assert request["json"]["model"] == "llama3.2"
    assert request["headers"]["Authorization"] == "Bearer env-key"


def test_constructor_options_win_over_the_environment(server):
    environ = {"LK_AI_BASE_URL": "http://192.0.2.1:9", "LK_AI_MODEL": "env-model",
               "LK_AI_API_KEY": "env-key", "LK_AI_TIMEOUT": "not a number"}
    bot = OpenAICompatibleAssistant(server.base, "opt-model", "", environ=environ)
    assert (bot.model, bot.api_key, bot.timeout) == ("opt-model", "", DEFAULT_TIMEOUT)
    bot.reply("Xin chào", "vi")
    assert "Authorization" not in server.requests[0]["headers"]


@pytest.mark.parametrize("suffix", ["", "/", "/v1", "/v1/", "/v1/chat/completions"])
def test_base_url_with_or_without_v1(server, suffix):
    make_url = server.base + suffix
    OpenAICompatibleAssistant(make_url, environ={}).reply("Xin chào", "vi")
    assert server.requests[-1]["path"] == "/v1/chat/completions"


def test_base_url_without_scheme(server):
    bare = server.base.removeprefix("http://")
    OpenAICompatibleAssistant(bare, environ={}).reply("Xin chào", "vi")
    assert server.requests[-1]["path"] == "/v1/chat/completions"


@pytest.mark.parametrize("base, url", [
    ("http://10.0.0.5:8080", "http://10.0.0.5:8080/v1/chat/completions"),
    ("http://10.0.0.5:8080/v1", "http://10.0.0.5:8080/v1/chat/completions"),
    ("https://ai.lan/openai/v1/", "https://ai.lan/openai/v1/chat/completions"),
    ("http://ai.lan/api", "http://ai.lan/api/v1/chat/completions"),
    ("ai.lan:11434", "http://ai.lan:11434/v1/chat/completions"),
    (" http://ai.lan/v1/chat/completions ", "http://ai.lan/v1/chat/completions"),
])
def test_chat_completions_url(base, url):
    assert chat_completions_url(base) == url


@pytest.mark.parametrize("base", ["ftp://ai.lan", "http://", "http://ai.lan:port", "http://máy-chủ/v1",
                                  "http://[::1"])
def test_bad_urls(base):
    with pytest.raises(AssistantError) as caught:
        OpenAICompatibleAssistant(base, environ={})
    assert caught.value.code == "ai.bad_url"


def test_not_configured():
    with pytest.raises(AssistantError) as caught:
        OpenAICompatibleAssistant(environ={})
    assert caught.value.code == "ai.not_configured"


def test_timeout(server):
    server.mode, server.delay = "slow", 1.0
    bot = make(server, timeout=0.3)
    started = time.monotonic()
    with pytest.raises(AssistantError) as caught:
        bot.reply("Xin chào", "vi")
    assert time.monotonic() - started < 0.9
    assert caught.value.code == "ai.server_timeout" and caught.value.params == {"seconds": "0.3"}
    assert "0.3" in caught.value.message("vi") and "0.3" in caught.value.message("en")


@pytest.mark.parametrize("mode, code, params", [
    ("error", "ai.server_error", {"status": 500}),
    ("unauthorized", "ai.server_auth", {"status": 401}),
    ("garbage", "ai.bad_response", {}),
    ("no_choices", "ai.bad_response", {}),
    ("empty_content", "ai.bad_response", {}),
    ("not_utf8", "ai.bad_response", {}),
    ("hang_up", "ai.bad_response", {}),
])
def test_server_failures_become_friendly_errors(server, mode, code, params):
    server.mode = mode
    with pytest.raises(AssistantError) as caught:
        make(server, timeout=3).reply("Xin chào", "vi")
    assert caught.value.code == code and caught.value.params == params
    assert len(server.requests) == 1


def test_content_given_as_a_list_of_text_parts(server):
    server.mode = "parts"
    assert make(server).reply("Xin chào", "en").text == "Xin chào"


def test_connection_refused_on_a_closed_port():
    base = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(AssistantError) as caught:
        OpenAICompatibleAssistant(base, environ={}, timeout=2).reply("Xin chào", "vi")
    assert caught.value.code == "ai.server_unreachable"
    assert caught.value.params == {"url": base}
    assert base in caught.value.message("vi") and base in caught.value.message("en")


@pytest.mark.parametrize("code", ["ai.server_unreachable", "ai.server_timeout", "ai.server_error",
                                  "ai.server_auth", "ai.bad_response", "ai.not_configured",
                                  "ai.bad_url", "ai.empty_prompt", "ai.prompt_too_long",
                                  "ai.personal_data"])
def test_every_error_code_reads_well_in_both_languages(code):
    values = {"url": "http://10.0.0.5:8080", "seconds": "30", "status": 503, "count": 5000,
              "limit": 4000, "kinds": "phone"}
    error = AssistantError(code, **values)
    for lang in ("vi", "en"):
        assert f"errors.{code}" in catalog(lang)
        message = error.message(lang)
        assert message and "{" not in message and "Traceback" not in message
    assert error.message("vi") != error.message("en")


PRIVATE = "Viết thư cho chị Hoa (CCCD 027203012345, SĐT 0912 345 678), mã OTP 483920"


def test_personal_data_never_reaches_the_server(server):
    bot = make(server)
    with pytest.raises(PersonalDataError) as caught:
        bot.reply(PRIVATE, "vi")
    with pytest.raises(PersonalDataError):
        ask(bot, PRIVATE, "en")
    assert caught.value.kinds == ("cccd", "phone", "otp")
    assert server.requests == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_masked_prompt_is_all_the_server_receives(server, lang):
    reply = ask(make(server), PRIVATE, lang, redact_personal=True)
    request, = server.requests
    raw = request["raw"].decode("utf-8")
    for secret in ("027203012345", "0912", "345 678", "483920"):
        assert secret not in raw
    user = request["json"]["messages"][-1]["content"]
    assert user == reply.prompt
    for kind in ("cccd", "phone", "otp"):
        assert mask(kind, lang) in user


def test_an_assistant_built_to_mask_masks(server):
    make(server, redact_personal=True).reply("Gọi 0912345678", "en")
    assert server.requests[0]["json"]["messages"][-1]["content"] == "Gọi [PHONE]"


def test_label_names_the_model(server):
    assert "phi-3" in make(server, model="phi-3").label("vi")
