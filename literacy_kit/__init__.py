"""literacy_kit: digital-literacy lessons, graded exercises and an offline kiosk.

Importing the package is cheap (the kiosk starts kernels often); widgets load on
first use of a name below.
"""
from __future__ import annotations

from .errors import InputError
from .i18n import t

__version__ = "0.1.0"
__all__ = ["InputError", "t", "__version__"]
