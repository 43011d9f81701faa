"""The scam moment both ways, and the document wallet at level 1 and level 2."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.content import load
from literacy_kit.errors import InputError
from literacy_kit.i18n import t
from literacy_kit.vneid.widgets.simulator import VNeIDSimulator
from literacy_kit.vneid.logic.wallet import DocumentKind
from literacy_kit.testing import close_all, find_one, texts


@pytest.fixture(params=["vi", "en"])
def home(request):
    """A learner logged in at level 1, on the home screen."""
    view = VNeIDSimulator(lang=request.param, seed=31)
    view.restore({"account_status": "activated"})
    assert view.state.screen == "home"
    yield view
    close_all(view)


def tap(sim, name: str) -> None:
    find_one(sim, w.Button, css=f"lk-vneid-{name}", visible_only=True).click()


def visible(sim, name: str) -> bool:
    button = find_one(sim, w.Button, css=f"lk-vneid-{name}")
    return button.layout.display != "none"


def page_texts(page_id: str, lang: str) -> list[str]:
    return [part.get(lang) for part in load("vneid_screens").pages[page_id].body]


def test_the_scam_sms_arrives_after_login(home):
    alert = find_one(home, w.HTML, css="lk-vneid-home-alert").value
    assert t("vneid.scam.sender", home.lang) in alert
    assert visible(home, "open-alert")
    assert find_one(home, w.Button, css="lk-vneid-nav-inbox").description == \
        t("vneid.nav.inbox", home.lang, count=len(home.account.inbox) + 1)
    tap(home, "open-alert")
    assert home.state.screen == "scam"
    sms = find_one(home, w.HTML, css="lk-vneid-scam-sms").value
    assert "http://" in sms and "lk-vneid-sms-scam" in sms


def test_tapping_the_link_only_shows_a_warning(home):
    tap(home, "open-alert")
    tap(home, "scam-link")
    assert home.state.scam_outcome == "fell_for_it"
    assert home.state.screen == "scam_warning"
    shown = texts(home.holder)
    for paragraph in page_texts("scam_warning", home.lang):
        assert paragraph in shown
    assert t("vneid.scam_warning.title", home.lang) in shown
    # Nothing "successful" happened to the account.
    assert home.state.level == 1 and home.account.level == 1
    assert home.current.message.message_text == ""


def test_refusing_is_praised_and_explained(home):
    tap(home, "open-alert")
    tap(home, "scam-refuse")
    assert home.state.scam_outcome == "refused"
    assert home.state.screen == "scam_refused"
    shown = texts(home.holder)
    assert t("vneid.scam_refused.title", home.lang) in shown
    for paragraph in page_texts("scam_refused", home.lang):
        assert paragraph in shown
    tap(home, "scam-refused-home")
    assert home.state.screen == "home"
    assert not visible(home, "open-alert")
    assert find_one(home, w.HTML, css="lk-vneid-home-alert").value == ""


def test_a_learner_who_fell_for_it_can_try_again(home):
    home.show_scam()
    home.open_scam_link()
    tap(home, "scam-retry")
    assert home.state.screen == "scam"
    tap(home, "scam-refuse")
    assert home.state.scam_outcome == "refused"


def test_the_scam_sms_can_be_opened_from_the_inbox(home):
    find_one(home, w.Button, css="lk-vneid-nav-inbox").click()
    listing = find_one(home, w.HTML, css="lk-vneid-inbox-list").value
    assert "lk-vneid-sms-scam" in listing
    tap(home, "inbox-open-scam")
    assert home.state.screen == "scam"


def test_no_scam_before_login():
    sim = VNeIDSimulator(seed=31)
    try:
        sim.go("inbox")
        assert not visible(sim, "inbox-open-scam")
        assert "lk-vneid-sms-scam" not in find_one(sim, w.HTML, css="lk-vneid-inbox-list").value
    finally:
        close_all(sim)


@pytest.mark.parametrize("kind", [kind.value for kind in DocumentKind])
def test_wallet_refuses_every_document_at_level_1(home, kind):
    tap(home, "open-wallet")
    note = find_one(home, w.HTML, css="lk-vneid-wallet-level2-note")
    assert note.layout.display == "none"
    tap(home, f"wallet-{kind}")
    assert home.current.message.message_text == InputError("wallet.needs_level2", level=1).message(home.lang)
    assert note.layout.display != "none"
    assert t("vneid.wallet.level2_in_person", home.lang) in note.value
    assert home.account.wallet.documents == ()
    assert t("vneid.wallet.none", home.lang) in find_one(home, w.HTML, css="lk-vneid-wallet-documents").value


def test_wallet_works_after_the_police_visit(home):
    assert home.visit_police()
    assert home.state.level == 2
    assert t("vneid.home.level", home.lang, level=2) in find_one(home, w.HTML, css="lk-vneid-home-level").value
    tap(home, "open-wallet")
    tap(home, "wallet-driving_licence")
    document = t("vneid.doc.driving_licence", home.lang)
    assert home.current.message.message_text == t("vneid.wallet.sent", home.lang, document=document)
    assert document in find_one(home, w.HTML, css="lk-vneid-wallet-documents").value
    assert find_one(home, w.HTML, css="lk-vneid-wallet-level2-note").layout.display == "none"
    tap(home, "wallet-driving_licence")
    assert home.current.message.message_text == InputError(
        "wallet.already_integrated", kind="driving_licence").message(home.lang)
