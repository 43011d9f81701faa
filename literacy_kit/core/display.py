"""Large text and high contrast: two toggles that restyle every literacy_kit view on the page.

The toggles hold a ``<style>`` element whose content follows their state; the rules
target the kit's own ``lk-*`` classes and CSS variables, so views in other notebook
outputs follow too and no JavaScript is needed. The state does not depend on the
language, so a language switch keeps it.

>>> from literacy_kit.core import DisplayOptions
>>> options = DisplayOptions(lang="en")
>>> options.set(large=True); options.state.large
True
>>> options.reset(); options.state.large
False
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as w
from traitlets import Bool, HasTraits

from .base import LangView, css
from .style import css_text

STATIC = Path(__file__).parent / "static"
LARGE_CSS = STATIC / "large.css"
CONTRAST_CSS = STATIC / "contrast.css"


def _toggle_layout() -> w.Layout:
    return w.Layout(min_height="48px", height="auto", width="auto")


class DisplayState(HasTraits):
    """What the learner or visitor chose."""

    large = Bool(False, help="Larger text and touch targets.")
    contrast = Bool(False, help="High-contrast theme (light on black).")


class DisplayOptions(LangView):
    """Two toggle buttons and the style they switch.

    CSS classes: ``lk-display`` (the view; plus ``lk-display-large-on`` /
    ``lk-display-contrast-on`` while they apply), ``lk-display-label``,
    ``lk-display-large``, ``lk-display-contrast`` (the toggles), ``lk-display-style``.
    """

    def __init__(self, lang: str = "vi", large: bool = False, contrast: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.state = DisplayState(large=large, contrast=contrast)
        self.label = css(w.HTML(), "display-label")
        self.large_toggle = css(w.ToggleButton(value=large, layout=_toggle_layout()), "display-large")
        self.contrast_toggle = css(w.ToggleButton(value=contrast, layout=_toggle_layout()),
                                   "display-contrast")
        self.style_html = css(w.HTML(layout=w.Layout(display="block", height="0px", margin="0")),
                              "display-style")
        row = css(w.HBox([self.label, self.large_toggle, self.contrast_toggle],
                         layout=w.Layout(align_items="center", flex_flow="row wrap")),
                  "display-row")
        self.children = [row, self.style_html]
        css(self, "display")
        # Toggle taps change the state; the state drives toggles and style (one source of truth).
        self.large_toggle.observe(lambda change: self.set(large=change["new"]), "value")
        self.contrast_toggle.observe(lambda change: self.set(contrast=change["new"]), "value")
        self.state.observe(self._render, names=["large", "contrast"])
        self.lang = lang
        self.relabel()
        self._render()

    def set(self, large: bool | None = None, contrast: bool | None = None) -> None:
        """Turn either option on or off (what tapping the toggles does)."""
        with self.state.hold_trait_notifications():
            if large is not None:
                self.state.large = bool(large)
            if contrast is not None:
                self.state.contrast = bool(contrast)

    def reset(self) -> None:
        """Back to normal text and colours (the kiosk's idle reset calls this)."""
        self.set(large=False, contrast=False)

    def _render(self, change=None) -> None:
        state = self.state
        self.large_toggle.value = state.large
        self.contrast_toggle.value = state.contrast
        rules = []
        if state.large:
            rules.append(css_text(LARGE_CSS))
        if state.contrast:
            rules.append(css_text(CONTRAST_CSS))
        self.style_html.value = (f'<style data-lk="display">\n{"".join(rules)}</style>'
                                 if rules else "")
        for name, on in (("lk-display-large-on", state.large),
                         ("lk-display-contrast-on", state.contrast)):
            if on and name not in self._dom_classes:
                self.add_class(name)
            elif not on and name in self._dom_classes:
                self.remove_class(name)

    def relabel(self) -> None:
        self.label.value = self.tr("core.display.label")
        self.large_toggle.description = self.large_toggle.tooltip = self.tr("core.display.large")
        self.contrast_toggle.description = self.contrast_toggle.tooltip = self.tr("core.display.contrast")
