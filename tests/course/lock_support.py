"""Another holder of an assignment's grading lock, in a thread (for the lock tests)."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable

from literacy_kit.course.grade_lock import grading_lock


def hold_in_thread(root, assignment: str, seconds: float, who: str = "",
                   before_release: Callable[[], None] | None = None) -> threading.Thread:
    """Take the lock, keep it ``seconds`` (then call ``before_release()``, still holding it);
    returns once the thread holds it. ``flock`` locks conflict between two open files even
    in one process, so the thread stands in for the relay's process."""
    taken = threading.Event()

    def run():
        with grading_lock(root, assignment, who=who):
            taken.set()
            time.sleep(seconds)
            if before_release is not None:
                before_release()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert taken.wait(10)
    return thread
