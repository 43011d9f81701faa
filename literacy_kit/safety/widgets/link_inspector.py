"""The link inspector: paste or type a link, see who owns it and every warning sign.

It only reads the text (:func:`~literacy_kit.safety.check_link`): no page is opened.
What was typed stays in the box when it is not a link, with a friendly message.

>>> from literacy_kit.safety.widgets.link_inspector import LinkInspector
>>> view = LinkInspector(lang="en")
>>> view.check("msb.vn-cvs.top")
True
>>> view.state.flags, view.state.site
(['lookalike'], 'vn-cvs.top')
>>> view.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Bool, HasTraits, List, Unicode

from ...core._parts import button, html_box
from ...core.base import LangView, css
from ...errors import InputError
from ..logic.links import check_link
from .style import GLYPH_BAD, GLYPH_OK, esc, safety_stylesheet

__all__ = ["LinkInspector", "LinkState"]


class LinkState(HasTraits):
    """The link typed and what the last check found."""

    text = Unicode("", help="The link as typed.")
    checked = Bool(False, help="True once a check has run on the current text.")
    official = Bool(False, help="The last checked host is official.")
    flags = List(help="Warning signs of the last checked link.")
    site = Unicode("", help="Who owns the last checked host.")
    error = Unicode("", help="Error code of the last check ('' when it read a link).")


class LinkInspector(LangView):
    """A box for the link, a Check button and the findings, one line per warning sign.

    Seams: ``check(text=None)`` (True when a link was read), ``clear()``.
    State: :class:`LinkState`.

    CSS classes: ``lk-safety-link``, ``lk-safety-link-input``, ``lk-safety-link-check``,
    ``lk-safety-link-result`` (plus ``lk-safety-right`` / ``lk-safety-wrong``).
    """

    def __init__(self, lang: str = "vi", text: str = "", **kwargs):
        super().__init__(**kwargs)
        self.state = LinkState()
        css(self, "safety-link")
        self.prompt = html_box("safety-link-prompt")
        self.input = css(w.Text(value=text, layout=w.Layout(width="100%", min_height="48px")),
                         "safety-link-input")
        self.check_button = button("safety-link-check", on_click=self.check, width="auto")
        self.result = html_box("safety-link-result", width="100%")
        self.input.observe(self._typed, names="value")
        self.children = [safety_stylesheet(), self.prompt, self.input, self.check_button,
                         self.result]
        self.state.text = text
        self.lang = lang
        self.relabel()

    def _typed(self, change) -> None:
        self.state.text = change["new"]
        self.state.checked = False

    def check(self, text: str | None = None) -> bool:
        """Check ``text`` (typed into the box first) or what is in the box."""
        if text is not None:
            self.input.value = text
        try:
            report = check_link(self.input.value)
        except InputError as err:
            with self.state.hold_trait_notifications():
                self.state.error, self.state.flags, self.state.official = err.code, [], False
                self.state.site, self.state.checked = "", True
            self.relabel()
            return False
        with self.state.hold_trait_notifications():
            self.state.error, self.state.flags = "", list(report.flags)
            self.state.official, self.state.site = report.official, report.site
            self.state.checked = True
        self._report = report
        self.relabel()
        return True

    def clear(self) -> None:
        """Empty the box and the findings."""
        self.input.value = ""
        self.result.value = ""

    def _result_html(self) -> str:
        if not self.state.checked:
            return ""
        if self.state.error:
            return f"<p>{GLYPH_BAD} {esc(self.tr(f'errors.{self.state.error}'))}</p>"
        report = self._report
        safe = report.official and not report.flags
        glyph = GLYPH_OK if safe else GLYPH_BAD
        lines = "".join(f"<li>{esc(text)}</li>" for text in report.explanations(self.lang))
        owner = esc(self.tr("safety_widgets.link.owner", site=report.site))
        return (f"<p><b>{glyph} {esc(report.verdict(self.lang))}</b></p><p>{owner}</p>"
                + (f"<ul>{lines}</ul>" if lines else ""))

    def relabel(self) -> None:
        if not hasattr(self, "result"):
            return
        self.prompt.value = f"<p>{esc(self.tr('safety_widgets.link.prompt'))}</p>"
        self.input.placeholder = self.tr("safety_widgets.link.placeholder")
        self.check_button.description = self.tr("safety_widgets.link.check")
        self.result.value = self._result_html()
        bad = self.state.checked and (bool(self.state.error) or bool(self.state.flags)
                                      or not self.state.official)
        for name, on in (("lk-safety-wrong", bad), ("lk-safety-right", self.state.checked and not bad)):
            (self.result.add_class if on else self.result.remove_class)(name)
