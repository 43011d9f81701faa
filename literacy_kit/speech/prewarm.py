"""Fill the speech cache with every text a learner may hear, before a class or a kiosk day.

The texts are every string of every content bundle, in both languages, and the catalog
strings the views read aloud (fixed strings only: a ``{placeholder}`` string is only
known once filled in, so it is synthesised on its first tap).

>>> texts = content_texts()
>>> all(lang in ("vi", "en") for lang, _ in texts)
True
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..content import ContentError, Localized, available, load
from ..i18n import LANGS, catalog, placeholders
from .engine import SpeechError
from .speaker import Speaker, clean

#: Catalog areas whose strings appear in views (``cli`` only ever reaches a terminal).
SPOKEN_AREAS_EXCLUDED = ("cli.",)


def _localized_in(value) -> Iterable[Localized]:
    if isinstance(value, Localized):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _localized_in(getattr(value, item.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _localized_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _localized_in(item)


def content_texts(langs: Iterable[str] = LANGS,
                  bundles: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """Unique ``(lang, text)`` pairs from the content bundles and the spoken catalogs.

    ``bundles`` names the content files to take (then no catalog string is added):
    a trainer preparing one lesson needs only its texts.
    """
    langs = tuple(langs)
    seen: dict[tuple[str, str], None] = {}
    names = available() if bundles is None else list(bundles)
    for name in names:
        try:
            bundle = load(name)
        except ContentError:  # the content tests report it; prewarm does what it can
            continue
        for text in _localized_in(bundle):
            for lang in langs:
                value = text.get(lang)
                if value and placeholders(value):  # filled in at tap time: nothing to prepare
                    continue
                for cleaned in clean([value]):
                    seen.setdefault((lang, cleaned), None)
    if bundles is not None:
        return list(seen)
    for lang in langs:
        for key, value in sorted(catalog(lang).items()):
            if key.startswith(SPOKEN_AREAS_EXCLUDED) or placeholders(value):
                continue
            for cleaned in clean([value]):
                seen.setdefault((lang, cleaned), None)
    return list(seen)


@dataclass
class PrewarmReport:
    """What a prewarm run did."""

    total: int = 0
    made: int = 0
    cached: int = 0
    failed: int = 0
    seconds: float = 0.0
    characters: int = 0


def prewarm(speaker: Speaker, items: Iterable[tuple[str, str]],
            progress: Callable[[int, int, float], None] | None = None) -> PrewarmReport:
    """Synthesise every ``(lang, text)`` not yet cached; ``progress(done, total, elapsed)``."""
    items = list(items)
    report = PrewarmReport(total=len(items))
    start = time.perf_counter()
    for done, (lang, text) in enumerate(items, start=1):
        if speaker.is_cached(text, lang):
            report.cached += 1
        else:
            try:
                speaker.wav(text, lang)
            except SpeechError:
                report.failed += 1
            else:
                report.made += 1
                report.characters += len(text)
        if progress is not None:
            progress(done, report.total, time.perf_counter() - start)
    report.seconds = time.perf_counter() - start
    return report
