""""Is it safe to paste this?": tap the pieces of a text that must be removed before pasting.

:class:`PasteCheck` shows a content page's paragraphs as tappable pieces; the right pieces
are those :func:`~literacy_kit.ai.find_personal_data` finds personal data in (run over the
whole text, so context words in a neighbouring piece count). With ``graded=True`` (an
nbgrader exercise) there is no Check button and no feedback: the answer is only kept.

>>> from literacy_kit.ai.widgets.activities import PasteCheck
>>> view = PasteCheck("paste_request", lang="en")
>>> view.toggle(2); view.check()
'partial'
"""
from __future__ import annotations

from ...content import Localized, Page
from ...i18n import LANGS, t
from .activities_base import (ACTIVITIES_BUNDLE, STATUSES, TapState, TapTextView, kind_names,
                              page_of)
from ..logic.activities_text import join_pieces, piece_ids, piece_kinds
from ..logic.personal_data import DataKind, redact
from .style import esc, text_html

__all__ = ["ACTIVITIES_BUNDLE", "PasteCheck", "STATUSES", "TapState", "TapTextView", "kind_names",
           "page_of"]


class PasteCheck(TapTextView):
    """"Tap what must be removed before pasting": one button per piece of a content page.

    Parameters
    ----------
    page : Page or str
        A content page whose paragraphs are the pieces (the same number in both
        languages), or its id in the ``ai_activities`` bundle.
    graded : bool
        Keep the answer only (no Check, no marks): for nbgrader exercises.

    Seams: ``toggle(i)``, ``select(*ids)``, ``check()``, ``retry()``, ``reset()``.
    State: :class:`TapState` (``selected`` holds piece ids ``p1, p2...``).

    CSS classes: ``lk-ai-paste``, ``lk-ai-paste-title``, ``lk-ai-paste-hint``,
    ``lk-ai-paste-items``, ``lk-ai-piece`` (+ ``lk-ai-piece-<id>``, ``lk-ai-selected``,
    ``lk-ai-mark-correct`` / ``lk-ai-mark-wrong``), ``lk-ai-paste-check``,
    ``lk-ai-paste-retry``, ``lk-ai-paste-feedback``, ``lk-ai-paste-extra`` (the masked text).
    """

    prefix = "ai-paste"
    item = "ai-piece"

    def __init__(self, page: Page | str = "paste_request", lang: str = "vi",
                 graded: bool = False, **kwargs):
        self.page = page_of(page)
        super().__init__(piece_ids(len(self.page.body)), lang=lang, graded=graded, **kwargs)
        self.lang = lang
        self.relabel()

    def texts(self, lang: str) -> list[str]:
        return [piece.get(lang) for piece in self.page.body]

    def kinds(self, lang: str) -> dict[str, tuple[DataKind, ...]]:
        """The pieces holding personal data in ``lang`` and the kinds in each."""
        return piece_kinds(self.texts(lang))

    def targets(self, lang: str) -> set[str] | None:
        return None if self.graded else set(self.kinds(lang))

    def title_text(self, lang: str) -> str:
        return f"<b>{esc(self.page.title.get(lang))}</b>"

    def hint_text(self, lang: str) -> str:
        return t("ai_widgets.paste.graded_hint" if self.graded else "ai_widgets.paste.hint", lang)

    def feedback(self, lang: str):
        chosen = set(self.state.selected)
        kinds = self.kinds(lang)
        targets = set(kinds)
        text = join_pieces(self.texts(lang))[0]
        safe = f"<b>{esc(t('ai_widgets.paste.safe_version', lang))}</b><br>{text_html(redact(text, lang))}"
        if chosen == targets:
            key = "ai_widgets.paste.correct" if targets else "ai_widgets.paste.nothing"
            return "success", key, {"total": len(targets)}, safe if targets else ""
        messages = {}
        missed = [kind for piece_id in kinds if piece_id not in chosen for kind in kinds[piece_id]]
        for code in LANGS:
            parts = [t("ai_widgets.paste.found", code, right=len(chosen & targets),
                       total=len(targets))]
            if chosen - targets:
                parts.append(t("ai_widgets.paste.wrong_picks", code, wrong=len(chosen - targets)))
            if missed:
                parts.append(t("ai_widgets.paste.missed", code, kinds=kind_names(missed, code)))
            messages[code] = " ".join(parts)
        kind = "warning" if chosen & targets else "error"
        return kind, Localized(vi=messages["vi"], en=messages["en"]), {}, ""
