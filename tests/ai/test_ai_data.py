"""The AI lesson's data files, and its independence from widgets."""
from __future__ import annotations

import subprocess
import sys

import pytest

from literacy_kit.ai import scenarios
from literacy_kit.ai.logic.data_files import DataFileError, load_data, localized, word_list
from literacy_kit.keywords import Keywords, MappedText
from literacy_kit.text import strip_marks

def test_the_logic_does_not_import_widgets():
    code = ("import sys, literacy_kit.ai; "
            "print(any(m.split('.')[0] in ('ipywidgets', 'traitlets') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_personal_data_word_lists_are_strings():
    data = load_data("personal_data")
    for kind in ("otp", "bank_account", "cccd", "phone"):
        assert word_list(data[kind]["words"], kind)
        word_list(data[kind].get("exact_case"), kind)
    assert word_list(data["units_after"], "units") and word_list(data["words_before"], "before")


@pytest.mark.parametrize("item", scenarios(), ids=lambda s: s.id)
def test_every_scenario_has_both_languages(item):
    for field in (item.title, item.improved_prompt, item.answer):
        assert field.vi.strip() and field.en.strip() and field.vi != field.en
    if item.material is not None:
        assert item.material.vi and item.material.en


def test_policy_summary_keeps_the_numbers_of_its_source():
    policy = next(s for s in scenarios() if s.id == "policy_summary")
    for number in ("2030", "2027"):
        assert number in policy.material.vi and number in policy.answer.vi
        assert number in policy.material.en and number in policy.answer.en


@pytest.mark.parametrize("value", [None, "text", {"vi": "chỉ tiếng Việt"}, {"vi": "", "en": "x"}])
def test_localized_refuses_incomplete_texts(value):
    with pytest.raises(DataFileError):
        localized(value, "here")


@pytest.mark.parametrize("value", ["word", [1, "two"], [""], [True]])
def test_word_list_refuses_non_strings(value):
    with pytest.raises(DataFileError):
        word_list(value, "here")


def test_keywords_match_whole_words_any_case_any_spacing_with_or_without_marks():
    words = Keywords(["số tài khoản", "STK"], exact_case=["MB"])
    text = "SỐ  TÀI\u00a0KHOẢN, so tai khoan, stk, MB, mb, MBX, xSTK"
    assert [text[s:e] for s, e in words.spans(text)] == [
        "SỐ  TÀI\u00a0KHOẢN", "so tai khoan", "stk", "MB"]
    assert Keywords(["viết"], loose=False).spans("viet") == []
    assert Keywords(["dịch"], exclude=["dịch vụ"]).found("dịch vụ công, dịch giúp") == ["dịch"]


def test_mapped_text_maps_composed_offsets_back():
    original = "Mo\u0302\u0323t ha\u0300ng"
    mapped = MappedText(original)
    assert mapped.text == "Một hàng"
    start, end = mapped.original_span(4, 8)
    assert original[start:end] == "ha\u0300ng"
    assert strip_marks("Đường dây nóng") == "Duong day nong"
