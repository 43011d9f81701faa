"""An nbgrader feedback preprocessor that takes the hidden tests out of the feedback pages.

``nbgrader generate_feedback`` renders the *autograded* notebook, in which nbgrader has put
the hidden tests back, so by default every learner's feedback page shows the expected
answers. Listed in ``GenerateFeedback.preprocessors`` (see ``exercises/nbgrader_config.py``)
this preprocessor removes each ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``
region from the sources and leaves a short localized note in its place. The printed
messages and the points stay. An error output of a cell that had hidden tests keeps only
its exception name, because a traceback quotes the cell's source lines.

Unlike nbgrader's own ``ClearHiddenTests`` (made for ``generate_assignment``), it never
raises: an unterminated region is removed to the end of the cell, and a region outside a
grade cell is removed too, so one odd submission cannot stop a class's feedback.
"""
from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode

from ..i18n import t


class StripHiddenTests(Preprocessor):
    """Remove hidden-test regions (and tracebacks that could quote them) from a notebook."""

    enabled = Bool(True, help="Run this preprocessor (on by default, like nbgrader's).").tag(config=True)
    begin_delimiter = Unicode("BEGIN HIDDEN TESTS",
                              help="Text on the line that opens a hidden-test region.").tag(config=True)
    end_delimiter = Unicode("END HIDDEN TESTS",
                            help="Text on the line that closes a hidden-test region.").tag(config=True)
    lang = Unicode("vi", help="Language of the note left where hidden tests were.").tag(config=True)
    note_key = Unicode("grading.hidden_tests_note",
                       help="Catalog key of that note (a code comment).").tag(config=True)

    def strip(self, source: str) -> tuple[str, bool]:
        """``(source without hidden regions, whether any was removed)``."""
        kept, inside, removed = [], False, False
        for line in source.split("\n"):
            if self.begin_delimiter in line:
                if not inside:
                    indent = line[: len(line) - len(line.lstrip())]
                    kept.append(f"{indent}# {t(self.note_key, self.lang)}")
                inside, removed = True, True
            elif self.end_delimiter in line and inside:
                inside = False
            elif not inside:
                kept.append(line)
        return "\n".join(kept), removed

    def preprocess_cell(self, cell, resources, index):
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        cleaned, removed = self.strip(source)
        if not removed:
            return cell, resources
        cell.source = cleaned
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [str(output.get("ename", "Error"))]
                output["evalue"] = ""
        return cell, resources
