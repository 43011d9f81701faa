"""An assistant backed by an OpenAI-compatible chat-completions server on the local network.

A trainer may run such a server (llama.cpp, vLLM, Ollama, LM Studio...) in the
cultural house and point the lesson at it, by constructor options or environment:

=================  ==========================================  ==================
variable           meaning                                     default
=================  ==========================================  ==================
``LK_AI_BASE_URL`` ``http://192.168.1.10:8080`` (``/v1`` or    none: required
                   not; a full ``.../chat/completions`` too)
``LK_AI_MODEL``    the model name the server expects           ``"default"``
``LK_AI_API_KEY``  sent as ``Authorization: Bearer <key>``     none (no header)
``LK_AI_TIMEOUT``  seconds for connecting and for each wait,   60
                   also the limit for the whole answer
=================  ==========================================  ==================

Only the standard library is used (``http.client``): no proxy settings are applied,
since the server is on the local network. Every failure becomes an
:class:`~literacy_kit.ai.AssistantError` with a friendly message: unreachable, slow,
server error, wrong key, or an answer that is not chat-completions JSON. Prompts go
through the personal-data guard first, like every assistant's.

>>> chat_completions_url("http://192.168.1.10:8080")
'http://192.168.1.10:8080/v1/chat/completions'
>>> chat_completions_url("192.168.1.10:8080/v1/")
'http://192.168.1.10:8080/v1/chat/completions'
"""
from __future__ import annotations

import http.client
import json
import math
import os
import re
import time
from urllib.parse import urlsplit, urlunsplit

from ...i18n import DEFAULT_LANG, t
from .assistant import Assistant, AssistantError, AssistantReply

__all__ = ["DEFAULT_MODEL", "DEFAULT_TIMEOUT", "ENV_API_KEY", "ENV_BASE_URL", "ENV_MODEL",
           "ENV_TIMEOUT", "OpenAICompatibleAssistant", "chat_completions_url"]

ENV_BASE_URL, ENV_MODEL = "LK_AI_BASE_URL", "LK_AI_MODEL"
ENV_API_KEY, ENV_TIMEOUT = "LK_AI_API_KEY", "LK_AI_TIMEOUT"
DEFAULT_MODEL = "default"
"""llama.cpp's server ignores the name; vLLM and Ollama need the real one (LK_AI_MODEL)."""
DEFAULT_TIMEOUT = 60.0
MAX_RESPONSE_BYTES = 2_000_000
"""A chat answer is a few kilobytes; more than this is not a chat answer."""
_CHUNK = 65536


def chat_completions_url(base_url: str) -> str:
    """The chat-completions endpoint for a server's base URL.

    ``http://host:8080``, ``http://host:8080/v1`` and ``http://host:8080/v1/chat/completions``
    all give ``http://host:8080/v1/chat/completions``; a missing ``http://`` is added.

    Raises
    ------
    AssistantError
        ``ai.bad_url`` when the address is not an http(s) URL with a host.

    Examples
    --------
    >>> chat_completions_url("https://ai.lan/api/v2")
    'https://ai.lan/api/v2/chat/completions'
    """
    raw = (base_url or "").strip()
    candidate = raw if "://" in raw else "http://" + raw
    try:
        parts = urlsplit(candidate)
        parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        raise AssistantError("ai.bad_url", url=raw) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or not candidate.isascii():
        raise AssistantError("ai.bad_url", url=raw)
    path = parts.path.rstrip("/")
    if not path.endswith("/chat/completions"):
        path += "/chat/completions" if re.search(r"/v\d+$", path) else "/v1/chat/completions"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _reply_text(data) -> str | None:
    """``choices[0].message.content`` (a string, or a list of text parts); else ``None``."""
    if not isinstance(data, dict):
        return None
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return None
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else choices[0].get("text")
    if isinstance(content, list):
        texts = [part.get("text") for part in content if isinstance(part, dict)]
        content = "".join(x for x in texts if isinstance(x, str))
    return content if isinstance(content, str) and content.strip() else None


class OpenAICompatibleAssistant(Assistant):
    """Ask a chat-completions server; the reply's ``source`` is ``"server"``.

    Parameters
    ----------
    base_url, model, api_key : str, optional
        Default to ``LK_AI_BASE_URL``, ``LK_AI_MODEL`` (else ``"default"``) and
        ``LK_AI_API_KEY`` (else no key).
    timeout : float, optional
        Seconds; defaults to ``LK_AI_TIMEOUT`` or 60.
    temperature, max_tokens : optional
        Sent only when given.
    redact_personal : bool
        Mask personal data instead of refusing prompts that hold some.
    environ : mapping, optional
        Where to read the variables (``os.environ`` by default; tests pass a dict).

    Raises
    ------
    AssistantError
        ``ai.not_configured`` without a base URL, ``ai.bad_url`` for a malformed one.

    Examples
    --------
    >>> bot = OpenAICompatibleAssistant(environ={"LK_AI_BASE_URL": "http://10.0.0.5:8000/v1",
    ...                                          "LK_AI_MODEL": "qwen2.5-3b"})
    >>> bot.url, bot.model, bot.timeout
    ('http://10.0.0.5:8000/v1/chat/completions', 'qwen2.5-3b', 60.0)
    """

    def __init__(self, base_url: str | None = None, model: str | None = None,
                 api_key: str | None = None, *, timeout: float | None = None,
                 temperature: float | None = None, max_tokens: int | None = None,
                 redact_personal: bool = False, environ=None):
        env = os.environ if environ is None else environ
        base = (base_url or env.get(ENV_BASE_URL) or "").strip()
        if not base:
            raise AssistantError("ai.not_configured")
        self.base_url = base
        self.url = chat_completions_url(base)
        self.model = model or env.get(ENV_MODEL) or DEFAULT_MODEL
        self.api_key = api_key if api_key is not None else env.get(ENV_API_KEY, "")
        self.timeout = _seconds(timeout if timeout is not None else env.get(ENV_TIMEOUT))
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.redact_personal = redact_personal

    def label(self, lang: str = DEFAULT_LANG) -> str:
        return t("ai.assistant.server", lang, model=self.model)

    def request_body(self, prompt: str, lang: str) -> dict:
        """The JSON body for ``prompt``: the model, a system message in ``lang``, the prompt."""
        body = {"model": self.model, "stream": False,
                "messages": [{"role": "system", "content": t("ai.system_prompt", lang)},
                             {"role": "user", "content": prompt}]}
        if self.temperature is not None:
            body["temperature"] = self.temperature
        if self.max_tokens is not None:
            body["max_tokens"] = self.max_tokens
        return body

    def _answer(self, prompt: str, lang: str) -> AssistantReply:
        body = json.dumps(self.request_body(prompt, lang), ensure_ascii=False).encode("utf-8")
        status, payload = self._post(body)
        if status in (401, 403):
            raise AssistantError("ai.server_auth", status=status)
        if not 200 <= status < 300:
            raise AssistantError("ai.server_error", status=status)
        try:
            data = json.loads(payload.decode("utf-8"))
        except ValueError:  # also UnicodeDecodeError
            raise AssistantError("ai.bad_response") from None
        text = _reply_text(data)
        if text is None:
            raise AssistantError("ai.bad_response")
        model = data.get("model") if isinstance(data.get("model"), str) else ""
        return AssistantReply(text.strip(), lang, "server", model=model or self.model)

    def _post(self, body: bytes) -> tuple[int, bytes]:
        parts = urlsplit(self.url)
        connection_class = (http.client.HTTPSConnection if parts.scheme == "https"
                            else http.client.HTTPConnection)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "Accept": "application/json", "User-Agent": "literacy-kit"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        deadline = time.monotonic() + self.timeout
        connection = connection_class(parts.hostname, parts.port, timeout=self.timeout)
        try:
            connection.request("POST", path, body=body, headers=headers)
            sock = connection.sock
            response = connection.getresponse()
            return response.status, _read_all(response, sock, deadline)
        except TimeoutError:
            raise AssistantError("ai.server_timeout", seconds=f"{self.timeout:g}") from None
        except http.client.HTTPException:
            raise AssistantError("ai.bad_response") from None
        except OSError:
            raise AssistantError("ai.server_unreachable", url=self.base_url) from None
        except ValueError:  # a host name or path http.client cannot encode
            raise AssistantError("ai.bad_url", url=self.base_url) from None
        finally:
            connection.close()


def _read_all(response: http.client.HTTPResponse, sock, deadline: float) -> bytes:
    """The whole body, within the deadline and the size limit."""
    chunks, size = [], 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the answer took longer than the timeout")
        if sock is not None:
            try:
                sock.settimeout(remaining)
            except OSError:
                pass  # the response already owns the socket; its own timeout still applies
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise http.client.HTTPException("answer too large")
        chunks.append(chunk)


def _seconds(value) -> float:
    """A positive number of seconds from an option or an environment string; else the default."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT
    return seconds if math.isfinite(seconds) and seconds > 0 else DEFAULT_TIMEOUT
