"""``literacy-kit classroom …``: ``serve``, ``cards`` and ``unlock``.

Every handler returns the exit status: 0 done, 1 refused or failed (with the reason, in
the chosen language), 2 bad usage.
"""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from ..course.course_dir import CourseDir
from ..course.errors import CourseError
from ..i18n import DEFAULT_LANG, LANGS, t

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
CARDS_NAME = "the_dang_nhap.pdf"


def _tr(lang: str):
    return lambda key, **fmt: t(f"classroom.{key}", lang, **fmt).replace("%", "%%")


def register(commands, lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """Add ``classroom`` and its subcommands to the top-level ``commands`` subparsers."""
    tr = _tr(lang)
    classroom = commands.add_parser("classroom", help=tr("help"), description=tr("help"))
    actions = classroom.add_subparsers(dest="action", required=True)

    def add(name: str, func) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=tr(f"{name}_help"), description=tr(f"{name}_help"))
        sub.add_argument("--course", default=None, metavar="DIR", help=tr("course_dir_help"))
        sub.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=tr("lang_help"))
        sub.set_defaults(func=func)
        return sub

    serve = add("serve", run_serve)
    serve.add_argument("--host", default=DEFAULT_HOST, help=tr("host_help", default=DEFAULT_HOST))
    serve.add_argument("--port", default=str(DEFAULT_PORT), help=tr("port_help", default=DEFAULT_PORT))
    cards = add("cards", run_cards)
    cards.add_argument("--output", default=None, metavar="FILE.pdf", help=tr("cards_output_help"))
    cards.add_argument("--reissue", action="append", default=[], metavar="ID", help=tr("cards_reissue_help"))
    cards.add_argument("--all", action="store_true", help=tr("cards_all_help"))
    cards.add_argument("--address", default=None, metavar="URL", help=tr("cards_address_help", default=DEFAULT_PORT))
    cards.add_argument("--port", default=str(DEFAULT_PORT), help=tr("port_help", default=DEFAULT_PORT))
    unlock = add("unlock", run_unlock)
    unlock.add_argument("learner", metavar="ID", help=tr("unlock_id_help"))
    return classroom


def _say(key: str, lang: str, stream=None, **fmt) -> None:
    print(t(f"classroom.{key}", lang, **fmt), file=stream or sys.stdout)


def _port(value, lang: str) -> int:
    from ..cli import UsageError, _port as parse_port

    try:
        return parse_port("--port", value, lang)
    except UsageError as exc:
        raise CourseError("course.bad_number", option="--port", value=value) from exc


def _store(course: CourseDir):
    from .pins import PinStore
    from .settings import ClassroomSettings
    from .state import ClassroomState

    settings = ClassroomSettings.from_course(course)
    return PinStore(ClassroomState(course).pins, max_failures=settings.max_failures,
                    digits=settings.pin_digits), settings


def run_cards(args) -> int:
    from ..course.roster import load_roster
    from .cards import LoginCard, write_cards
    from .serve import public_address

    course = CourseDir.find(args.course)
    roster = load_roster(course)
    store, settings = _store(course)
    people = dict(roster)
    ids = sorted(set(people) | set(settings.trainers))
    unknown = sorted(set(args.reissue) - set(ids))
    if unknown:
        _say("cards_unknown", args.lang, sys.stderr, ids=", ".join(unknown))
        return 1
    if not ids:
        _say("serve_no_roster", args.lang, sys.stderr)
        return 1
    if args.all:
        made = store.issue(ids, reissue=True)
    else:
        made = store.issue([i for i in ids if i not in args.reissue])
        made.update(store.issue(args.reissue, reissue=True))
    kept = len(ids) - len(made)
    if not made:
        _say("cards_none", args.lang)
        if kept:
            _say("cards_kept", args.lang, count=kept)
        return 0
    address = args.address or public_address("0.0.0.0", _port(args.port, args.lang), settings.address)
    cards = [LoginCard(i, people[i].name if i in people else i, made[i]) for i in sorted(made)]
    path = Path(args.output) if args.output else course.root / CARDS_NAME
    write_cards(path, cards, address, args.lang)
    _say("cards_done", args.lang, count=len(cards), path=path)
    if kept:
        _say("cards_kept", args.lang, count=kept)
    return 0


def run_unlock(args) -> int:
    course = CourseDir.find(args.course)
    store, _settings = _store(course)
    if store.unlock(args.learner):
        _say("unlock_done", args.lang, id=args.learner)
        return 0
    _say("unlock_unknown", args.lang, sys.stderr, id=args.learner)
    return 1


def run_serve(args) -> int:
    import socket

    from ..course.roster import load_roster
    from ..doctor import apt
    from .serve import proxy_command, public_address, start_hub
    from .settings import ClassroomSettings
    from .state import ClassroomState

    port = _port(args.port, args.lang)
    course = CourseDir.find(args.course)
    settings = ClassroomSettings.from_course(course)
    if not load_roster(course) and not settings.trainers:
        _say("serve_no_roster", args.lang, sys.stderr)
        return 1
    if proxy_command() is None:
        _say("serve_no_proxy", args.lang, sys.stderr, command=apt("node-configurable-http-proxy"))
        return 1
    with socket.socket() as probe:
        try:
            probe.bind((args.host, port))
        except OSError:
            _say("serve_port_busy", args.lang, sys.stderr, port=port)
            return 1
    state = ClassroomState(course)
    if not state.pins.is_file():
        _say("serve_no_pins", args.lang, sys.stderr)
    _say("serve_starting", args.lang)
    hub = start_hub(state, args.host, port)
    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        if not hub.ready(timeout=90):
            hub.stop(wait=5)
            _say("serve_failed", args.lang, sys.stderr, log=hub.log)
            return 1
        _say("serve_ready", args.lang, address=public_address(args.host, port, settings.address))
        if args.host in ("127.0.0.1", "localhost", "::1"):
            _say("serve_loopback_note", args.lang)
        code = hub.process.wait()
        _say("serve_failed", args.lang, sys.stderr, log=hub.log)
        return 1 if code else 0
    except KeyboardInterrupt:
        _say("serve_stopping", args.lang)
        hub.stop()
        _say("serve_stopped", args.lang)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(args, lang: str) -> int:
    """Entry from the top-level command: run the chosen action, errors as messages."""
    try:
        return int(args.func(args) or 0)
    except CourseError as exc:
        print(f"literacy-kit classroom {args.action}: {exc.message(lang)}", file=sys.stderr)
        return 2 if exc.key == "course.bad_number" else 1
