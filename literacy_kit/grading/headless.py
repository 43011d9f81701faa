"""Autograde reads answers from the file; it does not need to build the answer widgets.

During ``nbgrader autograde`` (``NBGRADER_EXECUTION=autograde``) nobody sees the
notebook: the hidden tests read ``<exercise>_answers.json``. Building the answer views
anyway (a phone simulator is hundreds of widgets, each a message to the grader) costs
more than the rest of grading a submission. :func:`headless` makes an
:class:`~literacy_kit.grading.Exercise` builder return a one-line note instead, in
autograde only; lessons, JupyterLab, Voila and ``nbgrader validate`` are unchanged.
"""
from __future__ import annotations

import functools
import html
import os

from ..i18n import t

EXECUTION_ENV = "NBGRADER_EXECUTION"


def autograding() -> bool:
    """Whether this kernel runs under ``nbgrader autograde``."""
    return os.environ.get(EXECUTION_ENV) == "autograde"


class AnswerNote:
    """What a widget cell shows in an autograded notebook (and its feedback page)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        return f'<p class="lk-graded-headless"><i>{html.escape(self.text)}</i></p>'


def headless(builder):
    """Decorate an ``Exercise`` builder: under autograde, return an :class:`AnswerNote`."""

    @functools.wraps(builder)
    def build(exercise, *args, **kwargs):
        if autograding():
            return AnswerNote(t("grading.autograde_note", exercise.lang,
                                file=f"{exercise.name}_answers.json"))
        return builder(exercise, *args, **kwargs)

    return build
