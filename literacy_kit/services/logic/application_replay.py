"""Reading an application back from plain data by replaying its timeline.

An answer file passes through learners' hands, so nothing in it is trusted: the data
must have exactly the shape :meth:`Application.to_dict` writes, every event must be a
legal step at its recorded time (a submission is re-checked, with the final values and
files), and the replayed application must give back the same data. Anything else is
``application.corrupt`` with ``where`` naming the first part that does not fit.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from ...errors import InputError
from .application_types import ApplicationError
from .documents import Attachment, check_attachment
from .procedures import load_procedures

__all__ = ["replay"]

_KEYS = {"format", "procedure", "sequence", "status", "file_code", "fee_paid", "values",
         "attachments", "timeline"}
_EVENT_KEYS = {"kind", "status", "at", "params"}
_ACTIONS = {
    "fee_paid": lambda app, p: app.pay_fee(p["amount"]),
    "submitted": lambda app, p: app.submit(),
    "received": lambda app, p: app.receive(),
    "processing": lambda app, p: app.start_processing(),
    "needs_info": lambda app, p: app.request_info(p["reason"], p.get("document")),
    "resubmitted": lambda app, p: app.resubmit(),
    "completed": lambda app, p: app.complete(),
    "rejected": lambda app, p: app.reject(p["reason"]),
}


def _corrupt(where: str) -> ApplicationError:
    return ApplicationError("application.corrupt", where=where)


def _attachments(data: object, procedure) -> dict[str, list[Attachment]]:
    if not isinstance(data, Mapping):
        raise _corrupt("attachments")
    result = {}
    for doc_id, files in data.items():
        if doc_id not in procedure.document_ids or not isinstance(files, list):
            raise _corrupt(f"attachments/{doc_id}")
        try:
            result[doc_id] = [Attachment.from_dict(item) for item in files]
            for attachment in result[doc_id]:
                check_attachment(procedure.document(doc_id), attachment)
        except (TypeError, ValueError):  # InputError is a ValueError too
            raise _corrupt(f"attachments/{doc_id}") from None
    return result


def _times(timeline: object) -> list[datetime]:
    if not isinstance(timeline, list) or not timeline:
        raise _corrupt("timeline")
    times = []
    for index, event in enumerate(timeline):
        try:
            if not isinstance(event, Mapping) or set(event) != _EVENT_KEYS \
                    or not isinstance(event["params"], Mapping) or not isinstance(event["kind"], str):
                raise ValueError
            when = datetime.fromisoformat(event["at"])
            if times and when < times[-1]:  # naive against aware raises TypeError
                raise ValueError
        except (TypeError, ValueError):
            raise _corrupt(f"timeline/{index}") from None
        times.append(when)
    if timeline[0]["kind"] != "created":
        raise _corrupt("timeline/0/kind")
    return times


def replay(cls, data: object, clock: Callable[[], datetime] | None):
    """Build a ``cls`` (an :class:`~.application.Application`) from ``data`` or refuse."""
    from .application import FORMAT

    if not isinstance(data, Mapping) or set(data) != _KEYS:
        raise _corrupt("(top)")
    if data["format"] != FORMAT:
        raise _corrupt("format")
    procedure = load_procedures().get(data["procedure"]) if isinstance(data["procedure"], str) else None
    if procedure is None:
        raise _corrupt("procedure")
    sequence = data["sequence"]
    if type(sequence) is not int or not 1 <= sequence <= 9999:
        raise _corrupt("sequence")
    values = data["values"]
    if not isinstance(values, Mapping) or any(
            key not in procedure.field_ids or not isinstance(text, str) or not text
            for key, text in values.items()):
        raise _corrupt("values")
    attachments = _attachments(data["attachments"], procedure)
    times = _times(data["timeline"])

    now = [times[0]]
    app = cls(procedure, sequence=sequence, clock=lambda: now[0])
    app._values = dict(values)
    app._attachments = attachments
    for index, event in enumerate(data["timeline"][1:], start=1):
        now[0] = times[index]
        action = _ACTIONS.get(event["kind"])
        try:
            if action is None:
                raise ValueError(event["kind"])
            action(app, event["params"])
        except (InputError, KeyError, TypeError, ValueError):
            raise _corrupt(f"timeline/{index}") from None
    app._clock = clock or datetime.now
    rebuilt = app.to_dict()
    for key in ("status", "file_code", "fee_paid", "timeline"):
        if rebuilt[key] != data[key]:
            raise _corrupt(key)
    return app
