"""The chat simulator's state: the conversation and the last outcome, as plain values.

Kept apart from the view so a grading store, a test or a script can read and restore it.

>>> from literacy_kit.ai.logic.chat_state import ChatState
>>> ChatState(refused_kinds=["phone"]).refused_kinds
('phone',)
"""
from __future__ import annotations

from traitlets import Dict, Enum, HasTraits, Int, List, Tuple, Unicode, validate

from .personal_data import DataKind

__all__ = ["ChatState", "MAX_MESSAGES", "SOURCES", "STATUSES"]

STATUSES = ("idle", "answered", "refused", "error")
SOURCES = ("offline", "server")
MAX_MESSAGES = 30
"""Older messages scroll away: a kiosk left open all day keeps a short conversation."""


class ChatState(HasTraits):
    """The conversation and the last outcome, as plain values (JSON-ready)."""

    draft = Unicode("", help="The prompt as typed in the box; kept when a prompt is refused or fails.")
    messages = List(Dict(), help="The conversation, oldest first: {'role': 'user' or 'assistant', "
                                 "'text', and for the assistant 'source', 'scenario', 'model'}.")
    status = Enum(STATUSES, default_value="idle",
                  help="Outcome of the last send: idle, answered, refused (personal data) or error.")
    refused_kinds = Tuple(help="Kinds of personal data in the refused prompt (DataKind values).")
    error_key = Unicode("", help="Catalog key of the last error message ('' when none).")
    error_params = Dict(help="Format values of that message.")
    source = Enum(SOURCES, default_value="offline",
                  help="Who answers: the offline assistant or the trainer's AI server.")
    sent = Int(0, help="How many prompts reached an assistant.")

    @validate("refused_kinds")
    def _known_kinds(self, proposal):
        return tuple(DataKind(kind).value for kind in proposal["value"])
