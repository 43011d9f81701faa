"""A folder of WAV files keyed by what was said, in which language and voice.

A key hashes the engine version, voice, speed and the NFC text, so the same words
typed with a decomposed keyboard hit the same file, and an engine upgrade misses.

>>> import tempfile
>>> cache = SpeechCache(tempfile.mkdtemp())
>>> key = cache.key("xin ch\\u00e0o", "vi", "espeak-ng 1.51", 145)
>>> cache.get(key) is None
True
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
import wave
from pathlib import Path

from ..text import fold_space, nfc


class SpeechCache:
    """WAV bytes on disk under ``root/<2 hex>/<hash>.wav``; writes are atomic."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    @staticmethod
    def key(text: str, voice: str, engine_version: str, rate: int) -> str:
        material = "\0".join([engine_version, voice, str(rate), fold_space(nfc(text))])
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> bytes | None:
        """The cached WAV, or ``None`` when missing or unreadable."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store ``data``; a read-only or full disk costs a re-synthesis later, nothing more."""
        target = self.path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(tmp, target)
        except OSError:
            return

    def __len__(self) -> int:
        return sum(1 for _ in self.root.glob("*/*.wav")) if self.root.is_dir() else 0


def join_wavs(parts: list[bytes], pause: float = 0.3) -> bytes:
    """One WAV of ``parts`` in order, with ``pause`` seconds of silence between them.

    Every part must share channels, sample width and rate (one engine makes them so).
    """
    if len(parts) == 1:
        return parts[0]
    params = None
    frames = []
    for data in parts:
        with wave.open(io.BytesIO(data)) as reader:
            here = reader.getparams()
            if params is None:
                params = here
            elif here[:3] != params[:3]:
                raise ValueError("WAV parts differ in format")
            frames.append(reader.readframes(reader.getnframes()))
    gap = b"\0" * (int(params.framerate * pause) * params.sampwidth * params.nchannels)
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(params.nchannels)
        writer.setsampwidth(params.sampwidth)
        writer.setframerate(params.framerate)
        writer.writeframes(gap.join(frames))
    return out.getvalue()
