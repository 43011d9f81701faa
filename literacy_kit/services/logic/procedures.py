"""Administrative procedures as data: steps, form fields, documents, fee, office, keywords.

The procedures live in ``data/procedures.yaml`` (Vietnamese and English side by side),
checked against the JSON Schema ``data/procedures.schema.yaml`` (a YAML file so that the
package's existing ``*/data/*.yaml`` rule ships it) and then against the rules a schema
cannot express (unique ids, known validators, references between fields).

Every text is a :class:`~literacy_kit.content.Localized`, read as ``text.get(lang)``,
the same way as lesson content: ``proc.title.get("en")``, ``field.label.get("vi")``.

>>> proc = get_procedure("newborn")
>>> proc.where, proc.fee_vnd, len(proc.steps)
('portal', 0, 6)
>>> [p.id for p in search_procedures("tam tru", "vi")][:1]
['temporary_residence']
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...content.models import Localized
from ...i18n import DEFAULT_LANG, normalize_lang
from ...vneid.logic.citizen import ascii_fold
from ...text import fold

__all__ = ["Choice", "CrossCheck", "DocumentSpec", "FormFieldSpec", "FormSpec", "Procedure",
           "ProcedureDataError", "Step", "VALIDATORS", "get_procedure", "load_procedures",
           "parse_procedures", "search_procedures", "search_key"]

_HERE = Path(__file__).parent.parent / "data"
VALIDATORS = ("name", "date", "birth_date", "cccd", "phone", "text", "choice", "address",
              "number", "email")
"""The validator names a form field may use (see :mod:`.forms`)."""
CITIZEN_SOURCES = ("full_name", "date_of_birth", "cccd", "phone", "address", "email", "sex")


class ProcedureDataError(ValueError):
    """The procedures file breaks the schema or a cross-reference rule; says where."""


@dataclass(frozen=True)
class Step:
    id: str
    text: Localized


@dataclass(frozen=True)
class Choice:
    id: str
    label: Localized


@dataclass(frozen=True)
class FormSpec:
    """One of the declaration forms an application produces (the newborn one makes three)."""

    id: str
    title: Localized


@dataclass(frozen=True)
class FormFieldSpec:
    """One form field. ``prefilled`` fields come from the population database; ``source``
    names the :class:`~literacy_kit.vneid.Citizen` attribute they are copied from."""

    id: str
    label: Localized
    type: str
    validator: str
    required: bool = True
    prefilled: bool = False
    source: str | None = None
    choices: tuple[Choice, ...] = ()
    help: Localized | None = None
    form: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class DocumentSpec:
    """An attachment slot; ``required_if`` = (field id, choice id) makes it conditional."""

    id: str
    label: Localized
    required: bool
    accepted: tuple[str, ...]
    max_size_mb: float
    help: Localized | None = None
    required_if: tuple[str, str] | None = None


@dataclass(frozen=True)
class CrossCheck:
    """A rule between fields: ``not_before`` (``other``), ``max_age``/``min_age`` (``years``)."""

    kind: str
    field: str
    other: str | None = None
    years: int | None = None


@dataclass(frozen=True)
class Procedure:
    id: str
    title: Localized
    summary: Localized
    where: str
    vneid_level: int
    steps: tuple[Step, ...]
    fields: tuple[FormFieldSpec, ...]
    documents: tuple[DocumentSpec, ...]
    fee_vnd: int
    processing_days: int
    office: Localized
    office_code: str
    keywords: dict[str, tuple[str, ...]]
    forms: tuple[FormSpec, ...] = ()
    checks: tuple[CrossCheck, ...] = ()

    def field(self, field_id: str) -> FormFieldSpec:
        return {f.id: f for f in self.fields}[field_id]

    def document(self, doc_id: str) -> DocumentSpec:
        return {d.id: d for d in self.documents}[doc_id]

    @property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.fields)

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.documents)


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = yaml.safe_load((_HERE / "procedures.schema.yaml").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _loc(data: dict | None) -> Localized | None:
    return Localized.from_dict(data) if data else None


def _check_references(entry: dict, origin: str) -> None:
    where = f"{origin}: procedure {entry['id']!r}"
    field_ids = [f["id"] for f in entry["fields"]]
    doc_ids = [d["id"] for d in entry.get("documents", [])]
    form_ids = [f["id"] for f in entry.get("forms", [])]
    for kind, ids in (("field", field_ids), ("document", doc_ids), ("form", form_ids),
                      ("step", [s["id"] for s in entry["steps"]])):
        if len(set(ids)) != len(ids):
            raise ProcedureDataError(f"{where}: duplicate {kind} id")
    if set(field_ids) & set(doc_ids):
        raise ProcedureDataError(f"{where}: a field and a document share an id")
    fields = {f["id"]: f for f in entry["fields"]}
    for spec in entry["fields"]:
        if (spec["validator"] == "choice") != bool(spec.get("choices")):
            raise ProcedureDataError(f"{where}: field {spec['id']!r}: choices go with validator 'choice'")
        if spec.get("prefilled") and spec.get("source") not in CITIZEN_SOURCES:
            raise ProcedureDataError(f"{where}: field {spec['id']!r}: prefilled needs a known source")
        if form_ids and spec.get("form") not in form_ids:
            raise ProcedureDataError(f"{where}: field {spec['id']!r}: unknown form {spec.get('form')!r}")
    for doc in entry.get("documents", []):
        cond = doc.get("required_if")
        if cond and cond["equals"] not in [c["id"] for c in fields.get(cond["field"], {}).get("choices", [])]:
            raise ProcedureDataError(f"{where}: document {doc['id']!r}: required_if names no choice")
    for check in entry.get("checks", []):
        names = [check["field"]] + ([check["other"]] if "other" in check else [])
        if any(name not in fields or "date" not in fields[name]["validator"] for name in names):
            raise ProcedureDataError(f"{where}: check {check} names a missing or non-date field")


def _build(entry: dict) -> Procedure:
    fields = tuple(FormFieldSpec(
        id=f["id"], label=_loc(f["label"]), type=f["type"], validator=f["validator"],
        required=f["required"], prefilled=f.get("prefilled", False), source=f.get("source"),
        choices=tuple(Choice(c["id"], _loc(c["label"])) for c in f.get("choices", [])),
        help=_loc(f.get("help")), form=f.get("form"), min_length=f.get("min_length"),
        max_length=f.get("max_length"), min=f.get("min"), max=f.get("max"))
        for f in entry["fields"])
    documents = tuple(DocumentSpec(
        id=d["id"], label=_loc(d["label"]), required=d["required"],
        accepted=tuple(d["accepted"]), max_size_mb=float(d["max_size_mb"]), help=_loc(d.get("help")),
        required_if=(d["required_if"]["field"], d["required_if"]["equals"]) if "required_if" in d else None)
        for d in entry.get("documents", []))
    return Procedure(
        id=entry["id"], title=_loc(entry["title"]), summary=_loc(entry["summary"]),
        where=entry["where"], vneid_level=entry["vneid_level"],
        steps=tuple(Step(s["id"], _loc(s["text"])) for s in entry["steps"]),
        fields=fields, documents=documents, fee_vnd=entry["fee_vnd"],
        processing_days=entry["processing_days"], office=_loc(entry["office"]),
        office_code=entry["office_code"],
        keywords={lang: tuple(words) for lang, words in entry["keywords"].items()},
        forms=tuple(FormSpec(f["id"], _loc(f["title"])) for f in entry.get("forms", [])),
        checks=tuple(CrossCheck(c["kind"], c["field"], c.get("other"), c.get("years"))
                     for c in entry.get("checks", [])))


def parse_procedures(data: object, origin: str = "<procedures>") -> dict[str, Procedure]:
    """Validate already-parsed data and build the procedures, keyed by id, in file order."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise ProcedureDataError(f"{origin}: {where}: {first.message}")
    result: dict[str, Procedure] = {}
    for entry in data["procedures"]:
        if entry["id"] in result:
            raise ProcedureDataError(f"{origin}: duplicate procedure id {entry['id']!r}")
        _check_references(entry, origin)
        result[entry["id"]] = _build(entry)
    return result


@lru_cache(maxsize=1)
def load_procedures() -> dict[str, Procedure]:
    """Every packaged procedure by id (loaded once; treat the result as read-only)."""
    path = _HERE / "procedures.yaml"
    return parse_procedures(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


def get_procedure(procedure_id: str) -> Procedure:
    """One procedure; ``KeyError`` for an unknown id."""
    return load_procedures()[procedure_id]


def search_key(text: str) -> str:
    """Folded text without tone marks: "Khai  SINH" and "khai sinh" give the same key."""
    return ascii_fold(fold(text or ""))


def _score(proc: Procedure, tokens: list[str], phrase: str, lang: str) -> int:
    other = "en" if lang == "vi" else "vi"
    zones = [(proc.title.get(lang), 6), (" ".join(proc.keywords.get(lang, ())), 4),
             (proc.title.get(other), 3), (" ".join(proc.keywords.get(other, ())), 2),
             (proc.summary.get(lang), 1), (proc.summary.get(other), 1)]
    total = 0
    for token in tokens:
        best = 0
        for text, weight in zones:
            words = search_key(text).replace(",", " ").split()
            if any(word.startswith(token) for word in words):
                best = max(best, weight)
        if not best:
            return 0  # every word of the query has to be found somewhere
        total += best
    if any(phrase in search_key(text) for text, _ in zones[:4]):
        total += 10
    return total


def search_procedures(query: str | None, lang: str = DEFAULT_LANG) -> list[Procedure]:
    """Procedures matching every word of ``query``, best first.

    Matching ignores case, tone marks and NFC/NFD; a query word matches the beginning of
    a word of the title, keywords or summary, in either language (``lang`` ranks its own
    language higher). An empty query returns every procedure in file order.

    Examples
    --------
    >>> [p.id for p in search_procedures("birth", "en")][:1]
    ['newborn']
    """
    lang = normalize_lang(lang)
    procedures = list(load_procedures().values())
    phrase = search_key(query or "")
    tokens = phrase.split()
    if not tokens:
        return procedures
    scored = [(_score(proc, tokens, phrase, lang), index, proc) for index, proc in enumerate(procedures)]
    return [proc for score, index, proc in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0]


def schema_json() -> str:
    """The schema as JSON text, for editors and the documentation."""
    return json.dumps(_validator().schema, ensure_ascii=False, indent=2)
