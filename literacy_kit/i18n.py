"""Short UI strings in Vietnamese and English, read through one function.

Generic catalogs live in ``literacy_kit/catalogs/<lang>/<area>.json``, each domain's in its
own package (``catalogs/<lang>/``, found through :mod:`literacy_kit.domains`); a key
``"check"`` in ``core.json`` is addressed as ``"core.check"``. A domain may add to an area from a file
of its own, ``<area>.<domain>.json`` (say ``errors.ai.json``): the area is the name up to
the first dot, so keys there are addressed as ``"errors.<key>"`` too. Vietnamese is the reference
language: a key missing in English falls back to Vietnamese, and a key missing
everywhere shows itself (never an exception in front of a learner).

>>> t("core.check", "en")
'Check'
"""
from __future__ import annotations

import json
import string
from functools import lru_cache
from pathlib import Path

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


def normalize_lang(lang: str | None) -> str:
    """Map ``"vi"``, ``"vi_VN"``, ``"EN"``… to a supported code; unknown → Vietnamese."""
    code = (lang or "").strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGS else DEFAULT_LANG


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    """Every string of one language, keyed ``<area>.<key>``."""
    merged: dict[str, str] = {}
    for entry in _catalog_files(lang):
        if not entry.name.endswith(".json"):
            continue
        area = entry.name[: -len(".json")].split(".")[0]
        data = json.loads(entry.read_text(encoding="utf-8"))
        for key, value in data.items():
            full = f"{area}.{key}"
            if full in merged:
                raise ValueError(f"catalog key {full!r} is defined twice ({entry.name})")
            merged[full] = value
    return merged


def catalog_dirs(lang: str) -> list[Path]:
    """The generic catalog folder of ``lang``, then each registered domain's."""
    from . import domains

    folders = [Path(__file__).parent / "catalogs" / lang]
    folders += [domain.catalog_dir(lang) for domain in domains.registered()]
    return [folder for folder in folders if folder.is_dir()]


def _catalog_files(lang: str) -> list[Path]:
    files = [entry for folder in catalog_dirs(lang) for entry in folder.iterdir()]
    return sorted((entry for entry in files if entry.name.endswith(".json")), key=lambda p: p.name)


class _LenientFormatter(string.Formatter):
    """Leaves an unknown ``{name}`` visible instead of raising."""

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "{" + key + "}"
        return super().get_value(key, args, kwargs)


_FORMATTER = _LenientFormatter()


def t(key: str, lang: str | None = DEFAULT_LANG, **fmt) -> str:
    """Translate ``key`` into ``lang``, falling back to Vietnamese, then to the key."""
    code = normalize_lang(lang)
    text = catalog(code).get(key)
    if text is None:
        text = catalog(DEFAULT_LANG).get(key, key)
    if not fmt:
        return text
    try:
        return _FORMATTER.format(text, **fmt)
    except (ValueError, IndexError, AttributeError):
        return text


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` in a catalog string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
