"""The BIN table of the VietQR network, read from ``data/banks.yaml``.

A VietQR payload names the receiving bank by its 6-digit BIN (field 38/01/00); a bank app
shows the bank's name from a table like this one.

>>> bank("970405").short
'Agribank'
>>> bank("999999") is None
True
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...content.models import Localized

_DATA = Path(__file__).parent.parent / "data" / "banks.yaml"


@dataclass(frozen=True)
class Bank:
    """One bank of the table: BIN, short code, the name on its app, full names."""

    bin: str
    code: str
    short: str
    name: Localized


@lru_cache(maxsize=1)
def bank_table() -> dict[str, Bank]:
    """Every known BIN mapped to its :class:`Bank`, in BIN order.

    A bad or duplicate BIN in the data file fails loudly (tests import it), never as a
    wrong bank name in front of a learner.
    """
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    table: dict[str, Bank] = {}
    for entry in data["banks"]:
        bin_ = str(entry["bin"])
        if len(bin_) != 6 or not bin_.isdigit() or bin_ in table:
            raise ValueError(f"{_DATA.name}: bad or duplicate BIN {bin_!r}")
        table[bin_] = Bank(bin_, str(entry["code"]), str(entry["short"]),
                           Localized(vi=entry["vi"], en=entry["en"]))
    return dict(sorted(table.items()))


def bank(bin_: str) -> Bank | None:
    """The bank with this BIN, or ``None`` when the table does not know it."""
    return bank_table().get(bin_)


def bank_by_code(code: str) -> Bank | None:
    """The bank with short code ``code`` (``"VBA"``), case-insensitive, or ``None``."""
    wanted = code.strip().upper()
    return next((b for b in bank_table().values() if b.code.upper() == wanted), None)


def table_source() -> str:
    """Where the table comes from (shown in the lesson)."""
    return str(yaml.safe_load(_DATA.read_text(encoding="utf-8"))["source"])
