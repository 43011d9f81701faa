"""Reading the handouts' YAML files and checking them against their JSON schemas.

A file that is not YAML, or does not match its schema, raises :class:`HandoutError`
naming the file and the place (``blocks/3/minutes``), never a traceback.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import HandoutError

HERE = Path(__file__).parent
DATA = HERE / "data"


@lru_cache(maxsize=None)
def validator(name: str):
    """The JSON-schema validator of ``schemas/<name>.schema.json``."""
    import jsonschema

    schema = json.loads((HERE / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def read_yaml(path: str | Path, schema: str) -> dict:
    """Parse ``path`` and validate it against ``schema``; return the data."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise HandoutError("handouts.error_not_utf8", path=str(path)) from None
    except OSError as exc:
        raise HandoutError("handouts.error_cannot_read", path=str(path), error=exc.strerror or exc) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = where.line + 1 if where is not None else "?"
        raise HandoutError("handouts.error_not_yaml", path=str(path), line=line) from None
    errors = sorted(validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise HandoutError("handouts.error_schema", path=str(path), where=where, error=first.message)
    return data
