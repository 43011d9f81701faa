"""What the safety views share: a small stylesheet and a message drawn as it arrives.

:func:`message_html` draws a bank item in its channel (an incoming call, an SMS thread, a
Zalo chat, a video call), escaped, with the words the message detector flagged marked
when asked. Links are drawn as plain text, never as anchors: nothing in these views can
open a page or reach a network.

>>> from literacy_kit.safety import default_bank
>>> html = message_html(default_bank().item("bank_sms_new_device"), "en", marks=True)
>>> "lk-safety-mark" in html and "<a " not in html
True
"""
from __future__ import annotations

import html

import ipywidgets as w

from ...core.base import css
from ...i18n import t
from ..logic.bank import ScamItem
from ..logic.messages import MessageReport, assess_message

__all__ = ["GLYPH_BAD", "GLYPH_OK", "PICKED", "SAFETY_CSS", "esc", "marked_text", "message_html",
           "safety_stylesheet"]

#: Text glyphs beside a verdict, so colour is never the only signal.
GLYPH_OK, GLYPH_BAD = "\u2714", "\u2716"
#: Before the label of a picked button (high contrast draws every button alike).
PICKED = "\u2714 "
_CHANNEL_GLYPHS = {"call": "\u260e", "sms": "\u2709", "zalo": "\u2709", "video_call": "\u25b6"}

SAFETY_CSS = """
.lk-safety-msg { border: 2px solid #90a4ae; border-radius: 12px; padding: 8px 12px; box-sizing: border-box;
  color: var(--lk-text); line-height: 1.45; margin: 4px 0; }
.lk-safety-msg-head { font-size: 0.9em; color: var(--lk-muted); font-weight: bold; }
.lk-safety-msg-thread { font-size: 0.8em; color: var(--lk-muted); }
.lk-safety-msg-body { margin-top: 4px; }
.lk-safety-msg-call .lk-safety-msg-body, .lk-safety-msg-video_call .lk-safety-msg-body {
  font-style: italic; }
.lk-safety-msg-sms .lk-safety-msg-body { background: var(--lk-accent-bg); border-radius: 10px;
  padding: 6px 10px; }
.lk-safety-msg-zalo .lk-safety-msg-body { background: var(--lk-ok-bg); border-radius: 10px;
  padding: 6px 10px; }
.lk-safety-msg-video_call .lk-safety-msg-body { filter: blur(0.3px); }
.lk-safety-badge { font-size: 0.75em; font-weight: bold; color: var(--lk-warn);
  background: var(--lk-warn-bg); padding: 0 6px; border-radius: 6px; }
mark.lk-safety-mark { background: var(--lk-warn-bg); color: var(--lk-bad);
  border-bottom: 2px solid var(--lk-bad); padding: 0 2px; }
.lk-safety-row { flex-flow: row wrap; gap: 6px; }
.lk-view .lk-safety-picked.jupyter-button { border: 3px solid var(--lk-accent);
  background: var(--lk-accent-bg); color: var(--lk-accent); font-weight: bold; }
.lk-safety-right .widget-html-content { color: var(--lk-ok); }
.lk-safety-wrong .widget-html-content { color: var(--lk-bad); }
.lk-safety-cues li { margin: 2px 0; }
.lk-safety-script { border-left: 6px solid #90a4ae; padding: 6px 10px; font-style: italic; }
.lk-safety-sorter-item { border-bottom: 1px solid #cfd8dc; padding-bottom: 6px; }
"""


def safety_stylesheet() -> w.HTML:
    """A fresh ``HTML`` widget (classes ``lk-stylesheet``, ``lk-safety-stylesheet``)."""
    return css(w.HTML(value=f'<style data-lk="safety">{SAFETY_CSS}</style>',
                      layout=w.Layout(display="block", height="0px", margin="0")),
               "stylesheet", "safety-stylesheet")


def esc(text: str) -> str:
    """Escape a text for an ``HTML`` widget."""
    return html.escape(text or "", quote=False)


def marked_text(text: str, report: MessageReport | None) -> str:
    """``text`` escaped, with every span that raised a flag in ``<mark>`` (flag as title)."""
    if report is None or not report.triggers:
        return esc(text)
    spans = sorted({(tr.start, tr.end, tr.flag) for tr in report.triggers})
    out, pos = [], 0
    for start, end, flag in spans:
        if start < pos:
            continue  # overlapping spans: the first one marks the words
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="lk-safety-mark lk-safety-mark-{flag}">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def message_html(item: ScamItem, lang: str, marks: bool = False) -> str:
    """An item drawn in its channel; ``marks=True`` highlights the flagged words."""
    text = item.text.get(lang)
    report = assess_message(text) if marks else None
    channel = t(f"safety.channel.{item.channel}", lang)
    thread = ""
    if item.thread:
        thread = (f'<div class="lk-safety-msg-thread">'
                  f'{esc(t("safety_widgets.thread", lang, thread=item.thread))}</div>')
    badge = f'<span class="lk-safety-badge">{esc(t("safety_widgets.simulation", lang))}</span>'
    return (f'<div class="lk-safety-msg lk-safety-msg-{item.channel}">'
            f'<div class="lk-safety-msg-head">{_CHANNEL_GLYPHS[item.channel]} {esc(channel)}: '
            f'{esc(item.sender.get(lang))} {badge}</div>{thread}'
            f'<div class="lk-safety-msg-body">{marked_text(text, report)}</div></div>')


def cue_list(item: ScamItem, lang: str) -> str:
    """The item's cues as an HTML list."""
    rows = "".join(f"<li>{esc(cue.get(lang))}</li>" for cue in item.cues)
    return f'<ul class="lk-safety-cues">{rows}</ul>'


def action_list(actions, lang: str) -> str:
    """Right actions (ids) as an HTML list of their catalog texts."""
    rows = "".join(f"<li>{esc(t(f'safety.action.{a}', lang))}</li>" for a in actions)
    return f'<ul class="lk-safety-actions">{rows}</ul>'
