"""A deterministic rubric for a learner's prompt to an AI assistant.

Five criteria, each passed or not with a feedback sentence in the learner's language:

``task``      an action verb says what to do (vi\u1ebft, t\u00f3m t\u1eaft... / write...)
``context``   enough detail: what, who, where, when (or pasted material to work on)
``format``    a length or a shape ("5 c\u00e2u", "about 100 words", "bullet points")
``audience``  who reads it or the tone ("b\u00e0 con l\u1edbn tu\u1ed5i", "friendly")
``privacy``   no personal data (:func:`~literacy_kit.ai.find_personal_data`)

The review also proposes a better prompt: the scenario's own example when the prompt
is about a lesson scenario, otherwise the learner's prompt (personal data masked) with
a line added for every missing criterion. Keywords live in ``data/rubric.yaml``,
sentences in the catalogs (``ai.review.*``).

>>> review = review_prompt("Vi\\u1ebft th\\u00f4ng b\\u00e1o", "en")
>>> review.score, [c.id for c in review.criteria if c.passed]
(2, ['task', 'privacy'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...i18n import DEFAULT_LANG, normalize_lang, t
from ...keywords import Keywords
from ...text import fold_space, has_marks, nfc
from .data_files import DataFileError, load_data, localized, word_list
from .personal_data import Finding, find_personal_data, redact
from .scenarios import match_scenario, scenario as scenario_by_id

__all__ = ["CRITERIA", "CriterionResult", "PromptReview", "review_prompt"]

CRITERIA = ("task", "context", "format", "audience", "privacy")
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class CriterionResult:
    """One criterion of the rubric: ``passed``, the ``feedback`` sentence and the matched words."""

    id: str
    passed: bool
    label: str
    feedback: str
    matched: tuple[str, ...] = ()


@dataclass(frozen=True)
class PromptReview:
    """The rubric's verdict on one prompt, in one language.

    ``score`` counts passed criteria out of ``max_score``; ``improved_prompt`` is an
    example of a better prompt in ``lang``; ``scenario`` is the recognised lesson
    scenario's id (or ``None``); ``findings`` the personal data found in the prompt.
    """

    prompt: str
    lang: str
    criteria: tuple[CriterionResult, ...]
    improved_prompt: str
    scenario: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def score(self) -> int:
        return sum(c.passed for c in self.criteria)

    @property
    def max_score(self) -> int:
        return len(self.criteria)

    @property
    def all_passed(self) -> bool:
        return self.score == self.max_score

    def criterion(self, criterion_id: str) -> CriterionResult:
        """The result for one criterion id (``KeyError`` if unknown)."""
        for item in self.criteria:
            if item.id == criterion_id:
                return item
        raise KeyError(criterion_id)

    def summary(self) -> str:
        """``"\u0110\u1ea1t 3/5 ti\u00eau ch\u00ed"`` / ``"3 of 5 criteria met"``."""
        return t("ai.review.score", self.lang, score=self.score, total=self.max_score)


@dataclass(frozen=True)
class _Rubric:
    strict: dict
    loose: dict
    min_hits: int
    material_words: int
    number_unit: tuple[re.Pattern, re.Pattern]


def _both(entry: dict, field: str) -> tuple[str, ...]:
    value = entry.get(field) or {}
    return word_list(value.get("vi"), f"rubric.yaml: {field}.vi") + \
        word_list(value.get("en"), f"rubric.yaml: {field}.en")


def _phrase(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


def _number_unit(fmt: dict, loose: bool) -> re.Pattern:
    numbers = Keywords(_both(fmt, "numbers"), loose=loose).words
    units = Keywords(_both(fmt, "units"), loose=loose).words
    if not units:
        raise DataFileError("rubric.yaml: format.units is empty")
    # A number word needs a space before its unit: "ba y" is not "bay" (fly).
    counts = "|".join(_phrase(w) for w in sorted(numbers, key=len, reverse=True)) or "(?!)"
    unit = "|".join(_phrase(w) for w in sorted(units, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:\d+\s*|(?:{counts})\s+)(?:{unit})(?![^\W\d_])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _rubric() -> _Rubric:
    criteria = load_data("rubric").get("criteria") or {}
    missing = [c for c in CRITERIA[:-1] if c not in criteria]
    if missing:
        raise DataFileError(f"rubric.yaml: criteria missing: {missing}")
    strict = {c: Keywords(_both(criteria[c], "words"), loose=False,
                          exclude=_both(criteria[c], "not_words")) for c in CRITERIA[:-1]}
    loose = {c: Keywords(_both(criteria[c], "words"), exclude=_both(criteria[c], "not_words"))
             for c in CRITERIA[:-1]}
    context = criteria["context"]
    return _Rubric(strict, loose, int(context.get("min_hits", 3)),
                   int(context.get("material_words", 12)),
                   (_number_unit(criteria["format"], False),
                    _number_unit(criteria["format"], True)))


def _material(text: str, size: int) -> bool:
    """True when a colon or line break is followed by ``size`` words: pasted text to work on."""
    for part in re.split(r"[:\n]", text)[1:]:
        if len(part.split()) >= size:
            return True
    return False


def _check(criterion: str, text: str, rubric: _Rubric, loose: bool) -> tuple[bool, tuple[str, ...]]:
    words = tuple((rubric.loose if loose else rubric.strict)[criterion].found(text))
    if criterion == "context":
        hits = len(words) + (1 if _NUMBER.search(text) else 0)
        return hits >= rubric.min_hits or _material(text, rubric.material_words), words
    if criterion == "format":
        sizes = tuple(fold_space(m.group()) for m in rubric.number_unit[loose].finditer(text))
        return bool(words or sizes), words + sizes
    return bool(words), words


def _feedback(criterion: str, passed: bool, lang: str, words: tuple[str, ...],
              findings: list[Finding]) -> str:
    if criterion == "privacy" and not passed:
        kinds = ", ".join(dict.fromkeys(f.kind.label(lang) for f in findings))
        return t("ai.review.privacy.fail", lang, kinds=kinds)
    if criterion == "context" and passed and not words:
        return t("ai.review.context.material", lang)
    key = f"ai.review.{criterion}.{'pass' if passed else 'fail'}"
    quoted = ", ".join(t("ai.review.quote", lang, word=w) for w in words[:4])
    return t(key, lang, words=quoted)


def _improved(prompt: str, lang: str, results: dict[str, bool], scenario_id: str | None) -> str:
    if scenario_id is not None:
        return scenario_by_id(scenario_id).improved_prompt.get(lang)
    data = load_data("rubric").get("improved") or {}
    if not prompt:
        return localized(data.get("empty"), "rubric.yaml: improved.empty").get(lang)
    masked = fold_space(redact(prompt, lang))
    if not results["task"]:
        lead = localized(data.get("without_task"), "rubric.yaml: improved.without_task").get(lang)
        masked = lead.replace("{prompt}", masked)
    lines = [masked]
    adds = data.get("add") or {}
    for criterion in ("context", "format", "audience", "privacy"):
        if not results[criterion]:
            where = f"rubric.yaml: improved.add.{criterion}"
            lines.append(localized(adds.get(criterion), where).get(lang))
    return "\n".join(lines)


def review_prompt(text: str, lang: str = DEFAULT_LANG) -> PromptReview:
    """Score a prompt on the five criteria and propose a better one, in ``lang``.

    Parameters
    ----------
    text : str
        The learner's prompt, in Vietnamese or English, NFC or NFD; never raises.
    lang : str
        The learner's language for feedback and the improved prompt.

    Examples
    --------
    >>> r = review_prompt("Write a short notice for the village meeting on Saturday "
    ...                   "evening at the cultural house, in a friendly tone.", "en")
    >>> r.all_passed, r.scenario
    (True, 'meeting_notice')
    """
    lang = normalize_lang(lang)
    prompt = fold_space(nfc(text or ""))
    rubric = _rubric()
    loose = not has_marks(prompt)
    findings = find_personal_data(prompt)
    results: dict[str, bool] = {}
    items = []
    for criterion in CRITERIA:
        if criterion == "privacy":
            passed, words = not findings, ()
        else:
            passed, words = _check(criterion, prompt, rubric, loose)
        results[criterion] = passed
        items.append(CriterionResult(criterion, passed, t(f"ai.criterion.{criterion}", lang),
                                     _feedback(criterion, passed, lang, words, findings), words))
    matched = match_scenario(prompt) if prompt else None
    scenario_id = matched.id if matched else None
    return PromptReview(prompt=prompt, lang=lang, criteria=tuple(items),
                        improved_prompt=_improved(prompt, lang, results, scenario_id),
                        scenario=scenario_id, findings=tuple(findings))
