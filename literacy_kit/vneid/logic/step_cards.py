"""The printed step cards of the VNeID domain, built from the simulator's own sequence
(:mod:`.registration`), its screen titles (the ``vneid`` catalog) and the lesson's step
texts, so the card in a learner's hand matches the simulated phone on the screen.

Registered as ``step_cards`` of the domain plug-in; ``literacy-kit handouts`` prints them.
"""
from __future__ import annotations

from ...content import load
from ...content.models import Localized
from ...handouts.render import Step, StepCard
from ...i18n import t
from .registration import ACTIVATION_SCREENS, LEVEL1_STEPS


def _title(screens: tuple[str, ...]) -> Localized:
    def joined(lang: str) -> str:
        # " / ": the bold font of the cards has no arrow glyph
        return " / ".join(t(f"vneid.{screen}.title", lang) for screen in screens)

    return Localized(joined("vi"), joined("en"))


def level1_card() -> StepCard:
    """Registering a level-1 account, one box per step of :data:`LEVEL1_STEPS`."""
    ordering = load("vneid_lesson").orderings["level1_steps"]
    texts = dict(zip(ordering.step_ids, ordering.steps))
    steps = tuple(Step(_title(step.screens), texts[step.id]) for step in LEVEL1_STEPS)
    return StepCard("vneid_level1", Localized(t("vneid.card_level1_title", "vi"), t("vneid.card_level1_title", "en")),
                    steps, Localized(t("vneid.card_level1_footer", "vi"), t("vneid.card_level1_footer", "en")))


def activation_card() -> StepCard:
    """Activating the account after the approval message, one box per activation screen."""
    ordering = load("vneid_lesson").orderings["activation_steps"]
    texts = dict(zip(ordering.step_ids, ordering.steps))
    steps = tuple(Step(_title((screen,)), texts[screen]) for screen in ACTIVATION_SCREENS)
    return StepCard("vneid_activation", Localized(t("vneid.card_activation_title", "vi"),
                                                  t("vneid.card_activation_title", "en")),
                    steps, Localized(t("vneid.card_activation_footer", "vi"), t("vneid.card_activation_footer", "en")))


def step_cards() -> list[StepCard]:
    return [level1_card(), activation_card()]
