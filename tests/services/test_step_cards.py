"""Public-services step cards: one per procedure of the simulator, its steps in order."""
from __future__ import annotations

import io

import pytest

from literacy_kit.handouts import step_cards
from literacy_kit.handouts.render import render_step_card
from literacy_kit.services.logic.procedures import load_procedures
from literacy_kit.text import fold_space

pypdf = pytest.importorskip("pypdf")


@pytest.mark.parametrize("procedure", list(load_procedures().values()), ids=lambda p: p.id)
def test_one_card_per_procedure_with_its_steps_in_order(procedure):
    card = next(c for c in step_cards() if c.id == f"services_{procedure.id}")
    reader = pypdf.PdfReader(io.BytesIO(render_step_card(card, "vi")))
    text = fold_space(" ".join(page.extract_text() for page in reader.pages))
    assert fold_space(procedure.title.vi) in text
    start = 0
    for step in procedure.steps:
        found = text.find(fold_space(step.text.vi), start)
        assert found >= 0, step.id
        start = found
