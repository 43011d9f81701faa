"""The safety lesson's views (ipywidgets), re-exported in one place.

``import literacy_kit.safety`` stays free of widgets; lessons and the kiosk import this module:

>>> from literacy_kit.safety.widgets import LinkInspector, MessageSorter, ScamQuiz, ScamSimulator
"""
from __future__ import annotations

from .link_inspector import LinkInspector, LinkState
from .quiz import QuizState, ScamQuiz
from .simulator import ScamSimulator, SimulatorState
from .sorting import MessageSorter, SortState
from .source_notes import SourceNotes
from .style import safety_stylesheet

__all__ = ["LinkInspector", "LinkState", "MessageSorter", "QuizState", "ScamQuiz", "ScamSimulator",
           "SimulatorState", "SortState", "SourceNotes", "safety_stylesheet"]
