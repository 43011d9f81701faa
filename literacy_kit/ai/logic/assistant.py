"""AI assistants for the lesson: one interface, a deterministic offline assistant, a guard.

Every prompt passes :func:`ask` before it reaches an assistant: blank or over-long
prompts are refused, and personal data (:func:`~literacy_kit.ai.find_personal_data`)
is refused with :class:`PersonalDataError`, or masked when the caller explicitly asks
(``redact_personal=True``). :meth:`Assistant.reply` goes through the same guard, so no
assistant, offline or on a server, ever sees an ID number, phone number or OTP.

:class:`OfflineAssistant` answers the lesson's scenarios from ``data/scenarios.yaml``
and gives one confidently wrong answer (VNeID level 2 "by phone") for learners to
catch; the reply says so (``flawed``) and where (``flaw``).

>>> bot = OfflineAssistant()
>>> bot.reply("Write a scam warning for the village Zalo group", "en").scenario
'scam_warning'
>>> try:
...     bot.reply("Call me on 0912 345 678", "en")
... except PersonalDataError as err:
...     print(err.code, err.kinds)
ai.personal_data ('phone',)
"""
from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from dataclasses import dataclass

from ...errors import InputError
from ...i18n import DEFAULT_LANG, normalize_lang, t
from ...text import nfc
from .personal_data import DataKind, Finding, find_personal_data, redact
from .scenarios import fallback_text, match_scenario

__all__ = ["Assistant", "AssistantError", "AssistantReply", "FlawLocation", "GuardedAssistant",
           "MAX_PROMPT_CHARS", "OfflineAssistant", "PersonalDataError", "ask", "check_prompt"]

MAX_PROMPT_CHARS = 4000
"""Longer prompts are refused: a pasted policy excerpt fits, a whole book does not."""


class AssistantError(InputError):
    """Why an assistant could not answer, with a friendly message in vi/en.

    Codes: ``ai.empty_prompt``, ``ai.prompt_too_long`` (``count``, ``limit``),
    ``ai.personal_data`` (``kinds``, see :class:`PersonalDataError`),
    ``ai.not_configured``, ``ai.bad_url`` (``url``), ``ai.server_unreachable`` (``url``),
    ``ai.server_timeout`` (``seconds``), ``ai.server_error`` (``status``),
    ``ai.server_auth`` (``status``), ``ai.bad_response``.
    """


class PersonalDataError(AssistantError):
    """A prompt holds personal data; ``kinds`` and ``findings`` say which and where.

    ``params["kinds"]`` holds the kind codes (``"cccd, phone"``) for logs; the message
    names the kinds in the learner's language.
    """

    def __init__(self, findings: list[Finding] | tuple[Finding, ...]):
        kinds = tuple(dict.fromkeys(DataKind(f.kind) for f in findings))
        super().__init__("ai.personal_data", kinds=", ".join(k.value for k in kinds))
        self.kinds = tuple(k.value for k in kinds)
        self.findings = tuple(findings)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        names = ", ".join(DataKind(k).label(lang) for k in self.kinds)
        return t(f"errors.{self.code}", lang, kinds=names)


@dataclass(frozen=True)
class FlawLocation:
    """Where a deliberately wrong answer goes wrong: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str
    explanation: str


@dataclass(frozen=True)
class AssistantReply:
    """An assistant's answer.

    ``source`` is ``"offline"`` or ``"server"``; ``scenario`` the lesson scenario the
    offline assistant recognised (``None`` for its fallback and for servers);
    ``flawed`` marks the deliberately wrong answer and ``flaw`` locates the error in
    ``text``; ``prompt`` is the prompt as the assistant received it (masked when the
    guard was asked to mask); ``model`` the server's model name.
    """

    text: str
    lang: str
    source: str
    scenario: str | None = None
    flawed: bool = False
    flaw: FlawLocation | None = None
    prompt: str = ""
    model: str = ""


def check_prompt(prompt: str | None, lang: str = DEFAULT_LANG, *,
                 redact_personal: bool = False) -> str:
    """The prompt an assistant may receive: NFC, trimmed, and free of personal data.

    Raises
    ------
    AssistantError
        ``ai.empty_prompt`` or ``ai.prompt_too_long``.
    PersonalDataError
        When personal data is found and ``redact_personal`` is false.

    Examples
    --------
    >>> check_prompt("  OTP 483920 please ", "en", redact_personal=True)
    'OTP [OTP] please'
    """
    text = nfc(prompt or "").strip()
    if not text:
        raise AssistantError("ai.empty_prompt")
    if len(text) > MAX_PROMPT_CHARS:
        raise AssistantError("ai.prompt_too_long", count=len(text), limit=MAX_PROMPT_CHARS)
    findings = find_personal_data(text)
    if findings:
        if not redact_personal:
            raise PersonalDataError(findings)
        text = redact(text, lang)
    return text


def ask(assistant, prompt: str | None, lang: str = DEFAULT_LANG, *,
        redact_personal: bool = False) -> "AssistantReply":
    """Check ``prompt`` with :func:`check_prompt`, then let ``assistant`` answer it.

    Parameters
    ----------
    assistant : Assistant
        Any assistant; one that only has ``reply(prompt, lang)`` works too.
    prompt : str
        What the learner typed.
    lang : str
        The learner's language.
    redact_personal : bool
        Mask personal data instead of refusing the prompt (an explicit choice).

    Examples
    --------
    >>> warning = "Vi\\u1ebft b\\u00e0i c\\u1ea3nh b\\u00e1o l\\u1eeba \\u0111\\u1ea3o"
    >>> reply = ask(OfflineAssistant(), warning, "vi")
    >>> reply.scenario, reply.flawed
    ('scam_warning', False)
    """
    lang = normalize_lang(lang)
    text = check_prompt(prompt, lang, redact_personal=redact_personal)
    answer = getattr(assistant, "_answer", None) or assistant.reply
    reply = answer(text, lang)
    return dataclasses.replace(reply, prompt=text)


class Assistant(ABC):
    """An AI assistant: ``reply(prompt, lang)`` returns an :class:`AssistantReply`.

    Subclasses implement :meth:`_answer`, which only ever receives prompts that passed
    the guard; :meth:`reply` is the guarded entry point. ``redact_personal`` chooses
    masking over refusing for this assistant.
    """

    redact_personal: bool = False

    def reply(self, prompt: str, lang: str = DEFAULT_LANG) -> AssistantReply:
        """Answer ``prompt`` in ``lang`` after the personal-data guard (see :func:`ask`)."""
        return ask(self, prompt, lang, redact_personal=self.redact_personal)

    @abstractmethod
    def _answer(self, prompt: str, lang: str) -> AssistantReply:
        """Answer a prompt that already passed :func:`check_prompt`."""

    def label(self, lang: str = DEFAULT_LANG) -> str:
        """The assistant's name for a learner."""
        return t("ai.assistant.offline", lang)


class OfflineAssistant(Assistant):
    """The deterministic classroom assistant: scenario answers from the data file.

    Examples
    --------
    >>> reply = OfflineAssistant().reply("How do I get VNeID level 2?", "en")
    >>> reply.flawed, reply.text[reply.flaw.start:reply.flaw.end] == reply.flaw.quote
    (True, True)
    """

    def __init__(self, redact_personal: bool = False):
        self.redact_personal = redact_personal

    def _answer(self, prompt: str, lang: str) -> AssistantReply:
        found = match_scenario(prompt)
        if found is None:
            return AssistantReply(fallback_text(lang), lang, "offline")
        text = found.answer.get(lang)
        flaw = None
        if found.flaw is not None:
            quote = found.flaw.quote.get(lang)
            start = text.index(quote)
            flaw = FlawLocation(start, start + len(quote), quote, found.flaw.explanation.get(lang))
        return AssistantReply(text, lang, "offline", scenario=found.id, flawed=found.flawed,
                              flaw=flaw)


class GuardedAssistant(Assistant):
    """Wraps any object with ``reply(prompt, lang)`` behind the personal-data guard.

    Examples
    --------
    >>> safe = GuardedAssistant(OfflineAssistant(), redact_personal=True)
    >>> safe.reply("Write a notice for the village meeting, call 0912345678", "en").prompt
    'Write a notice for the village meeting, call [PHONE]'
    """

    def __init__(self, inner, redact_personal: bool = False):
        self.inner = inner
        self.redact_personal = redact_personal

    def _answer(self, prompt: str, lang: str) -> AssistantReply:
        answer = getattr(self.inner, "_answer", None) or self.inner.reply
        return answer(prompt, lang)

    def label(self, lang: str = DEFAULT_LANG) -> str:
        inner_label = getattr(self.inner, "label", None)
        return inner_label(lang) if callable(inner_label) else super().label(lang)
