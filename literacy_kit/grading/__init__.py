"""Graded exercises: persistent answers, bindings, partial-credit checks, clean feedback.

The feedback preprocessor is imported from :mod:`literacy_kit.grading.feedback` by the
course config; it is not re-exported here because it pulls in nbconvert (over a second
of start-up), which a learner's kernel never needs.
"""
from .answers import AnswerStore, answers_filename
from .bind import Binding
from .checks import (Score, format_points, score_ordering, score_picks, score_stage,
                     score_true_false, score_value)
from .exercise import Exercise, GradedItem
from .grader import Grader, resolve_lang

__all__ = [
    "AnswerStore", "Binding", "Exercise", "GradedItem", "Grader", "Score",
    "answers_filename", "format_points", "resolve_lang", "score_ordering", "score_picks",
    "score_stage", "score_true_false", "score_value",
]
