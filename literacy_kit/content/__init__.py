"""Lesson and question texts, loaded from YAML files and validated against a schema.

>>> bundle = load("kiosk_help")
>>> bundle.pages["how_to_use"].title.get("en")
'How does this kiosk work?'
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import yaml

from .models import Bundle, Localized, Option, Ordering, Page, Question

__all__ = ["Bundle", "ContentError", "Localized", "Option", "Ordering", "Page", "Question",
           "load", "load_file", "available"]


_HERE = Path(__file__).parent


class ContentError(ValueError):
    """A content file does not match the schema; says which file and where."""


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema_file = _HERE / "schemas" / "bundle.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _check_unique(data: dict, origin: str) -> None:
    for section in ("pages", "questions", "orderings"):
        seen: set[str] = set()
        for item in data.get(section, []):
            if item["id"] in seen:
                raise ContentError(f"{origin}: duplicate id {item['id']!r} in {section}")
            seen.add(item["id"])
    for question in data.get("questions", []):
        if question.get("graded"):
            _check_graded_question(question, origin)
            continue
        missing = [o["id"] for o in question["options"] if "correct" not in o]
        if missing:
            raise ContentError(f"{origin}: question {question['id']!r}: options {missing} "
                               "need 'correct' (only graded questions leave it out)")
        correct = sum(1 for option in question["options"] if option["correct"])
        if correct == 0 or (question["kind"] == "single" and correct != 1):
            raise ContentError(
                f"{origin}: question {question['id']!r} ({question['kind']}) has {correct} correct options")
    for ordering in data.get("orderings", []):
        _check_step_ids(ordering, origin)


def _check_graded_question(question: dict, origin: str) -> None:
    # Anything that gives the answer away would ship beside the released notebook.
    telling = [o["id"] for o in question["options"] if "correct" in o or "feedback" in o]
    if telling or "explanation" in question:
        raise ContentError(f"{origin}: graded question {question['id']!r} must not carry "
                           "'correct', option 'feedback' or 'explanation' (answers live in hidden tests)")


def _check_step_ids(ordering: dict, origin: str) -> None:
    ids = [step.get("id") for step in ordering["steps"]]
    given = [i for i in ids if i is not None]
    if ordering.get("graded") and len(given) != len(ids):
        raise ContentError(f"{origin}: graded ordering {ordering['id']!r} needs an id on every step")
    if given and (len(given) != len(ids) or len(set(given)) != len(given)):
        raise ContentError(f"{origin}: ordering {ordering['id']!r}: step ids must be given "
                           "for every step or none, and be unique")


def _loc(data: dict | None) -> Localized | None:
    return Localized.from_dict(data) if data else None


def parse(data: object, origin: str = "<content>") -> Bundle:
    """Validate already-parsed YAML/JSON data and build a :class:`Bundle`."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise ContentError(f"{origin}: {where}: {first.message}")
    _check_unique(data, origin)
    return Bundle(
        id=data["id"],
        title=_loc(data.get("title")),
        pages={p["id"]: Page(p["id"], _loc(p["title"]), tuple(_loc(b) for b in p["body"]))
               for p in data.get("pages", [])},
        questions={q["id"]: Question(
            id=q["id"], kind=q["kind"], stem=_loc(q["stem"]),
            options=tuple(Option(o["id"], _loc(o["text"]), o.get("correct"), _loc(o.get("feedback")))
                          for o in q["options"]),
            explanation=_loc(q.get("explanation")), graded=bool(q.get("graded", False)))
            for q in data.get("questions", [])},
        orderings={o["id"]: Ordering(o["id"], _loc(o["prompt"]), tuple(_loc(s) for s in o["steps"]),
                                     graded=bool(o.get("graded", False)),
                                     step_ids=tuple(s["id"] for s in o["steps"] if "id" in s))
                   for o in data.get("orderings", [])},
    )


def load_file(path: str | Path) -> Bundle:
    """Load and validate one YAML content file from anywhere (lesson authors' drafts)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML: {exc}") from None
    return parse(data, path.name)


def content_dirs() -> list[Path]:
    """The generic content folder, then each registered domain's ``content/`` folder."""
    from .. import domains

    folders = [_HERE / "data"] + [domain.content_dir() for domain in domains.registered()]
    return [folder for folder in folders if folder.is_dir()]


def _entries() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in content_dirs():
        for entry in sorted(folder.iterdir()):
            if entry.name.endswith(".yaml"):
                found.setdefault(entry.name[:-5], entry)
    return found


@lru_cache(maxsize=None)
def load(name: str) -> Bundle:
    """Load the content file ``<name>.yaml`` (generic, or from a registered domain)."""
    entry = _entries().get(name)
    if entry is None:
        raise ContentError(f"no content file named {name!r}")
    return load_file(entry)


def available() -> list[str]:
    """Names of every content file, generic and from the registered domains."""
    return sorted(_entries())
