"""The public-services tile in a real Chromium against the real kiosk: log in, find the newborn
procedure, fill the form, attach documents, submit, and see the file code and status.

Done as a visitor would: the values are read from the family's papers on screen, typed into
the boxes, files picked in the phone's list, buttons tapped by their ``lk-services-*`` classes.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from literacy_kit.services.logic.sample_files import sample_file, size_text
from support import ARTIFACTS

pytestmark = pytest.mark.browser


def screen(page, key: str):
    """Wait until the phone shows screen ``key`` and return its locator."""
    locator = page.locator(f".lk-services-screen-{key}")
    locator.wait_for(state="visible")
    return locator


def paper(page, name: str) -> str:
    return page.locator(f".lk-services-paper-{name}").inner_text().strip()


def type_into(scope, field: str, text: str) -> None:
    box = scope.locator(f".lk-services-field-{field} input")
    box.fill(text)
    box.press("Enter")


def tap(scope, name: str) -> None:
    scope.locator(f".lk-services-{name}").click()


def attach(scope, doc_id: str, name: str) -> None:
    """Pick file ``name`` in the slot's list (as the phone lists it), then tap Attach."""
    label = f"{name} ({size_text(sample_file(name).size_bytes)})"
    scope.locator(f".lk-services-doc-{doc_id}-picker select").select_option(label=label)
    tap(scope, f"attach-{doc_id}")


def test_file_a_birth_registration_by_touch_and_see_the_file_code(page, kiosk_server):
    page.goto(kiosk_server.url)
    page.locator(".lk-kiosk-tile-services").click()
    home = screen(page, "portal_home")
    assert t("core.phone.simulation", "vi") in page.locator(".lk-services .lk-phone-badge").inner_text()
    assert "https://dichvucong.gov.vn" in page.locator(".lk-services-address").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "services-home.png"))

    # Log in with the mother's (made-up) account, copied from the card beside the phone.
    cccd, password = paper(page, "cccd"), paper(page, "password")
    assert re.fullmatch(r"\d{12}", cccd), cccd
    tap(home, "open-login")
    login = screen(page, "login")
    type_into(login, "cccd", cccd)
    type_into(login, "password", password)
    tap(login, "log-in")

    search = screen(page, "search")
    type_into(search, "query", "khai sinh")
    tap(search, "search")
    tap(search, "result-newborn")
    tap(screen(page, "procedure"), "file-online")

    # Page 1: the birth registration form, from the birth notice and the parents' cards.
    form = screen(page, "form")
    assert cccd in form.locator(".lk-services-prefilled-applicant_cccd").inner_text()
    tap(form, "choice-applicant_relationship-mother")
    type_into(form, "child_birth_date", "31/02/2025")  # a slip: explained, text kept
    message = form.locator(".lk-services-field-child_birth_date .lk-field-message")
    message.wait_for(state="visible")
    expected = InputError("date.impossible", day=31, month=2, year=2025).message("vi")
    assert expected in message.inner_text()
    assert form.locator(".lk-services-field-child_birth_date input").input_value() == "31/02/2025"
    for field, item in [("child_name", "child_name"), ("child_sex", "child_sex"),
                        ("child_birth_date", "child_birth_date"),
                        ("child_birth_place", "child_birth_place"),
                        ("child_ethnicity", "child_ethnicity"), ("mother_name", "mother_name"),
                        ("mother_birth_date", "mother_birth_date"), ("mother_cccd", "mother_cccd"),
                        ("father_name", "father_name"), ("father_birth_date", "father_birth_date"),
                        ("father_cccd", "father_cccd")]:
        type_into(form, field, paper(page, item))
    form.locator(".lk-services-field-child_birth_date.lk-field-valid").wait_for()
    form.locator(".lk-flow-next").click()
    # Page 2: permanent residence; page 3: health insurance.
    form.locator(".lk-services-field-head_name").wait_for(state="visible")
    type_into(form, "head_name", paper(page, "head_name"))
    tap(form, "choice-relationship_to_head-child")
    form.locator(".lk-flow-next").click()
    form.locator(".lk-services-choice-insurance_delivery-vneid").wait_for(state="visible")
    tap(form, "choice-insurance_delivery-vneid")
    form.locator(".lk-flow-next").click()

    documents = screen(page, "documents")
    attach(documents, "birth_certificate", "anh_the.heic")  # a type the portal refuses
    documents.locator(".lk-services-doc-birth_certificate-status.lk-services-doc-error").wait_for()
    attach(documents, "birth_certificate", "giay_chung_sinh.jpg")
    documents.locator(".lk-services-doc-birth_certificate-status.lk-services-doc-ok").wait_for()
    attach(documents, "marriage_certificate", "giay_chung_nhan_ket_hon.pdf")
    documents.locator(".lk-services-doc-marriage_certificate-status.lk-services-doc-ok").wait_for()
    tap(documents, "documents-continue")

    review = screen(page, "review")
    assert paper(page, "child_name") in review.inner_text()
    tap(review, "review-continue")
    payment = screen(page, "payment")
    assert t("services_ui.fee.free", "vi") in payment.inner_text()
    tap(payment, "submit")

    status = screen(page, "status")
    code = status.locator(".lk-services-file-code").inner_text().strip()
    assert re.fullmatch(r"G01\.27\.01-\d{6}-\d{4}", code), code
    status.locator(".lk-services-status-submitted").wait_for()
    assert t("services.status.submitted", "vi") in status.locator(".lk-services-status").inner_text()
    page.screenshot(path=str(ARTIFACTS / "services-file-code.png"), full_page=True)
    tap(status, "next-day")
    status.locator(".lk-services-status-received").wait_for()
    # the timeline is redrawn after the status line (a later message): wait for its second
    # VNeID notice (one from filing, one from the office receiving it)
    expect(status.locator(".lk-services-notice-vneid").nth(1)).to_be_attached()
    assert page.js_errors == []
