"""One grading worker: nbgrader's own Autograde converter, one learner at a time.

A worker is a separate process (see :mod:`grade`). It imports nbgrader once, starts a
:class:`~literacy_kit.course.fork_kernel.Zygote` so each submission gets a fresh, fenced
kernel without paying the kernel's imports again, and then grades what it is sent. The
results land in nbgrader's gradebook through nbgrader's own code, exactly as
``nbgrader autograde ASSIGNMENT --student LEARNER`` would write them.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from . import diagnose, fork_kernel
from .course_dir import load_course_config

#: How long SQLite waits for another worker's write before giving up (seconds).
DB_WAIT = 120


class _Collect(logging.Handler):
    """Keeps the error messages nbgrader logs while it grades one submission."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage()[:500])


def worker_config(root: Path, cell_timeout: int | None):
    config = load_course_config(root)
    config.CourseDirectory.root = str(root)
    # several workers share one SQLite gradebook: wait for each other's short writes
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}?timeout={DB_WAIT}"
    if cell_timeout:
        config.Execute.timeout = int(cell_timeout)
    return config


class Worker:
    def __init__(self, root: str, assignment: str, submission_timeout: float,
                 cell_timeout: int | None = None, log_path: str | None = None,
                 fork: bool = True):
        self.root = Path(root)
        self.assignment = assignment
        self.submission_timeout = submission_timeout
        self.config = worker_config(self.root, cell_timeout)
        self._setup_logging(log_path)
        self.zygote = None
        if fork:
            try:
                self.zygote = fork_kernel.Zygote()
            except (OSError, fork_kernel.ZygoteError):
                self.zygote = None
        fork_kernel.use_zygote(self.zygote)
        released = self.root / "release" / assignment / f"{assignment}.ipynb"
        self.released = diagnose._read_notebook(released) if released.is_file() else None

    @property
    def fence(self) -> str:
        """``"landlock"``, ``"limits"`` (resource limits only) or ``"none"``."""
        if self.zygote is None:
            return "none"
        return "landlock" if self.zygote.fenced else "limits"

    def _setup_logging(self, log_path: str | None) -> None:
        handler = logging.FileHandler(log_path, encoding="utf-8") if log_path else logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        for name in ("", "traitlets", "nbgrader"):
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.INFO)
            logger.propagate = name == ""

    def grade(self, learner: str) -> dict:
        """Autograde ``learner``'s submission; a dict the coordinator records."""
        from nbgrader.converters import Autograde
        from nbgrader.coursedir import CourseDirectory

        start = time.perf_counter()
        folder = self.root / "submitted" / learner / self.assignment
        reasons = diagnose.before_grading(folder, self.assignment, self.released)
        collect = _Collect()
        loggers = [logging.getLogger(name) for name in ("", "traitlets", "nbgrader")]
        for logger in loggers:
            logger.addHandler(collect)
        expired = threading.Event()
        watchdog = threading.Timer(self.submission_timeout, self._expire, args=(expired,))
        watchdog.daemon = True
        watchdog.start()
        ok = True
        try:
            coursedir = CourseDirectory(config=self.config)
            coursedir.assignment_id, coursedir.student_id = self.assignment, learner
            converter = Autograde(coursedir=coursedir, config=self.config)
            converter.force = True
            converter.start()
        except BaseException as exc:  # noqa: BLE001 - nbgrader raises after logging; keep going
            ok = False
            collect.messages.append(repr(exc)[:300])
        finally:
            watchdog.cancel()
            for logger in loggers:
                logger.removeHandler(collect)
        autograded = self.root / "autograded" / learner / self.assignment / f"{self.assignment}.ipynb"
        graded = ok and autograded.is_file()
        if expired.is_set():
            reasons.append(diagnose.Reason("reason_time_limit", {"seconds": int(self.submission_timeout)}))
        elif graded:
            reasons.extend(diagnose.after_grading(autograded))
        elif not any(r.key == "reason_no_notebook" for r in reasons):
            reasons.append(diagnose.failure_reason(collect.messages))
        return {"learner": learner, "graded": graded, "seconds": time.perf_counter() - start,
                "reasons": [r.to_dict() for r in reasons], "fence": self.fence}

    def _expire(self, expired: threading.Event) -> None:
        """The submission ran past its time limit: kill its kernel (nbgrader then fails it)."""
        expired.set()
        fork_kernel.kill_running_kernels()

    def close(self) -> None:
        if self.zygote is not None:
            self.zygote.close()


def serve(connection, options: dict) -> None:
    """Worker process main loop: receive learner ids, send back results, until ``None``."""
    os.environ.pop("LK_GRADING_LANG", None)  # feedback pages choose their own language
    # a coordinator killed outright (power cut, kill -9) must not leave workers grading on
    # behind the next run's back
    from .zygote import _die_with_parent

    _die_with_parent()
    worker = Worker(**options)
    connection.send({"ready": True, "fence": worker.fence})
    try:
        while True:
            learner = connection.recv()
            if learner is None:
                break
            connection.send(worker.grade(learner))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        worker.close()
