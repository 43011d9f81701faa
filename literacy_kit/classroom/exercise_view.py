"""The exercise page: the learner's own copy of an assignment, shown by Voila, and the
hand-in bar under it.

Voila renders one notebook, ``exercise.ipynb?assignment=NAME`` in the learner's home;
:func:`show_exercise` fetches the assignment from the exchange on first open, moves into
its folder (where the answers file lives, so every tap is saved next to the notebook
that is handed in), and runs the learner's copy cell by cell: text cells as text, widget
cells as widgets; the autograder's test cells are left out (they only tell a grader
whether a question was answered). Nothing of the code is shown. A cell that fails shows
one friendly line, never a traceback.
"""
from __future__ import annotations

import html
import json
import os

import ipywidgets as w

from ..core import LangView, css
from ..core._parts import button, html_box, show
from .learner import HandInError, LearnerEnv
from .static_css import learner_css


def is_test_cell(cell) -> bool:
    """An autograder test cell worth points (hidden from the learner's page)."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and float(meta.get("points") or 0) > 0


def read_cells(path) -> list[dict]:
    """The cells of the learner's notebook (nbformat 4 JSON, as nbgrader writes it), each
    with its ``source`` as one string. Read as plain JSON: importing nbformat would load
    jsonschema and its format grammars, seconds of the page's kernel before the first
    question shows."""
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    cells = []
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        cells.append({**cell, "source": "".join(source) if isinstance(source, list) else source})
    return cells


class HandInBar(LangView):
    """The hand-in button, the are-you-sure question for an empty exercise, and the receipt.

    CSS: ``lk-class-handin``, ``lk-class-handin-button``, ``lk-class-handin-confirm``,
    ``lk-class-handin-yes``, ``lk-class-handin-no``, ``lk-class-message`` (+ ``-ok``/``-error``).
    Seams: :meth:`hand_in` (the button), :meth:`confirm` and :meth:`cancel`.
    """

    def __init__(self, env: LearnerEnv, assignment: str, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.env, self.assignment = env, assignment
        self.button = button("class-handin-button", on_click=self.hand_in)
        self.question = html_box("class-handin-question")
        self.yes = button("class-handin-yes", on_click=self.confirm)
        self.no = button("class-handin-no", on_click=self.cancel)
        self.confirm_box = css(w.VBox([self.question, w.HBox([self.yes, self.no])]), "class-handin-confirm")
        self.message = html_box("class-message")
        self.children = [self.button, self.confirm_box, self.message]
        css(self, "class-handin")
        self.outcome = ""
        self._message_key, self._fmt = "", {}
        show(self.confirm_box, False)
        self.lang = lang
        self.relabel()

    def hand_in(self) -> str:
        """What the button does: ask first when nothing is answered, else submit."""
        if not self.env.answered(self.assignment):
            show(self.confirm_box, True)
            self.outcome = "asking"
            return self.outcome
        return self._submit()

    def confirm(self) -> str:
        show(self.confirm_box, False)
        return self._submit()

    def cancel(self) -> str:
        show(self.confirm_box, False)
        self.outcome = "cancelled"
        return self.outcome

    def _submit(self) -> str:
        self.button.disabled = True
        self._say("handin_working", "")
        try:
            done = self.env.submit(self.assignment)
        except HandInError as exc:
            self._say("handin_nothing" if exc.key == "nothing_to_hand_in" else "handin_failed", "error")
            self.outcome = "failed"
        except Exception:   # never a traceback in front of a learner
            self._say("handin_failed", "error")
            self.outcome = "failed"
        else:
            self._say("handin_receipt", "ok", time=done.local_time, code=done.receipt)
            self.outcome = "submitted"
            self.receipt = done
        finally:
            self.button.disabled = False
        return self.outcome

    def _say(self, key: str, kind: str, **fmt) -> None:
        self._message_key, self._kind, self._fmt = key, kind, fmt
        self.relabel()

    def relabel(self) -> None:
        self.button.description = self.tr("classroom.handin_button")
        self.question.value = html.escape(self.tr("classroom.handin_confirm_empty"))
        self.yes.description = self.tr("classroom.handin_yes")
        self.no.description = self.tr("classroom.handin_no")
        if self._message_key:
            cls = f"lk-class-message-{self._kind}" if self._kind else ""
            self.message.value = (f'<div class="{cls}" role="status">'
                                  f'{html.escape(self.tr("classroom." + self._message_key, **self._fmt))}</div>')


def _message(text: str, kind: str = "error") -> w.HTML:
    return css(w.HTML(f'<div class="lk-class-message-{kind}" role="alert">{html.escape(text)}</div>'),
               "class-message")


class ExercisePage:
    """The exercise page in two parts, one notebook cell each: :meth:`start` (the back
    link, the fetch on first open and the cells up to the first question's test cell) and
    :meth:`finish` (the other cells and the hand-in bar). Voila sends a page cell by cell,
    so the first question's outputs leave the server before the other questions are built;
    a page script that draws widgets as they arrive (Voila's progressive rendering does)
    can show the first question early. The light page (``lk-page``) draws them once the
    page has arrived.
    """

    def __init__(self, env: LearnerEnv, assignment: str, lang: str = "vi", display=None,
                 run_cell=None):
        if display is None:
            from IPython.display import display
        self.env, self.assignment, self.lang = env, assignment, lang
        self.display, self.run_cell = display, run_cell
        self.cells: list | None = None   # the cells still to run; None: only a message shown

    def start(self) -> bool:
        """Show the page's head and the first question; ``False`` if only a message shows."""
        from ..i18n import t
        from .home_view import page_link

        display, lang = self.display, self.lang
        back = css(w.HTML(f'<a class="lk-class-link" href="{page_link("home", lang)}">'
                          f'{html.escape(t("classroom.back_home", lang))}</a>'), "class-back")
        display(w.HTML(f"<style>{learner_css()}</style>"))
        display(back)
        if self.assignment not in self.env.released():
            display(_message(t("classroom.exercise_unknown", lang)))
            return False
        try:
            path = self.env.fetch(self.assignment)
        except HandInError:
            display(_message(t("classroom.exercise_fetch_failed", lang)))
            return False
        display(css(w.HTML(f'<p>{html.escape(t("classroom.exercise_saved_note", lang))}</p>'),
                    "class-saved-note"))
        os.chdir(path.parent)   # the answers file sits next to the notebook
        cells = read_cells(path)
        first_test = next((i for i, cell in enumerate(cells) if is_test_cell(cell)), len(cells))
        self.cells = cells[first_test:]
        _run_cells(cells[:first_test], lang, display, self.run_cell)
        return True

    def finish(self):
        """Show the other questions and the hand-in bar (``None`` after a message)."""
        if self.cells is None:
            return None
        _run_cells(self.cells, self.lang, self.display, self.run_cell)
        self.cells = []
        bar = HandInBar(self.env, self.assignment, lang=self.lang)
        self.display(bar)
        return bar


def show_exercise(env: LearnerEnv, assignment: str, lang: str = "vi", display=None, run_cell=None):
    """Display the whole exercise page in the current Voila/IPython output; return the
    hand-in bar (``None`` when the page could only show a message)."""
    page = ExercisePage(env, assignment, lang=lang, display=display, run_cell=run_cell)
    return page.finish() if page.start() else None


def _run_cells(cells, lang: str, display, run_cell) -> None:
    from IPython.display import Markdown

    from ..i18n import t

    if run_cell is None:
        from IPython import get_ipython

        shell = get_ipython()

        def run_cell(source: str) -> bool:
            result = shell.run_cell(source, store_history=False, silent=False)
            return result.success
    for cell in cells:
        kind = cell.get("cell_type")
        if kind == "markdown":
            display(Markdown(cell["source"]))
        elif kind == "code" and not is_test_cell(cell):
            try:
                ok = run_cell(cell["source"])
            except Exception:
                ok = False
            if not ok:
                display(_message(t("classroom.exercise_cell_failed", lang)))
