"""review_prompt: each criterion in both languages, feedback, the improved prompt, determinism."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.ai import (CRITERIA, find_personal_data, mask, review_prompt, scenario,
                             scenarios)
from literacy_kit.ai.logic.data_files import load_data
from literacy_kit.i18n import t

STRONG_VI = ("Viết thông báo mời bà con thôn Phú Hưng họp tại nhà văn hóa lúc 19 giờ 30 tối "
             "thứ Bảy để nghe hướng dẫn VNeID. Khoảng 5 câu, giọng thân thiện, dễ hiểu cho "
             "người lớn tuổi.")
STRONG_EN = ("Write a notice inviting villagers of Phu Hung to a meeting at the cultural house "
             "at 7:30 pm on Saturday about VNeID. About 5 sentences, in a friendly tone for "
             "older people.")

# (criterion, prompt, expected)
CASES = [
    ("task", "Viết thông báo họp thôn", True),
    ("task", "Soạn tin nhắn chúc Tết", True),
    ("task", "Tóm tắt văn bản này", True),
    ("task", "Dịch đoạn này sang tiếng Anh", True),
    ("task", "Liệt kê các bước cài VNeID", True),
    ("task", "Giải thích mức 2 là gì", True),
    ("task", "viet thong bao hop thon", True),
    ("task", "Write a notice", True),
    ("task", "Summarise this policy", True),
    ("task", "Please translate this into Vietnamese", True),
    ("task", "Họp thôn tối thứ Bảy", False),
    ("task", "Dịch vụ công trực tuyến", False),
    ("task", "Bằng tiếng Việt", False),
    ("task", "The village meeting on Saturday", False),
    ("context", STRONG_VI, True),
    ("context", STRONG_EN, True),
    ("context", "Viết thông báo", False),
    ("context", "Viết thông báo họp thôn", False),
    ("context", "Write a notice", False),
    ("context", "Tóm tắt văn bản sau: Phấn đấu 100% hồ sơ công việc cấp xã được xử lý trên "
                "môi trường mạng; người dân dùng dịch vụ công trực tuyến nhiều hơn", True),
    ("context", "Summarise this:\nThe commune plans to process all of its work online and "
                "to help residents use online public services", True),
    ("format", "Viết khoảng 5 câu", True),
    ("format", "Viết ngắn gọn", True),
    ("format", "Trình bày có gạch đầu dòng", True),
    ("format", "Viết dưới 100 chữ", True),
    ("format", "Liệt kê ba ý chính", True),
    ("format", "Write about 100 words", True),
    ("format", "Write three short sentences", True),
    ("format", "Use bullet points", True),
    ("format", "Viết thông báo họp thôn", False),
    ("format", "tối thứ bay", False),
    ("format", "Write a notice", False),
    ("audience", "Viết cho bà con lớn tuổi", True),
    ("audience", "Giọng văn thân thiện", True),
    ("audience", "Viết bằng lời lẽ dễ hiểu", True),
    ("audience", "viet giong than thien", True),
    ("audience", "For older people, in a friendly tone", True),
    ("audience", "Use plain language", True),
    ("audience", "Viết thông báo họp thôn", False),
    ("audience", "Write a notice", False),
    ("privacy", "Viết thông báo họp thôn", True),
    ("privacy", "Viết tin nhắn cho số 0912 345 678", False),
    ("privacy", "My OTP is 483920, what should I do?", False),
    ("privacy", "Giá mật ong 250.000 đồng năm 2025", True),
]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("criterion, prompt, expected", CASES)
def test_each_criterion(criterion, prompt, expected, form):
    text = unicodedata.normalize(form, prompt)
    for lang in ("vi", "en"):
        assert review_prompt(text, lang).criterion(criterion).passed is expected


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("criterion", CRITERIA)
def test_feedback_in_the_learners_language(criterion, lang):
    strong, weak = STRONG_VI, "Gọi 0912345678"
    good, bad = review_prompt(strong, lang).criterion(criterion), \
        review_prompt(weak, lang).criterion(criterion)
    assert good.passed and not bad.passed
    assert good.label == t(f"ai.criterion.{criterion}", lang)
    other = "en" if lang == "vi" else "vi"
    for item, key in ((good, "pass"), (bad, "fail")):
        assert item.feedback and "{" not in item.feedback
        assert item.feedback != review_prompt(strong if key == "pass" else weak, other) \
            .criterion(criterion).feedback
    if criterion != "privacy":
        assert bad.feedback == t(f"ai.review.{criterion}.fail", lang)
        assert all(word in good.feedback for word in good.matched[:4])


def test_privacy_feedback_names_the_kinds():
    review = review_prompt("CCCD 027203012345, SĐT 0912345678", "en")
    feedback = review.criterion("privacy").feedback
    assert "ID number" in feedback and "phone number" in feedback
    assert [f.kind.value for f in review.findings] == ["cccd", "phone"]
    assert "số điện thoại" in review_prompt("SĐT 0912345678", "vi").criterion("privacy").feedback


@pytest.mark.parametrize("lang, prompt", [("vi", STRONG_VI), ("en", STRONG_EN)])
def test_a_strong_prompt_scores_full_marks(lang, prompt):
    review = review_prompt(prompt, lang)
    assert review.score == review.max_score == 5 and review.all_passed
    assert review.summary() == t("ai.review.score", lang, score=5, total=5)


def test_a_weak_prompt_scores_low():
    review = review_prompt("Viết thông báo", "vi")
    assert review.score == 2
    assert [c.id for c in review.criteria if c.passed] == ["task", "privacy"]
    assert review.summary() == "Đạt 2/5 tiêu chí"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("item", scenarios(), ids=lambda s: s.id)
def test_every_scenarios_improved_prompt_is_recognised_and_scores_full_marks(item, lang):
    review = review_prompt(item.improved_prompt.get(lang), lang)
    assert review.scenario == item.id
    assert review.all_passed, [c.id for c in review.criteria if not c.passed]
    assert review.improved_prompt == item.improved_prompt.get(lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_recognised_scenario_gives_its_own_improved_prompt(lang):
    review = review_prompt("viết thông báo họp thôn", lang)
    assert review.scenario == "meeting_notice"
    assert review.improved_prompt == scenario("meeting_notice").improved_prompt.get(lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_adds_a_line_for_each_missing_criterion(lang):
    adds = load_data("rubric")["improved"]["add"]
    review = review_prompt("Kể chuyện cười", lang)
    assert review.scenario is None
    lines = review.improved_prompt.split("\n")
    assert lines[0] == "Kể chuyện cười"
    assert lines[1:] == [adds[c][lang] for c in ("context", "format", "audience")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_template_states_the_task_and_masks_personal_data(lang):
    improved = load_data("rubric")["improved"]
    review = review_prompt("Chuyện   cười cho chị Hoa, SĐT 0912 345 678", lang)
    first = review.improved_prompt.split("\n")[0]
    expected = improved["without_task"][lang].replace(
        "{prompt}", f"Chuyện cười cho chị Hoa, SĐT {mask('phone', lang)}")
    assert first == expected
    assert review.improved_prompt.endswith(improved["add"]["privacy"][lang])
    assert find_personal_data(review.improved_prompt) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_empty_prompt_gets_an_example(lang):
    review = review_prompt("  \n ", lang)
    assert review.score == 1 and review.criterion("privacy").passed
    assert review.improved_prompt == load_data("rubric")["improved"]["empty"][lang]
    assert review_prompt(review.improved_prompt, lang).all_passed


def test_determinism_and_nfd_input():
    composed = review_prompt(STRONG_VI, "vi")
    assert review_prompt(STRONG_VI, "vi") == composed
    decomposed = review_prompt(unicodedata.normalize("NFD", STRONG_VI), "vi")
    assert decomposed == composed
    assert review_prompt("  " + STRONG_VI.replace(" ", "\u00a0 "), "vi").score == composed.score


def test_unknown_criterion_raises_key_error():
    with pytest.raises(KeyError):
        review_prompt("Viết", "vi").criterion("nope")
