"""What every literacy_kit view shares: a live ``lang`` trait and ``lk-*`` CSS classes."""
from __future__ import annotations

import ipywidgets as w
from traitlets import Unicode, observe, validate

from ..i18n import DEFAULT_LANG, normalize_lang, t


def css(widget: w.DOMWidget, *names: str) -> w.DOMWidget:
    """Add stable ``lk-<name>`` classes to ``widget`` and return it."""
    for name in names:
        widget.add_class(name if name.startswith("lk-") else f"lk-{name}")
    return widget


class LangView(w.VBox):
    """A vertical box whose texts follow its ``lang`` trait.

    Subclasses implement :meth:`relabel`, which is called once at the end of their
    ``__init__`` (by calling ``self.relabel()``) and again on every language change.
    """

    lang = Unicode(DEFAULT_LANG, help="Language of the view: 'vi' (default) or 'en'.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One shared class so the stylesheet can size every view's targets.
        self.add_class("lk-view")

    @validate("lang")
    def _valid_lang(self, proposal):
        return normalize_lang(proposal["value"])

    @observe("lang")
    def _on_lang(self, change):
        self.relabel()
        speaker = getattr(self, "read_aloud", None)
        if speaker is not None and speaker is not self:
            speaker.lang = change["new"]

    def tr(self, key: str, **fmt) -> str:
        """Translate a catalog key into the view's current language."""
        return t(key, self.lang, **fmt)

    def relabel(self) -> None:  # pragma: no cover - overridden
        """Rewrite every visible text in the current language."""
