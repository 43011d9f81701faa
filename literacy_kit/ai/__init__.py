"""The AI domain, using AI assistants safely (``logic/`` pure Python, ``widgets/`` views).

This package re-exports the logic only; importing it does not import ipywidgets.

* :func:`find_personal_data` and :func:`redact`: ID numbers, phone numbers, e-mails,
  bank accounts and OTPs in a prompt, found in any way people write them, and masked.
* :func:`review_prompt`: a five-criterion rubric (task, context, format, audience,
  privacy) with feedback and an improved prompt, in Vietnamese or English.
* :class:`Assistant` and its implementations: :class:`OfflineAssistant` (deterministic,
  with one deliberately wrong answer to catch) and :class:`OpenAICompatibleAssistant`
  (a chat-completions server on the local network). :func:`ask` refuses or masks
  personal data before any assistant sees a prompt.

Texts live in ``data/*.yaml``, ``content/`` and the ``ai`` catalogs of this package.

>>> redact("STK 1903 4567 8901 Agribank", "en")
'STK [ACCOUNT] Agribank'
>>> review_prompt("Vi\\u1ebft th\\u00f4ng b\\u00e1o h\\u1ecdp th\\u00f4n", "vi").scenario
'meeting_notice'
"""
from __future__ import annotations

from .logic.assistant import (MAX_PROMPT_CHARS, Assistant, AssistantError, AssistantReply, FlawLocation,
                        GuardedAssistant, OfflineAssistant, PersonalDataError, ask, check_prompt)
from .logic.client import OpenAICompatibleAssistant, chat_completions_url
from .logic.personal_data import DataKind, Finding, find_personal_data, mask, redact
from .logic.prompt_review import CRITERIA, CriterionResult, PromptReview, review_prompt
from .logic.scenarios import Flaw, Scenario, match_scenario, scenario, scenarios

__all__ = [
    "Assistant", "AssistantError", "AssistantReply", "CRITERIA", "CriterionResult", "DataKind",
    "Finding", "Flaw", "FlawLocation", "GuardedAssistant", "MAX_PROMPT_CHARS", "OfflineAssistant",
    "OpenAICompatibleAssistant", "PersonalDataError", "PromptReview", "Scenario", "ask",
    "chat_completions_url", "check_prompt", "find_personal_data", "mask", "match_scenario",
    "redact", "review_prompt", "scenario", "scenarios",
]
