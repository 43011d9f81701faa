"""The AI lesson's data files (``literacy_kit/ai/data/*.yaml``), read once and checked.

Texts a learner sees live in these files in Vietnamese and English; code only reads
them. :func:`localized` turns a ``{vi: ..., en: ...}`` mapping into a
:class:`~literacy_kit.content.Localized` and refuses a missing or empty language, so a
broken data file fails at import time in the tests, not in front of a class.

>>> sorted(load_data("personal_data"))[:2]
['bank_account', 'cccd']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ...content.models import Localized
from ...i18n import LANGS

__all__ = ["DataFileError", "load_data", "localized", "word_list"]

DATA_DIR = Path(__file__).parent.parent / "data"


class DataFileError(ValueError):
    """A data file of the AI lesson is malformed; the message names the file and the place."""


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """The parsed ``data/<name>.yaml`` (cached; treat it as read-only).

    Examples
    --------
    >>> "scenarios" in load_data("scenarios")
    True
    """
    path = DATA_DIR / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise DataFileError(f"{path.name}: expected a mapping at the top level")
    return data


def localized(value, where: str) -> Localized:
    """A ``{vi, en}`` mapping as :class:`Localized`; every language present and non-empty.

    Examples
    --------
    >>> localized({"vi": "Xin ch\\u00e0o", "en": "Hello"}, "greeting").get("en")
    'Hello'
    """
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: expected a mapping with {', '.join(LANGS)}")
    missing = [lang for lang in LANGS
               if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise DataFileError(f"{where}: missing or empty text for {', '.join(missing)}")
    return Localized(vi=value["vi"].strip(), en=value["en"].strip())


def word_list(value, where: str) -> tuple[str, ...]:
    """A list of non-empty strings (YAML may turn a bare word into a number or a boolean).

    Examples
    --------
    >>> word_list(["OTP", "code"], "otp.words")
    ('OTP', 'code')
    """
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(f"{where}: expected a list of non-empty strings (quote numbers)")
    return tuple(value)
