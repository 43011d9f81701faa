"""The public-services simulator as a learner uses it, without a browser: find widgets by their
``lk-services-*`` classes, type into boxes, pick files, tap buttons; assert on what is shown."""
from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from literacy_kit.services.logic.documents import InvalidAttachment
from literacy_kit.services.widgets.simulator import PortalSimulator
from literacy_kit.testing import close_all, find, find_one, texts, walk

from .filing_steps import (TODAY, box, field_message, form_texts, tap, tap_next, type_into,
                           visible_buttons)


@pytest.fixture
def sim():
    view = PortalSimulator(lang="vi", seed=51, today=TODAY)
    yield view
    close_all(view)


def log_in_by_touch(sim) -> None:
    tap(sim, "open-login")
    type_into(sim, "cccd", sim.citizen.cccd)
    type_into(sim, "password", sim.password)
    tap(sim, "log-in")


def open_newborn_form(sim) -> None:
    log_in_by_touch(sim)
    type_into(sim, "query", "KHAI SINH")  # capitals and no tone marks still find it
    tap(sim, "search")
    tap(sim, "result-newborn")
    tap(sim, "file-online")
    assert sim.state.screen == "form"


def pick(sim, doc_id: str, file_name: str) -> None:
    find_one(sim.current, w.Dropdown, css=f"lk-services-doc-{doc_id}-picker").value = file_name
    tap(sim, f"attach-{doc_id}")


def doc_status(sim, doc_id: str) -> w.HTML:
    return find_one(sim.current, css=f"lk-services-doc-{doc_id}-status")


def test_the_phone_says_it_is_a_simulation_and_shows_the_real_address(sim):
    assert t("core.phone.simulation", "vi") in find_one(sim, css="lk-phone-badge").value
    assert "https://dichvucong.gov.vn" in find_one(sim, css="lk-services-address").value
    papers = find_one(sim, css="lk-services-papers")
    assert t("services_ui.papers.mark", "vi") in texts(papers)
    assert sim.family.child.full_name in texts(papers) and sim.password in texts(papers)


def test_a_whole_filing_by_touch(sim):
    open_newborn_form(sim)
    typed = form_texts(sim.family)
    pages = sim.screen("form").page_fields
    assert len(pages) == 3  # birth registration, residence (CT01), health insurance
    for page in pages:
        for field in page:
            if field in typed:
                type_into(sim, field, typed[field])
        tap_next(sim)
    assert sim.state.screen == "documents"
    pick(sim, "birth_certificate", "giay_chung_sinh.jpg")
    pick(sim, "marriage_certificate", "giay_chung_nhan_ket_hon.pdf")
    assert "lk-services-doc-ok" in doc_status(sim, "birth_certificate")._dom_classes
    tap(sim, "documents-continue")
    assert sim.state.screen == "review"
    assert sim.family.child.full_name in texts(sim.current)
    tap(sim, "review-continue")
    assert t("services_ui.payment.free", "vi") in texts(sim.current)
    tap(sim, "submit")
    assert sim.state.screen == "status"
    code = find_one(sim.current, css="lk-services-status-code").value
    assert sim.state.file_code and sim.state.file_code in code
    assert "lk-services-status-submitted" in texts(sim.current)
    tap(sim, "next-day")
    assert "lk-services-status-received" in texts(sim.current)
    assert "lk-services-event-received" in texts(sim.current)
    assert "lk-services-notice-vneid" in texts(sim.current)


def test_a_wrong_date_keeps_the_text_and_explains_in_each_language(sim):
    open_newborn_form(sim)
    type_into(sim, "child_birth_date", "31/02/2025")
    expected = InputError("date.impossible", day=31, month=2, year=2025)
    assert box(sim, "child_birth_date").value == "31/02/2025"
    assert expected.message("vi") in field_message(sim, "child_birth_date")
    sim.lang = "en"
    assert expected.message("en") in field_message(sim, "child_birth_date")
    assert box(sim, "child_birth_date").value == "31/02/2025"
    assert t("services_ui.form.title", "en") not in sim.current.title_html.value


def test_a_page_with_problems_does_not_let_the_learner_on(sim):
    open_newborn_form(sim)
    type_into(sim, "child_name", "Be 2")
    tap_next(sim)
    flow = sim.screen("form").flow
    assert flow.state.index == 0
    assert flow.state.message_key == "errors.application.invalid"
    assert InputError("name.digits").message("vi") in field_message(sim, "child_name")
    assert InputError("field.required").message("vi") in field_message(sim, "mother_name")
    assert box(sim, "child_name").value == "Be 2"


def test_a_rule_between_fields_sends_the_learner_back_to_its_page(sim):
    open_newborn_form(sim)
    typed = form_texts(sim.family)
    typed["mother_birth_date"] = "01/01/2025"  # the child cannot be born before its mother
    typed["child_birth_date"] = "01/12/2024"
    sim.fill_form(**{k: v for k, v in typed.items() if k in sim.screen("form").fields})
    for _ in range(3):
        tap_next(sim)
    form = sim.screen("form")
    assert sim.state.screen == "form" and form.flow.state.index == 0
    assert InputError("form.date_before", other_date="01/01/2025").message("vi") in \
        field_message(sim, "child_birth_date")


def test_choice_buttons_fill_the_box_in_the_learners_language(sim):
    open_newborn_form(sim)
    tap(sim, "choice-child_sex-female")
    assert box(sim, "child_sex").value == "Nữ"
    assert sim.screen("form").fields["child_sex"].state.value == "female"


def test_wrong_type_too_large_and_missing_documents_are_caught(sim):
    sim.log_in(sim.citizen.cccd, sim.password)
    sim.open_procedure("newborn")
    sim.file_online()
    sim.fill_form(**{k: v for k, v in form_texts(sim.family).items() if k in sim.screen("form").fields})
    assert sim.finish_form()
    pick(sim, "birth_certificate", "anh_the.heic")
    status = doc_status(sim, "birth_certificate")
    assert "lk-services-doc-error" in status._dom_classes
    assert InvalidAttachment("document.wrong_type", name="anh_the.heic",
                             accepted="PDF, JPG, PNG").message("vi") in status.value
    pick(sim, "birth_certificate", "giay_chung_sinh_scan.pdf")
    assert "30 MB" in doc_status(sim, "birth_certificate").value
    tap(sim, "documents-continue")
    assert sim.state.screen == "documents"
    assert InvalidAttachment("document.missing").message("vi") in doc_status(sim, "birth_certificate").value
    tap(sim, "documents-back")
    assert sim.state.screen == "form"
    kept = sim.screen("form").fields["child_name"].input.value
    assert kept == sim.family.child.full_name, "the form kept its text"


def test_language_switch_mid_flow_relabels_and_keeps_everything(sim):
    open_newborn_form(sim)
    type_into(sim, "child_name", "nguyễn văn hoà")
    sim.lang = "en"
    assert sim.current.lang == "en"
    assert "Next" in visible_buttons(sim) or "Finish" in visible_buttons(sim)
    assert find_one(sim, css="lk-services-nav-portal").description == t("services_ui.nav.portal", "en")
    assert box(sim, "child_name").value == "nguyễn văn hoà"
    assert t("services_ui.papers.mark", "en") in texts(find_one(sim, css="lk-services-papers"))


def test_the_lookalike_link_leads_only_to_a_warning(sim):
    log_in_by_touch(sim)
    tap(sim, "nav-messages")
    assert "lk-services-sms-lookalike" in texts(sim.current)
    tap(sim, "open-lookalike")
    type_into(sim, "address", "https://dichvucong-gov.vn.example/nop-le-phi")
    tap(sim, "check-address")
    assert "lk-services-verdict-lookalike" in texts(sim.current)
    tap(sim, "lookalike-open")
    assert sim.state.screen == "lookalike_warning" and sim.state.scam_outcome == "fell_for_it"
    assert "lk-services-address-lookalike" in find_one(sim, css="lk-services-address")._dom_classes
    assert not find(sim.current, w.Text), "nothing to type on the warning page"
    assert "22.000" in texts(sim.current)


def test_refusing_the_lookalike_is_praised(sim):
    log_in_by_touch(sim)
    sim.show_lookalike()
    tap(sim, "lookalike-refuse")
    assert sim.state.scam_outcome == "refused"
    assert t("services_ui.lookalike_refused.title", "vi") in sim.current.title_html.value


def test_temporary_residence_at_level_1_is_explained():
    view = PortalSimulator(lang="en", seed=52, today=TODAY, level=1)
    try:
        tap(view, "nav-vneid")
        assert find_one(view, css="lk-services-address").layout.display == "none"
        assert "lk-services-level-1" in texts(view.current)
        tap(view, "vneid-procedures")
        tap(view, "vneid-open-temporary_residence")
        assert view.state.screen == "vneid_level2"
        assert "only done in person at the commune police" in texts(view.current)
        tap(view, "visit-police")
        assert view.state.level == 2 and view.state.screen == "vneid_procedures"
    finally:
        close_all(view)


def test_temporary_residence_at_level_2_by_touch():
    view = PortalSimulator(lang="vi", seed=53, today=TODAY, level=2)
    try:
        landlord = view.landlord
        tap(view, "nav-vneid")
        tap(view, "vneid-procedures")
        tap(view, "vneid-open-temporary_residence")
        type_into(view, "passcode", "000000")
        tap(view, "confirm-passcode")
        assert view.state.screen == "vneid_passcode" and box(view, "passcode").value == ""
        type_into(view, "passcode", view.passcode)
        tap(view, "confirm-passcode")
        assert view.state.screen == "form" and view.state.channel == "vneid"
        for field, choice in [("request_for", "self"), ("household_kind", "existing"),
                              ("relationship_to_head", "tenant"), ("head_consent", "paper")]:
            tap(view, f"choice-{field}-{choice}")
        for field, text in [("temporary_address", landlord.address), ("head_name", landlord.full_name),
                            ("head_cccd", landlord.cccd), ("owner_name", landlord.full_name),
                            ("owner_cccd", landlord.cccd), ("stay_from", "01/09/2025"),
                            ("stay_months", "12")]:
            type_into(view, field, text)
        tap_next(view)
        assert view.state.screen == "documents"
        pick(view, "residence_proof", "hop_dong_thue_nha.pdf")
        tap(view, "documents-continue")
        # Consent on paper: the signed CT01 becomes required.
        assert view.state.screen == "documents"
        assert InvalidAttachment("document.missing").message("vi") in doc_status(view, "consent_ct01").value
        pick(view, "consent_ct01", "to_khai_CT01_da_ky.jpg")
        tap(view, "documents-continue")
        tap(view, "review-continue")
        tap(view, "pay")
        tap(view, "submit")
        assert view.state.status == "submitted" and view.application.fee_paid == 7000
    finally:
        close_all(view)


def test_close_closes_every_screen_and_forgets_what_was_typed(sim):
    open_newborn_form(sim)
    type_into(sim, "child_name", "Tên Riêng Tư")
    sim.next_page()
    widgets = list(walk(sim)) + [part for screen in sim._screens.values() for part in walk(screen)]
    sim.close()
    assert all(widget.comm is None for widget in widgets)
    left = [widget for widget in _instances.values() if isinstance(widget, w.Text)
            and widget.value in ("Tên Riêng Tư", sim.citizen.cccd)]
    assert left == []


def test_the_kiosk_reset_leaves_nothing_typed():
    from literacy_kit.kiosk.app import KioskApp
    from literacy_kit.kiosk.settings import KioskSettings

    app = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    try:
        view = app.open_tile("services")
        assert isinstance(view, PortalSimulator)
        view.open_login()
        type_into(view, "cccd", view.citizen.cccd)
        app.reset()
        assert app.screen is None
        assert [x for x in _instances.values() if isinstance(x, w.Text)
                and x.value == view.citizen.cccd] == []
        again = app.open_tile("services")
        assert again.seed != view.seed and again.state.screen == "portal_home"
    finally:
        app.home()
        app.close()
