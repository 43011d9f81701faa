"""Property tests: the detector, redact, the rubric and the guard never raise on any string."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from literacy_kit.ai import (AssistantError, OfflineAssistant, check_prompt, find_personal_data,
                             redact, review_prompt)
from literacy_kit.ai.logic.data_files import load_data

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_DATA = load_data("personal_data")
KEYWORDS = sorted({w for key in ("otp", "bank_account", "cccd", "phone")
                   for field in ("words", "exact_case") for w in _DATA[key].get(field) or []}
                  | set(_DATA["units_after"]) | set(_DATA["words_before"]))

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)
digit_chars = st.sampled_from("0123456789\uff10\uff19\u0660\u0669")
separators = st.sampled_from([" ", ".", "-", "\u00a0", "\u2013", "(", ")", "+", "/", ":", ",",
                              "@", "\n", "  ", ") ", " (", "\u200b", "\u0301", "\u0303"])
digit_runs = st.lists(st.one_of(st.text(digit_chars, min_size=1, max_size=13), separators),
                      max_size=8).map("".join)
known_numbers = st.sampled_from(["0912 345 678", "+84 912 345 678", "027203012345",
                                 "0084912345678", "1903 4567 8901", "483920", "12/03/2024",
                                 "500.000", "2,5", "hoa@gmail.com", "[STK]", "[OTP]"])
keywords = st.sampled_from(KEYWORDS).flatmap(
    lambda w: st.sampled_from([w, w.upper(), unicodedata.normalize("NFD", w)]))
mixed_text = st.lists(st.one_of(any_text, digit_runs, known_numbers, keywords,
                                st.sampled_from([" ", ": ", "\n", " la ", " là "])),
                      max_size=12).map("".join)

vietnamese = st.text(alphabet=st.sampled_from(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ĐĂÂÊÔƠƯ 0123456789.-+()/:,@"), max_size=60)
vietnamese_mixed = st.lists(st.one_of(vietnamese, keywords, known_numbers), max_size=8).map("".join)


def check_findings(text: str) -> None:
    findings = find_personal_data(text)
    last_end = -1
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
        assert finding.start >= last_end
        last_end = finding.end


@SETTINGS
@given(any_text)
def test_find_never_raises_on_any_unicode(text):
    check_findings(text)


@SETTINGS
@given(mixed_text)
def test_find_never_raises_on_digits_and_keywords(text):
    check_findings(text)


@SETTINGS
@given(st.one_of(any_text, mixed_text), st.sampled_from(["vi", "en", "fr", ""]))
def test_redacted_text_holds_no_finding(text, lang):
    masked = redact(text, lang)
    assert isinstance(masked, str)
    assert find_personal_data(masked) == []


@SETTINGS
@given(vietnamese_mixed)
def test_nfd_input_finds_the_same_data_as_nfc(text):
    composed = unicodedata.normalize("NFC", text)
    decomposed = unicodedata.normalize("NFD", text)
    a = [(f.kind, f.text) for f in find_personal_data(composed)]
    b = [(f.kind, unicodedata.normalize("NFC", f.text)) for f in find_personal_data(decomposed)]
    assert a == b
    check_findings(decomposed)


@SETTINGS
@given(st.one_of(any_text, mixed_text), st.sampled_from(["vi", "en"]))
def test_review_never_raises_and_is_deterministic(text, lang):
    first, second = review_prompt(text, lang), review_prompt(text, lang)
    assert first == second
    assert 0 <= first.score <= first.max_score == 5
    assert first.improved_prompt.strip()
    assert find_personal_data(first.improved_prompt) == []


@SETTINGS
@given(st.one_of(any_text, mixed_text), st.booleans())
def test_guard_gives_a_prompt_or_the_projects_error(text, redact_personal):
    try:
        prompt = check_prompt(text, "vi", redact_personal=redact_personal)
    except AssistantError as err:
        assert err.message("vi") and err.message("en")
        return
    assert prompt and find_personal_data(prompt) == []
    reply = OfflineAssistant(redact_personal=redact_personal).reply(text, "en")
    assert reply.text and reply.lang == "en"
