"""The AI lesson's practice scenarios, and recognising which one a prompt is about.

Scenarios (``data/scenarios.yaml``): a village meeting notice, a plain-words summary of
a policy text, product descriptions for honey and rice noodles, a scam warning for the
village Zalo group, and one question (VNeID level 2) whose offline answer is
deliberately, confidently wrong, for the "spot the wrong answer" activity.

>>> match_scenario("Vi\\u1ebft th\\u00f4ng b\\u00e1o h\\u1ecdp th\\u00f4n").id
'meeting_notice'
>>> match_scenario("Write a poem about the sea") is None
True
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...content.models import Localized
from ...keywords import Keywords
from ...text import has_marks
from .data_files import DataFileError, load_data, localized, word_list

__all__ = ["Flaw", "Scenario", "fallback_text", "match_scenario", "scenario", "scenarios"]

STRONG, WEAK, MIN_SCORE = 2, 1, 2
"""A keyword scores 2, a weak keyword 1; a prompt needs 2 points to match a scenario."""


@dataclass(frozen=True)
class Flaw:
    """Where the deliberately wrong answer goes wrong: a sentence of it and why."""

    quote: Localized
    explanation: Localized


@dataclass(frozen=True)
class Scenario:
    """One practice scenario; ``flaw`` is set only on the deliberately wrong answer."""

    id: str
    title: Localized
    improved_prompt: Localized
    answer: Localized
    keywords: tuple[str, ...]
    weak_keywords: tuple[str, ...] = ()
    material: Localized | None = None
    flaw: Flaw | None = None

    @property
    def flawed(self) -> bool:
        return self.flaw is not None


@dataclass(frozen=True)
class _Matcher:
    scenario: Scenario
    strict: tuple[Keywords, Keywords]
    loose: tuple[Keywords, Keywords]

    def score(self, prompt: str, loose: bool) -> int:
        strong, weak = self.loose if loose else self.strict
        return STRONG * len(strong.found(prompt)) + WEAK * len(weak.found(prompt))


def _words(entry: dict, field: str, where: str) -> tuple[str, ...]:
    value = entry.get(field) or {}
    if not isinstance(value, dict):
        raise DataFileError(f"{where}.{field}: expected vi and en lists")
    return word_list(value.get("vi"), f"{where}.{field}.vi") + \
        word_list(value.get("en"), f"{where}.{field}.en")


def _scenario(entry: dict) -> Scenario:
    sid = entry.get("id")
    where = f"scenarios.yaml: {sid!r}"
    flaw = None
    if "flaw" in entry:
        flaw = Flaw(localized(entry["flaw"].get("quote"), f"{where}.flaw.quote"),
                    localized(entry["flaw"].get("explanation"), f"{where}.flaw.explanation"))
    item = Scenario(
        id=str(sid), title=localized(entry.get("title"), f"{where}.title"),
        improved_prompt=localized(entry.get("improved_prompt"), f"{where}.improved_prompt"),
        answer=localized(entry.get("answer"), f"{where}.answer"),
        keywords=_words(entry, "keywords", where),
        weak_keywords=_words(entry, "weak_keywords", where),
        material=localized(entry["material"], f"{where}.material") if "material" in entry else None,
        flaw=flaw)
    if not item.keywords:
        raise DataFileError(f"{where}: no keywords")
    if flaw is not None:
        for lang in ("vi", "en"):
            if item.answer.get(lang).count(flaw.quote.get(lang)) != 1:
                raise DataFileError(f"{where}: the flaw quote must occur once in the {lang} answer")
    return item


@lru_cache(maxsize=1)
def _matchers() -> tuple[_Matcher, ...]:
    entries = load_data("scenarios").get("scenarios") or []
    items = [_scenario(entry) for entry in entries]
    ids = [s.id for s in items]
    if len(set(ids)) != len(ids):
        raise DataFileError("scenarios.yaml: duplicate scenario ids")
    if sum(s.flawed for s in items) != 1:
        raise DataFileError("scenarios.yaml: exactly one scenario must carry a flaw")
    return tuple(_Matcher(s,
                          (Keywords(s.keywords, loose=False),
                           Keywords(s.weak_keywords, loose=False)),
                          (Keywords(s.keywords), Keywords(s.weak_keywords)))
                 for s in items)


def scenarios() -> tuple[Scenario, ...]:
    """Every scenario, in the data file's order.

    Examples
    --------
    >>> [s.id for s in scenarios() if s.flawed]
    ['vneid_level2']
    """
    return tuple(m.scenario for m in _matchers())


def scenario(scenario_id: str) -> Scenario:
    """The scenario with this id (``KeyError`` if there is none).

    Examples
    --------
    >>> scenario("product_honey").title.get("en")
    'A product description for local honey'
    """
    for item in scenarios():
        if item.id == scenario_id:
            return item
    raise KeyError(scenario_id)


def match_scenario(prompt: str) -> Scenario | None:
    """The scenario a prompt is about, or ``None`` when no scenario scores enough.

    Keywords of both languages count whatever the learner's interface language.
    Words typed without tone marks count only when the whole prompt has none, so that
    "ti\u1ebfng Vi\u1ec7t" never reads as "vi\u1ebft" (write).

    Examples
    --------
    >>> match_scenario("Tom tat chinh sach nay bang loi de hieu").id
    'policy_summary'
    """
    text = prompt or ""
    loose = not has_marks(text)
    best, best_score = None, MIN_SCORE - 1
    for matcher in _matchers():
        score = matcher.score(text, loose)
        if score > best_score:
            best, best_score = matcher.scenario, score
    return best


def fallback_text(lang: str) -> str:
    """The offline assistant's polite answer to a prompt it cannot match, listing the topics.

    Examples
    --------
    >>> "Zalo" in fallback_text("en")
    True
    """
    data = load_data("scenarios").get("fallback")
    template = localized(data, "scenarios.yaml: fallback").get(lang)
    topics = "; ".join(s.title.get(lang) for s in scenarios())
    return template.replace("{topics}", topics)
