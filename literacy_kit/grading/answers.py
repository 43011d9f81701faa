"""A learner's answers to one exercise, kept in a JSON file next to the notebook.

The file (``<exercise>_answers.json`` in the working directory, which is the notebook's
folder in JupyterLab, in Voila and during ``nbgrader autograde``) is rewritten atomically
on every change, so a kernel restart, a reopened notebook or the autograder's re-execution
finds the last answer. Nothing in here raises into a learner's face: a missing, garbage or
tampered file reads as "no answers yet", and a failed write is reported in :attr:`error`.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> store = AnswerStore.for_exercise("demo", folder)
>>> store.set("q1", {"selected": ["a"]})
True
>>> AnswerStore.for_exercise("demo", folder).get("q1")
{'selected': ['a']}
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import unicodedata
from pathlib import Path

from .bind import Binding

#: Marks the files this module writes (and the layout it reads back).
FORMAT = "literacy_kit.answers/1"
#: A bigger file is not an answer file (and is not read into memory).
MAX_BYTES = 1_000_000
#: Suffix of the copy kept of an unreadable file before it is first overwritten.
BACKUP_SUFFIX = ".unreadable"

_log = logging.getLogger(__name__)


def answers_filename(exercise: str) -> str:
    """The file name an exercise's answers are kept in: ``<exercise>_answers.json``."""
    return f"{exercise}_answers.json"


def in_course_source(folder: str | Path) -> bool:
    """Whether ``folder`` is ``<course>/source/<assignment>`` of an nbgrader course.

    An answer file written there (a trainer trying the exercise) would be copied into the
    release for every learner, so stores in such a folder keep answers in memory only.
    """
    folder = Path(folder).resolve()
    return folder.parent.name == "source" and (folder.parent.parent / "nbgrader_config.py").is_file()


def normalized(value):
    """``value`` as plain JSON data with every string in NFC; ``TypeError`` if it is not JSON.

    Tuples and sets become lists (sets sorted), so trait values can be stored as they are.
    """
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [normalized(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(normalized(item) for item in value)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"answer keys must be strings, not {type(key).__name__}")
            out[normalized(key)] = normalized(item)
        return out
    raise TypeError(f"cannot keep a {type(value).__name__} in an answer file")


class AnswerStore:
    """Answers of one learner to one exercise, persisted in ``path``.

    Parameters
    ----------
    path : str or Path
        The JSON file. It need not exist; it is created on the first answer.
    exercise : str, optional
        Exercise name written into the file (informative only).
    writable : bool, optional
        ``False`` keeps answers in memory only (a trainer's preview in a course's
        ``source/`` folder); each change then sets :attr:`error` to say so.

    Attributes
    ----------
    problem : str
        ``""`` when the file was fine or absent at the last read, else a catalog key
        (``grading.file_unreadable``) saying why it was ignored.
    error : str
        ``""`` after a successful write, else the catalog key of the failure
        (``grading.save_failed``, or ``grading.preview_not_saved`` when not writable);
        answers stay in memory and the next change retries.
    """

    def __init__(self, path: str | Path, exercise: str = "", writable: bool = True):
        self.path = Path(path)
        self.exercise = exercise
        self.writable = writable
        self.problem = ""
        self.error = ""
        self._answers: dict = {}
        self._listeners: list = []
        # Keys changed here whose last write failed (or was never tried, when not writable).
        self._unsaved: set[str] = set()
        self.reload()

    @classmethod
    def for_exercise(cls, exercise: str, folder: str | Path | None = None) -> "AnswerStore":
        """The store of ``exercise`` in ``folder`` (default: the current directory)."""
        folder = Path.cwd() if folder is None else Path(folder)
        return cls(folder / answers_filename(exercise), exercise=exercise,
                   writable=not in_course_source(folder))

    # -- reading ------------------------------------------------------------------------
    def read_file(self) -> tuple[dict, str]:
        """``(answers, problem)`` as the file holds them now; never raises."""
        try:
            if not self.path.exists():
                return {}, ""
            if self.path.stat().st_size > MAX_BYTES:
                return {}, "grading.file_unreadable"
            data = json.loads(self.path.read_text(encoding="utf-8"))
            answers = data.get("answers") if isinstance(data, dict) else None
            if not isinstance(answers, dict):
                return {}, "grading.file_unreadable"
            return normalized(answers), ""
        except (OSError, UnicodeError, ValueError, TypeError, RecursionError) as exc:
            _log.info("ignoring unreadable answer file %s: %s", self.path, exc)
            return {}, "grading.file_unreadable"

    def reload(self) -> None:
        """Read the file again (another kernel may have written it)."""
        self._answers, self.problem = self.read_file()

    def get(self, key: str, default=None):
        """The answer stored under ``key`` (plain JSON data), or ``default``."""
        return self._answers.get(unicodedata.normalize("NFC", key), default)

    def keys(self) -> list[str]:
        """Every answered key."""
        return list(self._answers)

    def as_dict(self) -> dict:
        """A copy of every answer."""
        return json.loads(json.dumps(self._answers))

    def __contains__(self, key: str) -> bool:
        return unicodedata.normalize("NFC", key) in self._answers

    # -- writing ------------------------------------------------------------------------
    def set(self, key: str, value) -> bool:
        """Store ``value`` under ``key`` and write the file; ``True`` once it is on disk.

        The file is read again first, so answers written meanwhile by another store on
        the same file (a second kernel, a re-run cell) are kept, not overwritten.
        """
        key = normalized(key)
        value = normalized(value)
        merged, problem = self._merged()
        merged[key] = value
        return self._write(merged, bool(problem), key)

    def delete(self, key: str) -> bool:
        """Forget the answer under ``key`` (if any) and write the file."""
        key = normalized(key)
        merged, problem = self._merged()
        merged.pop(key, None)
        return self._write(merged, bool(problem), key)

    def _merged(self) -> tuple[dict, str]:
        """The file's answers plus this store's changes that never reached it."""
        on_disk, problem = self.read_file()
        merged = dict(self._answers if problem else on_disk)
        for key in self._unsaved:
            if key in self._answers:
                merged[key] = self._answers[key]
            else:
                merged.pop(key, None)
        return merged, problem

    def _write(self, answers: dict, keep_bad_copy: bool, key: str) -> bool:
        self._answers = answers
        self._unsaved.add(key)
        payload = {"format": FORMAT, "exercise": self.exercise, "answers": answers}
        text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
        tmp = None
        if not self.writable:
            self.error = "grading.preview_not_saved"
            self._notify(key)
            return False
        try:
            if keep_bad_copy and self.path.exists():
                # Keep what was there for a trainer to look at, once, before replacing it.
                os.replace(self.path, self.path.with_name(self.path.name + BACKUP_SUFFIX))
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                       dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            _log.info("could not save answers to %s: %s", self.path, exc)
            self.error = "grading.save_failed"
        else:
            self.error = ""
            self.problem = ""
            self._unsaved.clear()
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
        self._notify(key)
        return not self.error

    def _notify(self, key: str) -> None:
        for listener in list(self._listeners):
            listener(self, key)

    # -- observers and bindings ---------------------------------------------------------
    def on_save(self, callback) -> None:
        """Call ``callback(store, key)`` after every write attempt (views show "saved" with it)."""
        self._listeners.append(callback)

    def bind(self, key: str, obj, names, encode=None, decode=None) -> Binding:
        """Keep traits ``names`` of ``obj`` under ``key``: restore them now, save on change.

        See :class:`~literacy_kit.grading.bind.Binding` for ``encode`` / ``decode``.
        """
        return Binding(self, key, obj, names, encode=encode, decode=decode)
