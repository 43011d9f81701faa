"""Feedback pages in one language: the messages, the hidden-tests note and the page labels.

A test cell's message is stored in every language (see :mod:`literacy_kit.grading.messages`);
:class:`LocalizeMessages`, listed in ``GenerateFeedback.preprocessors`` after
:class:`~literacy_kit.grading.feedback.StripHiddenTests`, keeps the language of the page
and drops the rest, rewrites the note left where hidden tests were into that language, and
hands the page's labels to the ``lk_feedback`` template (:data:`TEMPLATE_DIR`) through
``resources["literacy_kit"]``. Both are set up by the course's ``nbgrader_config.py``::

    c.GenerateFeedback.HTMLExporter.template_name = TEMPLATE_NAME
    c.GenerateFeedback.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
    c.LocalizeMessages.lang = "en"        # default "vi"

The template settings sit under ``GenerateFeedback`` so that they reach only the feedback
exporter (traitlets reads a child's section under its parent's): the formgrader's own
``HTMLExporter`` keeps nbgrader's templates.

>>> from nbformat.v4 import new_code_cell, new_notebook, new_output
>>> out = new_output("display_data", data={"text/plain": "Hello",
...                                        MESSAGE_MIME: {"vi": "Xin chao", "en": "Hello"}})
>>> nb = new_notebook(cells=[new_code_cell("grader.require('q')", outputs=[out])])
>>> nb, resources = LocalizeMessages(lang="vi").preprocess(nb, {})
>>> dict(nb.cells[0].outputs[0].data), resources["literacy_kit"]["lang"]
({'text/plain': 'Xin chao'}, 'vi')
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, TraitError, Unicode, validate
from traitlets.config import Config

from ..i18n import DEFAULT_LANG, LANGS, t
from .cell_check import cell_label
from .checks import format_points
from .messages import MESSAGE_MIME

#: Folder holding the feedback template (``extra_template_basedirs``).
TEMPLATE_DIR = Path(__file__).parent / "templates"
#: The template's name (``template_name``): ``TEMPLATE_DIR/lk_feedback/index.html.j2``.
TEMPLATE_NAME = "lk_feedback"
#: Page labels; ``grading.feedback_<name>`` in the catalogs, ``labels.<name>`` in the template.
LABELS = ("heading", "score", "test_cell", "free_response", "written_response", "task",
          "comment", "late_penalty", "top", "your_answer", "your_task", "grade_cell", "widget")


def lang_code(value: str) -> str:
    """``"vi"``/``"en"`` from ``"vi"``, ``"EN"``, ``"en_US"``...; ``ValueError`` otherwise.

    Stricter than :func:`~literacy_kit.i18n.normalize_lang`: a trainer who asks for
    ``"eng"`` gets an error, not a page in Vietnamese.
    """
    code = str(value or "").strip().lower().replace("-", "_").split("_")[0]
    if code not in LANGS:
        raise ValueError(f"feedback language must be one of {', '.join(LANGS)}, not {value!r}")
    return code


def page_strings(lang: str) -> dict:
    """What the template reads from ``resources["literacy_kit"]``, in ``lang``."""
    return {
        "lang": lang,
        "labels": {name: t(f"grading.feedback_{name}", lang) for name in LABELS},
        # the separator format_points writes ("2,5" in Vietnamese)
        "decimal": format_points(0.5, lang)[1],
        "cells": {},
    }


def feedback_config(lang: str | None = None) -> Config:
    """nbgrader config for localized pages: the template, and ``lang`` when given."""
    config = Config()
    config.GenerateFeedback.HTMLExporter.template_name = TEMPLATE_NAME
    config.GenerateFeedback.HTMLExporter.extra_template_basedirs = [str(TEMPLATE_DIR)]
    if lang is not None:
        config.LocalizeMessages.lang = lang_code(lang)
        config.StripHiddenTests.lang = lang_code(lang)
    return config


class LocalizeMessages(Preprocessor):
    """Put a feedback page in one language (messages, hidden-tests note, labels).

    Never raises on odd outputs: a message without the wanted language keeps its
    ``text/plain``, anything unreadable in the JSON is dropped with it.
    """

    enabled = Bool(True, help="Run this preprocessor (on by default).").tag(config=True)
    lang = Unicode(DEFAULT_LANG,
                   help="Language of the feedback page: vi or en.").tag(config=True)
    note_key = Unicode("grading.hidden_tests_note",
                       help="Catalog key of the note StripHiddenTests leaves in place of "
                            "hidden tests.").tag(config=True)

    @validate("lang")
    def _check_lang(self, proposal):
        try:
            return lang_code(proposal["value"])
        except ValueError as exc:
            raise TraitError(str(exc)) from None

    def message(self, data: Mapping) -> str:
        """The text of one message output's bundle in :attr:`lang`."""
        texts = data.get(MESSAGE_MIME)
        if isinstance(texts, Mapping):
            for code in (self.lang, DEFAULT_LANG):
                if isinstance(texts.get(code), str):
                    return texts[code]
        plain = data.get("text/plain", "")
        return "".join(plain) if isinstance(plain, list) else str(plain)

    def _localize_note(self, source: str) -> str:
        notes = {f"# {t(self.note_key, code)}" for code in LANGS}
        mine = f"# {t(self.note_key, self.lang)}"
        lines = source.split("\n")
        for index, line in enumerate(lines):
            stripped = line.strip()
            if stripped in notes and stripped != mine:
                lines[index] = line[: len(line) - len(line.lstrip())] + mine
        return "\n".join(lines)

    def preprocess(self, nb, resources):
        self._strings = page_strings(self.lang)
        nb, resources = super().preprocess(nb, resources)
        resources["literacy_kit"] = self._strings
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        grading = cell.get("metadata", {}).get("nbgrader", {})
        if grading.get("grade") or grading.get("task"):
            grade_id = str(grading.get("grade_id", ""))
            name = cell_label(grade_id, self.lang)
            # "Question 2" or the set-up cell; any other id keeps the template's label
            if name != t("grading.cell_other", self.lang, id=grade_id):
                self._strings["cells"][grade_id] = name[:1].upper() + name[1:]
        if cell.get("cell_type") != "code":
            return cell, resources
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        cell.source = self._localize_note(source)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if isinstance(data, Mapping) and MESSAGE_MIME in data:
                output["data"] = NotebookNode({"text/plain": self.message(data)})
        return cell, resources
