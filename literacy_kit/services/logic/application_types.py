"""The vocabulary of an online application: statuses, events, notifications and errors.

Kept apart from :mod:`.application` so that views can name states and show timelines
without the state machine. Texts live in the ``services`` catalog: an event of kind
``submitted`` reads ``services.event.submitted``, its SMS ``services.notify.sms.submitted``.

>>> Notification("sms", "submitted", {"code": "G01.27.05-250701-0001",
...                                   "procedure": "newborn"}).text("vi").isascii()
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from ...errors import InputError
from ...i18n import DEFAULT_LANG, t
from ...vneid.logic.citizen import ascii_fold
from .procedures import load_procedures

__all__ = ["CHANNELS", "CLOSED", "EVENT_CHANNELS", "SENDERS", "ApplicationError",
           "ApplicationStatus", "Event", "Notification", "money", "render"]


class ApplicationStatus(str, Enum):
    """Where an application stands; ``services.status.<value>`` is its label."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RECEIVED = "received"
    PROCESSING = "processing"
    NEEDS_INFO = "needs_info"
    COMPLETED = "completed"
    REJECTED = "rejected"

    @property
    def label_key(self) -> str:
        return f"services.status.{self.value}"


CLOSED = frozenset({ApplicationStatus.COMPLETED, ApplicationStatus.REJECTED})
CHANNELS = ("portal", "vneid", "sms")
SENDERS = {"portal": "dichvucong.gov.vn", "vneid": "VNeID", "sms": "DVCQG"}
"""Who a notification comes from. The SMS brand name is synthetic (*unverified*)."""
EVENT_CHANNELS = {
    "created": (),
    "fee_paid": ("portal", "sms"),
    "submitted": CHANNELS,
    "received": ("portal", "vneid"),
    "processing": ("portal", "vneid"),
    "needs_info": CHANNELS,
    "resubmitted": ("portal", "vneid"),
    "completed": CHANNELS,
    "rejected": CHANNELS,
}
"""The channels each kind of event notifies the citizen on."""


class ApplicationError(InputError):
    """A step taken at the wrong time, or an application that cannot be sent or read.

    Codes: ``application.already_submitted``, ``application.closed``,
    ``application.not_submitted``, ``application.not_received``,
    ``application.not_processing``, ``application.cannot_reject``,
    ``application.no_info_requested``, ``application.invalid`` (``count``; the problems
    by field or document id are in ``problems``), ``application.fee_unpaid`` (``fee``),
    ``application.no_fee``, ``application.already_paid``, ``application.wrong_amount``
    (``expected``, ``given``), ``application.unknown_field`` (``field``),
    ``application.unknown_reason`` (``reason``), ``application.unknown_document``
    (``document``), ``application.reason_needs_document``, ``application.corrupt``
    (``where``).
    """

    def __init__(self, code: str, problems: dict[str, InputError] | None = None, **params):
        super().__init__(code, **params)
        self.problems: dict[str, InputError] = dict(problems or {})


def money(amount: int) -> str:
    """VND the Vietnamese way, dots between thousands: ``22.000``."""
    return f"{amount:,}".replace(",", ".")


def render(key: str, params: dict, lang: str = DEFAULT_LANG, procedure_id: str = "") -> str:
    """A catalog text with ids in ``params`` turned into words of ``lang``.

    ``procedure`` (an id) becomes the procedure's title, ``document`` the document's label,
    ``reason`` the reason's text, ``amount`` and ``fee`` a money string.
    """
    fmt = dict(params)
    procedures = load_procedures()
    proc = procedures.get(procedure_id or str(fmt.get("procedure", "")))
    if proc is not None:
        fmt["procedure"] = proc.title.get(lang)
        if fmt.get("document") in proc.document_ids:
            fmt["document"] = proc.document(fmt["document"]).label.get(lang)
    for name in ("amount", "fee"):
        if isinstance(fmt.get(name), int):
            fmt[name] = money(fmt[name])
    if "reason" in fmt:
        fmt["reason"] = t(f"services.reason.{fmt['reason']}", lang, **fmt)
    return t(key, lang, **fmt)


@dataclass(frozen=True)
class Notification:
    """One message to the citizen on ``portal``, ``vneid`` or ``sms``."""

    channel: str
    kind: str
    params: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"services.notify.{self.channel}.{self.kind}"

    @property
    def sender(self) -> str:
        return SENDERS[self.channel]

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The message in ``lang``; an SMS has no tone marks, as real ones are sent."""
        text = render(self.key, self.params, lang)
        return ascii_fold(text) if self.channel == "sms" else text


@dataclass(frozen=True)
class Event:
    """One line of the timeline: what happened (``kind``), when, and the status after it."""

    kind: str
    status: ApplicationStatus
    at: datetime
    params: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"services.event.{self.kind}"

    @property
    def notifications(self) -> tuple[Notification, ...]:
        return tuple(Notification(channel, self.kind, dict(self.params))
                     for channel in EVENT_CHANNELS[self.kind])

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return render(self.key, self.params, lang)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "status": self.status.value, "at": self.at.isoformat(),
                "params": dict(self.params)}
