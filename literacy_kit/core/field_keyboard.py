"""The on-screen keyboard of a :class:`~literacy_kit.core.form_field.FormField`.

A field with a keyboard shows a big *Keyboard* button beside its box; tapping it opens
an :class:`~literacy_kit.core.keyboard.OnScreenKeyboard` under the field (built on first
use, so screens with many fields stay light), and closes any other field's keyboard.
What the keys type goes into the field as if typed; *Done* checks the field.

Keyboards are on when the environment sets ``LK_ONSCREEN_KEYBOARD=1`` (the kiosk does),
or for any field made with ``keyboard="numeric"`` or ``keyboard="text"``.
:func:`guess_kind` picks the keypad for fields named like numbers (an ID, a phone, an
OTP, a passcode, an amount).
"""
from __future__ import annotations

import os
import weakref

import ipywidgets as w

from ._parts import button, show
from .base import LangView, css
from .keyboard import KINDS, OnScreenKeyboard

ENV_ON = "LK_ONSCREEN_KEYBOARD"
#: Field names (or their last part after "_") that hold digits only.
NUMERIC_NAMES = {"cccd", "id", "phone", "otp", "passcode", "pin", "amount", "vnd", "number"}
_open: weakref.ref | None = None


def keyboards_on(environ=None) -> bool:
    """Whether fields get a keyboard when they do not say (``LK_ONSCREEN_KEYBOARD``)."""
    return (environ if environ is not None else os.environ).get(ENV_ON, "") in ("1", "true", "yes")


def guess_kind(name: str) -> str:
    """``"numeric"`` for a field named like a number (``cccd``, ``phone_confirm``,
    ``capital_vnd``), else ``"text"``."""
    parts = name.lower().replace("-", "_").split("_")
    parts = [part for part in parts if part not in ("confirm", "again", "new", "old")]
    return "numeric" if parts and (parts[0] in NUMERIC_NAMES or parts[-1] in NUMERIC_NAMES) else "text"


def resolve(keyboard: str | None) -> str | None:
    """The keyboard a field gets for its ``keyboard`` argument."""
    if keyboard in KINDS:
        return keyboard
    if keyboard == "auto" and keyboards_on():
        return "text"
    return None


class FieldKeyboard:
    """The toggle button and the (lazily built) keyboard of one field."""

    def __init__(self, field, keyboard: str | None):
        self.field = field
        self.kind = resolve(keyboard)
        self.keyboard: OnScreenKeyboard | None = None
        self.toggle = None
        self.box = None
        if self.kind:
            self.toggle = button("field-keyboard-toggle", on_click=self.switch, flex="0 0 auto",
                                 width="auto")
            self.box = css(w.VBox(layout=w.Layout(display="none")), "field-keyboard")
            field.state.observe(self._from_field, names="text")

    @property
    def toggles(self) -> list[w.Widget]:
        return [self.toggle] if self.toggle else []

    @property
    def boxes(self) -> list[w.Widget]:
        return [self.box] if self.box else []

    @property
    def is_open(self) -> bool:
        return bool(self.box is not None and self.box.layout.display != "none")

    def switch(self) -> None:
        """Open the keyboard (closing any other field's), or close it if open."""
        if self.is_open:
            self.close()
        else:
            self.open()

    def open(self) -> OnScreenKeyboard:
        global _open
        other = _open() if _open is not None else None
        if other is not None and other is not self:
            other.close()
        if self.keyboard is None:
            self.keyboard = OnScreenKeyboard(self.kind, secret=self.field.secret,
                                             lang=self.field.lang, on_done=self._done)
            self.keyboard.observe(self._to_field, names="text")
            self.box.children = (self.keyboard,)
        self.keyboard.text = self.field.state.text
        show(self.box, True)
        _open = weakref.ref(self)
        self.relabel()
        return self.keyboard

    def close(self) -> None:
        if self.box is not None:
            show(self.box, False)
            self.relabel()

    def relabel(self) -> None:
        if self.toggle is None:
            return
        key = "core.keyboard.close" if self.is_open else "core.keyboard.open"
        self.toggle.description = self.field.tr(key)
        self.toggle.icon = "keyboard"
        if self.keyboard is not None:
            self.keyboard.lang = self.field.lang

    def _done(self) -> None:
        self.field.validate()
        self.close()

    def _to_field(self, change) -> None:
        if self.field.state.text != change["new"]:
            self.field.state.text = change["new"]

    def _from_field(self, change) -> None:
        if self.keyboard is not None and self.keyboard.text != change["new"]:
            self.keyboard.text = change["new"]


class BoxKeyboard(LangView):
    """A *Keyboard* button and a keyboard for a bare text box (one not in a FormField)."""

    def __init__(self, target: w.Text | w.Textarea, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.target = target
        self.keyboard: OnScreenKeyboard | None = None
        self.toggle = button("text-keyboard-toggle", on_click=self.switch, width="auto")
        self.box = css(w.VBox(layout=w.Layout(display="none")), "field-keyboard")
        self.children = [self.toggle, self.box]
        css(self, "text-keyboard")
        self.lang = lang
        self.relabel()

    @property
    def is_open(self) -> bool:
        return self.box.layout.display != "none"

    def switch(self) -> None:
        if self.is_open:
            show(self.box, False)
        else:
            if self.keyboard is None:
                self.keyboard = OnScreenKeyboard("text", secret=isinstance(self.target, w.Password),
                                                 lang=self.lang, on_done=lambda: self.switch())
                self.keyboard.observe(self._to_target, names="text")
                self.target.observe(self._from_target, names="value")
                self.box.children = (self.keyboard,)
            self.keyboard.text = self.target.value
            show(self.box, True)
        self.relabel()

    def _to_target(self, change) -> None:
        if self.target.value != change["new"]:
            self.target.value = change["new"]

    def _from_target(self, change) -> None:
        if self.keyboard is not None and self.keyboard.text != change["new"]:
            self.keyboard.text = change["new"]

    def relabel(self) -> None:
        if not hasattr(self, "toggle"):
            return
        self.toggle.description = self.tr("core.keyboard.close" if self.is_open else "core.keyboard.open")
        self.toggle.icon = "keyboard"
        if self.keyboard is not None:
            self.keyboard.lang = self.lang


def attach_keyboards(root: w.Widget, lang: str = "vi") -> list[BoxKeyboard]:
    """Put a :class:`BoxKeyboard` after every bare text box under ``root``; the new ones.

    Boxes inside a FormField (class ``lk-field``) have their own keyboard already.
    """
    attached: list[BoxKeyboard] = []

    def visit(parent: w.Widget) -> None:
        if "lk-field" in (getattr(parent, "_dom_classes", ()) or ()):
            return
        children = list(getattr(parent, "children", None) or ())
        new, changed = [], False
        for index, child in enumerate(children):
            new.append(child)
            if isinstance(child, (w.Text, w.Textarea)):
                following = children[index + 1] if index + 1 < len(children) else None
                if not isinstance(following, BoxKeyboard):
                    keyboard = BoxKeyboard(child, lang=lang)
                    new.append(keyboard)
                    attached.append(keyboard)
                    changed = True
            elif isinstance(child, w.Widget):
                visit(child)
        if changed:
            parent.children = tuple(new)

    visit(root)
    return attached
