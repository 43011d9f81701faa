"""Read-aloud speed: synthesis time per 100 characters, and what a cache hit costs.

Measured in one run, on this machine, with the real espeak-ng:
  * baseline: espeak-ng run directly on the text (what any read-aloud must pay once);
  * miss: ``Speaker.wav`` on an empty cache (engine + cache write), per 100 characters;
  * hit: ``Speaker.wav`` on the same text again (a file read), and the ratio miss/hit;
  * tap: a ``ReadAloud`` tap on a lesson question, cold and warm (pieces cached, then
    joined and handed to an ``Audio`` widget).

Usage:  .venv/bin/python benchmarks/speech.py [--repeat 7]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from literacy_kit import content
from literacy_kit.core import ChoiceQuestion
from literacy_kit.speech import Speaker, SpeechSettings, set_default_speaker
from literacy_kit.testing import close_all


def texts_of(lang: str) -> str:
    """A realistic paragraph: every page text of the help bundle in one language."""
    bundle = content.load("kiosk_help")
    return " ".join(p.get(lang) for page in bundle.pages.values() for p in page.body)


def timed(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        print("espeak-ng is missing: sudo apt-get install -y espeak-ng", file=sys.stderr)
        return 1
    print(f"espeak-ng: {espeak}; median of {args.repeat} runs")
    for lang, voice in (("vi", "vi"), ("en", "en-us")):
        text = texts_of(lang)
        per100 = 100 / len(text)

        def direct():
            subprocess.run([espeak, "-v", voice, "-s", "145", "-b", "1", "-w", "/dev/null"],
                           input=text.encode("utf-8"), check=True)

        base = timed(direct, args.repeat)

        def miss():
            with tempfile.TemporaryDirectory() as folder:
                Speaker(SpeechSettings(cache_dir=folder)).wav(text, lang)

        cold = timed(miss, args.repeat)
        with tempfile.TemporaryDirectory() as folder:
            speaker = Speaker(SpeechSettings(cache_dir=folder))
            speaker.wav(text, lang)
            warm = timed(lambda: speaker.wav(text, lang), args.repeat * 5)
        print(f"[{lang}] {len(text)} characters")
        print(f"  baseline espeak-ng direct : {base * per100 * 1000:8.1f} ms per 100 characters")
        print(f"  synthesis (cache miss)    : {cold * per100 * 1000:8.1f} ms per 100 characters"
              f"  ({cold / base:.2f}x baseline)")
        print(f"  cache hit                 : {warm * 1000:8.3f} ms for the whole text"
              f"  (miss/hit = {cold / warm:,.0f}x)")

    question = next(iter(content.load("core_demo").questions.values()))
    with tempfile.TemporaryDirectory() as folder:
        set_default_speaker(Speaker(SpeechSettings(cache_dir=folder)))
        view = ChoiceQuestion(question, lang="vi")
        start = time.perf_counter()
        view.read_aloud.speak()
        first = time.perf_counter() - start
        again = timed(view.read_aloud.speak, args.repeat)
        chars = sum(len(text) for text in view.read_aloud.texts())
        close_all(view)
        set_default_speaker(None)
    print(f"[tap] question of {chars} characters: first tap {first * 1000:.0f} ms, "
          f"next taps {again * 1000:.0f} ms ({first / again:.1f}x faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
