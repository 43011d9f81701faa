"""check_portal_address: the real portal, and every kind of lookalike."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.services.logic.portal_address import REASONS, check_portal_address

EXAMPLES = [
    ("https://dichvucong.gov.vn", True, "official"),
    ("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", True, "official"),
    ("dichvucong.gov.vn", True, "official"),
    ("  HTTPS://DichVuCong.Gov.VN/ ", True, "official"),
    ("https://dichvucong.gov.vn.", True, "official"),
    ("https://dichvucong.gov.vn:443/dvc", True, "official"),
    ("https://www.dichvucong.gov.vn", True, "official"),
    ("https://dichvucong.bacninh.gov.vn", True, "official_provincial"),
    ("", False, "empty"),
    ("   \u200b", False, "empty"),
    (None, False, "empty"),
    ("javascript:alert(1)", False, "invalid"),
    ("ftp://dichvucong.gov.vn", False, "invalid"),
    ("dich vu cong", False, "invalid"),
    ("https://", False, "invalid"),
    ("https://dichvu_cong.gov.vn", False, "invalid"),
    ("https://dichvucong..gov.vn", False, "invalid"),
    ("https://dichvucong.gov.vn@login.example/nop-phi", False, "userinfo"),
    ("https://dichvuc\u043eng.gov.vn", False, "homograph"),          # Cyrillic o
    ("https://\u0441ichvucong.gov.vn", False, "homograph"),          # Cyrillic es
    ("https://d\u1ecbchvucong.gov.vn", False, "homograph"),          # a Vietnamese letter
    ("https://xn--dichvucng-8ve.gov.vn", False, "homograph"),
    ("http://dichvucong.gov.vn", False, "not_https"),
    ("http://dichvucong.bacninh.gov.vn", False, "not_https"),
    ("https://dichvucong.gov.vn.xyz", False, "extra_suffix"),
    ("https://dichvucong.gov.vn.login.example/thanh-toan", False, "extra_suffix"),
    ("dichvucong-gov.vn", False, "hyphen_trick"),
    ("https://dichvucong-gov.vn.example/nop-le-phi", False, "hyphen_trick"),
    ("https://dichvucong.gov-vn.com", False, "hyphen_trick"),
    ("https://dichvuc0ng.gov.vn", False, "lookalike_spelling"),
    ("https://dlchvucong.gov.vn", False, "lookalike_spelling"),
    ("https://dichvucongg.vn", False, "lookalike_spelling"),
    ("https://dichvuc0ng.example", False, "lookalike_spelling"),
    ("https://dvc-gov.com", False, "fake_gov"),
    ("https://dichvucong.com.vn", False, "fake_gov"),
    ("https://dichvucong-online.example", False, "fake_gov"),
    ("https://bacninh.gov.vn", False, "other_government"),
    ("https://chinhphu.vn.gov.vn", False, "other_government"),
    ("https://www.google.com", False, "unrelated"),
    ("zalo.me/abc", False, "unrelated"),
]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("typed, official, reason", EXAMPLES)
def test_examples(typed, official, reason, form):
    text = None if typed is None else unicodedata.normalize(form, typed)
    verdict = check_portal_address(text)
    assert (verdict.official, verdict.reason) == (official, reason)


def test_every_reason_is_reached_and_has_both_languages():
    assert {reason for _, _, reason in EXAMPLES} == set(REASONS)
    for reason in REASONS:
        for lang in ("vi", "en"):
            assert f"services.address.{reason}" in catalog(lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("typed", [e[0] for e in EXAMPLES])
def test_messages_name_the_host(typed, lang):
    verdict = check_portal_address(typed)
    text = verdict.message(lang)
    assert text and "{" not in text and verdict.reason_key in catalog(lang)
    if "{host}" in catalog(lang)[verdict.reason_key]:
        assert verdict.host in text


def test_government_flag():
    assert check_portal_address("https://bacninh.gov.vn").government
    assert check_portal_address("https://dichvucong.gov.vn").government
    assert not check_portal_address("https://dichvucong.gov.vn.xyz").government
    assert not check_portal_address("https://dichvuc\u043eng.gov.vn").government
