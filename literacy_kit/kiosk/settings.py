"""Instructor-tunable kiosk defaults, readable from the environment the server hands its kernels."""
from __future__ import annotations

import os

from traitlets import Float, Integer, Unicode, validate
from traitlets.config import Configurable

from ..i18n import DEFAULT_LANG, normalize_lang
from .claims import CLAIM_GRACE, MAX_UNCLAIMED

ENV_LANG = "LK_KIOSK_LANG"
ENV_IDLE = "LK_KIOSK_IDLE_RESET"


class KioskSettings(Configurable):
    """What a kiosk kernel needs to know; the launcher passes it through environment variables."""

    lang = Unicode(DEFAULT_LANG, config=True,
                   help="Language the kiosk starts in and returns to after an idle reset: vi or en.")
    idle_reset = Float(180.0, config=True,
                       help="Seconds without a touch before the kiosk returns home and forgets input.")
    # The two below are the server's (its kernel manager's), not the kernels'.
    claim_grace = Float(CLAIM_GRACE, config=True, help=(
        "Seconds a page, once sent, has to connect to the kernel it was handed before that "
        "kernel is shut down. On the phone profile under load a page connected at most "
        "1.2 s after it was sent, 4 s after its GET (benchmarks/kiosk_claim.py)."))
    max_unclaimed = Integer(MAX_UNCLAIMED, config=True, help=(
        "Page requests at most whose kernel no page has connected to yet, besides the "
        "preheated pool; one beyond waits, then gets the busy page (0: no bound)."))

    @property
    def claim_wait(self) -> float:
        """Seconds a page request beyond the bound waits for a place: a third of the grace,
        at most 10 s (a place frees once a page connects, and at the latest one grace after
        a page was sent), then the busy page, which tries again by itself."""
        return min(10.0, self.claim_grace / 3)

    @validate("lang")
    def _valid_lang(self, proposal):
        return normalize_lang(proposal["value"])

    @validate("claim_grace")
    def _valid_grace(self, proposal):
        value = proposal["value"]
        return value if value > 0 else CLAIM_GRACE

    @validate("max_unclaimed")
    def _valid_unclaimed(self, proposal):
        value = proposal["value"]
        return value if value >= 0 else MAX_UNCLAIMED

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
