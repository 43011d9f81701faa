"""The AI lesson's views (ipywidgets), re-exported in one place.

``import literacy_kit.ai`` stays free of widgets; lessons and the kiosk import this module:

>>> from literacy_kit.ai.widgets import ChatSimulator, PasteCheck, PromptCoach, SpotTheError
"""
from __future__ import annotations

from .activities import PasteCheck, TapState, TapTextView
from .activities_quick import QuickPasteCheck, QuickState
from .activities_spot import FlawedAnswer, SpotTheError, flawed_answer
from .chat import ChatSimulator, ChatState
from .coach import CoachState, PromptCoach
from .style import ai_stylesheet

__all__ = ["ChatSimulator", "ChatState", "CoachState", "FlawedAnswer", "PasteCheck",
           "PromptCoach", "QuickPasteCheck", "QuickState", "SpotTheError", "TapState",
           "TapTextView", "ai_stylesheet", "flawed_answer"]
