"""What the read-aloud buttons call: cached speech for a list of texts.

Each text (a question stem, an option, a feedback line) is synthesised and cached on
its own, then the pieces are joined; so a stem shared by two screens, or a string
``literacy-kit speech prewarm`` prepared, is never synthesised twice.

>>> speaker = Speaker()
>>> speaker.available in (True, False)
True
"""
from __future__ import annotations

from collections.abc import Iterable

from ..text import fold_space, nfc
from .cache import SpeechCache, join_wavs
from .engine import EspeakEngine, SpeechError
from .settings import SpeechSettings


class Typed(str):
    """Text a learner or visitor typed: spoken, never written to the cache.

    A kiosk must not keep what a visitor typed (their real ID number, say), so audio of
    typed text lives only in memory for the tap that asked for it.
    """


class Speaker:
    """espeak-ng plus the disk cache, configured by :class:`SpeechSettings`."""

    def __init__(self, settings: SpeechSettings | None = None):
        self.settings = settings or SpeechSettings.from_env()
        self.engine = EspeakEngine.find(self.settings.engine, rate=self.settings.rate,
                                        timeout=self.settings.timeout)
        self.cache = SpeechCache(self.settings.cache_path)
        self.hits = 0
        self.misses = 0

    @property
    def available(self) -> bool:
        """Whether speech can be made here (espeak-ng is installed and runs)."""
        if self.engine is None:
            return False
        try:
            self.engine.version
        except SpeechError:
            return False
        return True

    def key(self, text: str, lang: str) -> str:
        voice = self.settings.voice_for(lang)
        return self.cache.key(text, voice, self.engine.version if self.engine else "", self.settings.rate)

    def is_cached(self, text: str, lang: str) -> bool:
        return self.available and self.cache.path(self.key(text, lang)).is_file()

    def wav(self, text: str, lang: str) -> bytes:
        """The WAV of one text, from the cache when it is there (never for :class:`Typed`
        text, which is synthesised and forgotten). Raises :class:`SpeechError`."""
        if not self.available:
            raise SpeechError("espeak-ng is not installed")
        if isinstance(text, Typed):
            return self.engine.synthesize(text, self.settings.voice_for(lang))
        key = self.key(text, lang)
        data = self.cache.get(key)
        if data is not None:
            self.hits += 1
            return data
        self.misses += 1
        data = self.engine.synthesize(text, self.settings.voice_for(lang))
        if self.settings.write_cache:
            self.cache.put(key, data)
        return data

    def speak(self, texts: Iterable[str], lang: str) -> bytes:
        """One WAV of every non-empty text in order, with short pauses between them."""
        parts = [self.wav(text, lang) for text in clean(texts)]
        if not parts:
            raise SpeechError("nothing to say")
        return join_wavs(parts)


def clean(texts: Iterable[str]) -> list[str]:
    """NFC, folded whitespace, empties dropped; :class:`Typed` text stays marked."""
    cleaned = []
    for text in texts:
        folded = fold_space(nfc(text or ""))
        if folded:
            cleaned.append(Typed(folded) if isinstance(text, Typed) else folded)
    return cleaned


_DEFAULT: Speaker | None = None


def default_speaker() -> Speaker:
    """The process-wide speaker built from the environment (made on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Speaker()
    return _DEFAULT


def set_default_speaker(speaker: Speaker | None) -> None:
    """Replace the process-wide speaker (``None``: rebuild from the environment on next use)."""
    global _DEFAULT
    _DEFAULT = speaker
