"""What the AI lesson's views share: a small stylesheet, catalog texts as Localized, text markup.

The stylesheet is a ``<style>`` in an ``HTML`` widget (no JavaScript), built from the core
CSS variables so the large-text and high-contrast options restyle the chat bubbles, the
text pieces and the rubric rows too. Every AI view carries one copy; a page showing
several views simply repeats the same rules.
"""
from __future__ import annotations

import html

import ipywidgets as w

from ...content import Localized
from ...core.base import css
from ...i18n import LANGS, t

__all__ = ["AI_CSS", "GLYPH_FAIL", "GLYPH_PASS", "ai_stylesheet", "esc", "localized", "text_html"]

#: Text glyphs beside a verdict, so colour is never the only signal.
GLYPH_PASS, GLYPH_FAIL = "\u2714", "\u2716"

AI_CSS = """
.lk-ai-chat-messages { gap: 8px; }
.lk-ai-bubble { max-width: 88%; }
.lk-ai-bubble .widget-html-content {
  padding: 8px 12px; border-radius: 14px; border: 2px solid #90a4ae;
  color: var(--lk-text); line-height: 1.45;
}
.lk-ai-bubble-user { align-self: flex-end; }
.lk-ai-bubble-user .widget-html-content {
  background: var(--lk-accent-bg); border-color: var(--lk-accent); border-bottom-right-radius: 4px;
}
.lk-ai-bubble-assistant { align-self: flex-start; }
.lk-ai-bubble-assistant .widget-html-content { background: transparent; border-bottom-left-radius: 4px; }
.lk-ai-bubble-who { font-size: 0.85em; color: var(--lk-muted); font-weight: bold; }
.lk-ai-chat-empty, .lk-ai-chat-assistant-name, .lk-ai-hint { color: var(--lk-muted); }
.lk-ai-chat-suggestions, .lk-ai-pieces, .lk-ai-row { flex-flow: row wrap; gap: 6px; }
.lk-view .lk-ai-chat-suggestion.jupyter-button { font-size: 0.9em; border-radius: 18px; }
.lk-ai-quote .widget-html-content {
  border-left: 6px solid #90a4ae; padding: 8px 12px; background: transparent;
}
.lk-view .lk-ai-piece.jupyter-button, .lk-view .lk-ai-sentence.jupyter-button {
  border: 2px solid #90a4ae; background: transparent; color: var(--lk-text);
}
.lk-view .lk-ai-piece.jupyter-button { width: auto; flex: 0 1 auto; text-align: center; }
.lk-view .lk-ai-selected.jupyter-button {
  border: 3px solid var(--lk-accent); background: var(--lk-accent-bg); color: var(--lk-accent);
  text-decoration: line-through;
}
.lk-view .lk-ai-sentence.lk-ai-selected.jupyter-button { text-decoration: none; font-weight: bold; }
.lk-view .lk-ai-mark-correct.jupyter-button {
  border: 3px solid var(--lk-ok); background: var(--lk-ok-bg); color: var(--lk-ok);
}
.lk-view .lk-ai-mark-wrong.jupyter-button {
  border: 3px solid var(--lk-bad); background: var(--lk-bad-bg); color: var(--lk-bad);
}
.lk-ai-coach-pass .widget-html-content { color: var(--lk-ok); }
.lk-ai-coach-fail .widget-html-content { color: var(--lk-bad); }
.lk-ai-coach-improved .widget-html-content, .lk-ai-masked .widget-html-content {
  border: 2px dashed var(--lk-ok); border-radius: 8px; padding: 8px 12px;
}
.lk-view .lk-ai-input textarea { min-height: 96px !important; width: 100%; font-family: inherit; }
.lk-ai-chat-messages { border-bottom: 1px solid #b0bec5; padding-bottom: 4px; }
"""


def ai_stylesheet() -> w.HTML:
    """A fresh ``HTML`` widget (classes ``lk-stylesheet``, ``lk-ai-stylesheet``) with the rules."""
    return css(w.HTML(value=f'<style data-lk="ai">{AI_CSS}</style>',
                      layout=w.Layout(display="block", height="0px", margin="0")),
               "stylesheet", "ai-stylesheet")


def localized(key: str, **fmt) -> Localized:
    """A catalog key in every language, for widgets that take a :class:`Localized`."""
    texts = {lang: t(key, lang, **fmt) for lang in LANGS}
    return Localized(vi=texts["vi"], en=texts["en"])


def esc(text: str) -> str:
    """Escape a text for an ``HTML`` widget."""
    return html.escape(text or "", quote=False)


def text_html(text: str) -> str:
    """A plain text (an answer, a prompt) as escaped HTML that keeps its line breaks."""
    return esc(text).replace("\n", "<br>")
