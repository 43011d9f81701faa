"""FeedbackPanel and ProgressDisplay."""
from __future__ import annotations

import pytest
from traitlets import TraitError

from literacy_kit.content import Localized
from literacy_kit.core import FeedbackPanel, ProgressDisplay
from literacy_kit.core.feedback import KINDS
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one

LANGS = ("vi", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_show_key_in_each_kind(keep, lang, kind):
    panel = keep(FeedbackPanel(lang=lang))
    assert panel.layout.display == "none"
    panel.show(kind, "core.choice.correct")
    assert panel.layout.display is None
    assert f"lk-feedback-{kind}" in panel._dom_classes
    assert [c for c in panel._dom_classes if c.startswith("lk-feedback-") and c != "lk-feedback-text"] \
        == [f"lk-feedback-{kind}"]
    assert find_one(panel, css="lk-feedback-text").value.endswith(t("core.choice.correct", lang))


def test_show_localized_and_format_then_relabel(keep):
    panel = keep(FeedbackPanel(lang="vi"))
    panel.show("info", Localized("Xin chao", "Hello"))
    assert panel.message_text == "Xin chao"
    panel.lang = "en"
    assert find_one(panel, css="lk-feedback-text").value.endswith("Hello")
    panel.show("warning", "core.progress.text", done=2, total=4)
    assert panel.message_text == "2/4 done"
    panel.lang = "vi"
    assert panel.message_text == t("core.progress.text", "vi", done=2, total=4)
    assert "lk-feedback-info" not in panel._dom_classes


def test_clear_hides(keep):
    panel = keep(FeedbackPanel())
    panel.show("error", "core.flow.blocked")
    panel.clear()
    assert panel.layout.display == "none" and panel.message_text == ""
    assert find_one(panel, css="lk-feedback-text").value == ""


def test_unknown_kind_is_refused(keep):
    panel = keep(FeedbackPanel())
    with pytest.raises(TraitError):
        panel.show("shout", "core.check")


@pytest.mark.parametrize("lang, text", [("en", "3/5 done"), ("vi", "\u0110\u00e3 xong 3/5")])
def test_progress_text_and_bar(keep, lang, text):
    progress = keep(ProgressDisplay(5, lang=lang))
    progress.set(3)
    assert find_one(progress, css="lk-progress-text").value == text
    bar = find_one(progress, css="lk-progress-bar")
    assert (bar.value, bar.max) == (3, 5)
    assert progress.done == 3


def test_progress_clamps_completes_and_relabels(keep):
    progress = keep(ProgressDisplay(2, lang="vi", done=1))
    progress.advance()
    progress.advance()
    assert progress.done == 2 and "lk-progress-complete" in progress._dom_classes
    progress.set(-4)
    assert progress.done == 0 and "lk-progress-complete" not in progress._dom_classes
    progress.lang = "en"
    assert progress.text.value == "0/2 done"
    assert find(progress, css="lk-progress-bar")


def test_a_format_value_named_kind_is_not_taken_for_the_panel_kind(keep):
    from literacy_kit.core import FeedbackPanel

    panel = keep(FeedbackPanel(lang="en"))
    panel.show("error", "errors.wallet.already_integrated", kind="driving_licence")
    assert panel.state.kind == "error"
    assert panel.state.params == {"kind": "driving_licence"}
