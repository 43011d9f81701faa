"""The light page's bundle: what is committed is what package-lock.json builds.

``literacy_kit/page/data/voila/templates/lk-page`` holds the built script and styles (the
wheel carries them, so a machine without Node or Internet gets the page). The slow test
builds them again from ``js/page`` with ``npm ci`` (the registry) and esbuild, and compares
byte for byte. CI sets ``LK_REQUIRE_NPM=1``: there a missing npm fails instead of skipping.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from literacy_kit import page

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "js" / "page"
BUILT = ("static/lk-page.js", "static/lk-page.css", "static/THIRD-PARTY-NOTICES.txt",
         "lk-page.version")


def test_version_is_the_hash_of_script_and_styles():
    digest = hashlib.sha256()
    for name in ("lk-page.js", "lk-page.css"):
        digest.update((page.TEMPLATE_DIR / "static" / name).read_bytes())
    assert (page.TEMPLATE_DIR / "lk-page.version").read_text() == digest.hexdigest()[:16]


def test_notices_name_every_direct_dependency_and_their_licences():
    notices = (page.TEMPLATE_DIR / "static" / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    lock = json.loads((SOURCE / "package-lock.json").read_text(encoding="utf-8"))
    direct = lock["packages"][""]["dependencies"]
    for name, version in direct.items():
        assert f"Package: {name} {version}\n" in notices
    licences = {line.removeprefix("Licence: ") for line in notices.splitlines()
                if line.startswith("Licence: ")}
    # only permissive licences in a page every visitor downloads
    assert licences <= {"BSD-3-Clause", "BSD-2-Clause", "MIT", "ISC"}, licences


def test_template_is_in_the_package_data():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"page/data/voila/templates/lk-page/*"' in pyproject
    assert '"page/data/voila/templates/lk-page/static/*"' in pyproject


def _npm() -> str | None:
    npm = shutil.which("npm")
    if npm is None and os.environ.get("LK_REQUIRE_NPM", "") not in ("", "0"):
        pytest.fail("npm not found (LK_REQUIRE_NPM is set): sudo apt-get install -y npm")
    return npm


@pytest.mark.slow
def test_committed_bundle_is_what_the_lock_builds(tmp_path):
    npm = _npm()
    if npm is None:
        pytest.skip("npm not found: sudo apt-get install -y npm")
    work = tmp_path / "page"
    shutil.copytree(SOURCE, work, ignore=shutil.ignore_patterns("node_modules"))
    env = {**os.environ, "npm_config_cache": str(tmp_path / "npm-cache")}
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=work, env=env,
                   check=True, capture_output=True, timeout=600)
    out = tmp_path / "out"
    (out / "static").mkdir(parents=True)
    subprocess.run(["node", "build.mjs", str(out)], cwd=work, env=env, check=True,
                   capture_output=True, timeout=300)
    for name in BUILT:
        assert (out / name).read_bytes() == (page.TEMPLATE_DIR / name).read_bytes(), (
            f"{name} differs from what js/page builds: run `npm ci && npm run build` in js/page")
