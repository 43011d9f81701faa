"""nbgrader settings for the literacy_kit course (run nbgrader from this folder).

Every path is computed from this file's location, so a copy of the folder (a trainer's
laptop, a temporary test directory) is a complete, separate course.
"""
import os

c = get_config()  # noqa: F821 - injected by traitlets when it loads this file

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "literacy_kit"
c.CourseDirectory.root = HERE
# Keep the exchange inside the course instead of the system-wide /srv/nbgrader/exchange,
# which needs root to create and is shared by every course on the machine.
c.Exchange.root = os.path.join(HERE, "exchange")

# A cell that loops forever costs (number of test cells x timeout); 10 s keeps a class
# of hundreds gradable in one sitting (nbgrader's own default is 30 s).
c.Execute.timeout = 10
c.Execute.interrupt_on_timeout = True

# Endless printing must not fill the gradebook or the feedback pages.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50

# A learner who deletes a test cell gets it back at grading time instead of a cell
# silently going to manual grading.
c.OverwriteCells.add_missing_cells = True


def _stubs():
    """Vietnamese stubs from the package catalogs; English ones if it is not installed."""
    try:
        from literacy_kit.i18n import t
    except ImportError:
        return "# YOUR CODE HERE\nraise NotImplementedError()", "YOUR ANSWER HERE"
    return t("cli.course_code_stub", "vi"), t("cli.course_text_stub", "vi")


_code_stub, _text_stub = _stubs()
c.ClearSolutions.code_stub = {"python": _code_stub}
c.ClearSolutions.text_stub = _text_stub

# Learners answer by tapping widgets; the answers live in <assignment>_answers.json next to
# the notebook (literacy_kit.grading.AnswerStore) and autograde reads them from there. Had a
# trainer's copy of that file ended up in source/, autograde would silently replace every
# learner's answers with it, so the file is never overwritten, for every assignment.
_SOURCE = os.path.join(HERE, "source")
c.Autograde.exclude_overwriting = {
    name: [f"{name}_answers.json"] for name in sorted(os.listdir(_SOURCE))
    if os.path.isdir(os.path.join(_SOURCE, name))
} if os.path.isdir(_SOURCE) else {}


def _feedback():
    """nbgrader's feedback pipeline without the hidden tests, in the learner's language.

    generate_feedback renders the autograded notebook, where the hidden tests (the
    expected answers) are back in the test cells; StripHiddenTests removes them again.
    LocalizeMessages keeps the messages in the page's language and gives the labels to
    literacy_kit's template, which loads nothing from the internet (no MathJax CDN).
    Returns ``(preprocessors, template config or None)``.
    """
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    try:
        from literacy_kit.grading.feedback import StripHiddenTests
        from literacy_kit.grading.feedback_lang import LocalizeMessages, feedback_config
    except ImportError:
        # Without the package nbgrader's own remover still keeps the answers out (it
        # stops on a hidden-test marker a learner typed into a cell of their own).
        return [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor], None
    return ([GetGrades, StripHiddenTests, LocalizeMessages, CSSHTMLHeaderPreprocessor],
            feedback_config())


_feedback_steps, _feedback_page = _feedback()
c.GenerateFeedback.preprocessors = _feedback_steps
if _feedback_page is not None:
    # c.GenerateFeedback.HTMLExporter.template_name = "lk_feedback" (+ its folder): only
    # the feedback exporter reads it, the formgrader keeps nbgrader's own templates.
    c.merge(_feedback_page)
# Language of the feedback pages, vi (default) or en; `literacy-kit course feedback
# --lang` chooses per run.
# c.LocalizeMessages.lang = "en"


def _sanitize_preprocessors():
    """nbgrader's sanitising pass, plus: code a learner typed into a new cell is not run.

    Learners answer by tapping widgets; every code cell of an exercise is locked. A cell
    that is not (added by hand) becomes a raw cell before execution, so it can neither
    loop, flood, read the hidden tests nor monkeypatch the grader.
    """
    from nbgrader.preprocessors import (CheckCellMetadata, ClearOutput, DeduplicateIds,
                                        OverwriteCells, OverwriteKernelspec)

    try:
        from literacy_kit.grading.learner_code import SetAsideLearnerCode
    except ImportError:
        return [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, CheckCellMetadata]
    return [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells, SetAsideLearnerCode,
            CheckCellMetadata]


c.Autograde.sanitize_preprocessors = _sanitize_preprocessors()


def _restoring(steps=None):
    """``steps`` with nbgrader's OverwriteCells swapped for one that can re-add cells here.

    nbgrader 0.9.6 re-adds a deleted test cell only after a grade or solution cell; ours
    follow read-only widget cells, so it raised KeyError and the submission went ungraded
    (literacy_kit.grading.restore_cells). Applied last, to whatever list is set above
    (nbgrader's default list if none is).
    """
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import OverwriteCells

    if steps is None:
        steps = Autograde.class_traits()["sanitize_preprocessors"].default()
    try:
        from literacy_kit.grading.restore_cells import RestoreMissingCells
    except ImportError:
        return list(steps)
    return [RestoreMissingCells if step is OverwriteCells else step for step in steps]


c.Autograde.sanitize_preprocessors = _restoring(c.Autograde.get("sanitize_preprocessors"))
