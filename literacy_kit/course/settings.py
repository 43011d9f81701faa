"""Trainer-tunable settings of course operations, read from the course's nbgrader_config.py.

A trainer writes, next to nbgrader's own settings::

    c.CourseSettings.pass_fraction = 0.6
    c.CourseSettings.required_assignments = ["vneid"]
    c.CourseSettings.programme = "..."   # printed on completion slips

>>> CourseSettings().pass_fraction
0.5
"""
from __future__ import annotations

import os

from traitlets import Float, Int, List, TraitError, Unicode, validate
from traitlets.config import Configurable

from ..i18n import LANGS


class CourseSettings(Configurable):
    """Pass mark, required assignments and grading limits of one course."""

    pass_fraction = Float(
        0.5, config=True,
        help="An assignment counts as completed when its score is at least this share of "
             "its maximum (0 to 1).")
    required_assignments = List(
        Unicode(), default_value=[], config=True,
        help="Assignments a learner must complete to pass the course (and get a completion "
             "slip). Empty: every assignment in source/.")
    jobs = Int(
        0, config=True,
        help="Submissions graded at the same time; 0 means the number of CPUs.")
    submission_timeout = Float(
        120.0, config=True,
        help="Wall-clock limit in seconds for grading one submission, whatever its "
             "cells do.")
    cell_timeout = Int(
        10, config=True,
        help="Seconds one cell of a submission may run before it is interrupted.")
    lang = Unicode(
        "vi", config=True,
        help="Language of reports, messages and completion slips: vi or en.")
    programme = Unicode(
        "", config=True,
        help="Name of the training programme printed on completion slips (e.g. the "
             "commune's class). Empty: a generic name from the catalogs.")
    organiser = Unicode(
        "", config=True,
        help="Who runs the class (e.g. the commune People's Committee), printed at the "
             "top of completion slips. Empty: not printed.")

    @validate("pass_fraction")
    def _check_fraction(self, proposal):
        value = proposal["value"]
        if not 0.0 <= value <= 1.0:
            raise TraitError(f"pass_fraction must be between 0 and 1, not {value}")
        return value

    @validate("jobs", "cell_timeout")
    def _check_non_negative(self, proposal):
        if proposal["value"] < 0:
            raise TraitError(f"{proposal['trait'].name} cannot be negative")
        return proposal["value"]

    @validate("submission_timeout")
    def _check_timeout(self, proposal):
        if proposal["value"] <= 0:
            raise TraitError("submission_timeout must be more than 0 seconds")
        return proposal["value"]

    @validate("lang")
    def _check_lang(self, proposal):
        if proposal["value"] not in LANGS:
            raise TraitError(f"lang must be one of {LANGS}, not {proposal['value']!r}")
        return proposal["value"]

    @property
    def effective_jobs(self) -> int:
        """``jobs``, with 0 replaced by the number of CPUs."""
        return self.jobs or os.cpu_count() or 1

    def required(self, assignments: list[str]) -> list[str]:
        """The assignments needed to pass, given the ones the course has."""
        return list(self.required_assignments) or list(assignments)

    @classmethod
    def from_course(cls, course, **overrides) -> "CourseSettings":
        """The settings in ``course.root/nbgrader_config.py`` (defaults if none), then
        ``overrides``. ``course`` is a :class:`~literacy_kit.course.course_dir.CourseDir`
        or a folder path."""
        from .course_dir import CourseDir, load_course_config

        from .errors import CourseError

        config = course.config if isinstance(course, CourseDir) else load_course_config(course)
        try:
            return cls(config=config, **overrides)
        except TraitError as exc:
            raise CourseError("course.records_bad_setting", error=str(exc)) from None
