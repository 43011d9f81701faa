"""Widget primitives shared by every lesson: questions, ordering, fields, phone, flows, speech."""
from .base import LangView, css
from .choice import ChoiceQuestion, ChoiceState
from .display import DisplayOptions, DisplayState
from .feedback import FeedbackPanel, FeedbackState, ProgressDisplay, ProgressState
from .form_field import FieldState, FormField
from .keyboard import OnScreenKeyboard
from .ordering import OrderingState, StepOrdering
from .page import PageView
from .phone_frame import PhoneFrame
from .read_aloud import ReadAloud
from .step_flow import FlowState, StepFlow
from .style import stylesheet

__all__ = [
    "ChoiceQuestion", "ChoiceState", "DisplayOptions", "DisplayState", "FeedbackPanel",
    "FeedbackState", "FieldState", "FlowState", "FormField", "LangView", "OnScreenKeyboard",
    "OrderingState",
    "PageView", "PhoneFrame", "ProgressDisplay", "ProgressState", "ReadAloud", "StepFlow",
    "StepOrdering", "css", "stylesheet",
]
