"""Read-aloud on the core views, driven from Python with the real espeak-ng."""
from __future__ import annotations

import shutil

import ipywidgets as w
import pytest

from literacy_kit.core import (ChoiceQuestion, FeedbackPanel, PageView, PhoneFrame, ReadAloud,
                               StepFlow, StepOrdering)
from literacy_kit.core.read_aloud import html_texts, widget_texts
from literacy_kit.i18n import t
from literacy_kit.speech import Speaker, SpeechSettings, set_default_speaker
from literacy_kit.testing import find, find_one

from support import speech_required


@pytest.fixture(autouse=True)
def speaker(tmp_path):
    """The real engine with a cache of this test's own."""
    if shutil.which("espeak-ng") is None:
        if speech_required():
            pytest.fail("espeak-ng not found (LK_REQUIRE_SPEECH is set)")
        pytest.skip("espeak-ng not found: sudo apt-get install -y espeak-ng")
    made = Speaker(SpeechSettings(cache_dir=str(tmp_path / "speech")))
    set_default_speaker(made)
    yield made
    set_default_speaker(None)


def test_html_texts_drops_tags_styles_and_decorative_glyphs():
    markup = ('<style>.x{}</style><b>Step 1</b><br>Open the app &amp; tap'
              '<p>Second part</p><span class="g" aria-hidden="true">\u2714</span> Done')
    assert html_texts(markup) == ["Step 1", "Open the app & tap", "Second part", "Done"]


def test_widget_texts_reads_what_is_visible(keep):
    hidden = w.HTML("secret", layout=w.Layout(display="none"))
    box = keep(w.VBox([w.HTML("<b>Title</b>"), hidden, w.Button(description="Send"),
                       w.Text(value="0912", description="Phone"), w.Label("label")]))
    assert widget_texts(box) == ["Title", "Send", "Phone", "0912", "label"]


def test_choice_question_reads_stem_and_options_in_its_language(demo, keep):
    question = next(q for q in demo.questions.values() if q.kind == "single")
    view = keep(ChoiceQuestion(question, lang="vi"))
    texts = view.read_aloud.texts()
    assert texts[0] == question.stem.vi
    assert [o.text.vi for o in question.options] == texts[2:2 + len(question.options)]
    assert t("core.check", "vi") not in texts  # action buttons are not read
    view.lang = "en"
    assert view.read_aloud.lang == "en"
    assert view.read_aloud.texts()[0] == question.stem.en


def test_choice_feedback_is_read_after_check(demo, keep):
    question = next(q for q in demo.questions.values() if q.kind == "single")
    view = keep(ChoiceQuestion(question, lang="vi"))
    wrong = next(o for o in question.options if not o.correct)
    view.select(wrong.id)
    view.check()
    assert t("core.choice.wrong", "vi") in view.read_aloud.texts()


def test_tap_plays_real_audio_and_a_second_tap_replays(demo, keep, speaker):
    view = keep(ChoiceQuestion(next(iter(demo.questions.values())), lang="vi"))
    speaker_view = view.read_aloud
    speaker_view.button.click()
    assert speaker_view.status == "played" and speaker_view.plays == 1
    first = speaker_view.audio
    assert first.format == "wav" and first.autoplay and not first.loop
    assert bytes(first.value[:4]) == b"RIFF" and len(first.value) > 20_000
    assert "lk-read-aloud-audio" in first._dom_classes
    misses = speaker.misses
    speaker_view.button.click()
    assert speaker_view.plays == 2 and speaker_view.audio is not first
    assert speaker.misses == misses  # every piece came from the cache
    assert first.comm is None  # the old element was closed


def test_every_core_view_has_a_visible_speaker(demo, keep):
    ordering = next(iter(demo.orderings.values()))
    page = next(iter(demo.pages.values()))
    feedback = FeedbackPanel(lang="vi")
    feedback.show("success", "core.choice.correct")
    views = [StepOrdering(ordering, seed=1), PageView(page), feedback,
             PhoneFrame("Demo", w.HTML("<p>Screen</p>")),
             StepFlow([("One", w.HTML("a")), ("Two", w.HTML("b"))])]
    for view in views:
        keep(view)
        speaker_view = find_one(view, ReadAloud)
        assert speaker_view.layout.display != "none"
        assert speaker_view.texts(), type(view).__name__
    assert views[1].read_aloud.texts()[0] == page.title.vi
    assert views[2].read_aloud.texts() == [t("core.choice.correct", "vi")]
    assert views[3].read_aloud.texts() == ["Demo", "Screen"]
    assert ordering.prompt.vi in views[0].read_aloud.texts()


def test_phone_frame_reads_the_screen_it_shows_now(keep):
    phone = keep(PhoneFrame("App", w.HTML("one"), lang="vi"))
    phone.show(w.HTML("two"))
    assert phone.read_aloud.texts() == ["App", "two"]


def test_a_broken_source_reads_nothing_and_never_raises(keep):
    def broken():
        raise RuntimeError("bug in a host view")

    view = keep(ReadAloud(broken))
    assert view.speak() == "silent"
    assert view.audio is None


def test_an_engine_crash_shows_no_traceback(keep, tmp_path):
    crash = tmp_path / "espeak-crash"
    crash.write_text('#!/bin/sh\ncase "$*" in *-w*) exit 9;; esac\nexec espeak-ng "$@"\n')
    crash.chmod(0o755)
    speaker = Speaker(SpeechSettings(engine=str(crash), cache_dir=str(tmp_path / "c")))
    view = keep(ReadAloud(lambda: ["xin ch\u00e0o"], speaker=speaker))
    assert view.layout.display != "none"
    view.button.click()
    assert view.status == "failed" and view.audio is None


def test_speakers_inside_a_view_are_not_read_twice(demo, keep):
    phone = keep(PhoneFrame("App", ChoiceQuestion(next(iter(demo.questions.values())))))
    texts = phone.read_aloud.texts()
    assert not any(t("core.read_aloud", "vi") in text for text in texts)
    assert len(find(phone, ReadAloud)) == 2


def test_a_visitors_typed_value_is_read_back_but_not_kept_on_disk(keep, speaker):
    from literacy_kit.core import FormField
    from literacy_kit.speech import Typed

    field = FormField("Phone", lambda text: text, lang="en")
    phone = keep(PhoneFrame("App", field, lang="en"))
    field.input.value = "0912 345 678"
    texts = phone.read_aloud.texts()
    typed = [text for text in texts if isinstance(text, Typed)]
    assert typed == ["0912 345 678"]
    phone.read_aloud.speak()
    assert phone.read_aloud.status == "played"
    key = speaker.key("0912 345 678", "en")
    assert not speaker.cache.path(key).exists()
    assert len(speaker.cache) == len(texts) - 1
