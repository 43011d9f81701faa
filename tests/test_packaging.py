"""environment.yml (conda route) declares the same dependencies as pyproject.toml (pip route)."""
from __future__ import annotations

import re
from importlib.metadata import requires

import yaml
from packaging.requirements import Requirement

from support import ROOT

# conda-forge ships matplotlib without GUI toolkits under another name.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, str]:
    """name -> specifier of the runtime and test requirements of the installed package."""
    result = {}
    for line in requires("literacy-kit") or []:
        requirement = Requirement(line)
        marker = str(requirement.marker or "")
        if marker and "extra" in marker and '"test"' not in marker:
            continue
        result[canonical(requirement.name)] = str(requirement.specifier)
    return result


def conda_listed() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    entries = []
    for item in data["dependencies"]:
        entries.extend(item["pip"] if isinstance(item, dict) else [item])
    result = {}
    for entry in entries:
        if entry.startswith("-") or entry in ("pip",) or entry.startswith("python"):
            continue
        requirement = Requirement(entry)
        result[canonical(requirement.name)] = str(requirement.specifier)
    return result


def test_every_dependency_is_in_the_conda_environment_with_the_same_range():
    conda = conda_listed()
    for name, specifier in declared().items():
        conda_name = canonical(CONDA_NAMES.get(name, name))
        assert conda_name in conda, f"{name} missing from environment.yml"
        assert conda[conda_name] == specifier, f"{name}: {conda[conda_name]!r} != {specifier!r}"


def test_conda_environment_lists_nothing_extra():
    expected = {canonical(CONDA_NAMES.get(name, name)) for name in declared()}
    assert set(conda_listed()) - expected == set()
