"""String catalogs: both languages have the same keys and placeholders; t() never raises."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import literacy_kit.i18n as i18n
from literacy_kit import domains
from literacy_kit.i18n import normalize_lang, placeholders, t

CATALOGS = Path(i18n.__file__).parent / "catalogs"


def _areas(lang):
    return sorted(p.name for p in (CATALOGS / lang).glob("*.json"))


def _load(lang, area):
    return json.loads((CATALOGS / lang / area).read_text(encoding="utf-8"))


def test_same_area_files_in_every_language():
    assert _areas("vi") == _areas("en")
    assert _areas("vi"), "no catalogs found"


@pytest.mark.parametrize("area", _areas("vi"))
def test_same_keys_per_area(area):
    vi, en = _load("vi", area), _load("en", area)
    assert sorted(set(vi) - set(en)) == [], f"keys missing in en/{area}"
    assert sorted(set(en) - set(vi)) == [], f"keys missing in vi/{area}"


@pytest.mark.parametrize("area", _areas("vi"))
def test_same_placeholders_per_key(area):
    vi, en = _load("vi", area), _load("en", area)
    wrong = {key: (placeholders(vi[key]), placeholders(en[key]))
             for key in vi.keys() & en.keys()
             if placeholders(vi[key]) != placeholders(en[key])}
    assert wrong == {}


@pytest.mark.parametrize("area", _areas("vi"))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_values_are_non_empty_strings(area, lang):
    for key, value in _load(lang, area).items():
        assert isinstance(value, str) and value.strip(), f"{lang}/{area}: {key}"


def test_every_catalog_string_formats(monkeypatch):
    for lang in ("vi", "en"):
        for key, text in i18n.catalog(lang).items():
            values = {name: "x" for name in placeholders(text)}
            assert isinstance(t(key, lang, **values), str)


@pytest.mark.parametrize("raw, expected", [
    ("vi", "vi"), ("vi_VN", "vi"), ("vi-VN", "vi"), ("EN", "en"), ("en_US", "en"),
    (" en ", "en"), ("fr", "vi"), ("", "vi"), (None, "vi"),
])
def test_normalize_lang(raw, expected):
    assert normalize_lang(raw) == expected


@pytest.fixture
def fake_catalogs(monkeypatch):
    data = {"vi": {"a.only_vi": "chi {name}", "a.both": "vi {n}"},
            "en": {"a.both": "en {n}"}}
    monkeypatch.setattr(i18n, "catalog", lambda lang: data[lang])
    return data


def test_english_falls_back_to_vietnamese(fake_catalogs):
    assert t("a.only_vi", "en", name="X") == "chi X"
    assert t("a.both", "en", n=1) == "en 1"


def test_missing_key_shows_itself(fake_catalogs):
    assert t("a.nowhere", "en") == "a.nowhere"
    assert t("a.nowhere", "vi", n=2) == "a.nowhere"


def test_missing_and_extra_placeholders_never_raise(fake_catalogs):
    assert t("a.both", "vi") == "vi {n}"
    assert t("a.both", "vi", other=1) == "vi {n}"
    assert t("a.both", "vi", n=1, extra=2) == "vi 1"


def test_broken_format_string_never_raises(monkeypatch):
    monkeypatch.setattr(i18n, "catalog", lambda lang: {"a.bad": "open {brace"})
    assert t("a.bad", "vi", n=1) == "open {brace"


def test_real_catalog_lookup():
    assert t("errors.field.required", "en") == "This field is required."
    assert t("cli.doctor_ok", "en") == "OK"


def test_a_domain_file_adds_keys_to_an_area(tmp_path, monkeypatch):
    for lang in ("vi", "en"):
        folder = tmp_path / "catalogs" / lang
        folder.mkdir(parents=True)
        (folder / "errors.json").write_text('{"a": "A"}', encoding="utf-8")
        (folder / "errors.demo.json").write_text('{"demo.b": "B"}', encoding="utf-8")
    monkeypatch.setattr(i18n, "__file__", str(tmp_path / "i18n.py"))
    monkeypatch.setattr(domains, "registered", lambda: [])
    i18n.catalog.cache_clear()
    try:
        assert i18n.catalog("vi") == {"errors.a": "A", "errors.demo.b": "B"}
        (tmp_path / "catalogs" / "vi" / "errors.demo.json").write_text('{"a": "again"}',
                                                                        encoding="utf-8")
        i18n.catalog.cache_clear()
        with pytest.raises(ValueError, match="defined twice"):
            i18n.catalog("vi")
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()
