"""The scenario bank: scam and genuine messages, each in its channel, with cues and actions.

The bank is data (``data/scam_bank.yaml``, checked against ``scam_bank.schema.yaml``);
:func:`load_bank` reads any file of the same shape (a trainer's own bank) and refuses a bad
one with :class:`~.data_files.SafetyDataError` naming the file and the place
(``my_bank.yaml: items/4/channel: 'fax' is not one of [...]``).

>>> bank = default_bank()
>>> len(bank.scams()) >= 30, len(bank.genuine()) >= 15
(True, True)
>>> bank.item("bank_sms_new_device").thread
'Vietcombank'
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...content.models import Localized
from .data_files import DATA_DIR, SafetyDataError, read_file

__all__ = ["ACTIONS", "CHANNELS", "Bank", "ScamItem", "by_id", "default_bank", "load_bank"]

CHANNELS = ("call", "sms", "zalo", "video_call")
#: Right actions a scenario can rehearse (texts: catalog ``safety.action.<id>``).
ACTIONS = ("hang_up", "go_police", "call_back_known", "ask_only_they_know", "call_bank_hotline",
           "report_156", "report_5656", "report_vneid", "check_tinnhiemmang", "warn_family",
           "delete_message", "pay_in_official_app", "reply_normally")


def by_id(entries, wanted: str):
    """The entry of ``entries`` whose ``id`` is ``wanted`` (``KeyError`` if there is none)."""
    found = next((entry for entry in entries if entry.id == wanted), None)
    if found is None:
        raise KeyError(wanted)
    return found


def _loc(data: dict) -> Localized:
    return Localized(vi=data["vi"].strip(), en=data["en"].strip())


@dataclass(frozen=True)
class ScamItem:
    """One message of the bank.

    ``scam`` tells a scam from a genuine message; ``flags`` are the warning signs the
    message detector finds in it (none for a genuine one); ``cues`` say in plain words what
    gives it away (or why it is fine); ``actions`` are the right things to do.
    """

    id: str
    scam: bool
    channel: str
    sender: Localized
    text: Localized
    cues: tuple[Localized, ...]
    actions: tuple[str, ...]
    source_kind: str
    script: str = ""
    thread: str = ""
    flags: tuple[str, ...] = ()
    source_note: Localized | None = None
    unverified: Localized | None = None

    @property
    def kind(self) -> str:
        return "scam" if self.scam else "genuine"


@dataclass(frozen=True)
class Bank:
    """Items looked up by id, in file order."""

    id: str
    items: tuple[ScamItem, ...]

    def item(self, item_id: str) -> ScamItem:
        """The item ``item_id`` (``KeyError`` if there is none)."""
        return by_id(self.items, item_id)

    def scams(self) -> tuple[ScamItem, ...]:
        return tuple(entry for entry in self.items if entry.scam)

    def genuine(self) -> tuple[ScamItem, ...]:
        return tuple(entry for entry in self.items if not entry.scam)

    def scripts(self) -> tuple[str, ...]:
        """Every scam script the bank covers, in file order."""
        return tuple(dict.fromkeys(entry.script for entry in self.scams()))

    def quiz(self, count: int = 5, rng: random.Random | None = None,
             min_each: int = 1) -> tuple[ScamItem, ...]:
        """``count`` different items at random, at least ``min_each`` scam and genuine ones.

        Examples
        --------
        >>> items = default_bank().quiz(5, random.Random(3))
        >>> len(items), any(i.scam for i in items), any(not i.scam for i in items)
        (5, True, True)
        """
        rng = rng or random.Random()
        scams, genuine = list(self.scams()), list(self.genuine())
        count = max(0, min(count, len(self.items)))
        each = min(min_each, count // 2)
        chosen = rng.sample(scams, min(each, len(scams))) + rng.sample(genuine, min(each, len(genuine)))
        rest = [entry for entry in self.items if entry not in chosen]
        chosen += rng.sample(rest, count - len(chosen))
        rng.shuffle(chosen)
        return tuple(chosen)


def _item(data: dict) -> ScamItem:
    source = data["source"]
    return ScamItem(
        id=data["id"], scam=data["kind"] == "scam", channel=data["channel"],
        sender=_loc(data["sender"]), text=_loc(data["text"]),
        cues=tuple(_loc(cue) for cue in data["cues"]), actions=tuple(data["actions"]),
        source_kind=source["kind"], script=data.get("script", ""), thread=data.get("thread", ""),
        flags=tuple(data.get("flags") or ()),
        source_note=_loc(source["note"]) if "note" in source else None,
        unverified=_loc(source["unverified"]) if "unverified" in source else None)


def load_bank(path: str | Path) -> Bank:
    """Read and check a scenario bank file.

    Raises
    ------
    SafetyDataError
        The file breaks the schema or repeats an id; the message names the file and the place.
    """
    path = Path(path)
    data = read_file(path, "scam_bank")
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["items"]):
        if entry["id"] in seen:
            raise SafetyDataError(f"{path.name}: items/{index}/id: duplicate id {entry['id']!r} "
                                  f"(first at items/{seen[entry['id']]})")
        seen[entry["id"]] = index
    return Bank(id=data["id"], items=tuple(_item(entry) for entry in data["items"]))


@lru_cache(maxsize=1)
def default_bank() -> Bank:
    """The packaged bank (``data/scam_bank.yaml``), read once."""
    return load_bank(DATA_DIR / "scam_bank.yaml")
