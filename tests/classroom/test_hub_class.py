"""End to end on a real JupyterHub with its proxy, Chromium in a phone viewport.

The trainer imports a roster and releases ``vneid``; three learners log in with their PINs
and hand in (one answers what they answer right, one half right, one nothing); the relay
grades each hand-in as it arrives; ``course collect/grade/feedback`` still work and grade
nothing twice; each learner sees their score and feedback; ``course report`` counts them.
Scores are read from the gradebook. One hub serves the whole module.
"""
from __future__ import annotations

import csv
import json
import time

import pytest

from classroom.hub_support import (PHONE, card_state, log_in, open_classroom, saved, server_pid,
                                   wrong_pin)
from literacy_kit.cli import main
from literacy_kit.course.course_dir import CourseDir
from literacy_kit.i18n import t
from literacy_kit.vneid.logic.registration import step_ids

pytestmark = [pytest.mark.hub, pytest.mark.browser]

TRUTH = {"level2_in_person": True, "level2_phone_link": False, "level2_wallet": True,
         "level2_at_home": False}
RIGHT_ORDER = list(step_ids())  # the sequence the simulator and the hidden test follow
INVALID = ["n2", "n4", "n6", "n7"]
OPTIONS = ["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"]
# hv01 answers questions 1-3 right and leaves the simulator (3 + 4 + 4 = 11 of 14);
# hv02 says "true" to every statement (2 of 4) and picks 3 right + 1 wrong (2 of 4) = 4;
# hv03 hands in without answering = 0.
EXPECTED = {"hv01": 11.0, "hv02": 4.0, "hv03": 0.0}


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    from classroom.course_setup import make_course

    course = make_course(tmp_path_factory.mktemp("hub"), gradebook=True)
    room = open_classroom(course)
    yield room
    room.hub.stop()


@pytest.fixture(scope="module")
def phones(chromium, classroom):
    contexts = {learner: chromium.new_context(**PHONE) for learner in EXPECTED}
    pages = {learner: context.new_page() for learner, context in contexts.items()}
    for page in pages.values():
        page.set_default_timeout(60_000)
    yield pages
    for context in contexts.values():
        context.close()


def step_texts() -> dict[str, str]:
    from literacy_kit.content import load

    ordering = load("vneid_exercise").orderings["level1_steps"]
    return {step_id: text.get("vi") for step_id, text in zip(ordering.step_ids, ordering.steps)}


def tap_statements(page, answers: dict[str, bool]) -> None:
    group = page.locator(".lk-graded-level2_in_person .lk-choice")
    for index, key in enumerate(TRUTH):
        group.nth(index).locator(".lk-choice-option").nth(0 if answers[key] else 1).click()


def tap_picks(page, picks: list[str]) -> None:
    options = page.locator(".lk-graded-invalid_ids .lk-choice-option")
    for pick in picks:
        options.nth(OPTIONS.index(pick)).click()


def tap_order(page) -> None:
    texts = step_texts()
    for step in RIGHT_ORDER:
        page.locator(".lk-graded-level1_steps .lk-ordering-pool-step", has_text=texts[step]).click()


def open_exercise(page) -> None:
    page.click(".lk-class-card-vneid .lk-class-open-link")
    page.wait_for_selector(".lk-class-handin-button", timeout=120_000)


def test_login_page_refuses_in_vietnamese_and_english(classroom, phones):
    page = phones["hv03"]
    page.goto(classroom.url)
    assert page.inner_text(".lk-login-title") == t("classroom.login_title", "vi")
    page.fill("#username_input", "hv99")
    page.fill("#password_input", "123456")
    page.click(".lk-login-submit")
    assert page.inner_text(".lk-login-error") == t("classroom.login_unknown_id", "vi", id="hv99")
    page.click(".lk-login-lang")
    assert page.inner_text(".lk-login-title") == t("classroom.login_title", "en")
    page.fill("#username_input", "hv03")
    page.fill("#password_input", wrong_pin(classroom.pins["hv03"]))
    page.click(".lk-login-submit")
    assert page.inner_text(".lk-login-error") == t("classroom.login_wrong_pin", "en", remaining=4)
    assert "Traceback" not in page.content()


def test_locked_id_is_refused_until_the_trainer_unlocks_it(classroom, phones):
    page = phones["hv03"]
    for _ in range(4):   # one wrong PIN already from the test above
        page.goto(classroom.url + "hub/login?lang=vi")
        page.fill("#username_input", "hv03")
        page.fill("#password_input", wrong_pin(classroom.pins["hv03"]))
        page.click(".lk-login-submit")
    assert page.inner_text(".lk-login-error") == t("classroom.login_locked", "vi")
    page.fill("#username_input", "hv03")
    page.fill("#password_input", classroom.pins["hv03"])
    page.click(".lk-login-submit")
    assert page.inner_text(".lk-login-error") == t("classroom.login_locked", "vi")
    assert main(["classroom", "unlock", "hv03", "--course", str(classroom.course)]) == 0


def test_three_learners_log_in_answer_by_tapping_and_hand_in(classroom, phones):
    for learner, page in phones.items():   # three phones log in at once
        log_in(page, classroom, learner, wait=False)
    for learner, page in phones.items():
        page.wait_for_selector(".lk-class-card-vneid", timeout=120_000)
        assert card_state(page) == t("classroom.state_not_started", "vi")
        # learners never get JupyterLab, the classic notebook or a terminal
        for path in ("lab", "tree", "terminals/1"):
            assert page.request.get(f"{classroom.url}user/{learner}/{path}").status == 404
    a, b, c = phones["hv01"], phones["hv02"], phones["hv03"]
    for page in (a, b, c):
        open_exercise(page)
        assert page.locator(".jp-InputArea, .jp-CodeCell-input").count() == 0   # no code
    tap_order(a)
    tap_statements(a, TRUTH)
    tap_picks(a, INVALID)
    tap_statements(b, {key: True for key in TRUTH})
    tap_picks(b, ["n2", "n4", "n6", "n1"])
    # every tap is saved next to the learner's notebook at once. The kernel may still be
    # working through the taps (each save waits for the disk), and the reload below shuts
    # it down: wait until the last tap is saved.
    answers = saved(classroom, "hv01", timeout=60,
                    until=lambda a: sorted(a.get("invalid_ids", {}).get("selected", ())) == sorted(INVALID))
    assert sorted(answers["invalid_ids"]["selected"]) == sorted(INVALID)
    assert answers["level1_steps"]["placed"] == RIGHT_ORDER
    # closing the phone and coming back: the answers are still there
    a.reload()
    a.wait_for_selector(".lk-class-handin-button", timeout=120_000)
    assert a.locator(".lk-graded-invalid_ids .lk-choice-option").count() == 8
    for page in (a, b):
        page.click(".lk-class-handin-button")
        page.wait_for_selector(".lk-class-message-ok", timeout=60_000)
        assert "Mã biên nhận" in page.inner_text(".lk-class-handin .lk-class-message")
    # nothing answered: the button asks first
    c.click(".lk-class-handin-button")
    assert c.inner_text(".lk-class-handin-question") == t("classroom.handin_confirm_empty", "vi")
    c.click(".lk-class-handin-yes")
    c.wait_for_selector(".lk-class-message-ok", timeout=60_000)


def scores(course) -> dict[str, float]:
    with CourseDir(course).gradebook() as gradebook:
        return {learner: float(gradebook.find_submission("vneid", learner).score)
                for learner in EXPECTED}


def test_hand_ins_are_graded_as_they_arrive(classroom, phones):
    deadline = time.monotonic() + 90
    while True:
        try:
            got = scores(classroom.course)
            if got == EXPECTED:
                break
        except Exception:
            got = None
        assert time.monotonic() < deadline, f"not graded within 90 s: {got}"
        time.sleep(2)
    for learner, page in phones.items():
        page.click(".lk-class-back a")
        page.wait_for_selector(".lk-class-card-vneid")
        end = time.monotonic() + 60
        while "điểm" not in card_state(page) and time.monotonic() < end:
            page.reload()
            page.wait_for_selector(".lk-class-card-vneid")
        points = str(int(EXPECTED[learner])) if EXPECTED[learner].is_integer() else str(EXPECTED[learner])
        assert card_state(page).startswith(t("classroom.state_graded", "vi", score=points, max_score="14"))


def test_trainer_commands_still_work_and_grade_nothing_twice(classroom, capsys):
    course = str(classroom.course)
    journal = classroom.course / ".literacy-kit" / "grade-vneid.json"
    before = json.loads(journal.read_text())
    assert main(["course", "collect", "vneid", "--course", course]) == 0
    assert main(["course", "grade", "vneid", "--course", course, "--lang", "en"]) == 0
    assert json.loads(journal.read_text()) == before     # every hand-in was graded already
    assert main(["course", "feedback", "vneid", "--course", course]) == 0
    assert scores(classroom.course) == EXPECTED
    assert main(["course", "report", "--course", course]) == 0
    with open(classroom.course / "reports" / "results.csv", encoding="utf-8-sig") as handle:
        rows = {row[0]: row for row in list(csv.reader(handle))[1:]}
    for learner, expected in EXPECTED.items():
        # id, name, village, role, then the vneid score
        assert float(rows[learner][4].replace(",", ".")) == expected


def test_each_learner_opens_their_own_feedback(classroom, phones):
    for learner, page in phones.items():
        page.reload()
        page.wait_for_selector(".lk-class-card-vneid .lk-class-feedback-button", timeout=60_000)
        page.click(".lk-class-card-vneid .lk-class-feedback-button")
        frame = page.frame_locator(".lk-class-feedback-frame")
        body = frame.locator("body").inner_text(timeout=30_000)
        assert "HIDDEN TESTS" not in body and "Traceback" not in body
        assert "14" in body
        page.click(".lk-class-feedback-back")


def test_learner_server_runs_fenced(classroom):
    import sqlite3

    db = sqlite3.connect(classroom.state.hub / "jupyterhub.sqlite")
    states = [json.loads(row[0] or "{}") for row in db.execute(
        "select s.state from spawners s join users u on s.user_id = u.id where u.name = 'hv02'")]
    db.close()
    pid = next(state["pid"] for state in states if state.get("pid"))
    environ = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
    assert b"LK_CLASSROOM_FENCED=1" in environ
    assert "NoNewPrivs:\t1" in open(f"/proc/{pid}/status").read()


# -- faults --------------------------------------------------------------------------------

def test_handing_in_again_replaces_the_earlier_copy(classroom, phones):
    page = phones["hv02"]
    page.goto(classroom.url + "user/hv02/voila/render/exercise.ipynb?assignment=vneid")
    page.wait_for_selector(".lk-class-handin-button", timeout=120_000)
    first = (classroom.course / "submitted" / "hv02" / "vneid" / "timestamp.txt").read_text()
    page.click(".lk-class-handin-button")
    page.wait_for_selector(".lk-class-message-ok", timeout=60_000)
    journal = classroom.course / ".literacy-kit" / "grade-vneid.json"
    deadline = time.monotonic() + 90
    while json.loads(journal.read_text())["hv02"]["timestamp"] == first:
        assert time.monotonic() < deadline, "the second hand-in was not graded"
        time.sleep(2)
    second = (classroom.course / "submitted" / "hv02" / "vneid" / "timestamp.txt").read_text()
    assert second != first and json.loads(journal.read_text())["hv02"]["timestamp"] == second
    assert scores(classroom.course) == EXPECTED   # one submission per learner in the gradebook


def test_an_expired_session_asks_to_log_in_again_and_goes_back(chromium, classroom):
    context = chromium.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(classroom.url + "user/hv01/voila/render/home.ipynb")
        assert page.inner_text(".lk-login-note") == t("classroom.login_session_expired", "vi")
        page.fill("#username_input", "hv01")
        page.fill("#password_input", classroom.pins["hv01"])
        page.click(".lk-login-submit")
        page.wait_for_selector(".lk-class-card-vneid", timeout=120_000)
        assert "/user/hv01/" in page.url
    finally:
        context.close()


def test_a_killed_server_comes_back_with_the_answers(classroom, phones):
    import os
    import signal

    page = phones["hv01"]
    before = saved(classroom, "hv01")
    pid = server_pid(classroom, "hv01")
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            time.sleep(0.5)
        except ProcessLookupError:
            break
    # the learner taps "continue": the hub starts the server again by itself
    page.goto(classroom.url + "user/hv01/voila/render/exercise.ipynb?assignment=vneid")
    page.wait_for_selector(".lk-class-handin-button", timeout=120_000)
    assert saved(classroom, "hv01") == before
    assert "Traceback" not in page.content()


def test_a_kernel_lost_under_an_open_page_brings_the_page_back_once(classroom, phones):
    import psutil

    page = phones["hv01"]
    page.goto(classroom.url + "user/hv01/voila/render/exercise.ipynb?assignment=vneid")
    page.wait_for_selector(".lk-class-handin-button", timeout=120_000)
    before = saved(classroom, "hv01")
    loads = []
    page.on("load", lambda *_: loads.append(time.monotonic()))
    server = psutil.Process(server_pid(classroom, "hv01"))
    kernels = [p for p in server.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
    assert kernels
    for kernel in kernels:
        kernel.kill()
    # the page loads itself again, says so in the learner's language, answers all there
    notice = page.locator(".lk-class-restart-notice")
    notice.wait_for(state="visible", timeout=120_000)
    assert notice.inner_text() == t("classroom.restart_notice", "vi")
    page.wait_for_selector(".lk-class-handin-button", timeout=120_000)
    assert page.locator(".lk-graded-invalid_ids .lk-choice-option").count() == 8
    assert saved(classroom, "hv01") == before
    page.wait_for_timeout(5000)
    assert len(loads) == 1, "the page reloaded more than once"
    assert "Traceback" not in page.content()


def test_a_hub_restart_during_class_loses_nothing(classroom, phones):
    from literacy_kit.classroom.serve import start_hub

    port = int(classroom.url.rsplit(":", 1)[1].strip("/"))
    classroom.hub.stop()
    classroom.hub = start_hub(classroom.state, "127.0.0.1", port)
    assert classroom.hub.ready(timeout=90)
    page = phones["hv02"]
    page.goto(classroom.url + "user/hv02/voila/render/home.ipynb")   # same cookie: still logged in
    page.wait_for_selector(".lk-class-card-vneid", timeout=120_000)
    assert card_state(page).startswith(t("classroom.state_graded", "vi", score="4", max_score="14"))
    assert scores(classroom.course) == EXPECTED


# -- the hub's own pages ---------------------------------------------------------------------

def test_the_hub_pages_a_learner_meets_are_vietnamese_first_with_big_buttons(classroom, phones):
    page = phones["hv03"]
    page.goto(classroom.url + "hub/no-such-page")
    title = page.locator(".lk-hub-title")
    assert title.inner_text() == t("classroom.hub_error_not_found", "vi")
    assert page.locator(".lk-hub-home").bounding_box()["height"] >= 48
    page.click(".lk-hub-lang")
    assert title.inner_text() == t("classroom.hub_error_not_found", "en")
    page.click(".lk-hub-lang")
    assert title.inner_text() == t("classroom.hub_error_not_found", "vi")
    assert "Traceback" not in page.content() and "moons" not in page.content()


def test_a_learner_whose_server_is_starting_sees_it_in_vietnamese_then_lands_home(classroom, phones):
    page = phones["hv03"]
    page.goto(classroom.url + "hub/home")
    xsrf = next(c["value"] for c in page.context.cookies()
                if c["name"] == "_xsrf" and c["path"].startswith("/hub"))
    api = f"{classroom.url}hub/api/users/hv03/server"
    assert page.request.delete(api, headers={"X-XSRFToken": xsrf}).status in (202, 204)
    deadline = time.monotonic() + 60
    while server_pid(classroom, "hv03") is not None:
        assert time.monotonic() < deadline, "the server did not stop"
        time.sleep(0.5)
    seen = {}

    def keep(response):
        for kind, part in (("pending", "/hub/spawn-pending/"), ("stopped", "/hub/user/hv03/")):
            if part in response.url and response.request.resource_type == "document":
                seen[kind] = response.text()
    page.on("response", keep)
    try:
        page.goto(classroom.url + "hub/user/hv03/voila/render/home.ipynb")
        page.wait_for_selector(".lk-class-card-vneid", timeout=120_000)
    finally:
        page.remove_listener("response", keep)
    assert "/user/hv03/" in page.url
    # not running: the page said so in Vietnamese (English on the toggle) and started it again
    assert t("classroom.hub_not_running_title", "vi") in seen["stopped"]
    assert t("classroom.hub_not_running_title", "en") in seen["stopped"]
    assert "Traceback" not in seen["stopped"] and "Server not running" not in seen["stopped"]
    if "pending" in seen:   # shown when the start takes over a second (most of the time)
        assert t("classroom.hub_starting_title", "vi") in seen["pending"]
        assert "Your server is starting" not in seen["pending"]
