"""Scoring the public-services exercise: a birth registration filed in the simulator.

The simulator's state is kept in the answer file like any tapped answer; its application is
plain data that :meth:`~literacy_kit.services.logic.application.Application.from_dict` replays
(an altered one is refused, so it scores zero, never a traceback). The expected values come
from the synthetic family the exercise names (``fake_family(seed, today=...)``): the learner
copies them from the papers shown beside the phone. Partial credit:

- ``submitted``: the application was submitted and has a file code;
- ``fields``: share of the fields the learner types that match the family's data, compared
  after the services logic cleaned both (NFC, tone-mark placement, date formats, choice
  labels or ids);
- ``documents``: right documents in the right slots, minus files put in a slot they do not
  belong to, out of the documents the family has;
- ``fee``: the fee step done on the portal (the exact fee, or nothing for a free procedure)
  and no "fee" paid on the lookalike site.

>>> from datetime import date
>>> from literacy_kit.services.logic.family import fake_family
>>> family = fake_family(3, today=date(2025, 9, 1))
>>> float(score_filing(None, family, points=8))
0.0
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ...grading.checks import Score, unanswered, unreadable
from .application import Application
from .documents import Attachment
from .family import Family, fake_family
from .forms import validate_form
from .sample_files import serves

__all__ = ["FILING_PARTS", "filing", "filing_parts", "score_filing"]

#: Points of each part out of 8; :func:`score_filing` scales them to the cell's points.
FILING_PARTS = {"submitted": 2.0, "fields": 3.0, "documents": 2.0, "fee": 1.0}
_FILED = {"submitted", "received", "processing", "needs_info", "completed"}
PROCEDURE = "newborn"


def _clean(procedure, values: Mapping[str, str], today: date) -> dict:
    """Every field's clean value (``None`` where the text does not pass its check)."""
    check = validate_form(procedure, values, today=today)
    return {field_id: check.values.get(field_id) for field_id in procedure.field_ids}


def _documents(attachments: Mapping[str, list[Attachment]], expected: Mapping[str, list]) -> tuple[int, int]:
    """(right slots, files in slots they do not belong to)."""
    right = sum(1 for doc_id in expected
                if any(doc_id in serves(a.name) for a in attachments.get(doc_id, [])))
    wrong = sum(1 for doc_id, files in attachments.items() for a in files
                if doc_id not in serves(a.name))
    return right, wrong


def filing_parts(app: Application, family: Family, scam_outcome: str = "") -> dict[str, tuple]:
    """``{part: (good, total)}`` for an application of the family's birth registration."""
    procedure = app.procedure
    filed = app.status.value in _FILED and bool(app.file_code)
    submitted_at = next((e.at.date() for e in app.timeline if e.kind == "submitted"),
                        app.timeline[-1].at.date())
    expected = family.newborn_values()
    typed = [f for f in expected if not procedure.field(f).prefilled]
    want = _clean(procedure, expected, submitted_at)
    got = _clean(procedure, app.values, submitted_at)
    fields = sum(1 for f in typed if got[f] is not None and got[f] == want[f])
    slots = family.newborn_attachments()
    right, wrong = _documents(app.attachments, slots)
    fee_ok = filed and app.fee_paid == procedure.fee_vnd and scam_outcome != "fell_for_it"
    return {"submitted": (int(filed), 1), "fields": (fields, len(typed)),
            "documents": (max(0, right - wrong), len(slots)), "fee": (int(fee_ok), 1)}


def score_filing(answer, family: Family, points: float) -> Score:
    """Partial credit for the simulator's state ``answer`` (see the module docstring)."""
    if answer is None:
        return unanswered(points)
    if not isinstance(answer, dict):
        return unreadable(points)
    data = answer.get("application")
    if not data:
        return Score(0.0, float(points), "services_ui.grade.not_started")
    try:
        app = Application.from_dict(data)
    except Exception:  # noqa: BLE001 - an altered application scores zero, quietly
        return unreadable(points)
    if app.procedure.id != PROCEDURE:
        return Score(0.0, float(points), "services_ui.grade.other_procedure")
    outcome = answer.get("scam_outcome", "")
    parts = filing_parts(app, family, outcome if isinstance(outcome, str) else "")
    scale = float(points) / sum(FILING_PARTS.values())
    earned = {name: FILING_PARTS[name] * scale * good / total if total else 0.0
              for name, (good, total) in parts.items()}
    total = round(min(float(points), sum(earned.values())), 2)
    params = {"submitted": parts["submitted"][0], "fee": parts["fee"][0],
              "fields": parts["fields"][0], "fields_total": parts["fields"][1],
              "documents": parts["documents"][0], "documents_total": parts["documents"][1]}
    return Score(total, float(points), "services_ui.grade.filing", params)


def filing(grader, key: str, seed: int, today: str, points: float) -> float:
    """The hidden test of the filing question: print the message, return the points.

    ``seed`` and ``today`` (``"YYYY-MM-DD"``) name the exercise's synthetic family.
    """
    def scorer(store):
        family = fake_family(seed, today=date.fromisoformat(today))
        return score_filing(store.get(key), family, points)

    return grader._grade(points, scorer)
