"""Trainer-tunable settings of the classroom server, read from the course's nbgrader_config.py.

A trainer writes, next to nbgrader's own settings::

    c.ClassroomSettings.trainers = ["gv01"]        # roster ids that get JupyterLab
    c.ClassroomSettings.grade_on_arrival = True    # grade each hand-in as it arrives

>>> ClassroomSettings().max_failures
5
"""
from __future__ import annotations

from traitlets import Bool, Float, Int, List, TraitError, Unicode, validate
from traitlets.config import Configurable

from ..i18n import LANGS


class ClassroomSettings(Configurable):
    """Who teaches, how learners log in and what each learner's server may use."""

    trainers = List(
        Unicode(), default_value=[], config=True,
        help="Roster ids of the trainers: they log in with a PIN too, and get JupyterLab "
             "with the formgrader on the course folder. Everyone else on the roster is a "
             "learner and only ever sees the tap pages.")
    pin_digits = Int(
        6, config=True, help="Length of the numeric PINs printed on login cards (4 to 10).")
    max_failures = Int(
        5, config=True,
        help="Wrong PINs in a row after which an id is locked until the trainer runs "
             "`literacy-kit classroom unlock ID`.")
    grade_on_arrival = Bool(
        True, config=True,
        help="Collect and grade each hand-in as it arrives (same fenced pipeline as "
             "`course grade`), so the score reaches the learner's card within a minute.")
    memory_limit_mb = Int(
        2048, config=True,
        help="Address-space limit in MB of each process of a learner's server (the server "
             "and each of its kernels); 0 for none.")
    server_idle_timeout = Int(
        1200, config=True,
        help="Seconds without activity after which a learner's server is stopped "
             "(jupyterhub-idle-culler). Answers are on disk; the next visit starts it again.")
    kernel_idle_timeout = Int(
        300, config=True,
        help="Seconds after which a kernel nobody is connected to is shut down.")
    page_ready_limit = Float(
        90.0, config=True,
        help="Seconds after which a learner's page that has not finished loading (its kernel "
             "died or hung while the page was being made) loads itself again, once; 0 for "
             "never. An exercise page takes about 5 s on a quiet 2-core server and up to about "
             "25 s with a whole class arriving at once; a reload costs a new kernel.")
    lang = Unicode("vi", config=True, help="Default language of the pages: vi or en.")
    address = Unicode(
        "", config=True,
        help="The address learners type or scan (printed on login cards), e.g. "
             "http://192.168.1.10:8000/. Empty: worked out from --host and --port.")
    fork_servers = Bool(
        True, config=True,
        help="Fork each learner's server (and its kernels) from a process that has "
             "imported them once, instead of starting a new Python for each: a class "
             "arriving at once gets its pages in seconds instead of a minute.")
    poll_seconds = Float(
        2.0, config=True, help="How often the classroom relay looks for new hand-ins.")

    @validate("pin_digits")
    def _check_digits(self, proposal):
        if not 4 <= proposal["value"] <= 10:
            raise TraitError("pin_digits must be between 4 and 10")
        return proposal["value"]

    @validate("max_failures")
    def _check_failures(self, proposal):
        if proposal["value"] < 1:
            raise TraitError("max_failures must be at least 1")
        return proposal["value"]

    @validate("page_ready_limit")
    def _check_ready_limit(self, proposal):
        if proposal["value"] < 0:
            raise TraitError("page_ready_limit must be 0 or more")
        return proposal["value"]

    @validate("lang")
    def _check_lang(self, proposal):
        if proposal["value"] not in LANGS:
            raise TraitError(f"lang must be one of {LANGS}")
        return proposal["value"]

    @classmethod
    def from_course(cls, course, **overrides) -> "ClassroomSettings":
        """The settings in the course's ``nbgrader_config.py`` (defaults if none)."""
        from ..course.errors import CourseError

        try:
            return cls(config=course.config, **overrides)
        except TraitError as exc:
            raise CourseError("course.records_bad_setting", error=str(exc)) from None
