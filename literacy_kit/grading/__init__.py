"""Graded exercises: persistent answers, bindings, partial-credit checks, clean feedback.

The feedback preprocessor is imported from :mod:`literacy_kit.grading.feedback` by the
course config; it is not re-exported here because it pulls in nbconvert (over a second
of start-up), which a learner's kernel never needs.
"""
from .answers import AnswerStore, answers_filename
from .bind import Binding
from .cell_check import MissingTestCells, check_notebook_complete, missing_grade_cells
from .checks import (Score, format_points, score_ordering, score_picks, score_stage,
                     score_true_false, score_value)
from .exercise import Exercise, GradedItem
from .grader import Grader, resolve_lang

__all__ = [
    "AnswerStore", "Binding", "Exercise", "GradedItem", "Grader", "MissingTestCells", "Score",
    "answers_filename", "check_notebook_complete", "format_points", "missing_grade_cells",
    "resolve_lang", "score_ordering", "score_picks", "score_stage", "score_true_false",
    "score_value",
]
