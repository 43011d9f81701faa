"""The error of course operations (records, reports, certificates), with a friendly message.

>>> err = CourseError("course.records_no_course", path="/tmp/nowhere")
>>> err.key
'course.records_no_course'
>>> "/tmp/nowhere" in err.message("en")
True
"""
from __future__ import annotations

from ..i18n import DEFAULT_LANG, t


class CourseError(Exception):
    """Something a trainer can fix (no course folder, an unreadable file...).

    ``key`` is a full catalog key (``"course.<key>"``); ``fmt`` fills its placeholders.
    The command line prints :meth:`message` in the trainer's language, never a traceback.
    """

    def __init__(self, key: str, **fmt):
        super().__init__(key)
        self.key = key
        self.fmt = fmt

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.fmt)

    def __str__(self) -> str:
        return self.message("en")
