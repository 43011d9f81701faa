"""The procedures file: what each procedure holds, search, and refusal of bad data."""
from __future__ import annotations

import copy
import unicodedata
from pathlib import Path

import jsonschema
import pytest
import yaml

from literacy_kit.services.logic import procedures as procedures_module
from literacy_kit.services.logic.procedures import (VALIDATORS, Procedure, ProcedureDataError,
                                              get_procedure, load_procedures, parse_procedures,
                                              search_procedures)

DATA = Path(procedures_module.__file__).parents[1] / "data"
IDS = ["newborn", "temporary_residence", "residence_notice", "household_business"]


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load((DATA / "procedures.yaml").read_text(encoding="utf-8"))


def texts(proc: Procedure):
    yield proc.title
    yield proc.summary
    yield proc.office
    for step in proc.steps:
        yield step.text
    for form in proc.forms:
        yield form.title
    for field in proc.fields:
        yield field.label
        if field.help:
            yield field.help
        for choice in field.choices:
            yield choice.label
    for doc in proc.documents:
        yield doc.label
        if doc.help:
            yield doc.help


def test_the_four_procedures_load_in_order():
    assert list(load_procedures())[:4] == IDS
    assert load_procedures() is load_procedures()
    with pytest.raises(KeyError):
        get_procedure("passport_by_fax")


def test_schema_is_a_valid_json_schema():
    schema = yaml.safe_load((DATA / "procedures.schema.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert '"procedures"' in procedures_module.schema_json()


@pytest.mark.parametrize("proc_id", IDS)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_text_exists_in_both_languages(proc_id, lang):
    for text in texts(get_procedure(proc_id)):
        value = text.get(lang)
        assert value.strip() and unicodedata.is_normalized("NFC", value)


@pytest.mark.parametrize("proc_id", IDS)
def test_shape_of_every_procedure(proc_id):
    proc = get_procedure(proc_id)
    assert proc.where in ("portal", "vneid") and proc.vneid_level in (1, 2)
    assert proc.steps and proc.fields and proc.processing_days >= 0
    assert isinstance(proc.fee_vnd, int) and proc.fee_vnd >= 0
    assert set(proc.keywords) == {"vi", "en"}
    for field in proc.fields:
        assert field.validator in VALIDATORS
        assert (field.validator == "choice") == bool(field.choices)
        assert not field.prefilled or field.source
    for doc in proc.documents:
        assert doc.accepted and doc.max_size_mb > 0
    assert not set(proc.field_ids) & set(proc.document_ids)


def test_newborn_is_the_linked_procedure():
    proc = get_procedure("newborn")
    assert len(proc.steps) == 6 and len(proc.forms) == 3
    assert {f.form for f in proc.fields} == {form.id for form in proc.forms}
    assert proc.fee_vnd == 0 and proc.where == "portal"
    assert proc.document("birth_certificate").required
    kinds = {(c.kind, c.field) for c in proc.checks}
    assert ("max_age", "child_birth_date") in kinds and ("not_before", "child_birth_date") in kinds
    assert proc.field("applicant_name").prefilled and not proc.field("child_name").prefilled


def test_temporary_residence_follows_the_vneid_flow():
    proc = get_procedure("temporary_residence")
    assert proc.where == "vneid" and proc.vneid_level == 2
    steps = [s.id for s in proc.steps]
    assert steps.index("passcode") < steps.index("consent") < steps.index("upload") < steps.index("review_submit")
    assert {"head_consent", "relationship_to_head", "owner_name"} <= set(proc.field_ids)
    assert proc.document("residence_proof").required
    assert proc.document("consent_ct01").required_if == ("head_consent", "paper")


def test_household_business_has_a_fee_and_the_residence_notice_none():
    assert get_procedure("household_business").fee_vnd > 0
    assert get_procedure("residence_notice").fee_vnd == 0


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("query, lang, first", [
    ("khai sinh", "vi", "newborn"),
    ("Khai  SINH", "vi", "newborn"),
    ("khai sinh", "en", "newborn"),
    ("gi\u1ea5y khai sinh", "vi", "newborn"),
    ("b\u1ea3o hi\u1ec3m y t\u1ebf", "vi", "newborn"),
    ("t\u1ea1m tr\u00fa", "vi", "temporary_residence"),
    ("tam tru", "vi", "temporary_residence"),
    ("TAM TRU", "en", "temporary_residence"),
    ("l\u01b0u tr\u00fa", "vi", "residence_notice"),
    ("luu tru", "vi", "residence_notice"),
    ("kinh doanh", "vi", "household_business"),
    ("h\u1ed9 kinh doanh", "vi", "household_business"),
    ("birth", "en", "newborn"),
    ("newborn", "en", "newborn"),
    ("Business", "en", "household_business"),
    ("guest", "en", "residence_notice"),
    ("temporary", "en", "temporary_residence"),
    ("\u0111\u0103ng k\u00fd t\u1ea1m tr\u00fa", "vi", "temporary_residence"),
])
def test_search(query, lang, first, form):
    found = search_procedures(unicodedata.normalize(form, query), lang)
    assert found and found[0].id == first


@pytest.mark.parametrize("query", ["", "   ", None])
def test_empty_query_lists_everything(query):
    assert [p.id for p in search_procedures(query, "vi")] == list(load_procedures())


@pytest.mark.parametrize("query", ["h\u1ed9 chi\u1ebfu", "xyz", "khai sinh passport"])
def test_every_word_must_match(query):
    assert search_procedures(query, "vi") == []


def test_search_ranks_the_procedure_named_first():
    ids = [p.id for p in search_procedures("th\u01b0\u1eddng tr\u00fa", "vi")]
    assert ids[0] == "newborn" and "temporary_residence" in ids


def _break(raw, path, value=None, delete=False):
    data = copy.deepcopy(raw)
    target = data
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize("path, value, delete, where", [
    (["procedures", 0, "title"], {"vi": "X"}, False, "procedures/0/title"),
    (["procedures", 0, "where"], "office", False, "procedures/0/where"),
    (["procedures", 0, "fee_vnd"], -1, False, "procedures/0/fee_vnd"),
    (["procedures", 0, "fields", 0, "validator"], "shoe_size", False, "procedures/0/fields/0/validator"),
    (["procedures", 0, "office_code"], "office-1", False, "procedures/0/office_code"),
    (["procedures", 0, "steps"], None, True, "procedures/0"),
    (["procedures", 1, "id"], "newborn", False, "duplicate procedure id"),
    (["procedures", 0, "fields", 1, "id"], "applicant_name", False, "duplicate field id"),
    (["procedures", 0, "fields", 4, "choices"], None, True, "choices go with validator"),
    (["procedures", 0, "fields", 0, "source"], None, True, "prefilled needs a known source"),
    (["procedures", 0, "fields", 0, "form"], "passport", False, "unknown form"),
    (["procedures", 0, "documents", 0, "id"], "child_name", False, "share an id"),
    (["procedures", 0, "documents", 2, "required_if", "equals"], "cousin", False, "names no choice"),
    (["procedures", 0, "checks", 0, "other"], "child_name", False, "non-date field"),
])
def test_bad_data_is_refused_with_its_place(raw, path, value, delete, where):
    with pytest.raises(ProcedureDataError, match=where):
        parse_procedures(_break(raw, path, value, delete), "procedures.yaml")


def test_the_packaged_data_passes(raw):
    assert list(parse_procedures(raw)) == list(load_procedures())
