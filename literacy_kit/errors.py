"""The project-wide error for bad user input, with a message in the user's language.

>>> err = InputError("field.required")
>>> err.code
'field.required'
>>> err.message("en")
'This field is required.'
"""
from __future__ import annotations

from .i18n import DEFAULT_LANG, t


class InputError(ValueError):
    """Bad input from a learner or visitor.

    ``code`` is machine-readable (``"cccd.wrong_length"``); the friendly text comes from
    the catalogs under ``errors.<code>`` with ``params`` filled in.
    """

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(f"errors.{self.code}", lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
