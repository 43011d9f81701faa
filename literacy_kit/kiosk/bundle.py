"""``literacy-kit bundle DIR``: everything a machine without Internet needs, on a USB stick.

The folder gets:

* ``wheels/``: this kit and every dependency as wheels for *this* machine's platform and
  Python (make the bundle on a machine like the kiosk's: same Debian release and
  architecture), pinned by ``requirements-lock.txt`` when the source has one;
* ``speech/``: the read-aloud audio, prepared (``literacy-kit speech prewarm``);
* ``debian-packages.txt`` and ``README.txt``: the system packages and how to get them;
* ``install.sh``: creates a virtual environment and installs with ``pip --no-index``;
  ``--kiosk`` also makes the machine boot into the kiosk;
* ``bundle.json``: what was bundled, for which Python and platform.
"""
from __future__ import annotations

import json
import platform
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from ..i18n import LANGS, t
from .install import DEBIAN_PACKAGES

HERE = Path(__file__).parent
#: Not copied when the kit's own wheel is built.
SOURCE_SKIP = (".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "tests",
               "artifacts", "node_modules", ".ipynb_checkpoints")


class BundleError(RuntimeError):
    """A step of the bundle failed; the message names it."""


def source_root() -> Path | None:
    """The source tree this kit runs from (needed to build its own wheel), if any."""
    root = HERE.parent.parent
    return root if (root / "pyproject.toml").is_file() else None


def write_bundle(dest: Path, source: Path | None = None, speech: bool = True,
                 speech_bundles: list[str] | None = None, run=subprocess.run) -> dict:
    """Write the bundle into ``dest``; returns what ``bundle.json`` holds."""
    source = source or source_root()
    if source is None:
        raise BundleError("source")
    dest = Path(dest)
    wheels = dest / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheels)]
    lock = source / "requirements-lock.txt"
    if lock.is_file():
        command += ["--constraint", str(lock)]
    with tempfile.TemporaryDirectory(prefix="lk-bundle-src-") as tmp:
        # a clean copy: setuptools reuses a source tree's build/ folder, whose files may be
        # stale (a moved catalog would then be packed twice)
        clean = Path(tmp) / "src"
        shutil.copytree(source, clean, ignore=shutil.ignore_patterns(*SOURCE_SKIP))
        if run(command + [str(clean)]).returncode != 0:
            raise BundleError("wheels")
    if speech:
        prewarm = [str(Path(sys.executable).with_name("literacy-kit")), "speech", "prewarm",
                   "--cache", str(dest / "speech")]
        for name in speech_bundles or ():
            prewarm += ["--bundle", name]
        if run(prewarm).returncode != 0:
            raise BundleError("speech")
    (dest / "debian-packages.txt").write_text("\n".join(DEBIAN_PACKAGES) + "\n", encoding="utf-8")
    packages = " ".join(DEBIAN_PACKAGES)
    readme = "\n\n".join(t("cli.bundle_readme", lang, packages=packages) for lang in LANGS)
    (dest / "README.txt").write_text(readme + "\n", encoding="utf-8")
    script = dest / "install.sh"
    shutil.copy2(HERE / "system" / "install-bundle.sh", script)
    script.chmod(0o755)
    info = {"python": platform.python_version(), "platform": sysconfig.get_platform(),
            "wheels": sorted(p.name for p in wheels.glob("*.whl")), "speech": speech,
            "debian_packages": list(DEBIAN_PACKAGES)}
    (dest / "bundle.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info
