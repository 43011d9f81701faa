"""The roster-and-PIN authenticator, called as JupyterHub calls it (no hub needed)."""
from __future__ import annotations

import asyncio
import concurrent.futures

import pytest

from literacy_kit.classroom.authenticator import LoginRefused, RosterPinAuthenticator, login_texts
from literacy_kit.classroom.pins import PinStore
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.course.course_dir import CourseDir
from literacy_kit.i18n import t


class Handler:
    def __init__(self, cookie=""):
        self.cookie = cookie

    def get_cookie(self, name, default=""):
        return self.cookie or default


@pytest.fixture
def setup(course):
    store = PinStore(ClassroomState(CourseDir(course)).pins)
    pins = store.issue(["hv01", "hv02", "gv01"])
    auth = RosterPinAuthenticator(course_root=str(course), trainers=["gv01"], max_failures=5)
    return auth, pins


def run(coroutine):
    """Run a coroutine on its own loop in a thread: an earlier test in this worker (a
    Playwright browser) may keep an event loop running in the main thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def login(auth, username, password, lang="vi", cookie=""):
    data = {"username": username, "password": password, "lang": lang}
    return run(auth.authenticate(Handler(cookie), data))


def refused(auth, *args, **kwargs) -> LoginRefused:
    with pytest.raises(LoginRefused) as info:
        login(auth, *args, **kwargs)
    assert info.value.status_code == 403
    return info.value


def test_right_pin_logs_in_with_the_roster_spelling(setup):
    auth, pins = setup
    assert login(auth, "HV01 ", pins["hv01"]) == {"name": "hv01", "admin": False}
    assert auth.normalize_username("Ｈｖ01") == "hv01"
    assert login(auth, "gv01", pins["gv01"])["admin"] is True


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_refusals_say_why_in_the_pages_language(setup, lang):
    auth, pins = setup
    wrong = "0" * 6 if pins["hv01"] != "0" * 6 else "1" * 6
    error = refused(auth, "hv01", wrong, lang=lang)
    assert error.key == "login_wrong_pin"
    assert error.jupyterhub_message == t("classroom.login_wrong_pin", lang, remaining=4)
    error = refused(auth, "hv77", "123456", lang=lang)
    assert error.jupyterhub_message == t("classroom.login_unknown_id", lang, id="hv77")
    assert refused(auth, "", "", lang=lang).key == "login_empty"
    assert refused(auth, "hv03", "123456", lang=lang).key == "login_no_pin"


def test_five_wrong_pins_lock_the_id_and_unlock_lets_it_in(setup):
    auth, pins = setup
    wrong = "0" * 6 if pins["hv02"] != "0" * 6 else "1" * 6
    keys = [refused(auth, "hv02", wrong).key for _ in range(5)]
    assert keys == ["login_wrong_pin"] * 4 + ["login_locked"]
    assert refused(auth, "hv02", pins["hv02"]).key == "login_locked"
    auth.store().unlock("hv02")
    assert login(auth, "hv02", pins["hv02"])["name"] == "hv02"


def test_language_comes_from_the_cookie_when_the_form_has_none(setup):
    auth, _ = setup
    with pytest.raises(LoginRefused) as info:
        run(auth.authenticate(Handler("en"), {"username": "zz", "password": "1"}))
    assert info.value.jupyterhub_message == t("classroom.login_unknown_id", "en", id="zz")


def test_login_page_texts_exist_in_both_languages():
    vi, en = login_texts("vi"), login_texts("en")
    assert vi.keys() == en.keys() >= {"title", "id_label", "pin_label", "button", "other_lang"}
    assert vi["button"] != en["button"]
