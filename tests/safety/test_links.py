"""check_link: official hosts, every warning sign, what people type, and its two errors."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.errors import InputError
from literacy_kit.safety import LINK_FLAGS, check_link, find_links


@pytest.mark.parametrize("text", [
    "dichvucong.gov.vn", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
    "DichVuCong.Gov.VN.", "  https:// dichvucong . gov . vn :443/ ", "dichvucong.gov.vn:8443",
    "bacninh.gov.vn", "vneid.gov.vn", "cskh.evn.com.vn", "https://www.vietcombank.com.vn/",
    "tinnhiemmang.vn", "\u201cdichvucong.gov.vn\u201d", "(dichvucong.gov.vn).",
])
def test_official_hosts_have_no_flags(text):
    report = check_link(text)
    assert report.official and report.flags == ()


@pytest.mark.parametrize("text, flag, site", [
    ("dichvucong-gov.vn", "lookalike", "dichvucong-gov.vn"),
    ("dichvucong.gov.vn.com", "lookalike", "vn.com"),
    ("https://vietcombank.com.vn.xacthuc-tk.top/dang-nhap", "lookalike", "xacthuc-tk.top"),
    ("msb.vn-cvs.top", "lookalike", "vn-cvs.top"),
    ("vietc0mbank.com.vn", "lookalike", "vietc0mbank.com.vn"),
    ("agribank-diemthuong.top", "lookalike", "agribank-diemthuong.top"),
    ("vneid-gov.top", "lookalike", "vneid-gov.top"),
    ("vietc\u043embank.com", "punycode", "vietc\u043embank.com"),
    ("xn--vitcombank-m7a.com", "punycode", None),
    ("http://203.0.113.7/login", "ip_host", "203.0.113.7"),
    ("http://[2001:db8::1]:8080/x", "ip_host", None),
    ("bit.ly/qua-tang-2-9", "shortener", "bit.ly"),
    ("https://dichvucong.gov.vn@login-portal.top/", "userinfo", "login-portal.top"),
    ("http://dichvucong.gov.vn", "not_https", "dichvucong.gov.vn"),
    ("vneid-capnhat.com/VNeID.apk", "apk", "vneid-capnhat.com"),
    ("https://tai-app.top/download/etax.APK?v=2", "apk", None),
])
def test_each_warning_sign(text, flag, site):
    report = check_link(text)
    assert flag in report.flags
    assert report.flags == tuple(f for f in LINK_FLAGS if f in report.flags)
    if site is not None:
        assert report.site == site


def test_userinfo_reads_the_real_host_after_the_at_sign():
    report = check_link("dichvucong.gov.vn@login-portal.top/x")
    assert report.host == "login-portal.top" and not report.official


def test_official_host_over_http_is_official_but_flagged():
    report = check_link("http://dichvucong.gov.vn")
    assert report.official and report.flags == ("not_https",)


def test_punycode_host_is_shown_in_letters_and_looked_up_in_xn_form():
    report = check_link("vietc\u043embank.com")
    assert report.ascii_host.startswith("xn--")
    assert report.host == "vietc\u043embank.com"
    assert check_link(report.ascii_host).host == report.host


def test_nfd_and_nfc_links_read_the_same():
    word = "https://qu\u00e0-t\u1eb7ng.top/nh\u1eadn"
    assert check_link(word) == check_link(unicodedata.normalize("NFC", word))
    assert check_link(unicodedata.normalize("NFD", word)).host == check_link(word).host


def test_a_link_inside_words_is_found():
    assert check_link("Bấm vào đây: bit.ly/abc nhé").host == "bit.ly"


@pytest.mark.parametrize("text, code", [
    ("", "link.empty"), ("   \n ", "link.empty"), (None, "link.empty"), ("\u200b", "link.empty"),
    ("xin chào bà con", "link.not_a_link"), ("hello world", "link.not_a_link"),
    ("javascript:alert(1)", "link.not_a_link"), ("mailto:a@b.vn", "link.not_a_link"),
    ("ftp://files.example.com", "link.not_a_link"), ("12345", "link.not_a_link"),
    ("localhost", "link.not_a_link"), ("a..b.com", "link.not_a_link"),
])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_errors_have_a_message_in_both_languages(text, code, lang):
    with pytest.raises(InputError) as info:
        check_link(text)
    assert info.value.code == code
    message = info.value.message(lang)
    assert message and not message.startswith("errors.")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_flag_has_an_explanation_naming_the_site(lang):
    report = check_link("http://dichvucong.gov.vn@vietcombank-xacthuc.top/app.apk")
    assert set(report.flags) == {"lookalike", "userinfo", "not_https", "apk"}
    texts = report.explanations(lang)
    assert len(texts) == 4 and not any(text.startswith("safety.") for text in texts)
    assert "vietcombank-xacthuc.top" in texts[0] and "Vietcombank" in texts[0]
    assert "vietcombank-xacthuc.top" in report.verdict(lang)


def test_verdicts_differ_for_official_risky_and_unknown():
    verdicts = {check_link(link).verdict("en") for link in
                ("dichvucong.gov.vn", "dichvucong-gov.vn", "honey-shop.vn")}
    assert len(verdicts) == 3


def test_find_links_skips_emails_and_abbreviations():
    text = "Liên hệ an@gmail.com ở TP.HCM, xem vneid-gov.top hoặc https://bit.ly/x."
    assert [text[s:e] for s, e in find_links(text)] == ["vneid-gov.top", "https://bit.ly/x"]
