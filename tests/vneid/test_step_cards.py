"""The VNeID step cards print the simulator's sequence: one box per step, in order, with the
titles of the simulator's own screens and the lesson's words."""
from __future__ import annotations

import io

import pytest

from literacy_kit import content
from literacy_kit.handouts import step_cards
from literacy_kit.handouts.render import render_step_card
from literacy_kit.i18n import t
from literacy_kit.text import fold_space
from literacy_kit.vneid.logic.registration import ACTIVATION_SCREENS, LEVEL1_STEPS
from literacy_kit.vneid.logic.step_cards import activation_card, level1_card

pypdf = pytest.importorskip("pypdf")


def text_of(card, lang="vi") -> str:
    reader = pypdf.PdfReader(io.BytesIO(render_step_card(card, lang)))
    return fold_space(" ".join(page.extract_text() for page in reader.pages))


def in_order(text: str, parts: list[str]) -> bool:
    positions, start = [], 0
    for part in parts:
        found = text.find(fold_space(part), start)
        if found < 0:
            return False
        positions.append(found)
        start = found + 1
    return True


def test_the_domain_offers_its_cards_through_the_registry():
    ids = {card.id for card in step_cards()}
    assert {"vneid_level1", "vneid_activation"} <= ids


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_level1_card_follows_the_simulator(lang):
    card = level1_card()
    assert len(card.steps) == len(LEVEL1_STEPS)
    lesson = content.load("vneid_lesson").orderings["level1_steps"]
    text = text_of(card, lang)
    parts = []
    for step, words in zip(LEVEL1_STEPS, lesson.steps):
        parts += [t(f"vneid.{screen}.title", lang) for screen in step.screens] + [words.get(lang)]
    assert in_order(text, parts)
    assert t("handouts.steps_mark", lang) in text


def test_activation_card_follows_the_simulator():
    text = text_of(activation_card())
    assert in_order(text, [t(f"vneid.{screen}.title", "vi") for screen in ACTIVATION_SCREENS])
    assert "Không đọc mã OTP" in text
