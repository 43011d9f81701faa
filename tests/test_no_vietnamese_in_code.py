"""No Vietnamese (or other accented Latin) letters in Python code.

User-facing text lives in catalogs and content files, so a Vietnamese letter in a .py
file is either a text that escaped translation or a comment in the wrong language.

* Comments are checked everywhere: code and comments are in English.
* String literals are checked in literacy_kit/, benchmarks/, tools/ and exercises/.
  tests/ is exempt for strings because tests must feed real Vietnamese input
  (decomposed NFD letters, old and new tone placement) to validators.

tokenize is used so that a letter written as an escape sequence (backslash-u) in the
source passes: the token holds the escape, not the letter.
"""
from __future__ import annotations

import io
import tokenize
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
STRING_DIRS = ("literacy_kit", "benchmarks", "tools", "exercises")
COMMENT_DIRS = STRING_DIRS + ("tests",)
SKIP_PARTS = {".venv", "venv", "__pycache__", "build", ".ipynb_checkpoints", "node_modules"}
STRING_TYPES = {tokenize.STRING} | {getattr(tokenize, name) for name in ("FSTRING_MIDDLE",)
                                    if hasattr(tokenize, name)}


def is_vietnamese_like(ch: str) -> bool:
    """A non-ASCII Latin letter (a, e, o with marks, d-stroke...) or a combining mark."""
    if ch.isascii():
        return False
    if unicodedata.category(ch) == "Mn":
        return True
    if any(unicodedata.combining(part) for part in unicodedata.normalize("NFD", ch)):
        return True
    return "LATIN" in unicodedata.name(ch, "")


def python_files(folder: str):
    root = REPO / folder
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*.py") if not SKIP_PARTS & set(p.relative_to(REPO).parts))


def offences(path: Path, check_strings: bool, root: Path = REPO):
    source = path.read_bytes()
    found = []
    for token in tokenize.tokenize(io.BytesIO(source).readline):
        kinds = {tokenize.COMMENT} | (STRING_TYPES if check_strings else set())
        if token.type in kinds:
            letters = sorted({ch for ch in token.string if is_vietnamese_like(ch)})
            if letters:
                kind = "comment" if token.type == tokenize.COMMENT else "string"
                found.append(f"{path.relative_to(root)}:{token.start[0]}: {kind} contains "
                             + " ".join(f"U+{ord(ch):04X}" for ch in letters))
    return found


@pytest.mark.parametrize("letter", ["\u1ebf", "\u0111", "\u0110", "\u01a1", "\u01b0", "\u0103",
                                    "\u00e0", "e\u0301"[1], "\u1ef1"])
def test_detector_catches_vietnamese_letters(letter):
    assert is_vietnamese_like(letter)


@pytest.mark.parametrize("char", ["a", "Z", "-", "\u2192", "\u00b7", "\u2026", "\u4e2d"])
def test_detector_ignores_ascii_and_symbols(char):
    assert not is_vietnamese_like(char)


def test_detector_reads_tokens(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('x = "\u0111i"  # ok\ny = "\\u0111i"  # c\u00f3\n', encoding="utf-8")
    found = offences(sample, check_strings=True, root=tmp_path)
    comments_only = offences(sample, check_strings=False, root=tmp_path)
    assert [f.split(": ")[1].split()[0] for f in found] == ["string", "comment"]
    assert len(comments_only) == 1 and ":2:" in comments_only[0]


def test_no_vietnamese_letters_in_python_code():
    problems = []
    for folder in COMMENT_DIRS:
        for path in python_files(folder):
            problems += offences(path, check_strings=folder in STRING_DIRS)
    assert problems == [], "move these texts into catalogs or content files:\n" + "\n".join(problems)
