"""A real classroom hub on loopback for the hub tests, and what phones do with it."""
from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from literacy_kit.classroom.pins import PinStore
from literacy_kit.classroom.serve import Hub, free_port, proxy_command, start_hub
from literacy_kit.classroom.state import ClassroomState
from literacy_kit.course.course_dir import CourseDir

PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True,
         "locale": "vi-VN"}


@dataclass
class Classroom:
    course: Path
    state: ClassroomState
    hub: Hub
    pins: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.hub.url


def require_proxy() -> None:
    from support import browser_required

    if proxy_command() is None:
        message = "configurable-http-proxy missing: sudo apt-get install -y node-configurable-http-proxy"
        if browser_required():
            pytest.fail(message + " (LK_REQUIRE_BROWSER is set)")
        pytest.skip(message)


def open_classroom(course: Path, release: tuple[str, ...] = ("vneid",)) -> Classroom:
    from literacy_kit.course.exchange import release as release_assignment

    require_proxy()
    for assignment in release:
        assert all(step.ok for step in release_assignment(CourseDir(course), assignment))
    state = ClassroomState(CourseDir(course))
    pins = PinStore(state.pins).issue(["hv01", "hv02", "hv03", "gv01"])
    hub = start_hub(state, "127.0.0.1", free_port())
    if not hub.ready(timeout=90):
        hub.stop(wait=5)
        raise AssertionError("hub did not start:\n" + hub.log.read_text()[-3000:])
    return Classroom(course, state, hub, pins)


def log_in(page, classroom: Classroom, learner: str, pin: str | None = None, wait: bool = True):
    page.goto(classroom.url + "hub/login")
    page.fill("#username_input", learner)
    page.fill("#password_input", classroom.pins[learner] if pin is None else pin)
    page.click(".lk-login-submit", no_wait_after=not wait)
    if wait:
        page.wait_for_selector(".lk-class-home .lk-class-card", timeout=120_000)


def card_state(page, assignment: str = "vneid") -> str:
    return page.inner_text(f".lk-class-card-{assignment} .lk-class-card-state")


def wrong_pin(pin: str) -> str:
    return "0" * len(pin) if pin != "0" * len(pin) else "1" * len(pin)


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+(?:,\d+)?", text)


def saved(classroom, learner: str, until=None, timeout: float = 10) -> dict:
    """The answers the learner's exercise page saved for ``vneid`` ({} if none within
    ``timeout`` s); with ``until``, once ``until(answers)`` holds (else the last read)."""
    path = classroom.state.home(learner) / "vneid" / "vneid_answers.json"
    deadline = time.monotonic() + timeout
    answers = {}
    while time.monotonic() < deadline:
        try:
            answers = json.loads(path.read_text())["answers"]
            if until is None or until(answers):
                return answers
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.3)
    return answers


#: The learner hv01's exercise page and home page, under the hub's address.
EXERCISE = "user/hv01/voila/render/exercise.ipynb?assignment=vneid"
HOME = "user/hv01/voila/render/home.ipynb"


def tap_an_answer_then_go_home(page, classroom) -> dict:
    """hv01 opens the exercise, taps an answer (saved on disk), goes home; the saved answers."""
    page.goto(classroom.url + EXERCISE)
    page.wait_for_selector(".lk-class-handin-button")
    page.locator(".lk-graded-invalid_ids .lk-choice-option").nth(1).click()
    answers = saved(classroom, "hv01")
    assert answers, "the tapped answer was not saved"
    page.goto(classroom.url + HOME)
    page.wait_for_selector(".lk-class-home .lk-class-card")
    return answers


def server_pid(classroom, learner: str) -> int | None:
    """The pid of the learner's server, as the hub recorded it."""
    db = sqlite3.connect(classroom.state.hub / "jupyterhub.sqlite")
    try:
        rows = db.execute("select s.state from spawners s join users u on s.user_id = u.id "
                          "where u.name = ?", (learner,)).fetchall()
    finally:
        db.close()
    pids = [json.loads(row[0] or "{}").get("pid") for row in rows]
    return next((pid for pid in pids if pid), None)
