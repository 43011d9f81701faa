"""The ``literacy-kit`` command: ``kiosk``, ``lab``, ``doctor``, ``speech prewarm``, the
trainer's ``course`` commands (:mod:`literacy_kit.course.cli`) and ``handouts``
(:mod:`literacy_kit.handouts.cli`).

Every message comes from the ``cli`` catalogs in the language given by ``--lang``
(Vietnamese by default). Numbers are parsed after argparse so that a bad value gets
a message in that language instead of argparse's English one.

>>> args = build_parser("en").parse_args(["kiosk", "--port", "9000"])
>>> validate_kiosk(args, "en")
>>> args.port
9000
"""
from __future__ import annotations

import argparse
import math
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from . import doctor as doctor_mod
from . import lab as lab_mod
from .i18n import DEFAULT_LANG, LANGS, normalize_lang, t
from .kiosk.claims import CLAIM_GRACE, MAX_UNCLAIMED

KIOSK_PORT = 8866
KIOSK_HOST = "127.0.0.1"
IDLE_RESET = 180
POOL = 1
KIOSK_ACTIONS = ("serve", "install", "uninstall", "launch")


class UsageError(Exception):
    """A bad option value; the message is already translated."""


def _lang_from_argv(argv: Sequence[str]) -> str:
    """Find ``--lang`` before parsing, so help texts are in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return normalize_lang(argv[index + 1])
        if arg.startswith("--lang="):
            return normalize_lang(arg.split("=", 1)[1])
    return DEFAULT_LANG


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    def tr(key: str, **fmt) -> str:
        return t(f"cli.{key}", lang, **fmt).replace("%", "%%")

    def add_lang(sub: argparse.ArgumentParser, help_key: str = "lang_help") -> None:
        sub.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=tr(help_key))

    parser = argparse.ArgumentParser(prog="literacy-kit", description=tr("description"))
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar="{kiosk,lab,doctor,speech,course,bundle,handouts,classroom}")

    kiosk = commands.add_parser("kiosk", help=tr("kiosk_help"), description=tr("kiosk_help"))
    add_lang(kiosk, "kiosk_lang_help")
    kiosk.add_argument("--port", default=str(KIOSK_PORT), help=tr("kiosk_port_help", default=KIOSK_PORT))
    kiosk.add_argument("--host", default=KIOSK_HOST, help=tr("kiosk_host_help", default=KIOSK_HOST))
    kiosk.add_argument("--idle-reset", default=str(IDLE_RESET), metavar="SECONDS",
                       help=tr("kiosk_idle_help", default=IDLE_RESET))
    kiosk.add_argument("--pool", default=str(POOL), metavar="N", help=tr("kiosk_pool_help", default=POOL))
    kiosk.add_argument("--claim-grace", default=f"{CLAIM_GRACE:g}", metavar="SECONDS",
                       help=tr("kiosk_claim_grace_help", default=f"{CLAIM_GRACE:g}"))
    kiosk.add_argument("--max-unclaimed", default=str(MAX_UNCLAIMED), metavar="N",
                       help=tr("kiosk_max_unclaimed_help", default=MAX_UNCLAIMED))
    kiosk.add_argument("action", nargs="?", default="serve", choices=KIOSK_ACTIONS,
                       help=tr("kiosk_action_help"))
    kiosk.add_argument("--root", default="/", metavar="DIR", help=tr("kiosk_root_help"))
    kiosk.add_argument("--url", default=None, help=tr("kiosk_url_help"))
    kiosk.add_argument("--chromium", default="/usr/bin/chromium", metavar="PATH",
                       help=tr("kiosk_chromium_help"))

    lab = commands.add_parser("lab", help=tr("lab_help"), description=tr("lab_help"))
    add_lang(lab)
    lab.add_argument("--dir", default=None, help=tr("lab_dir_help", default="lessons/"))
    lab.add_argument("--port", default=None, help=tr("lab_port_help"))
    lab.add_argument("--no-browser", action="store_true", help=tr("lab_no_browser_help"))

    doctor = commands.add_parser("doctor", help=tr("doctor_help"), description=tr("doctor_help"))
    add_lang(doctor)

    speech = commands.add_parser("speech", help=tr("speech_help"), description=tr("speech_help"))
    actions = speech.add_subparsers(dest="action", required=True, metavar="{prewarm}")
    prewarm = actions.add_parser("prewarm", help=tr("speech_prewarm_help"),
                                 description=tr("speech_prewarm_help"))
    add_lang(prewarm)
    prewarm.add_argument("--region", choices=("north", "central", "south"), default=None,
                         help=tr("speech_region_help"))
    prewarm.add_argument("--cache", default=None, metavar="DIR", help=tr("speech_cache_help"))
    prewarm.add_argument("--bundle", action="append", default=None, metavar="NAME",
                         help=tr("speech_bundle_help"))

    from .course import cli as course_cli

    course_cli.register(commands, lang)

    bundle = commands.add_parser("bundle", help=tr("bundle_help"), description=tr("bundle_help"))
    add_lang(bundle)
    bundle.add_argument("dir", metavar="DIR", help=tr("bundle_dir_help"))
    bundle.add_argument("--no-speech", action="store_true", help=tr("bundle_no_speech_help"))
    bundle.add_argument("--speech-bundle", action="append", default=None, metavar="NAME",
                        help=tr("bundle_speech_help"))

    from .classroom import cli as classroom_cli
    from .handouts import cli as handouts_cli

    handouts_cli.register(commands, lang)
    classroom_cli.register(commands, lang)
    return parser


def _integer(option: str, value, lang: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise UsageError(t("cli.error_not_integer", lang, option=option, value=value)) from None


def _port(option: str, value, lang: str) -> int:
    port = _integer(option, value, lang)
    if not 1 <= port <= 65535:
        raise UsageError(t("cli.error_port_range", lang, option=option, value=value))
    return port


def _seconds(option: str, value, lang: str) -> int | float:
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise UsageError(t("cli.error_not_number", lang, option=option, value=value)) from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise UsageError(t("cli.error_idle_positive", lang, option=option, value=value))
    return int(seconds) if seconds.is_integer() else seconds


def validate_kiosk(args: argparse.Namespace, lang: str) -> None:
    """Convert and check kiosk options in place; raise :class:`UsageError`."""
    args.port = _port("--port", args.port, lang)
    args.idle_reset = _seconds("--idle-reset", args.idle_reset, lang)
    args.pool = _integer("--pool", args.pool, lang)
    if args.pool < 0:
        raise UsageError(t("cli.error_pool_negative", lang, option="--pool", value=args.pool))
    args.claim_grace = _seconds("--claim-grace", args.claim_grace, lang)
    args.max_unclaimed = _integer("--max-unclaimed", args.max_unclaimed, lang)
    if args.max_unclaimed < 0:
        raise UsageError(t("cli.error_unclaimed_negative", lang, option="--max-unclaimed",
                           value=args.max_unclaimed))
    args.host = args.host.strip()
    if not args.host or any(ch.isspace() for ch in args.host):
        raise UsageError(t("cli.error_host_empty", lang, option="--host"))


def run_kiosk(args: argparse.Namespace, lang: str) -> int:
    validate_kiosk(args, lang)
    if getattr(args, "action", "serve") != "serve":
        from .kiosk.cli_actions import run_action

        return run_action(args, lang)
    try:
        from .kiosk.server import serve
    except ImportError as exc:
        print(t("cli.kiosk_unavailable", lang, error=exc), file=sys.stderr)
        return 1
    return int(serve(host=args.host, port=args.port, lang=args.lang,
                     idle_reset=args.idle_reset, pool=args.pool, claim_grace=args.claim_grace,
                     max_unclaimed=args.max_unclaimed) or 0)


def prepare_lab(args: argparse.Namespace, lang: str) -> lab_mod.LabLaunch:
    """Check lab options and build the launch (nothing written, nothing started)."""
    directory = lab_mod.default_lessons_dir() if args.dir is None else args.dir
    directory = Path(directory).expanduser().resolve()
    if not directory.is_dir():
        raise UsageError(t("cli.error_lab_dir_missing", lang, path=directory))
    port = None if args.port is None else _port("--port", args.port, lang)
    return lab_mod.build_launch(directory, port=port, open_browser=not args.no_browser)


def run_lab(args: argparse.Namespace, lang: str) -> int:
    launch = prepare_lab(args, lang)
    settings_dir = launch.env["JUPYTERLAB_SETTINGS_DIR"]
    try:
        if lab_mod.install_user_settings(settings_dir):
            print(t("cli.lab_settings_installed", lang, path=settings_dir))
    except OSError as exc:
        # JupyterLab still starts, only with its stock settings.
        print(t("cli.lab_settings_failed", lang, path=settings_dir, error=exc), file=sys.stderr)
    print(t("cli.lab_starting", lang, path=launch.cwd))
    try:
        process = subprocess.Popen(launch.command, env=launch.env, cwd=launch.cwd)
    except OSError as exc:
        print(t("cli.lab_failed", lang, error=exc), file=sys.stderr)
        return 1
    # A service manager stopping us must stop JupyterLab too, not orphan it.
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Jupyter got the same Ctrl-C and shuts down by itself; wait for it.
        return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)


def format_check(check: doctor_mod.Check, lang: str) -> str:
    status = t("cli.doctor_ok" if check.ok else "cli.doctor_missing", lang)
    line = f"[{status}] {t(f'cli.doctor_{check.name}', lang)}"
    if check.detail:
        line += f" ({check.detail})"
    if not check.ok and check.install:
        line += "\n    " + t("cli.doctor_install", lang, command=check.install)
    return line


def run_doctor(args: argparse.Namespace, lang: str) -> int:
    results = doctor_mod.run_checks()
    for check in results:
        print(format_check(check, lang))
    missing = sum(1 for check in results if not check.ok)
    if missing:
        print(t("cli.doctor_some_missing", lang, count=missing))
        return 1
    print(t("cli.doctor_all_ok", lang))
    return 0


def run_speech(args: argparse.Namespace, lang: str) -> int:
    from .progress import TextProgress
    from .speech import Speaker, SpeechSettings
    from .speech.prewarm import content_texts, prewarm

    if args.bundle:
        from .content import available

        unknown = sorted(set(args.bundle) - set(available()))
        if unknown:
            raise UsageError(t("cli.error_unknown_bundle", lang, name=", ".join(unknown),
                               known=", ".join(available())))
    overrides = {"write_cache": True}  # preparing the cache is the point, kiosk or not
    if args.region:
        overrides["region"] = args.region
    if args.cache:
        overrides["cache_dir"] = str(Path(args.cache).expanduser().resolve())
    speaker = Speaker(SpeechSettings.from_env(**overrides))
    if not speaker.available:
        print(t("cli.speech_unavailable", lang, command=doctor_mod.apt("espeak-ng")), file=sys.stderr)
        return 1
    items = content_texts(bundles=args.bundle)
    print(t("cli.speech_prewarm_start", lang, count=len(items), path=speaker.settings.cache_dir))
    bar = TextProgress(len(items))
    report = prewarm(speaker, items, progress=lambda done, total, elapsed: bar.update(done, elapsed))
    bar.finish()
    print(t("cli.speech_prewarm_done", lang, total=report.total, made=report.made,
            cached=report.cached, failed=report.failed, seconds=f"{report.seconds:.1f}"))
    return 1 if report.failed else 0


def run_course(args: argparse.Namespace, lang: str) -> int:
    from .course import cli as course_cli

    return course_cli.run(args, lang)


def run_classroom(args: argparse.Namespace, lang: str) -> int:
    from .classroom import cli as classroom_cli

    return classroom_cli.run(args, lang)


def run_bundle(args: argparse.Namespace, lang: str) -> int:
    from .kiosk.bundle import BundleError, write_bundle

    try:
        info = write_bundle(Path(args.dir), speech=not args.no_speech, speech_bundles=args.speech_bundle)
    except BundleError as exc:
        print(t("cli.bundle_failed", lang, step=exc), file=sys.stderr)
        return 1
    print(t("cli.bundle_done", lang, path=args.dir, wheels=len(info["wheels"])))
    return 0


def run_handouts(args: argparse.Namespace, lang: str) -> int:
    from .handouts import cli as handouts_cli

    return handouts_cli.run(args, lang)


HANDLERS = {"kiosk": run_kiosk, "lab": run_lab, "doctor": run_doctor, "speech": run_speech,
            "course": run_course, "bundle": run_bundle, "handouts": run_handouts,
            "classroom": run_classroom}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(argv)
    args = build_parser(lang).parse_args(argv)
    lang = normalize_lang(args.lang)
    try:
        return HANDLERS[args.command](args, lang)
    except UsageError as exc:
        print(f"literacy-kit {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli.interrupted", lang), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
