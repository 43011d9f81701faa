"""Fixtures for the read-aloud tests: the real espeak-ng, speakers with their own cache."""
from __future__ import annotations

import io
import shutil
import stat
import wave
from array import array

import pytest

from literacy_kit.speech import Speaker, SpeechSettings
from support import speech_required


@pytest.fixture(scope="session")
def espeak():
    """Path of the real espeak-ng; missing is a skip locally and a failure in CI."""
    path = shutil.which("espeak-ng")
    if path is None:
        message = "espeak-ng not found: sudo apt-get install -y espeak-ng"
        if speech_required():
            pytest.fail(message + " (LK_REQUIRE_SPEECH is set)")
        pytest.skip(message)
    return path


@pytest.fixture
def make_speaker(tmp_path):
    """``make_speaker(engine=..., **settings)``: a Speaker with a cache folder of its own."""

    def _make(engine: str = "espeak-ng", **settings) -> Speaker:
        return Speaker(SpeechSettings(engine=engine, cache_dir=str(tmp_path / "cache"), **settings))

    return _make


@pytest.fixture
def counting_engine(tmp_path, espeak):
    """A wrapper around the real espeak-ng that logs each synthesis (``-w``) it is asked for."""
    log = tmp_path / "calls.log"
    script = tmp_path / "espeak-counting"
    script.write_text(f'#!/bin/sh\ncase "$*" in *-w*) echo call >> "{log}";; esac\n'
                      f'exec "{espeak}" "$@"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)

    def calls() -> int:
        return len(log.read_text().splitlines()) if log.exists() else 0

    return str(script), calls


def wav_stats(data: bytes) -> tuple[float, float]:
    """``(duration in seconds, RMS amplitude)`` of 16-bit mono WAV bytes."""
    with wave.open(io.BytesIO(data)) as reader:
        assert reader.getsampwidth() == 2 and reader.getnchannels() == 1
        frames = reader.getnframes()
        samples = array("h", reader.readframes(frames))
        rate = reader.getframerate()
    rms = (sum(s * s for s in samples) / len(samples)) ** 0.5 if samples else 0.0
    return frames / rate, rms
