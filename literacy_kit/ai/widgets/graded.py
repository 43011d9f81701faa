"""The AI domain's graded items: tap what must not be pasted, tap the wrong sentence.

Built through the domain registry as ``Exercise(...).paste_check(id)`` and
``Exercise(...).spot_error(id)``; answers are piece or sentence ids for ``Grader.picks``.
"""
from __future__ import annotations

from .activities import PasteCheck
from .activities_spot import SpotTheError


def paste_check(exercise, item_id: str):
    """Tap the pieces of a text that must be removed before pasting it into an AI assistant.

    The text is the content page ``item_id`` (one paragraph per piece); the answer is
    kept as piece ids, ``{"selected": ["p2", "p5"]}``.
    """
    view = PasteCheck(exercise.bundle.pages[item_id], lang=exercise.lang, graded=True)
    return exercise.track(item_id, view, view.state, ["selected"], hint="ai_widgets.exercise.hint")


def spot_error(exercise, item_id: str):
    """Tap the wrong sentence of an AI assistant's answer (content page ``item_id``).

    The answer is kept as the sentence id, ``{"selected": ["s2"]}``.
    """
    view = SpotTheError(lang=exercise.lang, source=exercise.bundle.pages[item_id], graded=True)
    return exercise.track(item_id, view, view.state, ["selected"], hint="ai_widgets.exercise.hint")
