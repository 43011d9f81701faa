"""``literacy-kit course …``: the trainer's commands on the course folder (``exercises/``).

``release``, ``collect``, ``grade`` and ``feedback`` live here; ``roster import``,
``report`` and ``certificates`` come from :mod:`cli_records`. All four hold the
assignment's grading lock (:mod:`grade_lock`), shared with the classroom's
graded-as-it-arrives relay: one waits for the other, with a message, no hand-in is graded
twice and no release rewrites the gradebook's assignment while a hand-in is graded. Every
handler returns the exit status: 0 done, 1 done with problems (or refused, with the
reason), 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys

from ..i18n import DEFAULT_LANG, LANGS, t
from . import cli_records
from .course_dir import CourseDir
from .errors import CourseError


def _tr(lang: str):
    return lambda key, **fmt: t(f"course.{key}", lang, **fmt).replace("%", "%%")


def register(commands, lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """Add ``course`` and its subcommands to the top-level ``commands`` subparsers."""
    tr = _tr(lang)
    course = commands.add_parser("course", help=tr("help"), description=tr("help"))
    actions = course.add_subparsers(dest="action", required=True)

    def add(name: str, func, with_assignment: bool = True) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=tr(f"{name}_help"), description=tr(f"{name}_help"))
        if with_assignment:
            sub.add_argument("assignment", metavar="ASSIGNMENT", help=tr("assignment_help"))
        sub.add_argument("--course", default=None, metavar="DIR", help=tr("course_dir_help"))
        sub.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=tr("lang_help"))
        sub.set_defaults(func=func)
        return sub

    add("release", run_release)
    collect = add("collect", run_collect)
    collect.add_argument("--from", dest="source", default=None, metavar="DIR", help=tr("collect_from_help"))
    grade = add("grade", run_grade)
    grade.add_argument("--jobs", default="0", metavar="N", help=tr("grade_jobs_help"))
    grade.add_argument("--timeout", default=None, metavar="SECONDS", help=tr("grade_timeout_help"))
    grade.add_argument("--force", action="store_true", help=tr("grade_force_help"))
    grade.add_argument("--learner", action="append", default=None, metavar="ID", help=tr("grade_learner_help"))
    feedback = add("feedback", run_feedback)
    feedback.add_argument("--learner", action="append", default=None, metavar="ID", help=tr("grade_learner_help"))
    cli_records.register(actions, lang)
    return course


def _say(key: str, lang: str, stream=None, **fmt) -> None:
    print(t(f"course.{key}", lang, **fmt), file=stream or sys.stdout)


def run_release(args) -> int:
    from .exchange import release

    course = CourseDir.find(args.course)
    with _locked(course, args):
        steps = release(course, args.assignment)
    if not all(step.ok for step in steps):
        _say("release_failed", args.lang, sys.stderr, assignment=args.assignment,
             log=steps[-1].log[-2000:])
        return 1
    _say("release_done", args.lang, assignment=args.assignment,
         folder=course.release / args.assignment)
    return 0


def _locked(course: CourseDir, args):
    """The assignment's grading lock, saying so when the classroom (or another trainer's
    command) is grading it and this command has to wait."""
    from .exchange import known_assignment
    from .grade_lock import grading_lock, holder

    def waiting() -> None:
        key = "grade_waiting" if holder(course.root, args.assignment) == "relay" else "grade_waiting_other"
        _say(key, args.lang, sys.stderr, assignment=args.assignment)

    known_assignment(course, args.assignment)
    return grading_lock(course.root, args.assignment, on_wait=waiting, who="trainer")


def run_collect(args) -> int:
    from .collect import collect_folder
    from .exchange import collect_exchange

    course = CourseDir.find(args.course)
    if args.source is None:
        with _locked(course, args):
            step = collect_exchange(course, args.assignment)
        _say("collect_exchange_done" if step.ok else "collect_exchange_failed", args.lang,
             None if step.ok else sys.stderr, assignment=args.assignment, log=step.log[-2000:])
        return 0 if step.ok else 1
    with _locked(course, args):
        report = collect_folder(course, args.assignment, args.source)
    _say("collect_done", args.lang, added=len(report.added), updated=len(report.updated),
         unchanged=len(report.unchanged), skipped=len(report.skipped))
    for name, key in report.skipped:
        print(f"  - {name}: {t(key, args.lang)}")
    return 1 if report.skipped else 0


def _number(option: str, value, lang: str, kind=float):
    try:
        number = kind(str(value).strip())
    except ValueError:
        raise CourseError("course.bad_number", option=option, value=value) from None
    if number < 0 or (kind is float and number == 0):
        raise CourseError("course.bad_number", option=option, value=value)
    return number


def run_grade(args) -> int:
    from ..progress import TextProgress
    from .grade import grade_assignment
    from .grade_summary import print_summary, write_summary
    from .settings import CourseSettings

    course = CourseDir.find(args.course)
    settings = CourseSettings.from_course(course)
    jobs = _number("--jobs", args.jobs, args.lang, int) or settings.jobs
    timeout = settings.submission_timeout if args.timeout is None else _number(
        "--timeout", args.timeout, args.lang)
    bar = TextProgress(0, label=t("course.grade_progress", args.lang))

    def progress(done: int, total: int, elapsed: float) -> None:
        bar.total = total
        bar.update(done, elapsed)

    with _locked(course, args):
        run = grade_assignment(course, args.assignment, jobs=jobs, submission_timeout=timeout,
                               force=args.force, learners=args.learner, progress=progress)
    if run.graded:
        bar.finish()
    print_summary(run, args.lang)
    write_summary(course, run)
    return 0


def run_feedback(args) -> int:
    from .feedback import generate_feedback

    course = CourseDir.find(args.course)
    with _locked(course, args):
        result = generate_feedback(course.root, args.assignment, lang=args.lang, learners=args.learner)
    _say("feedback_done", args.lang, count=len(result.pages), assignment=args.assignment,
         folder=course.feedback)
    for learner, reason in sorted(result.failed.items()):
        print(f"  - {learner}: {reason}")
    return 1 if result.failed else 0


def run(args, lang: str) -> int:
    """Entry from the top-level command: run the chosen action, errors as messages."""
    try:
        return int(args.func(args) or 0)
    except CourseError as exc:
        print(f"literacy-kit course {args.action}: {exc.message(lang)}", file=sys.stderr)
        return 2 if exc.key == "course.bad_number" else 1
