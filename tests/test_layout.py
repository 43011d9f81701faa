"""The package's shape: domains are plug-ins, logic is told from widgets by its path.

Rules checked on the source (AST, no imports):
- generic code (everything outside the registered domain packages) imports no domain;
- a domain's ``logic/`` modules import no ipywidgets, no widget module of the kit and
  nothing from ``widgets/``;
- every domain package has ``logic/``, ``widgets/`` and ``plugin.py``, and no module sits
  beside a folder of the same name anywhere in the package.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import literacy_kit
from literacy_kit import domains

PACKAGE = Path(literacy_kit.__file__).parent
INTERNAL = [d for d in domains.registered() if d.package.startswith("literacy_kit.")]
DOMAIN_NAMES = {d.package.split(".")[1] for d in INTERNAL}
#: Kit modules that build ipywidgets (logic must not use them).
WIDGET_MODULES = ("ipywidgets", "literacy_kit.core", "literacy_kit.kiosk", "literacy_kit.grading")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = parts[:-1] if parts[-1] != "__init__" else parts[:-1]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_kit_registers_its_domains():
    assert DOMAIN_NAMES >= {"vneid", "services", "ai"}
    assert domains.failures() == []


def generic_files():
    for path in sorted(PACKAGE.rglob("*.py")):
        top = path.relative_to(PACKAGE).parts[0]
        if top not in DOMAIN_NAMES:
            yield path


@pytest.mark.parametrize("path", list(generic_files()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_generic_code_names_no_domain(path):
    named = {name for name in imported_modules(path)
             if name.split(".")[:2] in ([["literacy_kit", d] for d in DOMAIN_NAMES])}
    assert not named, f"{path.relative_to(PACKAGE)} imports {sorted(named)}: use literacy_kit.domains"


#: Imports of one kit domain by another that predate this check (``(importer, imported)``):
#: the services portal logs in with the VNeID simulator's account and reuses its ID-card
#: and phone parsers, the AI lesson's personal-data scanner reuses the same parsers, the
#: payments listing exercise asks the AI lesson's offline assistant. Generic pieces among
#: them belong outside the domains (as keyword matching moved to literacy_kit.keywords);
#: no pair may be added.
KNOWN_CROSS_DOMAIN = {("services", "vneid"), ("ai", "vneid"), ("payments", "ai")}


def domain_files():
    for name in sorted(DOMAIN_NAMES):
        yield from sorted((PACKAGE / name).rglob("*.py"))


def test_no_domain_imports_another_beyond_the_known_pairs():
    pairs = {}
    for path in domain_files():
        importer = path.relative_to(PACKAGE).parts[0]
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "literacy_kit" and len(parts) > 1 and parts[1] in DOMAIN_NAMES \
                    and parts[1] != importer:
                pairs.setdefault((importer, parts[1]), set()).add(str(path.relative_to(PACKAGE)))
    new = {pair: sorted(files) for pair, files in pairs.items() if pair not in KNOWN_CROSS_DOMAIN}
    assert new == {}, "a domain imports another: move what they share to a generic module"
    assert ("safety", "ai") not in pairs   # keyword matching is generic (literacy_kit.keywords)


def logic_files():
    for name in sorted(DOMAIN_NAMES):
        yield from sorted((PACKAGE / name / "logic").rglob("*.py"))


@pytest.mark.parametrize("path", list(logic_files()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_logic_modules_build_no_widgets(path):
    domain = path.relative_to(PACKAGE).parts[0]
    bad = {name for name in imported_modules(path)
           if any(name == m or name.startswith(m + ".") for m in WIDGET_MODULES)
           or name.startswith(f"literacy_kit.{domain}.widgets")}
    # the grading helpers that are pure functions (checks) are allowed
    bad = {name for name in bad if not name.startswith("literacy_kit.grading.checks")}
    assert not bad, f"{path.relative_to(PACKAGE)} is logic but imports {sorted(bad)}"


@pytest.mark.parametrize("name", sorted(DOMAIN_NAMES))
def test_every_domain_has_the_same_shape(name):
    folder = PACKAGE / name
    for part in ("logic/__init__.py", "widgets/__init__.py", "plugin.py", "catalogs/vi",
                 "catalogs/en", "content"):
        assert (folder / part).exists(), f"{name}/{part} is missing"
    top_modules = {p.stem for p in folder.glob("*.py")}
    assert top_modules <= {"__init__", "plugin"}, f"{name}: put {top_modules} in logic/ or widgets/"


def test_no_module_sits_beside_a_folder_of_the_same_name():
    clashes = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
               if (p.parent / p.stem).is_dir() and p.stem != "__init__"]
    assert clashes == []


def test_one_name_per_domain_across_lesson_exercise_content_and_tests():
    root = PACKAGE.parent
    for domain in INTERNAL:
        key = domain.key
        assert domain.package == f"literacy_kit.{key}"
        assert (root / "lessons" / f"{domain.lesson}.ipynb").is_file()
        assert domain.lesson.endswith(f"_{key}")
        for exercise in domain.exercises:
            assert (root / "exercises" / "source" / exercise / f"{exercise}.ipynb").is_file()
        assert (root / "tests" / key).is_dir()
        content = {p.stem for p in domain.content_dir().glob("*.yaml")}
        assert content and all(stem.startswith(f"{key}_") for stem in content), content
