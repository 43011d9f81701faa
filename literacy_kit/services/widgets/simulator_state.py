"""The public-services simulator's state as plain traits, its screens, and the office's pace.

:class:`PortalState` holds what a learner did (logged in, the procedure, the application as
plain data, the lookalike outcome, the simulated day); a grading helper saves and restores it
like the VNeID simulator's state. :class:`OfficeScript` is what the office does each
simulated day: receive, process, ask once for more information, then complete.

>>> from datetime import datetime
>>> from literacy_kit.services.logic.application import Application
>>> clock = SimClock(datetime(2025, 9, 1, 8, 0))
>>> app = Application("residence_notice", clock=clock)
>>> OfficeScript(ask_for_info=False).advance(app) is None
True
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from traitlets import Bool, Dict, HasTraits, Int, TraitError, Unicode, validate

from ..logic.application import Application
from ..logic.application_types import ApplicationStatus as S
from ..logic.procedures import Procedure, load_procedures

#: Outcomes of the lookalike-portal scenario.
LOOKALIKE_OUTCOMES = ("", "refused", "fell_for_it")
#: Where an application is filed: the web portal, or inside the VNeID app.
CHANNELS = ("portal", "vneid")
#: Application statuses as the state keeps them ('' before any application).
STATUSES = ("",) + tuple(status.value for status in S)
#: What the office asks for when it sends an application back, per procedure: a
#: ``services.reason.<id>`` and, when the reason names one, the document to send again.
INFO_REQUESTS = {
    "newborn": ("document_unclear", "birth_certificate"),
    "temporary_residence": ("document_unclear", "residence_proof"),
    "residence_notice": ("information_mismatch", None),
    "household_business": ("document_unclear", "premises_proof"),
}


class SimClock:
    """The simulation's own time: starts at 08:00 on ``start`` and moves only when told."""

    def __init__(self, start: datetime | date | None = None):
        if start is None:
            start = date.today()
        if not isinstance(start, datetime):
            start = datetime.combine(start, time(8, 0))
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 5) -> None:
        """A few minutes pass (between the citizen's own steps)."""
        self.now += timedelta(minutes=minutes)

    def next_day(self) -> None:
        """The next working morning at 08:00."""
        self.now = datetime.combine(self.now.date() + timedelta(days=1), time(8, 0))

    @property
    def today(self) -> date:
        return self.now.date()


class OfficeScript:
    """What the office does on each simulated day (one step per day).

    submitted -> received -> processing -> (once, when ``ask_for_info``) needs_info;
    after the citizen resubmits: received -> processing -> completed.
    """

    def __init__(self, ask_for_info: bool = True):
        self.ask_for_info = ask_for_info

    def info_request(self, procedure: Procedure) -> tuple[str, str | None]:
        reason, document = INFO_REQUESTS.get(procedure.id, ("information_mismatch", None))
        if document is not None and document not in procedure.document_ids:
            document = procedure.document_ids[0] if procedure.document_ids else None
            reason = reason if document else "information_mismatch"
        return reason, document

    def advance(self, app: Application) -> str | None:
        """Take one office step; return the event kind recorded (``None``: nothing to do)."""
        status = app.status
        if status is S.SUBMITTED:
            app.receive()
        elif status is S.RECEIVED:
            app.start_processing()
        elif status is S.PROCESSING:
            asked = any(event.kind == "needs_info" for event in app.timeline)
            if self.ask_for_info and not asked:
                app.request_info(*self.info_request(app.procedure))
            else:
                app.complete()
        else:
            return None
        return app.last_event.kind


class PortalState(HasTraits):
    """What the learner has done, as plain traits a grading helper can save and restore.

    ``application`` is :meth:`Application.to_dict` (``{}`` before the learner starts one);
    ``status`` and ``file_code`` mirror it for views and tests. Setting ``application``
    from outside (a restore) rebuilds the application by replaying it; setting ``screen``
    shows that screen.
    """

    screen = Unicode("portal_home", help="Key of the screen on the phone.")
    logged_in = Bool(False, help="Whether the citizen is logged in on the portal.")
    level = Int(1, help="Level of the citizen's VNeID account (1, or 2 after the police).")
    channel = Unicode("portal", help="Where the application is filed: 'portal' or 'vneid'.")
    procedure_id = Unicode("", help="Id of the procedure being filed ('' none yet).")
    application = Dict(help="The application as plain data (Application.to_dict), {} if none.")
    status = Unicode("", help="The application's status ('' before one is started).")
    file_code = Unicode("", help="The file code issued on submission ('' before).")
    scam_outcome = Unicode("", help="The lookalike portal: '' (not met), 'refused' or 'fell_for_it'.")
    day = Int(0, help="Simulated days since the simulation started.")

    @validate("screen")
    def _known_screen(self, proposal):
        from .simulator_screens import SCREEN_CLASSES

        if proposal["value"] not in SCREEN_CLASSES:
            raise TraitError(f"unknown screen {proposal['value']!r}")
        return proposal["value"]

    @validate("level")
    def _known_level(self, proposal):
        if proposal["value"] not in (1, 2):
            raise TraitError(f"no account level {proposal['value']!r}")
        return proposal["value"]

    @validate("channel")
    def _known_channel(self, proposal):
        if proposal["value"] not in CHANNELS:
            raise TraitError(f"unknown channel {proposal['value']!r}")
        return proposal["value"]

    @validate("procedure_id")
    def _known_procedure(self, proposal):
        if proposal["value"] and proposal["value"] not in load_procedures():
            raise TraitError(f"unknown procedure {proposal['value']!r}")
        return proposal["value"]

    @validate("status")
    def _known_status(self, proposal):
        if proposal["value"] not in STATUSES:
            raise TraitError(f"unknown status {proposal['value']!r}")
        return proposal["value"]

    @validate("scam_outcome")
    def _known_outcome(self, proposal):
        if proposal["value"] not in LOOKALIKE_OUTCOMES:
            raise TraitError(f"unknown lookalike outcome {proposal['value']!r}")
        return proposal["value"]

    @validate("day")
    def _known_day(self, proposal):
        if not 0 <= proposal["value"] <= 366:
            raise TraitError("a simulation lasts at most a year")
        return proposal["value"]


#: The traits a restore sets, in the order it needs (the screen last).
RESTORE_ORDER = ("level", "logged_in", "scam_outcome", "day", "channel", "procedure_id",
                 "application", "screen")

__all__ = ["CHANNELS", "INFO_REQUESTS", "LOOKALIKE_OUTCOMES", "OfficeScript", "PortalState",
           "RESTORE_ORDER", "STATUSES", "SimClock"]
