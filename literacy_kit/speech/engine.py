"""Offline speech with espeak-ng: text in, a WAV file's bytes out.

Text goes to the engine on stdin as UTF-8 (``-b 1``), so Vietnamese tone marks arrive
intact; output goes to a file (``-w``) because espeak-ng's stdout WAV has no length.

>>> engine = EspeakEngine.find()
>>> engine is None or engine.synthesize("xin ch\\u00e0o", "vi").startswith(b"RIFF")
True
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cached_property

from ..text import nfc


class SpeechError(RuntimeError):
    """The engine is missing or failed; callers hide the speaker button or stay silent."""


@dataclass(frozen=True)
class EspeakEngine:
    """One espeak-ng program; ``path`` is an absolute path to it."""

    path: str
    rate: int = 145
    timeout: float = 30.0

    @classmethod
    def find(cls, name: str = "espeak-ng", **kwargs) -> "EspeakEngine | None":
        """The engine called ``name`` (on PATH or a path), or ``None`` when it is missing."""
        found = shutil.which(name)
        if not found:
            return None
        return cls(found, **kwargs)

    @cached_property
    def version(self) -> str:
        """The engine's version line; part of every cache key, so an upgrade re-synthesises."""
        result = self._run(["--version"])
        return result.stdout.decode("utf-8", "replace").strip().split("  Data")[0]

    def has_voice(self, voice: str) -> bool:
        """Whether the engine knows ``voice`` (e.g. ``"vi-vn-x-south"``)."""
        listing = self._run([f"--voices={voice.split('-')[0]}"]).stdout.decode("utf-8", "replace")
        return any(voice in line.split() for line in listing.splitlines()[1:])

    def synthesize(self, text: str, voice: str) -> bytes:
        """WAV bytes (16-bit mono PCM) of ``text`` spoken with ``voice``."""
        handle, out = tempfile.mkstemp(prefix="lk-speech-", suffix=".wav")
        os.close(handle)
        try:
            self._run(["-v", voice, "-s", str(self.rate), "-b", "1", "-w", out],
                      stdin=nfc(text).encode("utf-8"))
            with open(out, "rb") as wav:
                data = wav.read()
        finally:
            os.unlink(out)
        if not data.startswith(b"RIFF"):
            raise SpeechError("espeak-ng wrote no WAV data")
        return data

    def phonemes(self, text: str, voice: str) -> str:
        """The IPA the engine derives from ``text``: tones show up as marks or digits."""
        result = self._run(["-v", voice, "-q", "--ipa", "-b", "1"], stdin=nfc(text).encode("utf-8"))
        return result.stdout.decode("utf-8", "replace").strip()

    def _run(self, args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
        try:
            result = subprocess.run([self.path, *args], input=stdin, capture_output=True,
                                    timeout=self.timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SpeechError(f"espeak-ng did not run: {exc}") from exc
        if result.returncode != 0:
            raise SpeechError(f"espeak-ng exited with {result.returncode}: "
                              f"{result.stderr.decode('utf-8', 'replace')[:200]}")
        return result
