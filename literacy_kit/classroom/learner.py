"""What a learner's own server knows and does: released assignments, card states,
fetching and handing in, through nbgrader's real exchange (no widgets here).

Runs inside the learner's fenced server (:mod:`.learner_server`); the spawner passes
where things are in ``LK_CLASSROOM_*`` variables. The learner's nbgrader sees the lane as
its exchange root: ``outbound`` there is the course's real outbound (read only), and
``inbound`` is the lane's own, emptied by the relay into the real exchange.

>>> import tempfile, pathlib
>>> env = LearnerEnv(home=pathlib.Path(tempfile.mkdtemp()), user="hv01", course_id="c",
...                  exchange=pathlib.Path(tempfile.mkdtemp()), results=pathlib.Path("/nonexistent"))
>>> env.released()
[]
"""
from __future__ import annotations

import datetime
import getpass
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..grading.answers import answers_filename

_quiet = logging.getLogger("literacy_kit.classroom.exchange")
_quiet.addHandler(logging.NullHandler())
_quiet.propagate = False


class HandInError(Exception):
    """Fetching or handing in failed; ``reason`` is nbgrader's own (English) text, for logs."""

    def __init__(self, key: str, reason: str = ""):
        super().__init__(key)
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class LearnerEnv:
    home: Path
    user: str
    course_id: str
    exchange: Path
    results: Path

    @classmethod
    def from_env(cls, environ=os.environ) -> "LearnerEnv":
        return cls(home=Path(environ.get("HOME") or Path.home()),
                   user=(environ.get("LK_CLASSROOM_USER") or environ.get("JUPYTERHUB_USER")
                         or getpass.getuser()),
                   course_id=environ.get("LK_CLASSROOM_COURSE_ID", "literacy_kit"),
                   exchange=Path(environ.get("LK_CLASSROOM_EXCHANGE", "")),
                   results=Path(environ.get("LK_CLASSROOM_RESULTS", "")))

    @property
    def outbound(self) -> Path:
        return self.exchange / self.course_id / "outbound"

    @property
    def cache(self) -> Path:
        return self.home / ".local" / "share" / "jupyter" / "nbgrader_cache"

    def released(self) -> list[str]:
        try:
            entries = sorted(self.outbound.iterdir())
        except OSError:
            return []
        return [e.name for e in entries if e.is_dir() and (e / f"{e.name}.ipynb").is_file()]

    def folder(self, assignment: str) -> Path:
        return self.home / assignment

    def notebook(self, assignment: str) -> Path:
        return self.folder(assignment) / f"{assignment}.ipynb"

    def status(self) -> dict:
        try:
            data = json.loads((self.results / "status.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def feedback_page(self, assignment: str) -> Path | None:
        page = self.results / f"{assignment}.html"
        return page if page.is_file() else None

    # -- nbgrader ------------------------------------------------------------------------
    def _config(self, assignment: str):
        from traitlets.config import Config

        config = Config()
        config.CourseDirectory.course_id = self.course_id
        config.CourseDirectory.assignment_id = assignment
        config.CourseDirectory.student_id = self.user   # the lane decides it anyway
        config.CourseDirectory.root = str(self.home)
        config.Exchange.root = str(self.exchange)
        config.Exchange.cache = str(self.cache)
        config.Exchange.assignment_dir = str(self.home)
        return config

    def _app(self, kind, assignment: str):
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory

        config = self._config(assignment)
        return kind(coursedir=CourseDirectory(config=config),
                    authenticator=Authenticator(config=config), config=config, log=_quiet)

    def fetch(self, assignment: str) -> Path:
        """The learner's copy of ``assignment``, fetched from the exchange on first open."""
        if self.notebook(assignment).is_file():
            # nbgrader is imported only to fetch: importing it costs the page's kernel
            # seconds (it loads jsonschema and its format grammars) on every later visit
            return self.notebook(assignment)
        from nbgrader.exchange import ExchangeError
        from nbgrader.exchange.default.fetch_assignment import ExchangeFetchAssignment

        if assignment not in self.released():
            raise HandInError("unknown_assignment")
        app = self._app(ExchangeFetchAssignment, assignment)
        app.replace_missing_files = True
        try:
            app.start()
        except ExchangeError as exc:
            raise HandInError("fetch_failed", str(exc)) from None
        return self.notebook(assignment)

    def answered(self, assignment: str) -> bool:
        """Whether any answer is saved for ``assignment``."""
        from ..grading.answers import AnswerStore

        path = self.folder(assignment) / answers_filename(assignment)
        answers, _problem = AnswerStore(path, exercise=assignment, writable=False).read_file()
        return any(value not in (None, "", [], {}) for value in answers.values())

    def submit(self, assignment: str) -> "Submission":
        """Hand in the learner's folder through nbgrader's ExchangeSubmit."""
        from nbgrader.exchange import ExchangeError
        from nbgrader.exchange.default.submit import ExchangeSubmit

        if not self.notebook(assignment).is_file():
            raise HandInError("nothing_to_hand_in")
        app = self._app(ExchangeSubmit, assignment)
        try:
            app.start()
        except ExchangeError as exc:
            raise HandInError("handin_failed", str(exc)) from None
        name = app.assignment_filename
        return Submission(assignment, app.timestamp, name.rsplit("+", 1)[-1][:6])

    def submissions(self, assignment: str) -> list[str]:
        """nbgrader timestamps of this learner's hand-ins (from nbgrader's own cache)."""
        folder = self.cache / self.course_id
        prefix = f"{self.user}+{assignment}+"
        try:
            names = [p.name for p in folder.iterdir() if p.name.startswith(prefix)]
        except OSError:
            return []
        return sorted(name[len(prefix):] for name in names)


@dataclass
class Submission:
    assignment: str
    timestamp: str
    receipt: str

    @property
    def local_time(self) -> str:
        return local_hhmm(self.timestamp)


def parse_utc(timestamp: str) -> datetime.datetime:
    """An nbgrader timestamp (``2026-12-05 02:50:10.123456 UTC``) as a naive UTC time, the
    way ``nbgrader.utils.parse_utc`` reads it, without importing nbgrader into the page's
    kernel (see :meth:`LearnerEnv.fetch`)."""
    from dateutil.parser import parse

    moment = parse(timestamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return moment


def local_hhmm(timestamp: str) -> str:
    """``HH:MM`` in this machine's time zone of an nbgrader timestamp ('' if unreadable)."""
    moment = _parsed(timestamp)
    if moment is None:
        return ""
    return moment.replace(tzinfo=datetime.timezone.utc).astimezone().strftime("%H:%M")


@dataclass
class Card:
    """One released assignment as the learner's home shows it."""

    assignment: str
    state: str                  # not_started, in_progress, submitted, graded
    submitted_at: str = ""      # HH:MM
    receipt: str = ""
    score: float | None = None
    max_score: float | None = None
    feedback: Path | None = None


def _parsed(timestamp: str) -> datetime.datetime | None:
    """An nbgrader timestamp as a naive UTC time, ``None`` if unreadable."""
    try:
        return parse_utc(timestamp)
    except (ValueError, TypeError, OverflowError):
        return None


def cards(env: LearnerEnv) -> list[Card]:
    """A card per released assignment, with its state (see :class:`Card`)."""
    status = env.status()
    result = []
    for assignment in env.released():
        card = Card(assignment, "not_started")
        if env.notebook(assignment).is_file():
            card.state = "in_progress"
        handed = env.submissions(assignment)
        info = status.get(assignment, {}) if isinstance(status.get(assignment), dict) else {}
        if handed:
            card.state, card.submitted_at = "submitted", local_hhmm(handed[-1])
            card.receipt = str(info.get("receipt", "")) if info.get("received") == handed[-1] else ""
        if info.get("score") is not None:
            graded, latest = _parsed(str(info.get("graded", ""))), _parsed(handed[-1]) if handed else None
            # a hand-in newer than the graded one is waiting to be graded again
            if graded is None or latest is None or latest <= graded:
                card.state = "graded"
                card.score, card.max_score = float(info["score"]), float(info.get("max_score") or 0)
        card.feedback = env.feedback_page(assignment)
        result.append(card)
    return result
