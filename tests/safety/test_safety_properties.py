"""Property tests: check_link and assess_message never raise anything but InputError, and
every span they report is a real slice of the input."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from literacy_kit.errors import InputError
from literacy_kit.safety import check_link, assess_message
from literacy_kit.safety.logic.data_files import read_data

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=120)
link_parts = st.sampled_from([
    "http://", "https://", "HTTPS://", "www.", "dichvucong", ".gov", ".vn", ".", "-", "@", ":",
    ":443", "/", "?", "#", "[", "]", "::1", "203.0.113.5", "xn--", "xn--80ak6aa92e", "bit.ly",
    ".apk", " ", "\u200b", "\u043e", "\u0301", "vietcombank", ".com", ".top", "..", "%", "\\",
    "javascript:", "mailto:", "ftp://", "\u00e0", "1", "a"])
linkish = st.lists(st.one_of(link_parts, st.text(max_size=4)), max_size=14).map("".join)
signals = read_data("signals")
words = sorted({w for entry in signals["flags"].values() for lang in ("vi", "en")
                for w in entry.get(lang) or ()})
messages = st.lists(st.one_of(any_text, linkish, st.sampled_from(words),
                              st.sampled_from([" ", ", ", ". ", "không ", "never ", "nếu "])),
                    max_size=10).map("".join)


def _check_link(text):
    try:
        report = check_link(text)
    except InputError as err:
        assert err.code in ("link.empty", "link.not_a_link")
        return
    assert report.host and report.site
    assert report.official in (True, False)
    for lang in ("vi", "en"):
        assert all(isinstance(s, str) for s in report.explanations(lang))


@SETTINGS
@given(any_text)
def test_check_link_on_any_text(text):
    _check_link(text)


@SETTINGS
@given(linkish)
def test_check_link_on_link_pieces(text):
    _check_link(text)
    _check_link(unicodedata.normalize("NFD", text))


@SETTINGS
@given(messages)
def test_assess_message_on_any_text(text):
    for form in (text, unicodedata.normalize("NFD", text)):
        try:
            report = assess_message(form)
        except InputError as err:
            assert err.code == "message.empty"
            continue
        for trigger in report.triggers:
            assert 0 <= trigger.start < trigger.end <= len(form)
            assert form[trigger.start:trigger.end] == trigger.text
        assert isinstance(report.suspicious, bool)
