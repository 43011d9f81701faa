"""Without espeak-ng: speaker buttons are hidden, nothing raises, doctor and prewarm explain."""
from __future__ import annotations

import subprocess
import sys

import pytest

from literacy_kit import content, doctor
from literacy_kit.core import ChoiceQuestion, FeedbackPanel, PhoneFrame, ReadAloud
from literacy_kit.speech import SpeechError, set_default_speaker
from literacy_kit.testing import close_all, find


@pytest.fixture
def no_engine(tmp_path, monkeypatch, make_speaker):
    missing = str(tmp_path / "no-espeak-ng")
    monkeypatch.setenv("LK_SPEECH_ENGINE", missing)
    speaker = make_speaker(engine=missing)
    set_default_speaker(speaker)
    yield speaker
    set_default_speaker(None)


def test_speaker_reports_unavailable(no_engine):
    assert not no_engine.available
    with pytest.raises(SpeechError):
        no_engine.wav("xin chào", "vi")


def test_read_aloud_button_is_hidden_and_tapping_does_nothing(no_engine):
    view = ReadAloud(lambda: ["xin chào"], lang="vi")
    try:
        assert view.layout.display == "none"
        view.button.click()
        assert view.speak() == "unavailable"
        assert view.audio is None and view.plays == 0
    finally:
        close_all(view)


def test_core_views_hide_their_speakers(no_engine):
    question = content.load("core_demo").questions
    views = [ChoiceQuestion(next(iter(question.values()))), FeedbackPanel(), PhoneFrame("x")]
    try:
        for view in views:
            speakers = find(view, ReadAloud)
            assert speakers and all(s.layout.display == "none" for s in speakers)
    finally:
        for view in views:
            close_all(view)


def test_doctor_says_how_to_install_espeak(no_engine):
    result = doctor.check_speech()
    assert not result.ok
    assert result.install == "sudo apt-get install -y espeak-ng"


def test_doctor_finds_a_working_espeak(espeak, monkeypatch):
    monkeypatch.setenv("LK_SPEECH_ENGINE", espeak)
    assert doctor.check_speech().ok


@pytest.mark.parametrize("lang,expected", [("vi", "Cài bằng lệnh"), ("en", "Install it with")])
def test_prewarm_without_engine_explains_and_fails(no_engine, lang, expected, tmp_path):
    result = subprocess.run([sys.executable, "-m", "literacy_kit.cli", "speech", "prewarm",
                             "--lang", lang, "--cache", str(tmp_path / "c")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert expected in result.stderr and "apt-get install -y espeak-ng" in result.stderr
    assert "Traceback" not in result.stderr
