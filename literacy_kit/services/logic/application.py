"""An online application as a state machine, from draft to result.

::

    draft --submit()--> submitted --receive()--> received --start_processing()--> processing
    processing --complete()--> completed
    processing --request_info(reason, document)--> needs_info --resubmit(...)--> submitted
    received | processing --reject(reason)--> rejected

In ``draft`` the citizen fills the form (:meth:`Application.fill`), attaches files
(:meth:`~Application.attach`) and, when the procedure has a fee, pays it
(:meth:`~Application.pay_fee`, the exact amount) *before* :meth:`~Application.submit`,
as the portal asks for payment at the end of the review. A payment stays valid through
a request for more information. :meth:`~Application.submit` checks every field and
document and refuses with one :class:`ApplicationError` listing all problems.

Any step at the wrong time raises :class:`ApplicationError` with its own code and
changes nothing. Each step adds an :class:`~.application_types.Event` to
:attr:`~Application.timeline`, with the notifications the citizen gets on the portal,
in VNeID and by SMS.

File codes (synthetic format): ``<office code>-<yymmdd of submission>-<sequence>``, e.g.
``G01.27.05-250701-0001``; the office code is made up per procedure, the sequence is the
``sequence`` given to the constructor (a counter kept by the caller, deterministic).

>>> from datetime import datetime
>>> app = Application("residence_notice", clock=lambda: datetime(2025, 7, 1, 8, 0))
>>> app.status.value, next_action(app)
('draft', 'services.next.fix_form')
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from ...errors import InputError
from ...i18n import catalog, placeholders
from .application_types import (CLOSED, ApplicationError, ApplicationStatus as S, Event, money)
from .documents import Attachment, InvalidAttachment, check_attachment, check_documents
from .forms import parse_number, validate_form
from .procedures import Procedure, get_procedure

__all__ = ["Application", "ApplicationError", "FORMAT", "next_action"]

FORMAT = "literacy_kit.services.logic.application/1"
"""The ``format`` tag of :meth:`Application.to_dict`."""
_WRONG_STATE = {  # action: (statuses it is allowed in, code when it is not)
    "fill": ({S.DRAFT}, "application.already_submitted"),
    "pay_fee": ({S.DRAFT}, "application.already_submitted"),
    "submit": ({S.DRAFT}, "application.already_submitted"),
    "receive": ({S.SUBMITTED}, "application.not_submitted"),
    "start_processing": ({S.RECEIVED}, "application.not_received"),
    "request_info": ({S.PROCESSING}, "application.not_processing"),
    "complete": ({S.PROCESSING}, "application.not_processing"),
    "reject": ({S.RECEIVED, S.PROCESSING}, "application.cannot_reject"),
    "resubmit": ({S.NEEDS_INFO}, "application.no_info_requested"),
}
_STATUS_AFTER = {"created": S.DRAFT, "fee_paid": S.DRAFT, "submitted": S.SUBMITTED,
                 "received": S.RECEIVED, "processing": S.PROCESSING, "needs_info": S.NEEDS_INFO,
                 "resubmitted": S.SUBMITTED, "completed": S.COMPLETED, "rejected": S.REJECTED}


class Application:
    """One citizen's application for one procedure.

    Parameters
    ----------
    procedure : Procedure or str
        The procedure or its id.
    sequence : int
        The last part of the file code, 1 to 9999.
    clock : callable, optional
        Returns the current ``datetime``; tests and the simulator pass their own.
    """

    def __init__(self, procedure: Procedure | str, *, sequence: int = 1,
                 clock: Callable[[], datetime] | None = None):
        self.procedure = get_procedure(procedure) if isinstance(procedure, str) else procedure
        if type(sequence) is not int or not 1 <= sequence <= 9999:
            raise ValueError("sequence must be an int from 1 to 9999")
        self.sequence = sequence
        self._clock = clock or datetime.now
        self._status = S.DRAFT
        self._values: dict[str, str] = {}
        self._attachments: dict[str, list[Attachment]] = {}
        self._fee_paid = 0
        self._file_code = ""
        self._timeline: list[Event] = []
        self._record("created")

    # -- reading -------------------------------------------------------------------
    @property
    def status(self) -> S:
        return self._status

    @property
    def values(self) -> dict[str, str]:
        return dict(self._values)

    @property
    def attachments(self) -> dict[str, list[Attachment]]:
        return {doc: list(files) for doc, files in self._attachments.items()}

    @property
    def fee_paid(self) -> int:
        return self._fee_paid

    @property
    def fee_due(self) -> int:
        return self.procedure.fee_vnd - self._fee_paid

    @property
    def file_code(self) -> str:
        """``""`` until the application is submitted."""
        return self._file_code

    @property
    def timeline(self) -> tuple[Event, ...]:
        return tuple(self._timeline)

    @property
    def last_event(self) -> Event:
        return self._timeline[-1]

    def problems(self, values: Mapping[str, str] | None = None,
                 attachments: Mapping[str, Sequence[Attachment]] | None = None) -> dict[str, InputError]:
        """Every field and document problem, keyed by field or document id (empty: ready)."""
        values = self._values if values is None else values
        attachments = self._attachments if attachments is None else attachments
        form = validate_form(self.procedure, values, today=self._clock().date())
        return {**form.errors, **check_documents(self.procedure, attachments, form.values)}

    # -- the citizen's steps -------------------------------------------------------
    def fill(self, values: Mapping[str, str | None]) -> None:
        """Set typed field values (``None`` or ``""`` clears one); checked at submission."""
        self._require("fill")
        self._check_field_ids(values)
        for field_id, text in values.items():
            if text is None or text == "":
                self._values.pop(field_id, None)
            else:
                self._values[field_id] = str(text)

    def attach(self, doc_id: str, attachment: Attachment) -> None:
        """Add a file to a document slot; a file the portal would not take is refused."""
        self._require("fill")
        if doc_id not in self.procedure.document_ids:
            raise InvalidAttachment("document.unknown")
        check_attachment(self.procedure.document(doc_id), attachment)
        self._attachments.setdefault(doc_id, []).append(attachment)

    def detach(self, doc_id: str) -> None:
        """Remove every file of a document slot."""
        self._require("fill")
        self._attachments.pop(doc_id, None)

    def pay_fee(self, amount: int | str) -> None:
        """Pay the procedure's fee, exactly; typed amounts like ``"100.000"`` are read."""
        self._require("pay_fee")
        fee = self.procedure.fee_vnd
        if fee == 0:
            raise ApplicationError("application.no_fee")
        if self._fee_paid:
            raise ApplicationError("application.already_paid")
        paid = parse_number(amount) if isinstance(amount, str) else amount
        if type(paid) is not int or paid != fee:
            raise ApplicationError("application.wrong_amount", expected=money(fee),
                                   given=money(paid) if type(paid) is int else str(paid))
        self._fee_paid = paid
        self._record("fee_paid", amount=paid)

    def submit(self) -> str:
        """Send the application; returns the file code."""
        self._require("submit")
        self._refuse_problems(self.problems())
        if self.fee_due > 0:
            raise ApplicationError("application.fee_unpaid", fee=money(self.procedure.fee_vnd))
        now = self._clock()
        self._file_code = f"{self.procedure.office_code}-{now:%y%m%d}-{self.sequence:04d}"
        self._record("submitted", now)
        return self._file_code

    def resubmit(self, values: Mapping[str, str | None] | None = None,
                 attachments: Mapping[str, Sequence[Attachment]] | None = None) -> None:
        """Answer a request for information: changed values and/or replaced document slots."""
        self._require("resubmit")
        new_values = dict(self._values)
        if values:
            self._check_field_ids(values)
            for field_id, text in values.items():
                if text is None or text == "":
                    new_values.pop(field_id, None)
                else:
                    new_values[field_id] = str(text)
        new_attachments = {doc: list(files) for doc, files in self._attachments.items()}
        for doc_id, files in (attachments or {}).items():
            new_attachments[doc_id] = list(files)
        self._refuse_problems(self.problems(new_values, new_attachments))
        self._values, self._attachments = new_values, new_attachments
        self._record("resubmitted")

    # -- the office's steps (driven by the simulator) -----------------------------
    def receive(self) -> None:
        self._require("receive")
        self._record("received")

    def start_processing(self) -> None:
        self._require("start_processing")
        self._record("processing")

    def request_info(self, reason: str, document: str | None = None) -> None:
        """Send the application back; ``reason`` is a ``services.reason.<id>`` id."""
        self._require("request_info")
        self._check_reason(reason, document)
        extra = {"document": document} if document else {}
        self._record("needs_info", reason=reason, **extra)

    def complete(self) -> None:
        self._require("complete")
        self._record("completed")

    def reject(self, reason: str) -> None:
        self._require("reject")
        self._check_reason(reason, None)
        self._record("rejected", reason=reason)

    # -- plain data ------------------------------------------------------------------
    def to_dict(self) -> dict:
        """JSON-safe data; :meth:`from_dict` reads it back."""
        return {"format": FORMAT, "procedure": self.procedure.id, "sequence": self.sequence,
                "status": self._status.value, "file_code": self._file_code,
                "fee_paid": self._fee_paid, "values": dict(self._values),
                "attachments": {doc: [a.to_dict() for a in files]
                                for doc, files in self._attachments.items()},
                "timeline": [event.to_dict() for event in self._timeline]}

    @classmethod
    def from_dict(cls, data: object, *, clock: Callable[[], datetime] | None = None) -> "Application":
        """Rebuild an application by replaying its timeline; refuses altered data.

        Raises
        ------
        ApplicationError
            ``application.corrupt`` with ``where`` naming the first part that does not fit.
        """
        from .application_replay import replay

        return replay(cls, data, clock)

    # -- internals -------------------------------------------------------------------
    def _require(self, action: str) -> None:
        if self._status in CLOSED:
            raise ApplicationError("application.closed")
        allowed, code = _WRONG_STATE[action]
        if self._status not in allowed:
            raise ApplicationError(code)

    def _check_field_ids(self, values: Mapping) -> None:
        for field_id, text in values.items():
            if field_id not in self.procedure.field_ids:
                raise ApplicationError("application.unknown_field", field=str(field_id))
            if text is not None and not isinstance(text, (str, int)):
                raise ApplicationError("application.unknown_field", field=str(field_id))

    def _check_reason(self, reason: str, document: str | None) -> None:
        text = catalog("vi").get(f"services.reason.{reason}") if isinstance(reason, str) else None
        if text is None:
            raise ApplicationError("application.unknown_reason", reason=str(reason))
        if document is not None and document not in self.procedure.document_ids:
            raise ApplicationError("application.unknown_document", document=str(document))
        if ("document" in placeholders(text)) != (document is not None):
            raise ApplicationError("application.reason_needs_document")

    @staticmethod
    def _refuse_problems(problems: dict[str, InputError]) -> None:
        if problems:
            raise ApplicationError("application.invalid", problems, count=len(problems))

    def _record(self, kind: str, now: datetime | None = None, **params) -> None:
        to = _STATUS_AFTER[kind]
        params = {"procedure": self.procedure.id, **({"code": self._file_code} if self._file_code else {}),
                  **params}
        self._timeline.append(Event(kind, to, now or self._clock(), params))
        self._status = to

    def __repr__(self) -> str:
        return f"<Application {self.procedure.id} {self._status.value} {self._file_code or '-'}>"


def next_action(application: Application) -> str:
    """The catalog key of what the citizen should do next (``services.next.<what>``).

    >>> from datetime import datetime
    >>> app = Application("household_business", clock=lambda: datetime(2025, 7, 1))
    >>> next_action(app)
    'services.next.fix_form'
    """
    status = application.status
    if status is S.DRAFT:
        problems = application.problems()
        if set(problems) & set(application.procedure.field_ids):
            return "services.next.fix_form"
        if problems:
            return "services.next.attach_documents"
        return "services.next.pay_fee" if application.fee_due > 0 else "services.next.submit"
    if status is S.NEEDS_INFO:
        has_document = "document" in application.last_event.params
        return "services.next.add_document" if has_document else "services.next.provide_info"
    if status is S.COMPLETED:
        return "services.next.collect_result"
    if status is S.REJECTED:
        return "services.next.read_reason"
    return "services.next.wait"

