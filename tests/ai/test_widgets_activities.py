"""The "safe to paste?" and "spot the wrong answer" activities driven from Python, and the
texts they are built from (both languages cut alike, the same pieces to remove)."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit import content
from literacy_kit.ai import OfflineAssistant, ask, find_personal_data, scenarios
from literacy_kit.ai.widgets.activities import PasteCheck
from literacy_kit.ai.widgets.activities_quick import QuickPasteCheck
from literacy_kit.ai.widgets.activities_spot import SpotTheError, flawed_answer
from literacy_kit.ai.logic.activities_text import (flawed_sentence, join_pieces, piece_ids,
                                             pieces_to_remove, sentence_spans, sentences)
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find, find_one

ACTIVITIES = content.load("ai_activities")
EXERCISE = content.load("ai_exercise")
PASTE_PAGES = [(ACTIVITIES, pid) for pid in ACTIVITIES.pages if pid.startswith("paste_")] + \
    [(EXERCISE, "class_notice")]


@pytest.fixture
def views():
    made = []
    yield made
    for view in made:
        close_all(view)


def piece(view, piece_id: str) -> w.Button:
    return find_one(view, w.Button, css=f"lk-ai-piece-{piece_id}")


def tap(view, name: str) -> None:
    find_one(view, w.Button, css=name, visible_only=True).click()


# -- the texts --------------------------------------------------------------------------------
@pytest.mark.parametrize("bundle, page_id", PASTE_PAGES, ids=lambda x: getattr(x, "id", x))
def test_both_languages_have_the_same_pieces_to_remove(bundle, page_id):
    page = bundle.pages[page_id]
    vi = pieces_to_remove([p.vi for p in page.body])
    en = pieces_to_remove([p.en for p in page.body])
    assert vi == en and vi, "a paste text needs personal data to find, the same in both languages"


def test_quick_texts_are_safe_or_not_alike_in_both_languages():
    verdicts = [(bool(find_personal_data(p.vi)), bool(find_personal_data(p.en)))
                for p in ACTIVITIES.pages["quick_texts"].body]
    assert all(vi == en for vi, en in verdicts)
    assert {vi for vi, _ in verdicts} == {True, False}


def test_pieces_are_found_in_the_whole_text():
    pieces = ["OTP", "483920", "xin cam on"]
    assert pieces_to_remove(pieces) == ("p2",)  # the code word is in another piece
    assert join_pieces(pieces) == ("OTP 483920 xin cam on", [(0, 3), (4, 10), (11, 21)])
    assert piece_ids(2) == ("p1", "p2")


def test_sentences_and_the_flawed_one():
    text = "Gi\u00e1 12.000 \u0111\u1ed3ng. G\u1ecdi ngay!  B\u1ea1n hi\u1ec3u ch\u01b0a?\nXong"
    assert sentences(text) == ["Gi\u00e1 12.000 \u0111\u1ed3ng.", "G\u1ecdi ngay!",
                               "B\u1ea1n hi\u1ec3u ch\u01b0a?", "Xong"]
    assert sentence_spans("  ") == []
    for lang in ("vi", "en"):
        item = next(s for s in scenarios() if s.flawed)
        reply = ask(OfflineAssistant(), item.improved_prompt.get(lang), lang)
        assert flawed_sentence(reply.text, reply.flaw) == "s2"
        assert flawed_sentence(reply.text, None) is None


def test_the_flawed_answer_has_the_same_sentences_in_both_languages():
    answer = flawed_answer()
    assert len(answer.sentences["vi"]) == len(answer.sentences["en"]) == len(answer.ids)
    assert answer.flaw == {"vi": "s2", "en": "s2"}


# -- paste check ------------------------------------------------------------------------------
def test_tapping_the_right_pieces_is_correct_and_shows_the_masked_text(views):
    view = PasteCheck("paste_request", lang="vi")
    views.append(view)
    pieces = find(view, w.Button, css="lk-ai-piece")
    assert [b.description for b in pieces] == [p.vi for p in view.page.body]
    piece(view, "p3").click()
    piece(view, "p5").click()
    assert view.state.selected == ("p3", "p5")
    assert "lk-ai-selected" in piece(view, "p3")._dom_classes
    tap(view, "lk-ai-paste-check")
    assert view.state.status == "correct" and view.state.attempts == 1
    assert all("lk-ai-mark-correct" in piece(view, i)._dom_classes for i in ("p3", "p5"))
    assert view.feedback_panel.message_text == t("ai_widgets.paste.correct", "vi", total=2)
    extra = find_one(view, w.HTML, css="lk-ai-paste-extra", visible_only=True).value
    assert t("ai.mask.cccd", "vi") in extra and "[SĐT]" in extra and "0912" not in extra


def test_wrong_and_missed_pieces_are_explained_without_revealing_them(views):
    view = PasteCheck("paste_order", lang="en")
    views.append(view)
    view.toggle(3)        # p4, the account number: right
    view.toggle("p2")     # the delivery date: not personal data
    assert view.check() == "partial"
    assert "lk-ai-mark-correct" in piece(view, "p4")._dom_classes
    assert "lk-ai-mark-wrong" in piece(view, "p2")._dom_classes
    assert not {"lk-ai-mark-correct", "lk-ai-mark-wrong"} & set(piece(view, "p7")._dom_classes)
    message = view.feedback_panel.message_text
    assert "1/2" in message and "e-mail address" in message and "not personal data" in message
    assert find_one(view, css="lk-ai-paste-extra").layout.display == "none"
    view.lang = "vi"
    assert "địa chỉ email" in view.feedback_panel.message_text
    assert view.state.selected == ("p2", "p4"), "the picks survive a language switch"
    assert piece(view, "p4").description == "1903 4567 8901"


def test_tapping_nothing_on_a_text_with_personal_data_is_wrong(views):
    view = PasteCheck("paste_request", lang="en")
    views.append(view)
    assert view.check() == "wrong" and view.state.attempts == 1
    assert "ID number (CCCD)" in view.feedback_panel.message_text


def test_a_new_tap_clears_the_marks_and_retry_clears_the_picks(views):
    view = PasteCheck("paste_request", lang="en")
    views.append(view)
    view.select("p3", "p1")
    view.check()
    view.toggle("p1")
    assert view.state.checked is False and view.feedback_panel.message_text == ""
    assert not find(view, css="lk-ai-mark-correct")
    tap(view, "lk-ai-paste-retry")
    assert view.state.selected == () and view.state.attempts == 1
    view.reset()
    assert view.state.attempts == 0


def test_unknown_piece_ids_are_refused(views):
    view = PasteCheck("paste_request")
    views.append(view)
    with pytest.raises(ValueError):
        view.state.selected = ("p99",)


def test_graded_mode_keeps_the_picks_and_reveals_nothing(views):
    view = PasteCheck(EXERCISE.pages["class_notice"], lang="vi", graded=True)
    views.append(view)
    assert find_one(view, css="lk-ai-paste-actions").layout.display == "none"
    view.toggle("p5")
    assert view.check() == "unanswered" and view.state.checked is False
    assert not find(view, css="lk-ai-mark-correct") and view.feedback_panel.message_text == ""
    assert view.state.selected == ("p5",)


# -- quick version ----------------------------------------------------------------------------
def test_quick_quiz_round_with_feedback_and_masking(views):
    quiz = QuickPasteCheck(lang="vi")
    views.append(quiz)
    counter = find_one(quiz, css="lk-ai-quick-counter")
    assert counter.value == t("ai_widgets.quick.counter", "vi", number=1, total=quiz.total)
    assert quiz.is_safe(0) and not quiz.is_safe(1)
    tap(quiz, "lk-ai-quick-unsafe")        # text 1 is safe: wrong
    assert "lk-feedback-error" in quiz.feedback_panel._dom_classes
    assert quiz.feedback_panel.message_text == t("ai_widgets.quick.wrong_safe", "vi")
    assert find_one(quiz, w.Button, css="lk-ai-quick-safe").disabled
    assert quiz.answer(True) is False, "one answer per text: the first one counts"
    assert quiz.state.choice == "unsafe" and quiz.state.answered == 1
    tap(quiz, "lk-ai-quick-next")
    tap(quiz, "lk-ai-quick-unsafe")        # text 2 holds an OTP: right
    assert "mã OTP" in quiz.feedback_panel.message_text
    masked = find_one(quiz, w.HTML, css="lk-ai-quick-masked", visible_only=True).value
    assert "[MÃ OTP]" in masked and "483920" not in masked
    quiz.lang = "en"
    assert "OTP code" in quiz.feedback_panel.message_text and "[OTP]" in quiz.masked.value
    for index in range(2, quiz.total):
        quiz.next()
        quiz.answer(quiz.is_safe())
    quiz.next()
    assert quiz.state.finished and quiz.state.right == quiz.total - 1
    summary = find_one(quiz, w.HTML, css="lk-ai-quick-summary", visible_only=True).value
    assert f"{quiz.total - 1}/{quiz.total}" in summary
    tap(quiz, "lk-ai-quick-restart")
    assert quiz.state.index == 0 and quiz.state.right == 0 and not quiz.state.finished


# -- spot the wrong answer --------------------------------------------------------------------
def test_spot_the_wrong_sentence_with_explanation(views):
    view = SpotTheError(lang="vi")
    views.append(view)
    buttons = find(view, w.Button, css="lk-ai-sentence")
    assert len(buttons) == 3 and all(b.description for b in buttons)
    assert "VNeID" in find_one(view, css="lk-ai-spot-question").value
    tap(view, "lk-ai-spot-check")          # nothing picked: a nudge, not an attempt
    assert view.state.attempts == 0
    assert view.feedback_panel.message_text == t("ai_widgets.spot.empty", "vi")
    buttons[0].click()
    assert view.feedback_panel.message_text == ""
    tap(view, "lk-ai-spot-check")
    assert view.state.status == "wrong" and "lk-ai-mark-wrong" in buttons[0]._dom_classes
    assert find_one(view, css="lk-ai-spot-extra").layout.display == "none"
    buttons[1].click()
    assert view.state.selected == ("s2",), "single choice: a new tap replaces the pick"
    tap(view, "lk-ai-spot-check")
    assert view.state.status == "correct" and view.state.attempts == 2
    extra = find_one(view, w.HTML, css="lk-ai-spot-extra", visible_only=True).value
    assert "công an" in extra
    view.lang = "en"
    assert view.state.selected == ("s2",) and view.state.status == "correct"
    assert "police" in view.extra.value and buttons[1].description.startswith("Just phone")


def test_spot_graded_mode_from_an_exercise_page(views):
    view = SpotTheError(lang="en", source=EXERCISE.pages["install_answer"], graded=True)
    views.append(view)
    assert len(find(view, w.Button, css="lk-ai-sentence")) == 4
    view.toggle(1)
    assert view.check() == "unanswered" and view.state.selected == ("s2",)
    assert find_one(view, css="lk-ai-spot-actions").layout.display == "none"
    assert "How do I install" in view.question_html.value


def test_the_pieces_helper_stays_free_of_widgets():
    import subprocess
    import sys

    code = ("import sys, literacy_kit.ai.logic.activities_text; "
            "print(any(m.split('.')[0] in ('ipywidgets', 'traitlets') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
