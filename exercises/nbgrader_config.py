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


def _feedback_preprocessors():
    """nbgrader's feedback pipeline with the hidden tests taken out of the pages.

    generate_feedback renders the autograded notebook, where the hidden tests (the
    expected answers) are back in the test cells; StripHiddenTests removes them again.
    """
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import ClearHiddenTests, GetGrades

    try:
        from literacy_kit.grading.feedback import StripHiddenTests
    except ImportError:
        # Without the package nbgrader's own remover still keeps the answers out (it
        # stops on a hidden-test marker a learner typed into a cell of their own).
        return [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
    return [GetGrades, StripHiddenTests, CSSHTMLHeaderPreprocessor]


c.GenerateFeedback.preprocessors = _feedback_preprocessors()
