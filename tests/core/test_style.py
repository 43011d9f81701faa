"""Stylesheet, catalogs and the kit's house rules (ASCII code, cheap import, re-exports)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import pytest

import literacy_kit.core as core
from literacy_kit.core import style
from literacy_kit.i18n import placeholders

PACKAGE = Path(core.__file__).resolve().parent.parent
CORE_DIR = PACKAGE / "core"
TESTS_DIR = Path(__file__).resolve().parent


def test_stylesheet_is_a_style_tag_read_once():
    style.css_text.cache_clear()
    first, second = core.stylesheet(), core.stylesheet()
    try:
        assert isinstance(first, w.HTML) and "lk-stylesheet" in first._dom_classes
        assert first.value.startswith("<style") and first.value.endswith("</style>")
        assert first.value == second.value and first is not second
        assert style.css_text.cache_info().misses == 1
        assert "<script" not in first.value.lower()
    finally:
        first.close(), second.close()


def test_stylesheet_sizes_targets_and_text():
    css = style.css_text()
    assert re.search(r":root\s*{[^}]*--lk-font:\s*16px;[^}]*--lk-tap:\s*48px", css, re.S)
    assert re.search(r"\.lk-kiosk\s*{\s*--lk-font:\s*18px;\s*--lk-tap:\s*56px;", css)
    assert re.search(r"\.lk-large\s*{\s*--lk-font:\s*(\d+)px;\s*--lk-tap:\s*(\d+)px;", css)
    # !important: the Python-side inline 48px floor must not cap the kiosk's 56px
    assert "min-height: var(--lk-tap) !important" in css
    # no text smaller than the 16px base anywhere
    assert all(int(size) >= 16 for size in re.findall(r"font-size:\s*(\d+)px", css))
    assert "@import" not in css and "url(" not in css  # nothing fetched at run time


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("fg, bg", [("text", None), ("muted", None), ("accent", "accent-bg"),
                                    ("ok", "ok-bg"), ("bad", "bad-bg"), ("warn", "warn-bg")])
def test_colour_pairs_have_good_contrast(fg, bg):
    css = style.css_text()
    colour = lambda name: re.search(rf"--lk-{name}:\s*(#[0-9a-f]{{6}})", css).group(1)  # noqa: E731
    light = _luminance(colour(bg)) if bg else 1.0
    ratio = (max(light, _luminance(colour(fg))) + 0.05) / (min(light, _luminance(colour(fg))) + 0.05)
    assert ratio >= 4.5


def test_catalogs_match_across_languages():
    vi = json.loads((PACKAGE / "catalogs" / "vi" / "core.json").read_text(encoding="utf-8"))
    en = json.loads((PACKAGE / "catalogs" / "en" / "core.json").read_text(encoding="utf-8"))
    assert vi.keys() == en.keys()
    for key in vi:
        assert placeholders(vi[key]) == placeholders(en[key]), key
        assert vi[key].strip() and en[key].strip()


def test_every_catalog_key_used_in_code_exists():
    vi = json.loads((PACKAGE / "catalogs" / "vi" / "core.json").read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in CORE_DIR.glob("*.py"))
    used = set(re.findall(r'"core\.([a-z_.]+)"', source))
    prefixes = set(re.findall(r'f"core\.([a-z_]+)\.\{', source))
    assert used and used <= vi.keys()
    for prefix in prefixes:
        assert any(key.startswith(prefix + ".") for key in vi)


@pytest.mark.parametrize("path", sorted(CORE_DIR.glob("*.py")) + sorted(TESTS_DIR.glob("*.py")),
                         ids=lambda p: p.name)
def test_python_files_hold_no_non_ascii_text(path):
    # Vietnamese belongs in catalogs and content files; code uses \u escapes if ever needed.
    assert path.read_text(encoding="utf-8").isascii()


def test_import_literacy_kit_stays_cheap():
    code = "import sys, literacy_kit; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_core_init_only_reexports():
    for name in core.__all__:
        assert getattr(core, name).__module__.startswith("literacy_kit.core.")
    tree = (CORE_DIR / "__init__.py").read_text(encoding="utf-8")
    code_lines = [line for line in tree.splitlines()
                  if line.strip() and not line.startswith(("from .", '"""', "__all__", "    ", "]"))]
    assert code_lines == []
