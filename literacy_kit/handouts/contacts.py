"""The local contact sheet's settings: numbers the commune fills in (police, one-stop
centre, the village's digital team) and bank hotlines.

The packaged ``data/contacts.yaml`` is the template: national numbers are filled, local
ones are blank (``""``) and print as a line to write on. A commune copies it, fills it in
and passes it with ``literacy-kit handouts --contacts FILE``.

>>> sheet = load_contacts()
>>> sheet.entry("police_emergency").phone
'113'
>>> sheet.entry("commune_police").phone
''
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.models import Localized
from ..text import nfc
from .files import DATA, read_yaml

DEFAULT_CONTACTS = DATA / "contacts.yaml"


@dataclass(frozen=True)
class Contact:
    id: str
    name: Localized
    phone: str
    note: Localized | None = None


@dataclass(frozen=True)
class ContactSheet:
    commune: Localized
    entries: tuple[Contact, ...]
    banks: tuple[tuple[str, str], ...]
    updated: str = ""

    def entry(self, contact_id: str) -> Contact:
        return next(e for e in self.entries if e.id == contact_id)


def _loc(data: dict | None) -> Localized | None:
    return Localized(nfc(data["vi"]), nfc(data["en"])) if data else None


def load_contacts(path: str | Path | None = None) -> ContactSheet:
    """Read and check a contacts file (default: the packaged template)."""
    data = read_yaml(Path(path) if path is not None else DEFAULT_CONTACTS, "contacts")
    entries = tuple(Contact(e["id"], _loc(e["name"]), e["phone"].strip(), _loc(e.get("note")))
                    for e in data["entries"])
    return ContactSheet(commune=_loc(data["commune"]), entries=entries,
                        banks=tuple((nfc(b["name"]), b["phone"].strip()) for b in data["banks"]),
                        updated=str(data.get("updated") or "").strip())
