"""The payments views' small stylesheet (a ``<style>`` in an ``HTML`` widget, no JavaScript).

Built from the core CSS variables, so the large-text and high-contrast display options
restyle the scene, the messages and the verdicts too.
"""
from __future__ import annotations

import ipywidgets as w

from ...core.base import css

PAYMENTS_CSS = """
.lk-payments-menu .lk-payments-scenario.jupyter-button { margin: 2px; border-radius: 18px; }
.lk-payments-scene h4 { margin: 4px 0; }
.lk-payments-sticker { border: 6px solid #b71c1c; border-radius: 8px; background: #fff; }
.lk-payments-sms, .lk-payments-listing-post .widget-html-content {
  border: 2px solid #90a4ae; border-radius: 12px; padding: 6px 10px; color: var(--lk-text);
}
.lk-payments-verdict-right { color: #1b5e20; }
.lk-payments-verdict-wrong { color: #b71c1c; }
.lk-payments-stall { border: 2px solid #90a4ae; border-radius: 10px; padding: 6px; margin: 4px; }
.lk-payments-stall-refused { border-color: #b71c1c; }
"""


def payments_stylesheet() -> w.HTML:
    """The stylesheet as a widget (class ``lk-payments-style``)."""
    return css(w.HTML(f"<style>{PAYMENTS_CSS}</style>"), "payments-style")
