"""Where a trainer's nbgrader course lives, and the folders nbgrader keeps in it.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "nbgrader_config.py").write_text("c = get_config()\\n")
>>> course = CourseDir.find(root)
>>> course.gradebook_url == f"sqlite:///{root.resolve()}/gradebook.db"
True
>>> course.assignments()
[]
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .errors import CourseError

CONFIG_NAME = "nbgrader_config.py"
DEFAULT_COURSE_ID = "literacy_kit"
DB_WAIT = 30   # seconds to wait for a gradebook another process is writing


def load_course_config(root: Path):
    """The traitlets ``Config`` of ``root/nbgrader_config.py`` (empty if there is none).

    The file is run the way nbgrader runs it (``get_config()``, ``__file__``), so its own
    path computations work wherever the course folder was copied.
    """
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    loader = PyFileConfigLoader(CONFIG_NAME, path=str(root))
    try:
        return loader.load_config()
    except ConfigFileNotFound:
        return Config()
    except Exception as exc:   # the trainer's Python file: a typo must not be a traceback
        raise CourseError("course.records_bad_config", path=str(root / CONFIG_NAME),
                          error=f"{type(exc).__name__}: {exc}") from None


@dataclass(frozen=True)
class CourseDir:
    """An nbgrader course folder (the one holding ``nbgrader_config.py``)."""

    root: Path

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).expanduser().resolve())

    @classmethod
    def find(cls, path: str | os.PathLike | None = None) -> "CourseDir":
        """The course in ``path`` (``--course DIR``); else ``./exercises``; else ``.``.

        Raises :class:`CourseError` with a message saying what to do when none of these
        holds an ``nbgrader_config.py``.
        """
        if path is not None:
            given = Path(path).expanduser()
            for candidate in (given, given / "exercises"):
                if (candidate / CONFIG_NAME).is_file():
                    return cls(candidate)
            raise CourseError("course.records_no_course", path=str(given.resolve()))
        here = Path.cwd()
        for candidate in (here / "exercises", here):
            if (candidate / CONFIG_NAME).is_file():
                return cls(candidate)
        raise CourseError("course.records_no_course", path=str(here))

    # -- what nbgrader's config says ------------------------------------------------------
    @cached_property
    def config(self):
        """The course's traitlets config (loaded once)."""
        return load_course_config(self.root)

    @property
    def course_id(self) -> str:
        section = self.config.get("CourseDirectory", {})
        return str(section.get("course_id", DEFAULT_COURSE_ID) or DEFAULT_COURSE_ID)

    # -- folders -----------------------------------------------------------------------------
    @property
    def gradebook_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    @property
    def gradebook_path(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def certificates(self) -> Path:
        return self.root / "certificates"

    @property
    def roster_path(self) -> Path:
        return self.root / "roster.json"

    def assignments(self) -> list[str]:
        """Sorted names of the assignments in ``source/`` (folders holding ``<name>.ipynb``)."""
        if not self.source.is_dir():
            return []
        return sorted(entry.name for entry in self.source.iterdir()
                      if entry.is_dir() and (entry / f"{entry.name}.ipynb").is_file())

    @contextmanager
    def gradebook(self):
        """nbgrader's own :class:`~nbgrader.api.Gradebook` on this course, closed afterwards.

        Opening it creates ``gradebook.db`` when missing (as every nbgrader command does).
        A gradebook another process is writing (a grading run) is waited for up to
        :data:`DB_WAIT` seconds; a locked or damaged one raises :class:`CourseError`.
        """
        from nbgrader.api import Gradebook
        from sqlalchemy.exc import DBAPIError

        from .tools_path import ensure_tools_on_path

        ensure_tools_on_path()
        try:
            with Gradebook(f"{self.gradebook_url}?timeout={DB_WAIT}",
                           course_id=self.course_id) as gradebook:
                yield gradebook
        except DBAPIError as exc:
            raise CourseError("course.records_gradebook_error", path=str(self.gradebook_path),
                              error=str(exc.orig or exc).splitlines()[0]) from None
