"""PageView, and the rule that every trait the kit defines documents itself."""
from __future__ import annotations

import inspect

import ipywidgets as w
import pytest
from traitlets import HasTraits

import literacy_kit.core as core
from literacy_kit.core import PageView
from literacy_kit.testing import find, find_one


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_view_shows_title_and_paragraphs(keep, demo, lang):
    page = demo.pages["welcome"]
    view = keep(PageView(page, lang=lang))
    assert find_one(view, css="lk-page-title").value == f"<b>{page.title.get(lang)}</b>"
    assert [p.value for p in find(view, css="lk-page-body")] == \
        [text.get(lang) for text in page.body]


def test_page_view_relabels_and_can_hide_title(keep, demo):
    page = demo.pages["done"]
    view = keep(PageView(page, show_title=False))
    assert find(view, css="lk-page-title") == []
    view.lang = "en"
    assert find_one(view, css="lk-page-body").value == page.body[0].en


def _kit_classes():
    for name in core.__all__:
        obj = getattr(core, name)
        if inspect.isclass(obj) and issubclass(obj, HasTraits):
            yield obj


@pytest.mark.parametrize("cls", list(_kit_classes()), ids=lambda c: c.__name__)
def test_every_own_trait_has_help(cls):
    inherited = set(w.VBox.class_traits()) if issubclass(cls, w.VBox) else set()
    own = {name: trait for name, trait in cls.class_traits().items() if name not in inherited}
    assert own, cls
    for name, trait in own.items():
        assert trait.help, f"{cls.__name__}.{name} has no help="
