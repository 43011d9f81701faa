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
    """One tappable answer; ``correct`` is ``None`` in a graded question (answers are hidden)."""

    id: str
    text: Localized
    correct: bool | None
    feedback: Localized | None = None


@dataclass(frozen=True)
class Question:
    """A single- or multiple-choice question.

    A ``graded`` question belongs to an nbgrader exercise: its content says nothing about
    which options are right (that lives only in the exercise's hidden tests).
    """

    id: str
    kind: str
    stem: Localized
    options: tuple[Option, ...]
    explanation: Localized | None = None
    graded: bool = False

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Ordering:
    """Steps to put in order; ``steps`` holds them in the right order.

    A ``graded`` ordering belongs to an nbgrader exercise: its steps are listed out of
    order, and ``step_ids`` (one per step) name them in answers and hidden tests.
    """

    id: str
    prompt: Localized
    steps: tuple[Localized, ...]
    graded: bool = False
    step_ids: tuple[str, ...] = ()


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
