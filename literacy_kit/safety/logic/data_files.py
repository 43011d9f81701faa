"""The safety domain's data files (``literacy_kit/safety/data/*.yaml``), read once and checked
against a JSON schema kept beside them (``<name>.schema.yaml``).

A file that breaks its schema raises :class:`SafetyDataError` whose message names the file
and the place inside it (``scam_bank.yaml: items/3/channel: 'fax' is not one of [...]``),
so a trainer who edits the scenario bank sees at once what to fix.

>>> sorted(read_data("links"))[:2]
['brands', 'official']
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["DATA_DIR", "SafetyDataError", "read_data", "read_file"]

DATA_DIR = Path(__file__).parent.parent / "data"
# libyaml's loader when PyYAML has it: the scenario bank parses several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str):
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader either way


class SafetyDataError(ValueError):
    """A safety data file is malformed; the message names the file and the place."""


def _place(path) -> str:
    return "/".join(str(part) for part in path) or "(top)"


@lru_cache(maxsize=None)
def _validator(schema_name: str):
    import jsonschema

    schema = _parse((DATA_DIR / f"{schema_name}.schema.yaml").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def read_file(path: str | Path, schema_name: str | None = None) -> dict:
    """Parse the YAML file ``path`` and check it against ``<schema_name>.schema.yaml``.

    Examples
    --------
    >>> read_file(DATA_DIR / "links.yaml", "links")["shorteners"][0]
    'bit.ly'
    """
    path = Path(path)
    try:
        data = _parse(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        raise SafetyDataError(f"{path.name}: {where}: not valid YAML") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SafetyDataError(f"{path.name}: cannot be read ({type(exc).__name__})") from None
    if schema_name is not None:
        errors = sorted(_validator(schema_name).iter_errors(data),
                        key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            first = errors[0]
            raise SafetyDataError(f"{path.name}: {_place(first.absolute_path)}: {first.message}")
    if not isinstance(data, dict):
        raise SafetyDataError(f"{path.name}: (top): expected a mapping")
    return data


@lru_cache(maxsize=None)
def read_data(name: str) -> dict:
    """The packaged ``data/<name>.yaml``, checked against its schema (cached; read-only)."""
    schema = name if (DATA_DIR / f"{name}.schema.yaml").is_file() else None
    return read_file(DATA_DIR / f"{name}.yaml", schema)
