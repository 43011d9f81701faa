"""Wrong inputs: a friendly message in the learner's language, and the typed text kept.
Also the language switch in the middle of the flow."""
from __future__ import annotations

import unicodedata

import ipywidgets as w
import pytest

from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from literacy_kit.vneid.widgets.simulator import VNeIDSimulator
from literacy_kit.testing import close_all, find_one, texts

LANGS = ("vi", "en")
PASSWORD = "Lang$on2025"


@pytest.fixture(params=LANGS)
def sim(request):
    view = VNeIDSimulator(lang=request.param, seed=21)
    yield view
    close_all(view)


def field(sim, name: str):
    return find_one(sim.holder, css=f"lk-vneid-field-{name}")


def box(sim, name: str) -> w.Text:
    return find_one(field(sim, name), w.Text, css="lk-field-input")


def field_message(sim, name: str) -> str:
    return find_one(field(sim, name), w.HTML, css="lk-field-message").value


def type_into(sim, name: str, text: str) -> None:
    box(sim, name).value = text


def tap(sim, name: str) -> None:
    find_one(sim, w.Button, css=f"lk-vneid-{name}", visible_only=True).click()


def message(sim) -> str:
    return sim.current.message.message_text


def error(code: str, lang: str, **params) -> str:
    return InputError(code, **params).message(lang)


def to_id_entry(sim) -> None:
    tap(sim, "open-register")
    tap(sim, "intro-ok")


def to_activation(sim) -> None:
    sim.restore({"account_status": "approved"})
    assert sim.state.screen == "activate"


def test_short_cccd_is_explained_and_kept(sim):
    to_id_entry(sim)
    type_into(sim, "cccd", "027 123")
    tap(sim, "id-continue")
    assert sim.state.screen == "id_entry"
    assert box(sim, "cccd").value == "027 123"
    expected = error("cccd.wrong_length", sim.lang, count=6, expected=12)
    assert expected in field_message(sim, "cccd")
    assert "lk-field-message-error" in field(sim, "cccd").message._dom_classes


def test_bad_phone_is_explained_and_kept(sim):
    to_id_entry(sim)
    type_into(sim, "cccd", sim.citizen.cccd)
    type_into(sim, "phone", "024 3825 1234")
    tap(sim, "id-continue")
    assert sim.state.screen == "id_entry"
    assert box(sim, "phone").value == "024 3825 1234"
    assert error("phone.landline", sim.lang) in field_message(sim, "phone")


def test_decomposed_and_spaced_input_is_accepted(sim):
    to_id_entry(sim)
    person = sim.citizen
    spaced = f"{person.cccd[:3]} {person.cccd[3:6]}.{person.cccd[6:]}"
    type_into(sim, "cccd", unicodedata.normalize("NFD", spaced))
    type_into(sim, "phone", "+84 " + person.phone[1:])
    tap(sim, "id-continue")
    assert sim.state.screen == "card_read"


def test_someone_elses_number_is_caught_by_the_card_reader(sim):
    to_id_entry(sim)
    other = "001087000042"
    type_into(sim, "cccd", other)
    type_into(sim, "phone", sim.citizen.phone)
    tap(sim, "id-continue")
    tap(sim, "tap-nfc")
    assert sim.state.screen == "card_read" and sim.state.card_read == ""
    assert message(sim) == t("vneid.card_read.mismatch", sim.lang, card=sim.citizen.cccd, typed=other)
    tap(sim, "card-back")
    assert box(sim, "cccd").value == other


def test_wrong_email_is_explained_and_kept(sim):
    sim.confirm_ids(cccd=sim.citizen.cccd, phone=sim.citizen.phone)
    sim.tap_nfc()
    sim.confirm_details()
    tap(sim, "portrait-continue")
    assert message(sim) == t("vneid.portrait.missing", sim.lang)
    sim.take_portrait()
    sim.confirm_portrait()
    type_into(sim, "email", "hoa@gmail")
    tap(sim, "email-continue")
    assert sim.state.screen == "email"
    assert box(sim, "email").value == "hoa@gmail"
    assert error("email.invalid", sim.lang) in field_message(sim, "email")


def test_submit_before_the_card_is_read(sim):
    sim.go("confirm")
    tap(sim, "submit")
    assert sim.state.account_status == "not_registered"
    assert message(sim) == t("vneid.card_read.not_read", sim.lang)


def test_activation_with_a_wrong_phone_keeps_both_numbers(sim):
    to_activation(sim)
    other = "0912345678" if sim.citizen.phone != "0912345678" else "0987654321"
    type_into(sim, "cccd", sim.citizen.cccd)
    type_into(sim, "phone", other)
    tap(sim, "request-otp")
    assert sim.state.screen == "activate"
    assert message(sim) == error("account.phone_mismatch", sim.lang)
    assert box(sim, "phone").value == other and box(sim, "cccd").value == sim.citizen.cccd


def test_wrong_otp_counts_down_and_keeps_the_code(sim):
    to_activation(sim)
    sim.request_otp(sim.citizen.cccd, sim.citizen.phone)
    code = sim.result
    wrong = "000000" if code != "000000" else "111111"
    type_into(sim, "otp", wrong)
    tap(sim, "verify-otp")
    assert sim.state.screen == "otp"
    assert box(sim, "otp").value == wrong
    assert message(sim) == error("account.otp_wrong", sim.lang, attempts_left=4)
    type_into(sim, "otp", "12 34")
    assert error("account.otp_wrong_length", sim.lang, count=4, expected=6) in field_message(sim, "otp")


def test_resend_gives_a_new_sms(sim):
    to_activation(sim)
    sim.request_otp(sim.citizen.cccd, sim.citizen.phone)
    tap(sim, "resend-otp")
    assert message(sim) == t("vneid.otp.resent", sim.lang)
    sms = find_one(sim, w.HTML, css="lk-vneid-otp-sms").value
    assert sim.result in sms
    assert sim.verify_otp(sim.result)


@pytest.fixture
def at_password(sim):
    to_activation(sim)
    sim.request_otp(sim.citizen.cccd, sim.citizen.phone)
    assert sim.verify_otp(sim.result)
    return sim


def test_weak_password_and_mismatch(at_password):
    sim = at_password
    type_into(sim, "password", "matkhau")
    assert error("password.length", sim.lang, count=7, min=8, max=20) in field_message(sim, "password")
    type_into(sim, "password", PASSWORD)
    type_into(sim, "password_confirm", PASSWORD + "x")
    tap(sim, "set-password")
    assert sim.state.screen == "password"
    assert error("password.mismatch", sim.lang) in field_message(sim, "password_confirm")
    assert box(sim, "password_confirm").value == PASSWORD + "x"


def test_birth_date_passcode_is_refused(at_password):
    sim = at_password
    sim.set_password(PASSWORD, PASSWORD)
    born = sim.citizen.date_of_birth.strftime("%d%m%y")
    type_into(sim, "passcode", born)
    type_into(sim, "passcode_confirm", born)
    tap(sim, "set-passcode")
    assert sim.state.screen == "passcode"
    assert box(sim, "passcode").value == born
    assert error("passcode.birth_date", sim.lang) in field_message(sim, "passcode")


def test_same_security_question_twice(at_password):
    sim = at_password
    sim.set_password(PASSWORD, PASSWORD)
    sim.set_passcode("582731", "582731")
    screen = sim.screen("security")
    screen.choose("favourite_food", "favourite_food")
    type_into(sim, "answer1", "Ph\u1edf")
    type_into(sim, "answer2", "B\u00fan")
    tap(sim, "set-security")
    assert sim.state.account_status == "approved"
    assert message(sim) == error("security.same_question", sim.lang)
    assert box(sim, "answer1").value == "Ph\u1edf"
    options = find_one(sim, w.Dropdown, css="lk-vneid-question-1").options
    assert t("vneid.security_q.favourite_food", sim.lang) in [label for label, _ in options]


def test_wrong_password_at_login(sim):
    sim.restore({"account_status": "activated"})
    sim.log_out()
    sim.open_login()
    type_into(sim, "cccd", sim.citizen.cccd)
    type_into(sim, "password", "Sai$Mat123")
    tap(sim, "log-in")
    assert sim.state.screen == "login" and not sim.state.logged_in
    assert message(sim) == error("account.wrong_password", sim.lang)
    assert box(sim, "password").value == "Sai$Mat123"


@pytest.mark.parametrize("button, key", [
    ("open-activate", "vneid.welcome.register_first"),
    ("open-login", "vneid.welcome.register_first"),
])
def test_steps_out_of_order_are_explained(sim, button, key):
    tap(sim, button)
    assert sim.state.screen == "welcome"
    assert message(sim) == t(key, sim.lang)


def test_registering_twice_is_explained(sim):
    sim.restore({"account_status": "pending"})
    sim.go("welcome")
    tap(sim, "open-register")
    assert message(sim) == t("vneid.welcome.already_registered", sim.lang)


def test_language_switch_mid_flow_keeps_values_and_retranslates():
    sim = VNeIDSimulator(lang="vi", seed=21)
    try:
        to_id_entry(sim)
        type_into(sim, "cccd", "027 12")
        type_into(sim, "phone", "0912 345 678")
        assert error("cccd.wrong_length", "vi", count=5, expected=12) in field_message(sim, "cccd")
        sim.lang = "en"
        assert box(sim, "cccd").value == "027 12"
        assert box(sim, "phone").value == "0912 345 678"
        assert error("cccd.wrong_length", "en", count=5, expected=12) in field_message(sim, "cccd")
        assert t("vneid.field.cccd", "en") in texts(sim.holder)
        assert t("vneid.continue", "en") in texts(sim.holder)
        assert t("vneid.card.heading", "en") in find_one(sim, w.HTML, css="lk-vneid-card").value
        assert t("core.phone.simulation", "en") in find_one(sim, w.HTML, css="lk-phone-badge").value
        assert find_one(sim, w.Button, css="lk-vneid-nav-app").description == t("vneid.nav.app", "en")
        # A screen built earlier, in Vietnamese, comes back in English.
        tap(sim, "id-back")
        assert t("vneid.intro.ok", "en") in texts(sim.holder)
        sim.lang = "vi"
        tap(sim, "intro-ok")
        assert box(sim, "cccd").value == "027 12"
        assert t("vneid.field.cccd", "vi") in texts(sim.holder)
    finally:
        close_all(sim)


def test_leaving_activation_half_way_resumes_at_the_step_reached(sim):
    to_activation(sim)
    sim.request_otp(sim.citizen.cccd, sim.citizen.phone)
    sim.verify_otp(sim.result)
    tap(sim, "nav-inbox")
    sim.go("welcome")
    tap(sim, "open-activate")
    assert sim.state.screen == "password"


def test_activating_before_approval_leads_to_the_waiting_screen(sim):
    sim.restore({"account_status": "pending"})
    sim.go("welcome")
    tap(sim, "open-activate")
    assert sim.state.screen == "submitted"
    assert message(sim) == t("vneid.welcome.not_approved_yet", sim.lang)
    tap(sim, "wait-approval")
    assert sim.state.account_status == "approved"
