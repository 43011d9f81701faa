"""The widget finders that tests and lesson authors use."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.testing import close_all, find, find_one, texts, walk


@pytest.fixture
def tree():
    hidden = w.VBox([w.Button(description="Hidden")], layout=w.Layout(display="none"))
    hidden.children[0].add_class("lk-secret")
    ok = w.Button(description="OK")
    ok.add_class("lk-ok")
    text = w.Text(value="typed", placeholder="hint")
    root = w.VBox([w.HBox([ok, text]), hidden, w.Dropdown(options=["a", "b"])])
    yield root
    close_all(root)


def test_walk_is_depth_first_in_display_order(tree):
    kinds = [type(widget).__name__ for widget in walk(tree)]
    assert kinds == ["VBox", "HBox", "Button", "Text", "VBox", "Button", "Dropdown"]


def test_find_by_class_and_css(tree):
    assert [b.description for b in find(tree, w.Button)] == ["OK", "Hidden"]
    assert [b.description for b in find(tree, css="lk-ok")] == ["OK"]
    assert find(tree, w.Text, css="lk-ok") == []


def test_visible_only_skips_hidden_boxes(tree):
    assert [b.description for b in find(tree, w.Button, visible_only=True)] == ["OK"]


def test_find_one_insists_on_exactly_one(tree):
    assert find_one(tree, css="lk-secret").description == "Hidden"
    with pytest.raises(LookupError, match="found 2"):
        find_one(tree, w.Button)
    with pytest.raises(LookupError, match="found 0"):
        find_one(tree, w.Checkbox)


def test_texts_reads_what_is_visible(tree):
    shown = texts(tree)
    assert "OK" in shown and "typed" in shown and "hint" in shown and "a" in shown
    assert "Hidden" not in shown


def test_close_all_closes_widgets_and_their_models(tree):
    widgets = list(walk(tree))
    layouts = [widget.layout for widget in widgets]
    close_all(tree)
    assert all(widget.comm is None for widget in widgets)
    assert all(layout.comm is None for layout in layouts)
