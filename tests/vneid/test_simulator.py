"""The VNeID simulator driven from Python as a learner would: find widgets by their ``lk-*``
classes, type into boxes, tap buttons; assert on the state traits and on what is shown."""
from __future__ import annotations

import re

import ipywidgets as w
import pytest

from literacy_kit.i18n import t
from literacy_kit.vneid.widgets.simulator import SCREEN_CLASSES, VNeIDSimulator
from literacy_kit.testing import close_all, find, find_one, texts

PASSWORD = "Lang$on2025"
PASSCODE = "582731"


@pytest.fixture
def sim():
    view = VNeIDSimulator(lang="vi", seed=11)
    yield view
    close_all(view)


def box(sim, field: str) -> w.Text:
    """The text box of field ``field`` on the screen on show."""
    holder = find_one(sim, css=f"lk-vneid-field-{field}")
    return find_one(holder, w.Text, css="lk-field-input")


def type_into(sim, field: str, text: str) -> None:
    box(sim, field).value = text


def tap(sim, name: str) -> None:
    find_one(sim, w.Button, css=f"lk-vneid-{name}", visible_only=True).click()


def shown(sim) -> str:
    """Every visible text of the phone's current screen."""
    return texts(sim.holder)


def message(sim) -> str:
    """The message line of the screen on show ('' when hidden)."""
    return sim.current.message.message_text


def register_by_taps(sim, method: str = "tap-nfc") -> None:
    person = sim.citizen
    tap(sim, "open-register")
    tap(sim, "intro-ok")
    type_into(sim, "cccd", person.cccd)
    type_into(sim, "phone", person.phone)
    tap(sim, "id-continue")
    tap(sim, method)
    tap(sim, "details-continue")
    tap(sim, "take-portrait")
    tap(sim, "portrait-continue")
    tap(sim, "email-continue")
    tap(sim, "submit")


def activate_by_taps(sim) -> None:
    person = sim.citizen
    tap(sim, "wait-approval")
    tap(sim, "inbox-back")
    tap(sim, "open-activate")
    type_into(sim, "cccd", person.cccd)
    type_into(sim, "phone", person.phone)
    tap(sim, "request-otp")
    code = re.search(r"\b(\d{6})\b", find_one(sim, w.HTML, css="lk-vneid-otp-sms").value).group(1)
    type_into(sim, "otp", code)
    tap(sim, "verify-otp")
    type_into(sim, "password", PASSWORD)
    type_into(sim, "password_confirm", PASSWORD)
    tap(sim, "set-password")
    type_into(sim, "passcode", PASSCODE)
    type_into(sim, "passcode_confirm", PASSCODE)
    tap(sim, "set-passcode")
    type_into(sim, "answer1", "Kim \u0110\u1ed3ng")
    type_into(sim, "answer2", "Ph\u1edf")
    tap(sim, "set-security")


def test_starts_on_the_welcome_screen_marked_as_a_simulation(sim):
    assert sim.state.trait_values() == {
        "account_status": "not_registered", "level": 0, "screen": "welcome", "scam_outcome": "",
        "card_read": "", "portrait_taken": False, "logged_in": False}
    assert find_one(sim, css="lk-vneid-screen-welcome")
    assert t("core.phone.simulation", "vi") in find_one(sim, w.HTML, css="lk-phone-badge").value
    assert t("vneid.welcome.status.not_registered", "vi") in shown(sim)


def test_the_card_shows_the_synthetic_citizen(sim):
    card = find_one(sim, w.HTML, css="lk-vneid-card").value
    person = sim.citizen
    assert person.cccd in card and person.full_name in card
    assert person.date_of_birth.strftime("%d/%m/%Y") in card
    assert t("vneid.card.sample", "vi") in card
    phone = find_one(sim, w.HTML, css="lk-vneid-card-phone-box").value
    assert person.phone[:4] in phone


def test_same_seed_same_citizen():
    one, two = VNeIDSimulator(seed=5), VNeIDSimulator(seed=5)
    try:
        assert one.citizen == two.citizen
    finally:
        close_all(one)
        close_all(two)


def test_level1_registration_by_taps(sim):
    register_by_taps(sim)
    assert sim.state.account_status == "pending"
    assert sim.state.screen == "submitted"
    assert sim.state.card_read == "nfc" and sim.state.portrait_taken
    assert t("vneid.submitted.help", "vi") in shown(sim)


def test_qr_scan_reads_the_card_too(sim):
    register_by_taps(sim, method="scan-qr")
    assert sim.state.card_read == "qr"
    assert sim.state.account_status == "pending"


def test_approval_sms_arrives_in_the_inbox(sim):
    register_by_taps(sim)
    tap(sim, "wait-approval")
    assert sim.state.screen == "inbox"
    assert sim.state.account_status == "approved"
    sms = find(sim, w.HTML, css="lk-vneid-inbox-list")[0].value
    assert "VNeID" in sms and "lk-vneid-sms" in sms
    nav = find_one(sim, w.Button, css="lk-vneid-nav-inbox").description
    assert nav == t("vneid.nav.inbox", "vi", count=1)


def test_activation_then_login_shows_level_1(sim):
    register_by_taps(sim)
    activate_by_taps(sim)
    assert sim.state.account_status == "activated"
    assert sim.state.level == 1
    assert sim.state.screen == "login"
    assert message(sim) == t("vneid.security.done", "vi")
    type_into(sim, "cccd", sim.citizen.cccd)
    type_into(sim, "password", PASSWORD)
    tap(sim, "log-in")
    assert sim.state.screen == "home" and sim.state.logged_in
    level = find_one(sim, w.HTML, css="lk-vneid-home-level").value
    assert t("vneid.home.level", "vi", level=1) in level
    assert sim.citizen.full_name in shown(sim)


def test_nav_bar_opens_the_inbox_and_returns_to_the_same_screen(sim):
    tap(sim, "open-register")
    tap(sim, "intro-ok")
    type_into(sim, "cccd", "0270")
    find_one(sim, w.Button, css="lk-vneid-nav-inbox").click()
    assert sim.state.screen == "inbox"
    assert t("vneid.inbox.empty", "vi") in shown(sim)
    find_one(sim, w.Button, css="lk-vneid-nav-app").click()
    assert sim.state.screen == "id_entry"
    assert box(sim, "cccd").value == "0270"


@pytest.mark.parametrize("key", sorted(SCREEN_CLASSES))
def test_every_screen_has_its_class_a_title_and_the_simulation_badge(sim, key):
    sim.go(key)
    assert find_one(sim, css=f"lk-vneid-screen-{key}")
    assert find_one(sim, w.HTML, css="lk-vneid-title").value.strip()
    assert find_one(sim, w.HTML, css="lk-phone-badge").value
    assert find_one(sim, w.HTML, css="lk-phone-note").value
    assert sim.state.screen == key


def test_every_button_is_touch_sized(sim):
    for key in SCREEN_CLASSES:
        sim.go(key)
        for button in find(sim, w.Button):
            assert button.layout.min_height == "48px", (key, button._dom_classes)


def test_switching_screens_keeps_one_screen_widget_per_key(sim):
    tap(sim, "open-register")
    first = sim.current
    sim.go("welcome")
    sim.go("intro")
    assert sim.current is first
    assert len(sim.holder.children) == 1
