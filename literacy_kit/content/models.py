"""Dataclasses that content files are loaded into (texts in both languages)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import DEFAULT_LANG, normalize_lang


@dataclass(frozen=True)
class Localized:
    """One text in Vietnamese and English."""

    vi: str
    en: str

    def get(self, lang: str | None = DEFAULT_LANG) -> str:
        return getattr(self, normalize_lang(lang))

    @classmethod
    def from_dict(cls, data: dict) -> "Localized":
        return cls(vi=data["vi"], en=data["en"])


@dataclass(frozen=True)
class Option:
    id: str
    text: Localized
    correct: bool
    feedback: Localized | None = None


@dataclass(frozen=True)
class Question:
    """A single- or multiple-choice question."""

    id: str
    kind: str
    stem: Localized
    options: tuple[Option, ...]
    explanation: Localized | None = None

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Ordering:
    """Steps to put in order; ``steps`` holds them in the right order."""

    id: str
    prompt: Localized
    steps: tuple[Localized, ...]


@dataclass(frozen=True)
class Page:
    """A titled page of paragraphs (help screens, lesson intros)."""

    id: str
    title: Localized
    body: tuple[Localized, ...]


@dataclass(frozen=True)
class Bundle:
    """Everything one content file holds, looked up by id."""

    id: str
    title: Localized | None = None
    pages: dict[str, Page] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    orderings: dict[str, Ordering] = field(default_factory=dict)
