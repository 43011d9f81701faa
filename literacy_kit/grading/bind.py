"""Tie traits of any ``HasTraits`` object (a widget's State, a simulator) to an answer store.

A binding restores the traits from the store once, then saves them on every change. It
works on state objects, not views, so the same line persists a core question, a step
ordering or the VNeID simulator's account.

>>> import tempfile
>>> from traitlets import HasTraits, Unicode
>>> from literacy_kit.grading import AnswerStore
>>> class Account(HasTraits):
...     status = Unicode("new")
>>> store = AnswerStore.for_exercise("demo", tempfile.mkdtemp())
>>> account = Account()
>>> binding = store.bind("account", account, ["status"])
>>> account.status = "activated"
>>> store.get("account")
{'status': 'activated'}
>>> again = Account()
>>> _ = store.bind("account", again, ["status"])
>>> again.status
'activated'
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .answers import AnswerStore

_log = logging.getLogger(__name__)


class Binding:
    """Keeps traits ``names`` of ``obj`` in ``store`` under ``key``.

    Parameters
    ----------
    store : AnswerStore
        Where the values go.
    key : str
        The answer's key in the store (one per graded item).
    obj : traitlets.HasTraits
        The object whose traits hold the learner's answer.
    names : iterable of str
        The traits to keep.
    encode : callable, optional
        ``encode({name: value}) -> JSON data`` before saving (e.g. step indices to step
        ids). Default: the values as they are (tuples become lists).
    decode : callable, optional
        ``decode(JSON data) -> {name: value}`` before restoring; it may raise on data it
        does not understand, which then restores nothing.

    Notes
    -----
    Restoring never raises: a stored value that fails the trait's validation (a tampered
    or outdated file) is skipped and the trait keeps its default. Saving never raises
    either; a failure shows in ``store.error``.
    """

    def __init__(self, store: "AnswerStore", key: str, obj, names: Iterable[str],
                 encode: Callable | None = None, decode: Callable | None = None):
        self.store = store
        self.key = key
        self.obj = obj
        self.names = tuple(names)
        missing = [name for name in self.names if not obj.has_trait(name)]
        if missing:
            raise ValueError(f"{type(obj).__name__} has no traits {missing}")
        self.encode = encode
        self.decode = decode
        self._restoring = False
        self.restored = self.restore()
        obj.observe(self._changed, names=list(self.names))

    def values(self) -> dict:
        """The bound traits' current values."""
        return {name: getattr(self.obj, name) for name in self.names}

    def restore(self) -> tuple[str, ...]:
        """Set the traits from the store; return the names that were restored."""
        stored = self.store.get(self.key)
        if stored is None:
            return ()
        try:
            values = self.decode(stored) if self.decode else stored
        except Exception as exc:  # noqa: BLE001 - a bad file must never reach the learner
            _log.info("answer %r not restored: %s", self.key, exc)
            return ()
        if not isinstance(values, dict):
            return ()
        done = []
        self._restoring = True
        try:
            for name in self.names:
                if name not in values:
                    continue
                try:
                    setattr(self.obj, name, values[name])
                except Exception as exc:  # noqa: BLE001 - skip a value the trait refuses
                    _log.info("answer %r: %s not restored: %s", self.key, name, exc)
                else:
                    done.append(name)
        finally:
            self._restoring = False
        return tuple(done)

    def save(self) -> bool:
        """Write the traits' current values to the store now."""
        try:
            data = self.encode(self.values()) if self.encode else self.values()
            return self.store.set(self.key, data)
        except Exception as exc:  # noqa: BLE001 - a widget callback must not show a traceback
            _log.info("answer %r not saved: %s", self.key, exc)
            self.store.error = "grading.save_failed"
            return False

    def unbind(self) -> None:
        """Stop saving changes (the stored answer stays)."""
        self.obj.unobserve(self._changed, names=list(self.names))

    def _changed(self, change) -> None:
        if not self._restoring:
            self.save()
