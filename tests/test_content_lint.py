"""House style of the Vietnamese texts learners see (rules in literacy_kit/content/style.yaml):
one spelling (tone marks on the main vowel: hoà, khoá, xoá, uỷ), “…” quotation marks, one
term per concept, and a glossary entry for every jargon word.

Checked: every content bundle (generic and the domains'), every Vietnamese catalog except
the trainer's command-line areas (cli, course: typed-in values are quoted there in plain
ASCII for copying), the session plans and the contacts template.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from literacy_kit import content, domains
from literacy_kit.content import lint
from literacy_kit.handouts.plans import plan_files

PACKAGE = Path(content.__file__).parent.parent
TRAINER_AREAS = ("cli", "course")
#: The kit's own domains (a plug-in installed from elsewhere keeps its own style).
KIT_DOMAINS = [d for d in domains.registered() if d.package.startswith("literacy_kit.")]


def vi_strings(data, path=""):
    """Every Vietnamese string of parsed YAML/JSON (values under an ``en`` key left out)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "en":
                yield from vi_strings(value, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from vi_strings(value, f"{path}/{index}")
    elif isinstance(data, str):
        yield path, data


def content_files() -> list[Path]:
    folders = [PACKAGE / "content" / "data"] + [d.content_dir() for d in KIT_DOMAINS]
    files = [p for folder in folders for p in sorted(folder.glob("*.yaml"))]
    return files + plan_files() + [PACKAGE / "handouts" / "data" / "contacts.yaml"]


def catalog_files() -> list[Path]:
    folders = [PACKAGE / "catalogs" / "vi"] + [d.catalog_dir("vi") for d in KIT_DOMAINS]
    return [p for folder in folders for p in sorted(folder.glob("*.json"))
            if p.name.split(".")[0] not in TRAINER_AREAS]


FILES = content_files() + catalog_files()


def texts(path: Path):
    data = (yaml.safe_load if path.suffix == ".yaml" else json.loads)(path.read_text(encoding="utf-8"))
    return list(vi_strings(data))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_one_spelling_quotes_and_terms(path):
    problems = []
    for where, text in texts(path):
        for check in (lint.old_tone_marks, lint.quote_marks, lint.avoided_terms):
            found = check(text)
            if found:
                problems.append(f"{where}: {check.__name__} {found}: {text[:70]}")
    assert problems == []


def test_the_checks_catch_what_they_should():
    assert lint.old_tone_marks("nh\u00e0 v\u0103n h\u00f3a, th\u1ee7y l\u1ee3i, kh\u1ecfe") == \
        ["h\u00f3a", "th\u1ee7y", "kh\u1ecfe"]
    assert lint.old_tone_marks("qu\u00fd kh\u00e1ch, ho\u00e0 b\u00ecnh, to\u00e1n, kho\u00e1") == []
    assert lint.old_tone_marks("ho\u0300a") == ["h\u00f2a"]           # decomposed input
    assert lint.new_tone_marks("Kh\u00f3a") == "Kho\u00e1"
    assert lint.quote_marks("“đúng” \"sai\" «sai»") == ['"', '"', "«", "»"]
    assert lint.avoided_terms("Nhập Số CCCD") == ["số CCCD"]
    assert lint.english_runs("Tap the button and wait for the code") != []
    assert lint.english_runs("Mở ứng dụng VNeID trên CH Play hoặc App Store") == []


def test_every_jargon_word_is_in_the_glossary():
    titles = [page.title.vi.casefold() for page in content.load("glossary").pages.values()]
    missing = [word for word in lint.style()["jargon"]
               if not any(word.casefold() in title for title in titles)]
    assert missing == []


def test_the_preferred_terms_are_the_ones_used():
    """Each preferred term really appears in the content (the term list is not stale)."""
    everything = " ".join(text for path in FILES for _, text in texts(path)).casefold()
    unused = [t["preferred"] for t in lint.style()["terms"] if t["preferred"].casefold() not in everything]
    assert unused == []


def test_new_texts_address_learners_without_ban():
    """Session plans, glossary and scam rules say "bà con" or no pronoun, never "bạn"."""
    files = plan_files() + [PACKAGE / "content" / "data" / n for n in ("glossary.yaml", "scam_rules.yaml")]
    found = [f"{p.name}{where}" for p in files for where, text in texts(p)
             if re.search(r"\bbạn\b", text, re.IGNORECASE)]
    assert found == []


LESSONS = sorted((PACKAGE.parent / "lessons").glob("*.ipynb"))
GLOSSARY_PAGE = PACKAGE.parent / "lessons" / "tu_ngu_can_biet.md"


def slide_cells(path: Path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return nb, [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                and c.metadata.get("slideshow", {}).get("slide_type") not in ("notes", "skip")]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_slides_are_short_vietnamese_in_house_style(path):
    """At most ~40 Vietnamese words per slide; English lives in the slide's notes."""
    limit = lint.style()["max_slide_words"]
    _, slides = slide_cells(path)
    problems = []
    for index, cell in slides:
        text = cell.source
        words = lint.slide_words(text)
        for what, found in (("words", words if words > limit else None),
                            ("english", lint.english_runs(text)), ("tone", lint.old_tone_marks(text)),
                            ("quotes", lint.quote_marks(text)), ("terms", lint.avoided_terms(text)),
                            ("pronoun", re.findall(r"\bbạn\b", text, re.IGNORECASE))):
            if found:
                problems.append(f"cell {index}: {what} {found}: {text[:50]!r}")
    assert problems == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_slide_has_trainer_notes_with_the_english(path):
    """Every slide that opens with text has notes: what the trainer says and does, and the
    slide in English. (A slide that is only a self-check widget is covered by the notes of
    the "Tự kiểm tra" slide before it.)"""
    nb, _ = slide_cells(path)
    slides, current = [], None
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type")
        if kind in ("slide", "subslide"):
            current = {"title": cell.source[:40], "notes": []}
            if cell.cell_type == "markdown":
                slides.append(current)
        elif kind == "notes" and current is not None:
            current["notes"].append(cell.source)
    missing = [s["title"] for s in slides if not any("**Giảng viên:**" in n and "*Trainer:*" in n
                                                    for n in s["notes"])]
    assert missing == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_link_the_glossary(path):
    _, slides = slide_cells(path)
    assert f"]({GLOSSARY_PAGE.name})" in slides[0][1].source


def test_the_glossary_page_is_the_glossary_content():
    from literacy_kit.handouts.render import glossary_markdown

    assert GLOSSARY_PAGE.read_text(encoding="utf-8") == glossary_markdown(content.load("glossary"), "vi")
