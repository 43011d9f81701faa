"""A kernel that dies as it starts does not leave the learner's exercise page waiting.

On a real classroom hub, with Chromium in a phone viewport: the learner taps an answer on
the exercise page and goes home; then every kernel the learner's server starts is killed
the moment it appears (as "ZMQ address already in use" kills one), once, and the learner
opens the exercise again. Without the learner server's kernel manager
(literacy_kit/classroom/kernel_manager.py) Voila's page stream waited for the dead kernel
and never ended: an empty page, held open by heartbeats, for minutes, and the page's own
kernel watch never arrived. Now the page comes within :data:`BOUND` seconds, with the
answer still there. Kernels that keep dying end the request at once with the classroom's
error page (Vietnamese first), which loads the page again by itself once kernels start again.
"""
from __future__ import annotations

import threading
import time

import psutil
import pytest

from classroom.hub_support import (EXERCISE, PHONE, log_in, open_classroom, saved, server_pid,
                                   tap_an_answer_then_go_home)
from literacy_kit.i18n import t

pytestmark = [pytest.mark.hub, pytest.mark.browser]

#: Seconds from opening the exercise to its hand-in button (an ordinary open takes about
#: 5 s on a quiet 2-core machine; the page's "never ready" limits are 60 s and more).
BOUND = 40


def descendants(server: psutil.Process) -> set[int]:
    try:
        return {process.pid for process in server.children(recursive=True)}
    except psutil.Error:
        return set()


class KernelKiller(threading.Thread):
    """Kill the next ``count`` processes the learner's server starts (opening a page starts
    nothing but its kernel), each the moment it appears: a forked kernel is recognisable by
    its name only some tenths of a second after its fork, by which time it may have
    answered, so any new process counts."""

    def __init__(self, server: psutil.Process, count: int = 1):
        super().__init__(daemon=True)
        self.server, self.count = server, count
        self.known = descendants(server)
        self.killed: list[int] = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set() and len(self.killed) < self.count:
            for pid in sorted(descendants(self.server) - self.known - set(self.killed)):
                try:
                    psutil.Process(pid).kill()
                    self.killed.append(pid)
                except psutil.Error:
                    pass
            time.sleep(0.005)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    from classroom.course_setup import make_course

    room = open_classroom(make_course(tmp_path_factory.mktemp("hub"), gradebook=True))
    yield room
    room.hub.stop()


@pytest.fixture
def phone(chromium, classroom):
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(120_000)
    log_in(page, classroom, "hv01")
    yield page
    context.close()


def kill_next_kernels(classroom, count: int) -> KernelKiller:
    killer = KernelKiller(psutil.Process(server_pid(classroom, "hv01")), count)
    killer.start()
    return killer


def hub_log(classroom) -> str:
    return (classroom.state.hub / "jupyterhub.log").read_text(encoding="utf-8", errors="replace")


def test_the_exercise_page_comes_although_its_first_kernel_died_at_start(classroom, phone):
    before = tap_an_answer_then_go_home(phone, classroom)

    killer = kill_next_kernels(classroom, 1)
    start = time.monotonic()
    phone.goto(classroom.url + EXERCISE, wait_until="commit")
    phone.wait_for_selector(".lk-class-handin-button", timeout=BOUND * 1000)
    took = time.monotonic() - start
    killer.stop.set()
    killer.join(5)
    assert len(killer.killed) == 1, "no kernel was killed as it started"
    assert took < BOUND
    assert phone.locator(".lk-graded-invalid_ids .lk-choice-option").count() == 8
    assert saved(classroom, "hv01") == before
    assert "Traceback" not in phone.content()
    assert "died before its first answer (1/3)" in hub_log(classroom)


def test_kernels_that_keep_dying_give_a_page_that_says_so_then_loads_again(classroom, phone):
    loads = []
    phone.on("load", lambda *_: loads.append(time.monotonic()))
    killer = kill_next_kernels(classroom, 3)
    start = time.monotonic()
    response = phone.goto(classroom.url + EXERCISE, wait_until="commit", timeout=BOUND * 1000)
    html = response.text()   # the whole answer: it ends, it does not wait for ever
    took = time.monotonic() - start
    killer.stop.set()
    killer.join(5)
    assert len(killer.killed) == 3 and took < BOUND
    assert "died before their first answer" in hub_log(classroom)
    # the classroom's own error page, Vietnamese first, nothing from the internet
    assert response.status == 500
    vi, en = (t("classroom.hub_failed_title", lang) for lang in ("vi", "en"))
    assert vi in html and en in html and html.index(vi) < html.index(en)
    assert "Traceback" not in html and "http://" not in html and "https://" not in html
    # kernels start again: the page loads itself once, and says it was opened again
    phone.wait_for_selector(".lk-class-handin-button", timeout=BOUND * 1000)
    notice = phone.locator(".lk-class-restart-notice")
    notice.wait_for(state="visible", timeout=10_000)
    assert notice.inner_text() == t("classroom.restart_notice", "vi")
    phone.wait_for_timeout(3000)
    assert len(loads) == 2, "not exactly one automatic reload"
