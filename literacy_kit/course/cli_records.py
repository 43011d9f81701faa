"""``literacy-kit course roster import | report | certificates``: the trainer's records.

:func:`register` adds the subcommands to the ``course`` command's subparsers; every
handler takes the parsed ``args`` and returns the exit status: 0 done, 1 refused with
the reasons printed (a roster with bad rows: every one, with its line number), 2 bad
usage (no course folder, a file that cannot be opened). Messages are in ``--lang``,
else the course's ``CourseSettings.lang``, else Vietnamese; never a traceback.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="course")
>>> register(parser.add_subparsers(dest="action", required=True), "en")
>>> args = parser.parse_args(["report", "--lang", "en", "--out", "/tmp/r"])
>>> args.func is run_report, args.out
(True, '/tmp/r')
"""
from __future__ import annotations

import argparse
import sys
import time

from ..i18n import DEFAULT_LANG, LANGS, t
from .course_dir import CourseDir
from .errors import CourseError

USAGE_ERRORS = {"course.records_no_course", "course.roster_cannot_read"}


def _tr(lang: str):
    return lambda key, **fmt: t(f"course.{key}", lang, **fmt).replace("%", "%%")


def register(subparsers, lang: str = DEFAULT_LANG) -> None:
    """Add ``roster import``, ``report`` and ``certificates`` to ``subparsers``."""
    tr = _tr(lang)

    def common(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--course", default=None, metavar="DIR", help=tr("records_course_help"))
        sub.add_argument("--lang", choices=LANGS, default=None, help=tr("records_lang_help"))
        return sub

    roster = subparsers.add_parser("roster", help=tr("roster_help"), description=tr("roster_help"))
    roster_actions = roster.add_subparsers(dest="roster_action", required=True, metavar="{import}")
    importing = common(roster_actions.add_parser("import", help=tr("roster_import_help"),
                                                 description=tr("roster_import_help")))
    importing.add_argument("csv_file", metavar="FILE.csv", help=tr("roster_file_help"))
    importing.set_defaults(func=run_roster_import)

    for name, func in (("report", run_report), ("certificates", run_certificates)):
        sub = common(subparsers.add_parser(name, help=tr(f"{name}_command_help"),
                                           description=tr(f"{name}_command_help")))
        sub.add_argument("--out", default=None, metavar="DIR", help=tr(f"{name}_out_help"))
        sub.set_defaults(func=func)


def _course_and_lang(args) -> tuple[CourseDir, str, object]:
    """The course, the message language and the course settings."""
    from .settings import CourseSettings

    course = CourseDir.find(args.course)
    settings = CourseSettings.from_course(course)
    return course, args.lang or settings.lang or DEFAULT_LANG, settings


def _guarded(handler):
    """Turn a :class:`CourseError` into its message and an exit status (no traceback)."""
    def run(args) -> int:
        try:
            return handler(args)
        except CourseError as exc:
            lang = getattr(exc, "lang", None) or args.lang or DEFAULT_LANG
            print(exc.message(lang), file=sys.stderr)
            return 2 if exc.key in USAGE_ERRORS else 1
    run.__name__ = handler.__name__
    run.__doc__ = handler.__doc__
    return run


def _remember_lang(exc: CourseError, lang: str) -> CourseError:
    exc.lang = lang
    return exc


def _roster_import(args) -> int:
    """Check a CSV file of learners and merge it into roster.json and the gradebook."""
    from .roster import RosterError, import_roster

    course, lang, _ = _course_and_lang(args)
    try:
        result = import_roster(course, args.csv_file)
    except RosterError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    except CourseError as exc:
        raise _remember_lang(exc, lang) from None
    print(result.summary(lang))
    return 0


def _report(args) -> int:
    """Write reports/report.html and reports/results.csv."""
    from .report import build_report

    course, lang, settings = _course_and_lang(args)
    try:
        files = build_report(course, lang, args.out, settings=settings)
    except CourseError as exc:
        raise _remember_lang(exc, lang) from None
    print(t("course.report_written", lang, html=files.html, csv=files.csv))
    return 0


def _certificates(args) -> int:
    """Write one completion slip (PDF) per learner who passed."""
    from ..progress import TextProgress
    from .certificates import eligible, make_certificates
    from .results import read_results

    course, lang, settings = _course_and_lang(args)
    try:
        named, skipped = eligible(read_results(course, settings))
        bar = TextProgress(len(named), label=t("course.cert_progress", lang))
        start = time.monotonic()
        paths = make_certificates(course, lang, args.out, settings=settings,
                                  progress=lambda done, total: bar.update(
                                      done, time.monotonic() - start))
    except CourseError as exc:
        raise _remember_lang(exc, lang) from None
    if paths:
        bar.finish()
        folder = paths[0].parent
        print(t("course.cert_written", lang, count=len(paths), path=folder))
    else:
        print(t("course.cert_none", lang))
    if skipped:
        print(t("course.cert_skipped", lang, count=len(skipped), ids=", ".join(skipped)),
              file=sys.stderr)
    return 0


run_roster_import = _guarded(_roster_import)
run_report = _guarded(_report)
run_certificates = _guarded(_certificates)
