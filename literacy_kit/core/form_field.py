"""A labelled text field that checks its input and explains problems kindly.

>>> from literacy_kit import InputError
>>> from literacy_kit.content import Localized
>>> from literacy_kit.core import FormField
>>> def digits(text):
...     if not text.strip().isdigit():
...         raise InputError("field.required")
...     return int(text)
>>> field = FormField(Localized("So", "Number"), digits, lang="en")
>>> field.input.value = "12a"
>>> field.state.valid, field.input.value
(False, '12a')
"""
from __future__ import annotations

from collections.abc import Callable

from traitlets import Any, Bool, Dict, HasTraits, Unicode

import ipywidgets as w

from ..content import Localized
from ..errors import InputError
from ..text import fold_space
from ._parts import button, esc, html_box, show, switch_class, tap_layout, text_of
from .base import LangView, css
from .field_keyboard import FieldKeyboard

_MESSAGE_KINDS = ("lk-field-message-error", "lk-field-message-ok")


class FieldState(HasTraits):
    """What the learner typed and what the last check made of it."""

    text = Unicode("", help="The text exactly as typed (never rewritten by a check).")
    value = Any(None, help="What the validator returned on the last successful check.")
    valid = Bool(None, allow_none=True,
                 help="None before any check, then whether the last check passed.")
    error_code = Unicode("", help="InputError code of the last failed check ('' if none).")
    error_params = Dict(help="Parameters of that InputError, to rebuild its message.")


class FormField(LangView):
    """A label, a text box, a Check button and a message line.

    ``secret=True`` masks what is typed (passwords, passcodes).
    ``keyboard`` adds an on-screen keyboard for touchscreens: ``"numeric"``, ``"text"``,
    ``None`` (none), or ``"auto"`` (the default: a text keyboard when on-screen keyboards
    are switched on, see :mod:`~literacy_kit.core.field_keyboard`).
    ``validator(text)`` returns the parsed value or raises :class:`~literacy_kit.InputError`;
    it receives the text exactly as typed. Any other exception is shown as the
    ``errors.field.unexpected`` message, never as a traceback. Checking happens on the Check
    button, on :meth:`validate`, and whenever the box commits its text (Enter or leaving it).

    CSS classes: ``lk-field``, ``lk-field-label``, ``lk-field-required`` (the marker),
    ``lk-field-row``, ``lk-field-input``, ``lk-field-check``, ``lk-field-message``
    (plus ``lk-field-message-error`` / ``lk-field-message-ok``), and on the view
    ``lk-field-invalid`` / ``lk-field-valid`` after a check.
    """

    def __init__(self, label: Localized | str, validator: Callable[[str], object] | None = None,
                 required: bool = False, placeholder: Localized | str | None = None,
                 lang: str = "vi", secret: bool = False, keyboard: str | None = "auto", **kwargs):
        super().__init__(**kwargs)
        self.label = label
        self.validator = validator
        self.required = required
        self.placeholder = placeholder
        self.state = FieldState()
        css(self, "field")
        self.label_html = html_box("field-label")
        # A secret (password, passcode) shows dots and is never read aloud.
        box = w.Password if secret else w.Text
        self.input = css(box(continuous_update=False,
                                layout=tap_layout(flex="1 1 auto", width="auto", min_width="0")),
                         "field-input")
        self.check_button = button("field-check", on_click=self.validate,
                                   flex="0 0 auto", width="auto")
        self.message = html_box("field-message")
        self.secret = secret
        self.onscreen = FieldKeyboard(self, keyboard)
        self.children = [self.label_html,
                         css(w.HBox([self.input, *self.onscreen.toggles, self.check_button]), "field-row"),
                         *self.onscreen.boxes, self.message]
        self.input.observe(self._on_commit, names="value")
        self.state.observe(self._on_state_text, names="text")
        self.state.observe(self._render, names=["valid", "error_code", "error_params"])
        self.lang = lang
        self.relabel()

    # -- what the button does -----------------------------------------------------------
    def validate(self) -> bool:
        """Check the current text; show a friendly message; return whether it passed."""
        state, text = self.state, self.state.text
        error: InputError | None = None
        value = None
        if not fold_space(text):
            if self.required:
                error = InputError("field.required")
        elif self.validator is not None:
            try:
                value = self.validator(text)
            except InputError as exc:
                error = exc
            except Exception:  # noqa: BLE001 - a learner must never see a traceback
                error = InputError("field.unexpected")
        else:
            value = text
        with state.hold_trait_notifications():
            state.value = None if error else value
            state.error_code = error.code if error else ""
            state.error_params = dict(error.params) if error else {}
            state.valid = error is None
        return error is None

    def clear(self) -> None:
        """Forget the typed text and any message (kiosk privacy, new learner)."""
        with self.state.hold_trait_notifications():
            self.state.text = ""
            self.state.value = None
            self.state.error_code = ""
            self.state.error_params = {}
            self.state.valid = None

    reset = clear

    @property
    def error_message(self) -> str:
        """The current error in the view's language ('' when there is none)."""
        code = self.state.error_code
        return InputError(code, **self.state.error_params).message(self.lang) if code else ""

    # -- internals ----------------------------------------------------------------------
    def _on_commit(self, change) -> None:
        if self.state.text != change["new"]:
            self.state.text = change["new"]
        self.validate()

    def _on_state_text(self, change) -> None:
        # State set from code (or cleared): mirror it without validating.
        if self.input.value != change["new"]:
            self.input.unobserve(self._on_commit, names="value")
            try:
                self.input.value = change["new"]
            finally:
                self.input.observe(self._on_commit, names="value")

    def _render(self, change=None) -> None:
        valid = self.state.valid
        if valid is False:
            text, kind = self.error_message, _MESSAGE_KINDS[0]
        elif valid:
            text, kind = self.tr("core.field.ok"), _MESSAGE_KINDS[1]
        else:
            text, kind = "", None
        self.message.value = esc(text)
        show(self.message, bool(text))
        switch_class(self.message, kind, _MESSAGE_KINDS)
        view_kind = {True: "lk-field-valid", False: "lk-field-invalid"}.get(valid)
        switch_class(self, view_kind, ["lk-field-valid", "lk-field-invalid"])

    def relabel(self) -> None:
        label = esc(text_of(self.label, self.lang))
        if self.required:
            label += f' <span class="lk-field-required">{esc(self.tr("core.field.required_mark"))}</span>'
        self.label_html.value = label
        self.input.placeholder = text_of(self.placeholder, self.lang)
        self.check_button.description = self.tr("core.check")
        self.onscreen.relabel()
        self._render()
