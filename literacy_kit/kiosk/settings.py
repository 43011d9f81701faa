"""Instructor-tunable kiosk defaults, readable from the environment the server hands its kernels."""
from __future__ import annotations

import os

from traitlets import Float, Unicode, validate
from traitlets.config import Configurable

from ..i18n import DEFAULT_LANG, normalize_lang

ENV_LANG = "LK_KIOSK_LANG"
ENV_IDLE = "LK_KIOSK_IDLE_RESET"


class KioskSettings(Configurable):
    """What a kiosk kernel needs to know; the launcher passes it through environment variables."""

    lang = Unicode(DEFAULT_LANG, config=True,
                   help="Language the kiosk starts in and returns to after an idle reset: vi or en.")
    idle_reset = Float(180.0, config=True,
                       help="Seconds without a touch before the kiosk returns home and forgets input.")

    @validate("lang")
    def _valid_lang(self, proposal):
        return normalize_lang(proposal["value"])

    @validate("idle_reset")
    def _valid_idle(self, proposal):
        value = proposal["value"]
        return value if value > 0 else 180.0

    @classmethod
    def from_env(cls, environ=None) -> "KioskSettings":
        environ = os.environ if environ is None else environ
        settings = cls()
        if environ.get(ENV_LANG):
            settings.lang = environ[ENV_LANG]
        try:
            settings.idle_reset = float(environ.get(ENV_IDLE, settings.idle_reset))
        except ValueError:
            pass
        return settings

    def to_env(self) -> dict[str, str]:
        return {ENV_LANG: self.lang, ENV_IDLE: repr(float(self.idle_reset))}
