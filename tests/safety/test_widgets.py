"""Safety views without a browser: the quiz, the sorter, the link inspector, the notes."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.safety import default_bank
from literacy_kit.safety.widgets import LinkInspector, MessageSorter, ScamQuiz, SourceNotes
from literacy_kit.testing import find, find_one

BANK = default_bank()
EIGHT = ["bank_sms_new_device", "genuine_bank_otp", "zalo_vote_niece", "genuine_village_meeting",
         "police_level2_sms", "genuine_power_bill", "task_deposit", "genuine_shipper"]


def test_quiz_marks_the_flagged_words_after_an_answer(keep):
    item = BANK.item("bank_sms_new_device")
    quiz = keep(ScamQuiz(lang="en", items=[item, BANK.item("genuine_bank_otp")]))
    card = find_one(quiz, w.HTML, css="lk-safety-quiz-card")
    assert "<mark" not in card.value and "MULATION" in card.value
    assert quiz.answer("scam") is True
    assert "lk-safety-mark-link" in card.value and "xacthuc-tk.top</mark>" in card.value
    feedback = find_one(quiz, w.HTML, css="lk-safety-quiz-feedback")
    assert "lk-safety-right" in feedback._dom_classes
    assert "Read the address from the right" in feedback.value
    assert "<a " not in card.value + feedback.value
    assert quiz.answer("genuine") is False and quiz.state.picks == ["scam"]  # once per item
    quiz.next()
    assert quiz.answer("scam") is False
    assert "lk-safety-wrong" in feedback._dom_classes
    quiz.next()
    assert quiz.state.finished and quiz.score == 1
    quiz.lang = "vi"
    assert "1/2" in find_one(quiz, w.HTML, css="lk-safety-quiz-summary").value


def test_next_waits_for_an_answer(keep):
    quiz = keep(ScamQuiz(lang="vi", seed=1))
    quiz.next()
    assert quiz.state.index == 0
    assert find_one(quiz, w.Button, css="lk-safety-quiz-next").layout.display == "none"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sorter_check_marks_each_message(keep, lang):
    view = keep(MessageSorter(EIGHT, lang=lang))
    for item_id in EIGHT:
        kind = BANK.item(item_id).kind
        row = find_one(view, css=f"lk-safety-sorter-item-{item_id}")
        find_one(row, w.Button, css=f"lk-safety-sorter-{kind}").click()
    assert sorted(view.state.scam) == sorted(i for i in EIGHT if BANK.item(i).scam)
    assert view.check() == 8
    assert "8/8" in find_one(view, w.HTML, css="lk-safety-sorter-result").value
    row = find_one(view, css="lk-safety-sorter-item-genuine_bank_otp")
    find_one(row, w.Button, css="lk-safety-sorter-scam").click()
    assert view.check() == 7


def test_sorter_tap_again_undoes_and_graded_has_no_check(keep):
    view = keep(MessageSorter(EIGHT[:2], lang="vi", graded=True))
    assert find_one(view, w.Button, css="lk-safety-sorter-check").layout.display == "none"
    view.sort(EIGHT[0], "scam")
    view.sort(EIGHT[0], "genuine")
    assert view.state.scam == [] and view.state.genuine == [EIGHT[0]]
    view.sort(EIGHT[0], "genuine")
    assert view.state.genuine == []
    assert view.check() == 0 and not find(view, css="lk-safety-right")


def test_link_inspector_keeps_what_was_typed_on_an_error(keep):
    view = keep(LinkInspector(lang="en"))
    box = find_one(view, w.Text, css="lk-safety-link-input")
    box.value = "xin chao ba con"
    find_one(view, w.Button, css="lk-safety-link-check").click()
    result = find_one(view, w.HTML, css="lk-safety-link-result")
    assert view.state.error == "link.not_a_link" and box.value == "xin chao ba con"
    assert "not a link" in result.value
    view.lang = "vi"
    assert "không phải" in result.value


def test_link_inspector_explains_every_sign(keep):
    view = keep(LinkInspector(lang="vi"))
    assert view.check("http://dichvucong.gov.vn@vietcombank-otp.top/a.apk")
    result = find_one(view, w.HTML, css="lk-safety-link-result")
    assert view.state.flags == ["lookalike", "userinfo", "not_https", "apk"]
    assert result.value.count("<li>") == 4 and "vietcombank-otp.top" in result.value
    assert "lk-safety-wrong" in result._dom_classes
    assert view.check("dichvucong.gov.vn") and view.state.official
    assert "lk-safety-right" in result._dom_classes


def test_source_notes_list_every_item_and_the_unverified_ones(keep):
    notes = keep(SourceNotes(lang="vi"))
    body = find_one(notes, w.HTML, css="lk-safety-notes-body").value
    assert all(item.id in body for item in BANK.items)
    assert body.count("Chưa kiểm chứng") == sum(1 for i in BANK.items if i.unverified)


def test_a_picked_button_says_so_in_text_not_only_colour(keep):
    view = keep(MessageSorter(EIGHT[:1], lang="vi"))
    row = find_one(view, css=f"lk-safety-sorter-item-{EIGHT[0]}")
    scam = find_one(row, w.Button, css="lk-safety-sorter-scam")
    scam.click()
    assert scam.description.startswith("\u2714 ") and "lk-safety-picked" in scam._dom_classes
    scam.click()
    assert not scam.description.startswith("\u2714")
    quiz = keep(ScamQuiz(lang="en", items=[BANK.item("genuine_school")]))
    quiz.answer("genuine")
    assert find_one(quiz, w.Button, css="lk-safety-quiz-genuine").description == "\u2714 Genuine"
