"""literacy-kit speech prewarm: every content string of both languages lands in the cache."""
from __future__ import annotations

import subprocess
import sys

from literacy_kit import content
from literacy_kit.i18n import t
from literacy_kit.speech import Speaker, SpeechSettings
from literacy_kit.speech.prewarm import content_texts, prewarm


def test_content_texts_cover_both_languages_and_skip_templates():
    texts = content_texts()
    bundle = content.load("kiosk_help")
    stem = bundle.questions["practice_tap"].stem
    assert ("vi", stem.vi) in texts and ("en", stem.en) in texts
    assert ("vi", t("core.check", "vi")) in texts
    assert all("{" not in text for _, text in texts)  # placeholders are filled at tap time
    assert ("vi", t("cli.doctor_all_ok", "vi")) not in texts  # terminal-only strings
    assert len(texts) == len(set(texts))


def test_prewarm_makes_each_text_once(tmp_path, espeak):
    speaker = Speaker(SpeechSettings(engine=espeak, cache_dir=str(tmp_path)))
    items = content_texts()[:12]
    seen = []
    report = prewarm(speaker, items, progress=lambda done, total, elapsed: seen.append((done, total)))
    assert (report.total, report.made, report.cached, report.failed) == (12, 12, 0, 0)
    assert seen[-1] == (12, 12) and len(seen) == 12
    again = prewarm(speaker, items)
    assert (again.made, again.cached) == (0, 12)


def test_content_texts_of_chosen_bundles_only():
    help_texts = content_texts(bundles=["kiosk_help"])
    stem = content.load("kiosk_help").questions["practice_tap"].stem
    assert ("vi", stem.vi) in help_texts and ("en", stem.en) in help_texts
    assert ("vi", t("core.check", "vi")) not in help_texts
    assert set(help_texts) < set(content_texts())


def test_prewarm_command_fills_the_cache_and_reports(tmp_path, espeak, monkeypatch):
    # One bundle keeps this quick; content_texts() covering everything is tested above.
    monkeypatch.setenv("LK_SPEECH_ENGINE", espeak)
    command = [sys.executable, "-m", "literacy_kit.cli", "speech", "prewarm",
               "--cache", str(tmp_path), "--region", "south", "--bundle", "kiosk_help"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    total = len(content_texts(bundles=["kiosk_help"]))
    assert f"{total} đoạn mới đọc" in first.stdout
    assert f"{total}/{total}" in first.stderr  # the progress bar reached the end
    assert len(list(tmp_path.glob("*/*.wav"))) == total
    second = subprocess.run(command + ["--lang", "en"], capture_output=True, text=True, timeout=300)
    assert second.returncode == 0
    assert f"0 newly spoken, {total} already there" in second.stdout


def test_prewarm_unknown_bundle_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "literacy_kit.cli", "speech", "prewarm",
                             "--cache", str(tmp_path), "--bundle", "nope", "--lang", "en"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "No content called nope" in result.stderr and "kiosk_help" in result.stderr
    assert "Traceback" not in result.stderr
