"""Attached files: the type and size the portal accepts, and the documents still missing.

A file's type is its ``kind`` when given (a MIME type such as ``image/jpeg`` or an
extension), otherwise the extension of its name; ``jpeg`` counts as ``jpg``. Sizes are in
bytes; the limits in the procedures file are in MB of 1024 * 1024 bytes.

>>> from .procedures import get_procedure
>>> spec = get_procedure("newborn").document("birth_certificate")
>>> check_attachment(spec, Attachment("giay_chung_sinh.JPEG", 350_000))
>>> try:
...     check_attachment(spec, Attachment("scan.zip", 350_000))
... except InvalidAttachment as err:
...     print(err.code, err.params["accepted"])
document.wrong_type PDF, JPG, PNG
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from ...errors import InputError
from .procedures import DocumentSpec, Procedure

__all__ = ["Attachment", "InvalidAttachment", "check_attachment", "check_documents",
           "file_type", "required_documents"]

MB = 1024 * 1024
_MIME = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png",
         "image/heic": "heic", "application/msword": "doc",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}
_ALIASES = {"jpeg": "jpg", "jpe": "jpg", "heif": "heic"}


class InvalidAttachment(InputError):
    """A file the portal would not take, or a document still missing.

    Codes: ``document.empty`` (``name``), ``document.wrong_type`` (``name``,
    ``accepted``), ``document.too_large`` (``name``, ``size_mb``, ``max_mb``),
    ``document.missing``, ``document.unknown``.
    """


@dataclass(frozen=True)
class Attachment:
    """A file chosen on the phone: its name, size in bytes and, optionally, its type."""

    name: str
    size_bytes: int
    kind: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> "Attachment":
        """Build from plain data; ``TypeError``/``ValueError`` if it is not an attachment."""
        if not isinstance(data, Mapping) or set(data) - {"name", "size_bytes", "kind"}:
            raise ValueError("not an attachment")
        name, size, kind = data.get("name"), data.get("size_bytes"), data.get("kind")
        if not isinstance(name, str) or type(size) is not int or not (kind is None or isinstance(kind, str)):
            raise TypeError("attachment fields have the wrong types")
        return cls(name, size, kind)


def file_type(attachment: Attachment) -> str:
    """``pdf``, ``jpg``, ``png``... or ``""`` when nothing tells."""
    kind = (attachment.kind or "").strip().lower()
    if kind:
        kind = _MIME.get(kind, kind.rsplit("/", 1)[-1].lstrip("."))
    else:
        name = attachment.name.strip().lower()
        kind = name.rsplit(".", 1)[-1] if "." in name else ""
    return _ALIASES.get(kind, kind)


def _megabytes(size: float, up: bool = False) -> str:
    # A file just over the limit is shown rounded up ("5.1 MB"), never as the limit itself.
    if up:
        size = math.ceil(size * 10) / 10
    return f"{size:.1f}".rstrip("0").rstrip(".")


def check_attachment(spec: DocumentSpec, attachment: Attachment) -> None:
    """Refuse an empty file, a type the slot does not take, or a file over its size limit.

    Raises
    ------
    InvalidAttachment
        ``document.empty``, ``document.wrong_type`` or ``document.too_large``.
    """
    name = attachment.name
    if attachment.size_bytes <= 0:
        raise InvalidAttachment("document.empty", name=name)
    if file_type(attachment) not in spec.accepted:
        raise InvalidAttachment("document.wrong_type", name=name,
                                accepted=", ".join(kind.upper() for kind in spec.accepted))
    if attachment.size_bytes > spec.max_size_mb * MB:
        raise InvalidAttachment("document.too_large", name=name,
                                size_mb=_megabytes(attachment.size_bytes / MB, up=True),
                                max_mb=_megabytes(spec.max_size_mb))


def required_documents(procedure: Procedure, values: Mapping[str, object] | None = None) -> set[str]:
    """Ids of the documents required, given the clean (or typed) form values.

    A document with ``required_if`` is required when its field holds the named choice.
    """
    values = values or {}
    needed = set()
    for spec in procedure.documents:
        if spec.required:
            needed.add(spec.id)
        elif spec.required_if and values.get(spec.required_if[0]) == spec.required_if[1]:
            needed.add(spec.id)
    return needed


def check_documents(procedure: Procedure, attachments: Mapping[str, Sequence[Attachment]],
                    values: Mapping[str, object] | None = None) -> dict[str, InputError]:
    """Every document problem at once: the first bad file of each slot, missing documents,
    and slots the procedure does not have (``document.unknown``)."""
    problems: dict[str, InputError] = {}
    needed = required_documents(procedure, values)
    for doc_id in attachments:
        if doc_id not in procedure.document_ids:
            problems[doc_id] = InvalidAttachment("document.unknown")
    for spec in procedure.documents:
        files = list(attachments.get(spec.id) or ())
        if not files:
            if spec.id in needed:
                problems[spec.id] = InvalidAttachment("document.missing")
            continue
        for attachment in files:
            try:
                check_attachment(spec, attachment)
            except InvalidAttachment as err:
                problems[spec.id] = err
                break
    return problems
