"""A learner's page whose kernel hangs while Voila runs the notebook loads itself again once.

On a real classroom hub, with Chromium in a phone viewport. A kernel that dies or hangs
after its first answer, while Voila runs the exercise notebook, leaves Voila's page stream
open for ever (Voila issue 1311: heartbeats, never the end of the page), so the page's own
script and its kernel watch never arrive. The template's backstop, in the page's head,
loads the page again when it has not become ready within the classroom's
``page_ready_limit`` (shortened here to :data:`LIMIT`).

The hang is made deterministic: the learner's saved answers file is swapped for a named
pipe, so the next exercise kernel, which has answered and is running the notebook, blocks
reading it (seen in ``/proc/<pid>/wchan``); the real file is then put back. The page must
reload once by itself, show the exercise with the saved answer and the "opened again"
notice, and not reload again.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import psutil
import pytest

from classroom.hub_support import (EXERCISE, PHONE, log_in, open_classroom, saved, server_pid,
                                   tap_an_answer_then_go_home)
from literacy_kit.i18n import t

pytestmark = [pytest.mark.hub, pytest.mark.browser]

#: The shortened "never ready" limit of this test's classroom, in seconds: above an ordinary
#: exercise open under CI load (about 5 s quiet), far below the default.
LIMIT = 15


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    from classroom.course_setup import make_course

    course = make_course(tmp_path_factory.mktemp("hub"))
    with (course / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(f"\nc.ClassroomSettings.page_ready_limit = {LIMIT}\n")
    room = open_classroom(course)
    yield room
    room.hub.stop()


def reading_the_pipe(server: psutil.Process) -> int | None:
    """The pid of a process of the learner's server blocked opening a named pipe."""
    try:
        children = server.children(recursive=True)
    except psutil.Error:
        return None
    for child in children:
        try:
            if Path(f"/proc/{child.pid}/wchan").read_text().strip() == "wait_for_partner":
                return child.pid
        except OSError:
            pass
    return None


def test_a_page_whose_kernel_hangs_mid_run_loads_itself_again_once(classroom, chromium):
    context = chromium.new_context(**PHONE)
    phone = context.new_page()
    phone.set_default_timeout(120_000)
    hung = None
    try:
        log_in(phone, classroom, "hv01")
        before = tap_an_answer_then_go_home(phone, classroom)

        answers = classroom.state.home("hv01") / "vneid" / "vneid_answers.json"
        kept = answers.with_name("kept.json")
        os.replace(answers, kept)
        os.mkfifo(answers)
        opened = []
        phone.on("request", lambda request: opened.append(time.monotonic())
                 if request.is_navigation_request() and "exercise.ipynb" in request.url else None)
        server = psutil.Process(server_pid(classroom, "hv01"))
        start = time.monotonic()
        phone.goto(classroom.url + EXERCISE, wait_until="commit")
        while hung is None and time.monotonic() - start < LIMIT:
            hung = reading_the_pipe(server)
            time.sleep(0.05)
        assert hung, "the exercise kernel never reached the answers file"
        os.replace(kept, answers)   # the next kernel reads the saved answers again
        assert phone.locator(".lk-class-handin-button").count() == 0   # the stream hangs

        phone.wait_for_selector(".lk-class-handin-button", timeout=(LIMIT + 60) * 1000)
        assert len(opened) == 2, "the page did not load itself again"
        assert opened[1] - start >= LIMIT - 1, "reloaded before the limit"
        notice = phone.locator(".lk-class-restart-notice")
        notice.wait_for(state="visible", timeout=10_000)
        assert notice.inner_text() == t("classroom.restart_notice", "vi")
        picked = phone.locator(".lk-graded-invalid_ids .lk-choice-option").nth(1)
        assert "lk-choice-option-selected" in (picked.get_attribute("class") or "")
        assert saved(classroom, "hv01") == before
        # ready now: it stays (within the minute the loop guard would only show the notice)
        phone.wait_for_timeout(3000)
        assert len(opened) == 2, "the page loaded itself again"
        assert "Traceback" not in phone.content()
    finally:
        context.close()
        if hung:
            try:
                psutil.Process(hung).kill()
            except psutil.Error:
                pass
