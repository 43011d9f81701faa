"""Instructor-tunable speech settings: engine, voices, speed and the cache folder.

>>> settings = SpeechSettings(rate=130)
>>> settings.voice_for("vi"), settings.voice_for("en")
('vi', 'en-us')
"""
from __future__ import annotations

import os
from pathlib import Path

from traitlets import Bool, Enum, Float, Int, Unicode
from traitlets.config import Configurable

from ..i18n import normalize_lang

#: espeak-ng's three Vietnamese voices, by region.
VI_VOICES = {"north": "vi", "central": "vi-vn-x-central", "south": "vi-vn-x-south"}


def default_cache_dir() -> str:
    """``$XDG_CACHE_HOME/literacy-kit/speech`` (``~/.cache/...`` when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "literacy-kit", "speech")


class SpeechSettings(Configurable):
    """How read-aloud sounds and where its audio is kept.

    Environment variables (read by :meth:`from_env`, which the kiosk launcher and the
    lessons use): ``LK_SPEECH_ENGINE`` (path or name of espeak-ng), ``LK_SPEECH_CACHE``,
    ``LK_SPEECH_REGION`` (north, central or south), ``LK_SPEECH_RATE`` and
    ``LK_SPEECH_WRITE_CACHE`` (``0`` keeps new audio in memory only).
    """

    engine = Unicode("espeak-ng", config=True,
                     help="The espeak-ng program: a name looked up on PATH, or a full path.")
    region = Enum(list(VI_VOICES), default_value="north", config=True,
                  help="Which Vietnamese voice: 'north' (Ha Noi), 'central' or 'south'.")
    voice_en = Unicode("en-us", config=True, help="espeak-ng voice for English.")
    rate = Int(145, min=80, max=400, config=True,
               help="Words per minute. espeak-ng's own default (175) is fast for slow readers.")
    cache_dir = Unicode(config=True, help="Folder of cached WAV files (created when needed).")
    timeout = Float(30.0, config=True, help="Seconds one synthesis may take before it is abandoned.")
    write_cache = Bool(True, config=True,
                       help="Store new audio in the cache. The kiosk turns this off: it plays what "
                            "prewarm prepared and keeps nothing new, so no screen a visitor "
                            "filled in is left on disk.")

    def _cache_dir_default(self) -> str:
        return default_cache_dir()

    def voice_for(self, lang: str) -> str:
        """The espeak-ng voice that speaks ``lang``."""
        return VI_VOICES[self.region] if normalize_lang(lang) == "vi" else self.voice_en

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir)

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "SpeechSettings":
        """Settings from ``LK_SPEECH_*`` variables; a bad value falls back to the default."""
        env = os.environ if environ is None else environ
        values = {}
        if env.get("LK_SPEECH_ENGINE"):
            values["engine"] = env["LK_SPEECH_ENGINE"]
        if env.get("LK_SPEECH_CACHE"):
            values["cache_dir"] = env["LK_SPEECH_CACHE"]
        if env.get("LK_SPEECH_REGION", "").strip().lower() in VI_VOICES:
            values["region"] = env["LK_SPEECH_REGION"].strip().lower()
        rate = env.get("LK_SPEECH_RATE", "").strip()
        if rate.isdigit() and 80 <= int(rate) <= 400:
            values["rate"] = int(rate)
        if env.get("LK_SPEECH_WRITE_CACHE", "").strip().lower() in ("0", "false", "no", "off"):
            values["write_cache"] = False
        values.update(overrides)
        return cls(**values)
