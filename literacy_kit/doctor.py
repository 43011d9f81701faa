"""Check that this machine has what the lessons and the kiosk need.

Each check is a function returning a :class:`Check`; :data:`CHECKS` lists them in the
order they are printed. To add one, write a function (usually with
:func:`binary_check`, :func:`font_check` or :func:`module_check`), append it to
:data:`CHECKS` and add ``doctor_<name>`` to the ``cli.json`` catalogs.

>>> result = module_check("json_check", "json", "pip install json")
>>> result.ok, result.install
(True, '')
"""
from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

CHROMIUM_PATHS = ("/usr/bin/chromium",)
CHROMIUM_NAMES = ("chromium", "chromium-browser")
LANGUAGE_PACK_MODULE = "jupyterlab_language_pack_vi_VN"


@dataclass(frozen=True)
class Check:
    """The result of one check.

    ``name`` picks the label ``cli.doctor_<name>`` from the catalogs; ``detail`` is raw
    data (a path, a version, a font family); ``install`` is the exact command that
    fixes a failed check (empty when ``ok``).
    """

    name: str
    ok: bool
    detail: str = ""
    install: str = ""


def apt(*packages: str) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def pip(requirement: str) -> str:
    """The pip command for this interpreter, with the version range from our metadata."""
    return f"{shlex.quote(sys.executable)} -m pip install {shlex.quote(_requirement(requirement))}"


def _requirement(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, requires

    try:
        declared = requires("literacy-kit") or []
    except PackageNotFoundError:
        return name
    wanted = name.lower().replace("_", "-")
    for spec in declared:
        head = spec.split(";")[0].strip()
        base = head
        for stop in "<>=!~[ ":
            base = base.split(stop)[0]
        if base.lower().replace("_", "-") == wanted:
            return head.replace(" ", "")
    return name


def find_binary(names: Iterable[str], paths: Iterable[str] = (),
                search_path: str | None = None) -> str | None:
    """First existing executable among fixed ``paths``, then ``names`` on PATH."""
    for candidate in paths:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    for name in names:
        found = shutil.which(name, path=search_path)
        if found:
            return found
    return None


def binary_check(name: str, names: Sequence[str], install: str,
                 paths: Iterable[str] = (), search_path: str | None = None) -> Check:
    found = find_binary(names, paths, search_path)
    if found:
        return Check(name, True, found)
    return Check(name, False, ", ".join(names), install)


def vietnamese_font_families(search_path: str | None = None,
                             run: Callable = subprocess.run) -> set[str] | None:
    """Font families fontconfig says cover Vietnamese; None when fc-list is missing."""
    fc_list = shutil.which("fc-list", path=search_path)
    if not fc_list:
        return None
    result = run([fc_list, ":lang=vi", "family"], capture_output=True, text=True,
                 timeout=30, check=False)
    families = set()
    for line in (result.stdout or "").splitlines():
        families.update(part.strip() for part in line.split(",") if part.strip())
    return families


def font_check(name: str, family: str, package: str, search_path: str | None = None,
               run: Callable = subprocess.run) -> Check:
    families = vietnamese_font_families(search_path, run)
    if families is None:
        return Check(name, False, family, apt("fontconfig", package))
    if family in families:
        return Check(name, True, family)
    return Check(name, False, family, apt(package))


def module_check(name: str, module: str, install: str) -> Check:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return Check(name, False, module, install)
    return Check(name, True, module)


def check_python() -> Check:
    version = ".".join(str(part) for part in sys.version_info[:3])
    if sys.version_info >= (3, 10):
        return Check("python", True, version)
    return Check("python", False, version, apt("python3", "python3-venv"))


def check_chromium() -> Check:
    # LK_CHROMIUM is the same override the browser tests honour.
    override = os.environ.get("LK_CHROMIUM")
    paths = ((override,) if override else ()) + tuple(CHROMIUM_PATHS)
    return binary_check("chromium", CHROMIUM_NAMES, apt("chromium"), paths)


def check_ui_font() -> Check:
    return font_check("ui_font", "Noto Sans", "fonts-noto-core")


def check_mono_font() -> Check:
    return font_check("mono_font", "Noto Sans Mono", "fonts-noto-mono")


def check_language_pack() -> Check:
    return module_check("language_pack", LANGUAGE_PACK_MODULE,
                        pip("jupyterlab-language-pack-vi-vn"))


def check_voila() -> Check:
    return module_check("voila", "voila", pip("voila"))


def check_nbgrader() -> Check:
    return module_check("nbgrader", "nbgrader", pip("nbgrader"))


def check_speech() -> Check:
    """espeak-ng with a Vietnamese voice (read-aloud); ``LK_SPEECH_ENGINE`` overrides the name."""
    name = os.environ.get("LK_SPEECH_ENGINE") or "espeak-ng"
    found = find_binary((name,))
    if not found:
        return Check("speech", False, name, apt("espeak-ng"))
    from .speech import EspeakEngine, SpeechError

    try:
        has_vietnamese = EspeakEngine(found, timeout=10).has_voice("vi")
    except SpeechError:
        has_vietnamese = False
    if not has_vietnamese:
        return Check("speech", False, found, apt("espeak-ng-data"))
    return Check("speech", True, found)


def check_kiosk_service() -> Check:
    """The kiosk's systemd service once ``literacy-kit kiosk install`` has set it up: it
    must be running. Not installed (or no systemd) is fine: the kiosk runs by hand too."""
    from .kiosk.install import SERVER_UNIT, service_state

    state = service_state()
    if state in ("not-installed", "no-systemd"):
        return Check("kiosk_service", True, state)
    ok = state == "active"
    return Check("kiosk_service", ok, state, "" if ok else f"sudo systemctl restart {SERVER_UNIT}")


def check_jupyterhub() -> Check:
    return module_check("jupyterhub", "jupyterhub", pip("jupyterhub"))


def check_hub_proxy() -> Check:
    """JupyterHub's proxy (``classroom serve``): present and able to start."""
    from .classroom.serve import hub_env, proxy_command

    found = proxy_command()
    install = apt("node-configurable-http-proxy")
    if not found:
        return Check("hub_proxy", False, "configurable-http-proxy", install)
    try:
        result = subprocess.run([found, "--version"], env=hub_env(), capture_output=True,
                                text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("hub_proxy", False, f"{found}: {exc}", install)
    if result.returncode != 0:
        return Check("hub_proxy", False, f"{found}: {(result.stderr or '').strip()[:200]}", install)
    return Check("hub_proxy", True, f"{found} {result.stdout.strip()}")


CHECKS: list[Callable[[], Check]] = [
    check_python,
    check_chromium,
    check_ui_font,
    check_mono_font,
    check_language_pack,
    check_voila,
    check_nbgrader,
    check_speech,
    check_kiosk_service,
    check_jupyterhub,
    check_hub_proxy,
]


def run_checks(checks: Iterable[Callable[[], Check]] | None = None) -> list[Check]:
    """Run every check; a check that crashes counts as failed, never stops the others."""
    results = []
    for check in CHECKS if checks is None else checks:
        try:
            results.append(check())
        except Exception as exc:  # noqa: BLE001 - the report must go on
            name = getattr(check, "__name__", "check").removeprefix("check_")
            results.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
    return results
