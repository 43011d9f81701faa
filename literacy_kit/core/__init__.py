"""Widget primitives shared by every lesson: questions, ordering, fields, phone, flows."""
from .base import LangView, css
from .choice import ChoiceQuestion, ChoiceState
from .feedback import FeedbackPanel, FeedbackState, ProgressDisplay, ProgressState
from .form_field import FieldState, FormField
from .ordering import OrderingState, StepOrdering
from .page import PageView
from .phone_frame import PhoneFrame
from .step_flow import FlowState, StepFlow
from .style import stylesheet

__all__ = [
    "ChoiceQuestion", "ChoiceState", "FeedbackPanel", "FeedbackState", "FieldState",
    "FlowState", "FormField", "LangView", "OrderingState", "PageView", "PhoneFrame",
    "ProgressDisplay", "ProgressState", "StepFlow", "StepOrdering", "css", "stylesheet",
]
