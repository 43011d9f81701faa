"""The printed step cards of the public-services domain: one per procedure the simulator
runs, with the procedure's own steps (``data/procedures.yaml``), in the simulator's order.

Registered as ``step_cards`` of the domain plug-in; ``literacy-kit handouts`` prints them.
"""
from __future__ import annotations

from ...content.models import Localized
from ...handouts.render import Step, StepCard
from ...i18n import t
from .procedures import load_procedures


def step_cards() -> list[StepCard]:
    cards = []
    for procedure in load_procedures().values():
        steps = tuple(Step(None, step.text) for step in procedure.steps)
        footer = Localized(t("services.card_footer", "vi"), t("services.card_footer", "en"))
        cards.append(StepCard(f"services_{procedure.id}", procedure.title, steps, footer))
    return cards
