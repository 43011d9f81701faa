"""The learner's side of a graded exercise: core widgets whose answers persist.

In the exercise notebook a code cell only builds and shows a widget::

    from literacy_kit.grading import Exercise
    ex = Exercise("vneid")
    ex.ordering("level1_steps")

The questions come from the content bundle ``<name>_exercise`` (no answers in it), the
answers go to ``<name>_answers.json`` next to the notebook on every tap and come back
when the cell runs again. A graded item has no Check button: the right answers are not
in the learner's kernel at all, only in the autograder's hidden tests. Besides the core
items (ordering, choices), each registered domain adds its own kinds (a simulator, say),
built through :mod:`literacy_kit.domains`.

>>> import tempfile
>>> ex = Exercise("vneid", folder=tempfile.mkdtemp(), lang="en")
>>> item = ex.choice("level2_in_person")
>>> item.views[0].select("true")
>>> ex.store.get("level2_in_person")
{'selected': ['true']}
"""
from __future__ import annotations

import functools
import html
import zlib
from pathlib import Path

import ipywidgets as w

from .. import content, domains
from ..core import ChoiceQuestion, FeedbackPanel, StepOrdering
from ..core.base import LangView, css
from .answers import AnswerStore
from .bind import Binding
from .grader import resolve_lang
from .headless import headless

def _hide(*widgets: w.DOMWidget) -> None:
    for widget in widgets:
        if widget is not None:
            widget.layout.display = "none"


class GradedItem(LangView):
    """One graded item: its core view(s), a tap hint and a "saved" line.

    CSS classes: ``lk-graded`` (plus ``lk-graded-<key>``), ``lk-graded-hint``,
    ``lk-graded-saved`` (a :class:`~literacy_kit.core.FeedbackPanel`).

    Parameters
    ----------
    key : str
        The item's id (the first answer key it stores).
    views : list of LangView
        The widgets the learner taps; they follow this item's ``lang``.
    store : AnswerStore
        Where the answers are kept; the saved line follows its writes.
    hint : str
        Catalog key of the tap hint shown above the views.
    bindings : list of Binding
        The bindings that keep the views' answers; the saved line reacts to their keys.
    """

    def __init__(self, key: str, views: list, store: AnswerStore, hint: str,
                 lang: str = "vi", bindings=(), **kwargs):
        super().__init__(**kwargs)
        self.item_key = key
        self.views = list(views)
        self.store = store
        self.hint_key = hint
        self.bindings: list[Binding] = list(bindings)
        self.answer_keys = {key} | {binding.key for binding in self.bindings}
        restored = any(binding.restored for binding in self.bindings)
        css(self, "graded", f"graded-{key}")
        self.hint = css(w.HTML(), "graded-hint")
        self.saved = css(FeedbackPanel(lang=lang), "graded-saved")
        self.children = [self.hint, *self.views, self.saved]
        store.on_save(self._on_save)
        self.lang = lang
        self.relabel()
        if store.problem:
            self.saved.show("warning", store.problem, file=store.path.name)
        elif restored:
            self.saved.show("info", "grading.restored")

    def _on_save(self, store: AnswerStore, key: str) -> None:
        if key not in self.answer_keys:
            return
        if store.error:
            self.saved.show("warning", store.error)
        else:
            self.saved.show("success", "grading.saved")

    def relabel(self) -> None:
        self.hint.value = f"<i>{html.escape(self.tr(self.hint_key), quote=False)}</i>"
        for view in self.views:
            if getattr(view, "has_trait", None) and view.has_trait("lang"):
                view.lang = self.lang
        self.saved.lang = self.lang


class Exercise:
    """Builds the widgets of exercise ``name`` and keeps their answers.

    Parameters
    ----------
    name : str
        Exercise name: content ``<name>_exercise``, answers ``<name>_answers.json``.
    lang : str, optional
        Language of the widgets; default ``$LK_GRADING_LANG`` or Vietnamese.
    folder : str or Path, optional
        Where the answer file lives (default: the working directory, the notebook's).
    """

    def __init__(self, name: str, lang: str | None = None, folder: str | Path | None = None):
        self.name = name
        self.lang = resolve_lang(lang)
        self.bundle = content.load(f"{name}_exercise")
        self.store = AnswerStore.for_exercise(name, folder)
        self.items: dict[str, GradedItem] = {}

    # -- graded items ------------------------------------------------------------------
    @headless
    def ordering(self, item_id: str) -> GradedItem:
        """The step ordering ``item_id``; its answer is kept as step ids, in answer order."""
        ordering = self.bundle.orderings[item_id]
        view = StepOrdering(ordering, lang=self.lang, seed=zlib.crc32(item_id.encode()))
        _hide(view.check_button, view.hint)
        encode = decode = None
        if ordering.step_ids:
            ids = ordering.step_ids
            index = {step_id: i for i, step_id in enumerate(ids)}

            def encode(values):
                return {"placed": [ids[i] for i in values["placed"]]}

            def decode(data):
                return {"placed": tuple(index[step_id] for step_id in data["placed"])}

        binding = self.store.bind(item_id, view.state, ["placed"], encode=encode, decode=decode)
        return self._item(item_id, [view], [binding], "grading.hint_ordering")

    @headless
    def choice(self, item_id: str) -> GradedItem:
        """One choice question (a true/false statement, or a multiple choice)."""
        return self.choices(item_id)

    @headless
    def choices(self, *item_ids: str) -> GradedItem:
        """Several choice questions answered together (e.g. true/false statements)."""
        views, bindings = [], []
        for item_id in item_ids:
            view = ChoiceQuestion(self.bundle.questions[item_id], lang=self.lang)
            _hide(view.check_button, view.retry_button, view.hint)
            views.append(view)
            bindings.append(self.store.bind(item_id, view.state, ["selected"]))
        kinds = {self.bundle.questions[i].kind for i in item_ids}
        hint = "grading.hint_multiple" if kinds == {"multiple"} else "grading.hint_single"
        return self._item(item_ids[0], views, bindings, hint)

    def track(self, key: str, view: w.DOMWidget, obj, names, encode=None, decode=None,
              hint: str = "grading.hint_simulator") -> GradedItem:
        """Any widget whose answer lives in traits ``names`` of ``obj`` (a simulator's state)."""
        binding = self.bind(key, obj, names, encode=encode, decode=decode)
        return self._item(key, [view], [binding], hint)

    def bind(self, key: str, obj, names, encode=None, decode=None) -> Binding:
        """Persist traits ``names`` of ``obj`` under ``key`` without wrapping a view."""
        return self.store.bind(key, obj, names, encode=encode, decode=decode)

    def _item(self, key: str, views: list, bindings: list[Binding], hint: str) -> GradedItem:
        item = GradedItem(key, views, self.store, hint, lang=self.lang, bindings=bindings)
        self.items[key] = item
        return item

    # -- items of the domains -----------------------------------------------------------
    def __getattr__(self, kind: str):
        """A graded item kind some registered domain declares (``ex.vneid_simulator(key)``).

        The domain's builder is called as ``builder(self, key, **options)`` and keeps its
        state through :meth:`track`.
        """
        if kind.startswith("_"):
            raise AttributeError(kind)
        builder = domains.graded_builder(kind)
        if builder is None:
            raise AttributeError(f"no registered domain has a graded item {kind!r}")

        return functools.partial(headless(builder), self)
