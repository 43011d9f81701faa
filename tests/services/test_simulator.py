"""The public-services simulator through its seams: the whole filing, the office's days with a
request for more information, login and level rules, the lookalike message, save and restore."""
from __future__ import annotations

import pytest
from traitlets import TraitError

from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from literacy_kit.services.logic.application import Application
from literacy_kit.services.widgets.simulator import PortalSimulator
from literacy_kit.services.widgets.simulator_screens import SCREEN_CLASSES
from literacy_kit.services.widgets.simulator_state import PortalState
from literacy_kit.testing import close_all

from .filing_steps import FILES, TODAY, file_newborn, form_texts


@pytest.fixture
def sim():
    view = PortalSimulator(lang="vi", seed=41, today=TODAY)
    yield view
    close_all(view)


def message(sim) -> str:
    return sim.current.message.message_text


def test_the_family_and_account_are_synthetic_and_repeatable(sim):
    again = PortalSimulator(seed=41, today=TODAY)
    try:
        assert again.family == sim.family and sim.citizen == sim.family.mother
        assert sim.account.level == 2 and sim.state.level == 2
        assert sim.state.screen == "portal_home" and not sim.state.logged_in
    finally:
        close_all(again)


def test_filing_the_newborn_procedure_gives_a_file_code(sim):
    assert file_newborn(sim)
    app = sim.application
    assert sim.state.status == "submitted" and sim.state.screen == "status"
    assert sim.state.file_code == app.file_code and app.file_code.startswith("G01.27.01-250915-")
    assert app.values["child_name"] == sim.family.child.full_name
    assert {doc: [a.name for a in files] for doc, files in app.attachments.items()} == {
        doc: [name] for doc, name in FILES.items()}
    assert app.file_code in message(sim)
    assert sim.state.application == app.to_dict()


def test_prefilled_fields_come_from_the_population_database(sim):
    sim.log_in(sim.citizen.cccd, sim.password)
    sim.open_procedure("newborn")
    sim.file_online()
    form = sim.screen("form")
    person = sim.citizen
    assert form.prefilled["applicant_name"] == person.full_name
    assert form.prefilled["applicant_cccd"] == person.cccd
    assert form.prefilled["household_address"] == sim.family.address
    assert "applicant_name" not in form.fields  # read-only: no box to type into


def test_a_day_at_a_time_with_one_request_for_more_information(sim):
    file_newborn(sim)
    seen = []
    for _ in range(3):
        assert sim.next_day()
        seen.append(sim.state.status)
    assert seen == ["received", "processing", "needs_info"]
    assert not sim.next_day(), "the office waits for the citizen"
    assert sim.state.day == 4
    reason = sim.application.last_event
    assert reason.params == {"procedure": "newborn", "code": sim.state.file_code,
                             "reason": "document_unclear", "document": "birth_certificate"}
    sim.open_supplement()
    assert sim.state.screen == "documents"
    assert sim.attach("birth_certificate", "giay_chung_sinh_chup_lai.jpg")
    assert sim.application.attachments["birth_certificate"][0].name == "giay_chung_sinh.jpg"
    assert sim.documents_continue()
    assert sim.state.status == "submitted" and sim.state.screen == "status"
    assert sim.application.attachments["birth_certificate"][0].name == "giay_chung_sinh_chup_lai.jpg"
    for _ in range(3):
        sim.next_day()
    assert sim.state.status == "completed"
    sms = [text for _sender, text, channel in sim.sms_messages("vi")]
    assert len(sms) == 3 and all(text.isascii() for text in sms)
    assert all(sim.state.file_code in text for text in sms)


def test_without_a_request_for_information_the_result_comes_on_day_three():
    view = PortalSimulator(seed=42, today=TODAY, ask_for_info=False)
    try:
        file_newborn(view)
        for _ in range(3):
            view.next_day()
        assert view.state.status == "completed"
    finally:
        close_all(view)


def test_filing_online_asks_to_log_in_first_then_comes_back(sim):
    sim.open_procedure("newborn")
    assert not sim.file_online()
    assert sim.state.screen == "login"
    assert message(sim) == t("services_ui.login.first", "vi")
    assert sim.log_in(sim.citizen.cccd, sim.password)
    assert sim.state.screen == "procedure"


def test_a_wrong_password_is_explained_and_the_number_stays(sim):
    sim.open_login()
    assert not sim.log_in(sim.citizen.cccd, "not-the-password")
    assert message(sim) == InputError("account.wrong_password").message("vi")
    assert sim.screen("login").typed("cccd") == sim.citizen.cccd
    assert not sim.state.logged_in


def test_a_level_1_account_cannot_file_a_level_2_procedure():
    view = PortalSimulator(seed=43, today=TODAY, level=1)
    try:
        view.log_in(view.citizen.cccd, view.password)
        view.open_procedure("newborn")
        assert not view.file_online()
        assert view.current.message.message_text == t("services_ui.procedure.needs_level", "vi", level=2)
        assert view.application is None
    finally:
        close_all(view)


def test_a_fee_must_be_paid_before_submitting():
    view = PortalSimulator(seed=44, today=TODAY)
    try:
        view.log_in(view.citizen.cccd, view.password)
        view.open_procedure("household_business")
        assert view.file_online()
        view.fill_form(business_name="Mật ong Sơn Động", business_address=view.citizen.address,
                       business_line="Bán mật ong rừng", capital_vnd="50.000.000")
        assert view.finish_form()
        assert view.attach("premises_proof", "so_do_dat.pdf") and view.documents_continue()
        view.open_payment()
        assert not view.submit()
        assert view.current.message.message_text == InputError(
            "application.fee_unpaid", fee="100.000").message("vi")
        assert view.pay() and view.application.fee_paid == 100_000
        assert view.submit() and view.state.status == "submitted"
    finally:
        close_all(view)


def test_one_filed_application_at_a_time(sim):
    file_newborn(sim)
    code = sim.state.file_code
    sim.open_procedure("household_business")
    assert not sim.file_online()
    assert sim.state.screen == "status" and sim.state.file_code == code


def test_the_lookalike_message_arrives_after_login_and_both_answers_are_kept(sim):
    assert not sim.lookalike_arrived
    sim.log_in(sim.citizen.cccd, sim.password)
    assert sim.lookalike_arrived
    assert sim.check_address("https://dichvucong-gov.vn.example/nop-le-phi") is False
    assert sim.check_address("https://dichvucong.gov.vn") is True
    sim.open_lookalike()
    assert sim.state.screen == "lookalike_warning" and sim.state.scam_outcome == "fell_for_it"
    assert "dichvucong-gov.vn.example" in sim.address.value
    sim.refuse_lookalike()
    assert sim.state.screen == "lookalike_refused" and sim.state.scam_outcome == "refused"


def test_the_lookalike_scenario_can_be_left_out():
    view = PortalSimulator(seed=45, today=TODAY, lookalike=False)
    try:
        view.log_in(view.citizen.cccd, view.password)
        assert not view.lookalike_arrived
    finally:
        close_all(view)


def test_state_traits_refuse_unknown_values():
    state = PortalState()
    for name, value in [("screen", "nowhere"), ("level", 3), ("channel", "fax"),
                        ("procedure_id", "passport"), ("status", "lost"),
                        ("scam_outcome", "maybe"), ("day", -1)]:
        with pytest.raises(TraitError):
            setattr(state, name, value)
    assert set(SCREEN_CLASSES) >= {"portal_home", "login", "search", "procedure", "form",
                                   "documents", "review", "payment", "status", "vneid_home",
                                   "vneid_procedures", "vneid_level2", "vneid_passcode",
                                   "messages", "lookalike", "lookalike_warning", "lookalike_refused"}


def test_restore_replays_the_application_in_another_language(sim):
    file_newborn(sim)
    sim.next_day()
    saved = dict(sim.state.trait_values())
    again = PortalSimulator.from_state(saved, lang="en", seed=41, today=TODAY)
    try:
        assert again.state.status == "received" and again.state.file_code == sim.state.file_code
        assert again.state.screen == "status" and again.state.logged_in
        assert again.application.to_dict() == sim.application.to_dict()
        assert again.screen("form").values() == sim.screen("form").values()
        again.next_day()
        assert again.state.status == "processing"
    finally:
        close_all(again)


def test_an_altered_application_is_not_restored(sim):
    file_newborn(sim)
    saved = sim.state.application
    saved = {**saved, "file_code": "G01.27.01-250915-9999"}
    again = PortalSimulator.from_state({"application": saved, "screen": "status"}, seed=41,
                                       today=TODAY)
    try:
        assert again.application is None and again.state.status == ""
        assert again.state.screen == "search"  # no application to show
    finally:
        close_all(again)


def test_reset_forgets_everything_but_the_family(sim):
    file_newborn(sim)
    family = sim.family
    sim.reset()
    assert sim.family == family and sim.application is None
    assert sim.state.status == "" and not sim.state.logged_in and sim.state.screen == "portal_home"
    assert sim.state.application == {}


def test_a_made_up_application_in_the_same_shape_replays_like_the_simulators(sim):
    file_newborn(sim, values=form_texts(sim.family))
    data = sim.application.to_dict()
    assert Application.from_dict(data).to_dict() == data
