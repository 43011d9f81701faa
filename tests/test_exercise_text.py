"""Learners open exercises as tap-only pages in the classroom and hand in with the "Nộp bài /
Hand in" button: nothing they can read in an exercise may send them to a keyboard shortcut
(Shift + Enter, Ctrl + S), to run cells, or to JupyterLab and its Assignments tab.

What a learner reads of an exercise: its text (markdown) cells, shown as they are on the
exercise page and the feedback page, and the widgets' texts, drawn from the grading and
core catalogs, the exercise page's part of the classroom catalog, and each domain's catalogs
and content files. Code cells' source is never shown to a learner.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from literacy_kit import content, domains

REPO = Path(__file__).resolve().parents[1]
PACKAGE = Path(content.__file__).parent.parent
NOTEBOOKS = sorted((REPO / "exercises" / "source").glob("*/*.ipynb"))
KIT_DOMAINS = [d for d in domains.registered() if d.package.startswith("literacy_kit.")]
#: Generic catalogs an exercise page draws from, and the keys of the classroom catalog
#: shown on the exercise page (the rest of it is the trainer's command line).
GENERIC_CATALOGS = ("core", "grading", "grading.feedback")
CLASSROOM_PAGE_KEYS = re.compile(r"^(exercise_|handin_|back_home|feedback_)")

FORBIDDEN = [
    re.compile(r"\bshift\s*[+\-]\s*(enter|return)", re.IGNORECASE),
    re.compile(r"\b(ctrl|control|cmd|command|alt)\s*[+\-]\s*\w", re.IGNORECASE),
    re.compile(r"jupyter", re.IGNORECASE),
    re.compile(r"\bassignments?\s+(tab|panel)|\b(tab|thẻ)\s+assignments?\b", re.IGNORECASE),
    re.compile(r"\b(run|execute)\s+(all|the|each|every)\s+(the\s+)?cells?\b", re.IGNORECASE),
    re.compile(r"\bchạy\s+(lần lượt\s+)?(từng|tất cả|các|mọi)\s+ô\b|\bchạy tất cả\b", re.IGNORECASE),
    re.compile(r"\bphím tắt\b|\bkeyboard shortcut", re.IGNORECASE),
]


def forbidden(text: str) -> list[str]:
    """The forbidden wordings found in ``text``."""
    return [match.group(0) for pattern in FORBIDDEN for match in pattern.finditer(text)]


def strings(data, path=""):
    """Every string in parsed YAML/JSON, with where it sits."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, f"{path}/{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, f"{path}/{index}")
    elif isinstance(data, str):
        yield path, data


def markdown_cells(path: Path) -> list[tuple[str, str]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [(cell["metadata"].get("nbgrader", {}).get("grade_id", str(index)), "".join(cell["source"]))
            for index, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "markdown"]


def catalog_texts() -> list[tuple[str, str]]:
    found = []
    for lang in ("vi", "en"):
        folder = PACKAGE / "catalogs" / lang
        for name in GENERIC_CATALOGS:
            data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            found += [(f"{lang}/{name}{where}", text) for where, text in strings(data)]
        classroom = json.loads((folder / "classroom.json").read_text(encoding="utf-8"))
        found += [(f"{lang}/classroom/{key}", text) for key, text in classroom.items()
                  if CLASSROOM_PAGE_KEYS.match(key)]
        for domain in KIT_DOMAINS:
            for path in sorted(domain.catalog_dir(lang).glob("*.json")):
                data = json.loads(path.read_text(encoding="utf-8"))
                found += [(f"{domain.key}/{lang}/{path.name}{where}", text) for where, text in strings(data)]
    for domain in KIT_DOMAINS:
        for path in sorted(domain.content_dir().glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += [(f"{domain.key}/{path.name}{where}", text) for where, text in strings(data)]
    return found


def test_every_domain_has_an_exercise_notebook_here():
    names = {path.parent.name for path in NOTEBOOKS}
    assert names >= {name for domain in KIT_DOMAINS for name in domain.exercises}
    assert len(NOTEBOOKS) >= 5


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_exercise_text_is_for_a_tapping_learner(path):
    cells = markdown_cells(path)
    assert len(cells) >= 3, "an intro, the questions and the hand-in note"
    problems = [(cell, forbidden(text)) for cell, text in cells if forbidden(text)]
    assert problems == []
    # the hand-in is the page's button, named as the button is labelled in both languages
    outro = dict(cells)["outro"]
    labels = [json.loads((PACKAGE / "catalogs" / lang / "classroom.json").read_text("utf-8"))["handin_button"]
              for lang in ("vi", "en")]
    assert all(label in outro for label in labels), labels


def test_texts_the_exercise_pages_draw_from_name_no_shortcut_or_jupyterlab():
    texts = catalog_texts()
    assert len(texts) > 200 and any(where.startswith("en/classroom/handin_") for where, _ in texts)
    assert [(where, forbidden(text)) for where, text in texts if forbidden(text)] == []


def test_the_check_catches_what_learners_were_told_before():
    """Without this, patterns that never match would pass every test above."""
    told_before = [
        "1. Chạy lần lượt từng ô từ trên xuống (Shift + Enter), hoặc chọn menu *Chạy* → *Chạy tất cả*.",
        "4. Làm xong: lưu bài (Ctrl + S) rồi nộp bài như giảng viên hướng dẫn.",
        "Run the cells from the top (Shift+Enter). When done, save (Ctrl-S) and hand in.",
        "Open the Assignments tab in JupyterLab and fetch the exercise.",
        "Run all cells, then submit.",
    ]
    assert [len(forbidden(text)) for text in told_before] == [3, 1, 3, 2, 1]
    assert forbidden("Chạm nút “Nộp bài” ở cuối trang. Tap \"Hand in\"; the keyboard's Shift key.") == []
