"""Attachments: accepted types and sizes, and documents still missing."""
from __future__ import annotations

import re

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.services.logic.documents import (MB, Attachment, InvalidAttachment, check_attachment,
                                             check_documents, file_type, required_documents)
from literacy_kit.services.logic.procedures import get_procedure

NEWBORN = get_procedure("newborn")
RESIDENCE = get_procedure("temporary_residence")
BIRTH = NEWBORN.document("birth_certificate")


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


@pytest.mark.parametrize("attachment, kind", [
    (Attachment("giay_chung_sinh.pdf", 1000), "pdf"),
    (Attachment("ANH.JPG", 1000), "jpg"),
    (Attachment("anh.jpeg", 1000), "jpg"),
    (Attachment("scan.png ", 1000), "png"),
    (Attachment("IMG_0001", 1000, kind="image/jpeg"), "jpg"),
    (Attachment("tai_lieu", 1000, kind="application/pdf"), "pdf"),
    (Attachment("x.bin", 1000, kind=".PNG"), "png"),
    (Attachment("IMG_0002.HEIC", 1000), "heic"),
    (Attachment("no_extension", 1000), ""),
])
def test_file_type(attachment, kind):
    assert file_type(attachment) == kind


@pytest.mark.parametrize("attachment", [
    Attachment("giay_chung_sinh.pdf", 1), Attachment("ANH.JPG", 5 * MB), Attachment("a.jpeg", 300_000),
    Attachment("IMG_0001", 2 * MB, kind="image/png"),
])
def test_accepted_files(attachment):
    assert check_attachment(BIRTH, attachment) is None


@pytest.mark.parametrize("attachment, code, params", [
    (Attachment("anh.jpg", 0), "document.empty", {"name": "anh.jpg"}),
    (Attachment("anh.jpg", -5), "document.empty", {"name": "anh.jpg"}),
    (Attachment("video.mp4", 1000), "document.wrong_type", {"name": "video.mp4", "accepted": "PDF, JPG, PNG"}),
    (Attachment("IMG_0002.HEIC", 1000), "document.wrong_type", {"name": "IMG_0002.HEIC", "accepted": "PDF, JPG, PNG"}),
    (Attachment("anh", 1000), "document.wrong_type", {"name": "anh", "accepted": "PDF, JPG, PNG"}),
    (Attachment("anh.jpg", 5 * MB + 1), "document.too_large", {"name": "anh.jpg", "size_mb": "5.1", "max_mb": "5"}),
    (Attachment("anh.jpg", 12 * MB + MB // 3), "document.too_large", {"name": "anh.jpg", "size_mb": "12.4", "max_mb": "5"}),
])
def test_refused_files(attachment, code, params):
    with pytest.raises(InvalidAttachment) as caught:
        check_attachment(BIRTH, attachment)
    assert (caught.value.code, caught.value.params) == (code, params)
    assert_localized(caught.value)


def test_missing_and_bad_documents_all_at_once():
    problems = check_documents(NEWBORN, {"marriage_certificate": [Attachment("a.jpg", 10), Attachment("b.zip", 10)],
                                         "photo_of_cat": [Attachment("cat.jpg", 10)]})
    assert {k: e.code for k, e in problems.items()} == {
        "birth_certificate": "document.missing", "marriage_certificate": "document.wrong_type",
        "photo_of_cat": "document.unknown"}
    for error in problems.values():
        assert_localized(error)


def test_complete_documents():
    assert check_documents(NEWBORN, {"birth_certificate": [Attachment("a.jpg", 10)]}) == {}
    assert check_documents(NEWBORN, {"birth_certificate": [Attachment("a.jpg", 10)],
                                     "marriage_certificate": []}) == {}


@pytest.mark.parametrize("consent, needed", [
    ("vneid", {"residence_proof"}), ("paper", {"residence_proof", "consent_ct01"}), (None, {"residence_proof"}),
])
def test_conditional_document(consent, needed):
    values = {} if consent is None else {"head_consent": consent}
    assert required_documents(RESIDENCE, values) == needed
    problems = check_documents(RESIDENCE, {}, values)
    assert set(problems) == needed


def test_attachment_round_trip():
    attachment = Attachment("giay_chung_sinh.pdf", 420_000, "application/pdf")
    assert Attachment.from_dict(attachment.to_dict()) == attachment
    assert Attachment.from_dict({"name": "a.jpg", "size_bytes": 3}) == Attachment("a.jpg", 3)


@pytest.mark.parametrize("data", [
    None, [], {"name": "a.jpg"}, {"name": 3, "size_bytes": 3}, {"name": "a.jpg", "size_bytes": "3"},
    {"name": "a.jpg", "size_bytes": True}, {"name": "a.jpg", "size_bytes": 3, "kind": 5},
    {"name": "a.jpg", "size_bytes": 3, "virus": True},
])
def test_attachment_from_bad_data(data):
    with pytest.raises((TypeError, ValueError)):
        Attachment.from_dict(data)


def test_every_documented_code_has_both_languages():
    for code in re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", InvalidAttachment.__doc__):
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)
