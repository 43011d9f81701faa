"""Handouts for trainers and learners as PDFs: session plans, before/after check sheets,
the glossary, the scam rules card, the local contact sheet and step cards.

``literacy-kit handouts`` (:mod:`.cli`) writes them all; :func:`make_handouts` does the
same from Python.
"""
from .build import make_handouts, step_cards
from .contacts import ContactSheet, load_contacts
from .errors import HandoutError
from .plans import SessionPlan, load_plan, load_plan_file, load_plans
from .render import Step, StepCard

__all__ = ["ContactSheet", "HandoutError", "SessionPlan", "Step", "StepCard", "load_contacts",
           "load_plan", "load_plan_file", "load_plans", "make_handouts", "step_cards"]
