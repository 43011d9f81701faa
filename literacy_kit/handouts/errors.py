"""The error of the handouts command: a settings or plan file the trainer can fix.

>>> err = HandoutError("handouts.error_not_yaml", path="lien_he.yaml", error="line 3")
>>> "lien_he.yaml" in err.message("en")
True
"""
from __future__ import annotations

from ..i18n import DEFAULT_LANG, t


class HandoutError(ValueError):
    """A file that cannot be used, with a message in the trainer's language.

    ``key`` is a full catalog key; ``fmt`` fills its placeholders.
    """

    def __init__(self, key: str, **fmt):
        super().__init__(key)
        self.key = key
        self.fmt = fmt

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.fmt)

    def __str__(self) -> str:
        return self.message("en")
