"""The real espeak-ng: the audio is speech, grows with the text, and hears the tone marks."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.speech import EspeakEngine, SpeechError, SpeechSettings
from literacy_kit.speech.settings import VI_VOICES

from .conftest import wav_stats

SHORT_VI = "Xin chào"
LONG_VI = ("Xin chào, đây là bài học về tài khoản định danh điện tử. "
           "Hãy chạm vào nút Bắt đầu, rồi làm theo từng bước trên màn hình.")


@pytest.fixture
def engine(espeak):
    return EspeakEngine(espeak)


@pytest.mark.parametrize("voice", sorted(set(VI_VOICES.values())) + ["en-us"])
def test_every_voice_makes_non_silent_speech(engine, voice):
    text = SHORT_VI if voice.startswith("vi") else "Hello"
    duration, rms = wav_stats(engine.synthesize(text, voice))
    assert 0.3 < duration < 5
    assert rms > 500  # silence is 0; quiet room noise in 16-bit audio is well under 100


def test_duration_grows_with_the_text(engine):
    short, _ = wav_stats(engine.synthesize(SHORT_VI, "vi"))
    long, _ = wav_stats(engine.synthesize(LONG_VI, "vi"))
    assert long > 4 * short


def test_slower_rate_gives_longer_audio(espeak):
    slow, _ = wav_stats(EspeakEngine(espeak, rate=100).synthesize(LONG_VI, "vi"))
    fast, _ = wav_stats(EspeakEngine(espeak, rate=250).synthesize(LONG_VI, "vi"))
    assert slow > 1.5 * fast


def test_tone_marks_reach_the_engine(engine):
    # Six tones of "ma": the engine must see six different syllables.
    words = ["ma", "má", "mà", "mả", "mã", "mạ"]
    phonemes = [engine.phonemes(word, "vi") for word in words]
    assert len(set(phonemes)) == len(words), phonemes
    audio = {engine.synthesize(word, "vi") for word in words[:3]}
    assert len(audio) == 3


def test_decomposed_input_sounds_like_composed(engine):
    text = "Hòa Bình, Thủy, người dân"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert engine.phonemes(nfd, "vi") == engine.phonemes(text, "vi")


def test_english_voice_reads_english(engine):
    assert engine.phonemes("hello", "en-us") != engine.phonemes("hello", "vi")


def test_text_starting_with_a_dash_is_read_not_parsed_as_an_option(engine):
    duration, rms = wav_stats(engine.synthesize("-v xin chào", "vi"))
    assert duration > 0.3 and rms > 500


def test_an_engine_that_fails_raises_speech_error(tmp_path):
    broken = tmp_path / "espeak-broken"
    broken.write_text("#!/bin/sh\necho boom >&2\nexit 3\n")
    broken.chmod(0o755)
    with pytest.raises(SpeechError, match="exited with 3"):
        EspeakEngine(str(broken)).synthesize("xin chào", "vi")


def test_find_returns_none_for_a_missing_engine(tmp_path):
    assert EspeakEngine.find(str(tmp_path / "no-espeak")) is None


@pytest.mark.parametrize("region,voice", sorted(VI_VOICES.items()))
def test_settings_pick_the_regional_voice(region, voice):
    settings = SpeechSettings(region=region)
    assert settings.voice_for("vi") == voice
    assert settings.voice_for("en") == "en-us"


def test_settings_from_env_ignore_bad_values():
    settings = SpeechSettings.from_env({"LK_SPEECH_REGION": "mars", "LK_SPEECH_RATE": "fast"})
    assert settings.region == "north" and settings.rate == 145
    settings = SpeechSettings.from_env({"LK_SPEECH_REGION": " South ", "LK_SPEECH_RATE": "120",
                                        "LK_SPEECH_CACHE": "/tmp/x"})
    assert (settings.region, settings.rate, settings.cache_dir) == ("south", 120, "/tmp/x")
