"""The error of the handouts command: a settings or plan file the trainer can fix.

It is a :class:`~literacy_kit.course.errors.CourseError` (a catalog key and its
placeholders, printed in the trainer's language, never a traceback), and a ValueError.

>>> err = HandoutError("handouts.error_not_yaml", path="lien_he.yaml", line=3)
>>> "lien_he.yaml" in err.message("en")
True
"""
from __future__ import annotations

from ..course.errors import CourseError


class HandoutError(CourseError, ValueError):
    """A file that cannot be used; ``key`` is a full catalog key, ``fmt`` its placeholders."""
