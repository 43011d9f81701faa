"""The online public services domain (``logic/`` pure Python, ``widgets/`` views).

Procedures are data (``data/procedures.yaml``): steps, form fields, documents, fee,
office. :mod:`.forms` and :mod:`.documents` check what a citizen typed and attached,
every problem at once; :class:`Application` follows an application from draft to result
with a timeline of notifications; :func:`check_portal_address` tells the real portal from
lookalikes; :func:`fake_family` makes a synthetic family with a newborn. The simulator,
screens, graded item and kiosk tile live in ``widgets/``; this package re-exports the
logic only, so importing it does not import ipywidgets.

>>> proc = get_procedure("newborn")
>>> proc.title.get("en").startswith("Linked procedure")
True
"""
from __future__ import annotations

from .logic.application import FORMAT, Application, next_action
from .logic.application_types import (CHANNELS, ApplicationError, ApplicationStatus, Event,
                                Notification)
from .logic.dates import InvalidDate, format_date, parse_birth_date, parse_date
from .logic.documents import Attachment, InvalidAttachment, check_attachment, check_documents
from .logic.family import Child, Family, fake_family
from .logic.forms import FormCheck, InvalidField, parse_number, prefill, validate_field, validate_form
from ..names import InvalidName, normalize_name, same_name
from .logic.portal_address import OFFICIAL_HOST, AddressVerdict, check_portal_address
from .logic.procedures import (Choice, CrossCheck, DocumentSpec, FormFieldSpec, FormSpec, Procedure,
                         ProcedureDataError, Step, get_procedure, load_procedures,
                         search_procedures)

__all__ = [
    "AddressVerdict", "Application", "ApplicationError", "ApplicationStatus", "Attachment",
    "CHANNELS", "Child", "Choice", "CrossCheck", "DocumentSpec", "Event", "FORMAT", "Family",
    "FormCheck", "FormFieldSpec", "FormSpec", "InvalidAttachment", "InvalidDate",
    "InvalidField", "InvalidName", "Notification", "OFFICIAL_HOST", "Procedure",
    "ProcedureDataError", "Step", "check_attachment", "check_documents",
    "check_portal_address", "fake_family", "format_date", "get_procedure", "load_procedures",
    "next_action", "normalize_name", "parse_birth_date", "parse_date", "parse_number",
    "prefill", "same_name", "search_procedures", "validate_field", "validate_form",
]
