"""The speech cache: keyed by text, language and voice; a hit never runs the engine."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.speech import SpeechCache, SpeechError, join_wavs

from .conftest import wav_stats


def test_second_request_is_served_from_disk(make_speaker, counting_engine):
    engine, calls = counting_engine
    speaker = make_speaker(engine=engine)
    first = speaker.wav("Bấm nút Gửi yêu cầu", "vi")
    assert calls() == 1 and speaker.misses == 1
    second = speaker.wav("Bấm nút Gửi yêu cầu", "vi")
    assert second == first
    assert calls() == 1 and speaker.hits == 1
    assert len(speaker.cache) == 1


def test_a_fresh_speaker_finds_what_an_earlier_one_cached(make_speaker, counting_engine):
    engine, calls = counting_engine
    make_speaker(engine=engine).wav("Mã OTP", "vi")
    again = make_speaker(engine=engine)
    again.wav("Mã OTP", "vi")
    assert calls() == 1 and again.hits == 1


def test_decomposed_text_and_extra_spaces_hit_the_same_entry(make_speaker, counting_engine):
    engine, calls = counting_engine
    speaker = make_speaker(engine=engine)
    speaker.wav("Hòa Bình", "vi")
    speaker.wav("  " + unicodedata.normalize("NFD", "Hòa") + "\u00a0 Bình ", "vi")
    assert calls() == 1


def test_language_voice_and_speed_are_part_of_the_key(make_speaker, counting_engine):
    engine, calls = counting_engine
    make_speaker(engine=engine).wav("Zalo", "vi")
    make_speaker(engine=engine).wav("Zalo", "en")
    make_speaker(engine=engine, region="south").wav("Zalo", "vi")
    make_speaker(engine=engine, rate=120).wav("Zalo", "vi")
    assert calls() == 4


def test_speak_joins_the_texts_with_pauses(make_speaker, espeak):
    speaker = make_speaker(engine=espeak)
    one, _ = wav_stats(speaker.wav("Bước một", "vi"))
    two, _ = wav_stats(speaker.wav("Bước hai", "vi"))
    both, rms = wav_stats(speaker.speak(["Bước một", "", "  ", "Bước hai"], "vi"))
    assert both == pytest.approx(one + two + 0.3, abs=0.01)
    assert rms > 500


def test_speak_with_nothing_to_say_raises_speech_error(make_speaker, espeak):
    with pytest.raises(SpeechError):
        make_speaker(engine=espeak).speak(["", "   "], "vi")


def test_join_refuses_parts_of_different_formats(make_speaker, espeak):
    normal = make_speaker(engine=espeak).wav("một", "vi")
    import io
    import wave

    other = io.BytesIO()
    with wave.open(other, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)
    with pytest.raises(ValueError):
        join_wavs([normal, other.getvalue()])


def test_cache_survives_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = SpeechCache(blocker / "cache")
    key = cache.key("x", "vi", "v", 145)
    cache.put(key, b"RIFF....")  # no exception: the next tap just synthesises again
    assert cache.get(key) is None


def test_a_damaged_entry_is_reported_missing_not_raised(tmp_path):
    cache = SpeechCache(tmp_path)
    key = cache.key("x", "vi", "v", 145)
    cache.path(key).mkdir(parents=True)  # a folder where the file should be
    assert cache.get(key) is None


def test_typed_text_is_spoken_but_never_cached(make_speaker, counting_engine):
    from literacy_kit.speech import Typed

    engine, calls = counting_engine
    speaker = make_speaker(engine=engine)
    data = speaker.speak(["Số điện thoại", Typed("0912 345 678")], "vi")
    assert data.startswith(b"RIFF") and calls() == 2
    assert len(speaker.cache) == 1  # only the label
    speaker.speak(["Số điện thoại", Typed("0912 345 678")], "vi")
    assert calls() == 3  # the typed number is synthesised again, never read from disk


def test_a_read_only_cache_plays_what_is_there_and_keeps_nothing_new(make_speaker, counting_engine,
                                                                     monkeypatch):
    from literacy_kit.speech import Speaker, SpeechSettings

    engine, calls = counting_engine
    writer = make_speaker(engine=engine)
    writer.wav("Trang chủ", "vi")
    monkeypatch.setenv("LK_SPEECH_WRITE_CACHE", "0")
    settings = SpeechSettings.from_env(engine=engine, cache_dir=str(writer.cache.root))
    assert settings.write_cache is False
    kiosk = Speaker(settings)
    kiosk.wav("Trang chủ", "vi")  # prepared: read from disk
    assert calls() == 1 and kiosk.hits == 1
    kiosk.wav("Nguyễn Văn An", "vi")  # new: spoken, not stored
    kiosk.wav("Nguyễn Văn An", "vi")
    assert calls() == 3 and len(kiosk.cache) == 1
