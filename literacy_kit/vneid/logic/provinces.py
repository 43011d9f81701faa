"""Province codes of the personal ID number (CCCD), read from ``data/provinces.yaml``.

The first three digits of a CCCD name the province where the birth was registered
(Circular 07/2016/TT-BCA, Article 7); ``"000"`` means born abroad.

>>> province("027").name.get("en")
'Bac Ninh'
>>> len(province_codes(include_abroad=False))
63
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...content.models import Localized

BORN_ABROAD = "000"
"""The code used in place of a province for people born outside Vietnam."""

_DATA = Path(__file__).parent.parent / "data" / "provinces.yaml"


@dataclass(frozen=True)
class Province:
    """One entry of the province table.

    ``kind`` is ``"city"`` for the five centrally-run cities, ``"province"`` for the
    other 58 and ``"abroad"`` for code ``"000"``.
    """

    code: str
    name: Localized
    kind: str

    @property
    def is_abroad(self) -> bool:
        return self.kind == "abroad"


@lru_cache(maxsize=1)
def province_table() -> dict[str, Province]:
    """Every known code mapped to its :class:`Province`, in code order.

    Examples
    --------
    >>> province_table()["001"].name.get("vi") == "H\\u00e0 N\\u1ed9i"
    True
    """
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    table: dict[str, Province] = {}
    for entry in data["provinces"]:
        code = str(entry["code"])
        if len(code) != 3 or not code.isdigit() or code in table:
            # A typo in the data file must fail loudly at import time in the tests,
            # never surface as a wrong province in front of a learner.
            raise ValueError(f"{_DATA.name}: bad or duplicate province code {code!r}")
        table[code] = Province(code, Localized(vi=entry["vi"], en=entry["en"]), entry["kind"])
    return dict(sorted(table.items()))


def province(code: str) -> Province | None:
    """The province with this three-digit ``code``, or ``None`` when the code is unknown.

    Examples
    --------
    >>> province("079").name.get("en")
    'Ho Chi Minh City'
    >>> province("003") is None
    True
    """
    return province_table().get(code)


def province_codes(include_abroad: bool = True) -> tuple[str, ...]:
    """The known codes in ascending order, with or without ``"000"`` (born abroad).

    Examples
    --------
    >>> province_codes()[:3]
    ('000', '001', '002')
    """
    return tuple(code for code in province_table() if include_abroad or code != BORN_ABROAD)
