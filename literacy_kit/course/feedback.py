"""Feedback pages for a class, in one language, through nbgrader's own GenerateFeedback.

``literacy-kit course feedback ASSIGNMENT --lang vi|en`` calls :func:`generate_feedback`.
It runs nbgrader's real ``GenerateFeedback`` converter in this process (no ~3 s start-up
of a second Python), one learner after another, with the course's ``nbgrader_config.py``
plus what makes the page safe and readable whatever that file says:

* ``StripHiddenTests`` (no hidden-test source, no traceback quoting it) and
  ``LocalizeMessages`` (messages and labels in ``lang``) in ``GenerateFeedback.preprocessors``;
* ``GenerateFeedback.HTMLExporter.template_name = "lk_feedback"`` and its folder in
  ``extra_template_basedirs`` (labels from the catalogs, nothing loaded from a CDN).

Pages land where ``nbgrader generate_feedback`` puts them,
``feedback/<learner>/<assignment>/<notebook>.html``, so ``release_feedback`` and the
formgrader find them. One learner's failure never stops the others: it is listed in
:attr:`FeedbackRun.failed` with the reason, in ``lang``.

nbgrader's converter changes the working directory while it runs (and restores it), so
two calls must not run at once in one process.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..grading.feedback import StripHiddenTests
from ..grading.feedback_lang import LocalizeMessages, feedback_config, lang_code
from ..i18n import t
from .course_dir import CONFIG_NAME, CourseDir, load_course_config
from .errors import CourseError
from .grade_lock import grading_lock

_log = logging.getLogger(__name__)


@dataclass
class FeedbackRun:
    """What one :func:`generate_feedback` call made: a page per learner, or a reason."""

    pages: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def autograded_learners(course: CourseDir, assignment: str) -> list[str]:
    """Learners with an autograded submission of ``assignment`` (what nbgrader would take)."""
    if not course.autograded.is_dir():
        return []
    return sorted(folder.name for folder in course.autograded.iterdir()
                  if (folder / assignment).is_dir())


def _preprocessors(configured: list) -> list:
    """The course's feedback preprocessors with ours in, whatever the config file says."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    steps = [step for step in (configured or [GetGrades, CSSHTMLHeaderPreprocessor])
             if step is not ClearHiddenTests]  # it raises on one odd cell; ours never does
    if GetGrades not in steps:
        steps.insert(0, GetGrades)
    for ours in (StripHiddenTests, LocalizeMessages):
        if ours not in steps:
            at = steps.index(CSSHTMLHeaderPreprocessor) if CSSHTMLHeaderPreprocessor in steps \
                else len(steps)
            steps.insert(at, ours)
    return steps


def course_feedback_config(course: CourseDir, assignment: str, lang: str):
    """The course's config for generating ``assignment``'s pages in ``lang``."""
    config = load_course_config(course.root)
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.assignment_id = assignment
    config.merge(feedback_config(lang))
    config.GenerateFeedback.preprocessors = _preprocessors(
        config.GenerateFeedback.get("preprocessors"))
    return config


def _page(course: CourseDir, learner: str, assignment: str) -> Path | None:
    folder = course.feedback / learner / assignment
    main = folder / f"{assignment}.html"
    if main.is_file():
        return main
    pages = sorted(folder.glob("*.html")) if folder.is_dir() else []
    return pages[0] if pages else None


def _reason(result: dict) -> str:
    """The exception line of the first traceback nbgrader logged, else its first error."""
    lines = (result.get("log") or "").splitlines()
    for start, line in enumerate(lines):
        # a logged record starts with "[LEVEL]"; its further lines are indented
        if line.startswith("[") and line.rstrip().endswith("Traceback (most recent call last):"):
            end = start + 1
            while end < len(lines) and not lines[end].startswith("["):
                end += 1
            body = [text.strip() for text in lines[start + 1:end] if text.strip()]
            if body:
                return body[-1]
    errors = [line.split("] ", 1)[-1] for line in lines if line.startswith("[ERROR]")]
    if errors:
        return errors[0]
    tail = (result.get("error") or "").strip().splitlines()
    return tail[-1] if tail else "?"


def _convert(config, assignment: str, learner: str, force: bool) -> dict:
    """nbgrader's GenerateFeedback for one learner: ``capture_log``'s result dict."""
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    coursedir = CourseDirectory(config=config, log=_log)
    coursedir.assignment_id = assignment
    coursedir.student_id = learner
    converter = GenerateFeedback(coursedir=coursedir, config=config, log=_log)
    converter.force = force
    return capture_log(converter)


def generate_feedback(course_root: Path, assignment: str, lang: str = "vi",
                      learners: list[str] | None = None, force: bool = True) -> FeedbackRun:
    """Make one feedback page per learner for ``assignment``, in ``lang`` (vi or en).

    Parameters
    ----------
    course_root : Path
        The course folder (holding ``nbgrader_config.py``).
    assignment : str
        The assignment, already autograded.
    lang : str
        Language of the page: labels, score messages, the hidden-tests note.
    learners : list of str, optional
        Only these learners; default every learner with an autograded submission.
    force : bool
        Remake pages that exist (``nbgrader generate_feedback --force``); without it an
        existing page is kept as it is, whatever its language.

    Returns
    -------
    FeedbackRun
        ``pages[learner]``: the page; ``failed[learner]``: why there is none.

    Holds the assignment's grading lock (:mod:`grade_lock`) while it works.
    """
    course = CourseDir(course_root)
    if not (course.root / CONFIG_NAME).is_file():
        raise CourseError("course.records_no_course", path=str(course.root))
    lang = lang_code(lang)
    config = course_feedback_config(course, assignment, lang)
    # under the grading lock: never a page from a notebook a grader is rewriting
    with grading_lock(course.root, assignment):
        wanted = autograded_learners(course, assignment) if learners is None \
            else sorted(dict.fromkeys(learners))
        run, start = FeedbackRun(), time.perf_counter()
        for learner in wanted:
            if not (course.autograded / learner / assignment).is_dir():
                run.failed[learner] = t("grading.feedback_no_submission", lang, assignment=assignment)
                continue
            result = _convert(config, assignment, learner, force)
            page = _page(course, learner, assignment)
            if not result.get("success"):
                _log.info("feedback for %s failed:\n%s", learner, result.get("log", ""))
                run.failed[learner] = t("grading.feedback_failed", lang, reason=_reason(result))
            elif page is None:
                run.failed[learner] = t("grading.feedback_no_page", lang)
            else:
                run.pages[learner] = page
    run.seconds = time.perf_counter() - start
    return run
