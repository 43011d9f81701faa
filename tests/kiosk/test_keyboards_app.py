"""Every text box of every tile gets an on-screen keyboard when the kiosk turns them on."""
from __future__ import annotations

import ipywidgets as w

from literacy_kit.core.field_keyboard import BoxKeyboard, attach_keyboards
from literacy_kit.core.tree import close_all
from literacy_kit.kiosk.app import KioskApp


def text_boxes(root):
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        if isinstance(widget, (w.Text, w.Textarea)):
            found.append(widget)
        stack.extend(child for child in getattr(widget, "children", ()) or () if isinstance(child, w.Widget))
    return found


def keyboard_of(root, box):
    """The FormField keyboard or the BoxKeyboard that types into ``box``."""
    stack = [root]
    while stack:
        widget = stack.pop()
        if isinstance(widget, BoxKeyboard) and widget.target is box:
            return widget
        onscreen = getattr(widget, "onscreen", None)
        if onscreen is not None and getattr(widget, "input", None) is box and onscreen.kind:
            return onscreen
        stack.extend(child for child in getattr(widget, "children", ()) or () if isinstance(child, w.Widget))
    return None


def test_every_text_box_on_every_tile_has_a_keyboard(monkeypatch):
    monkeypatch.setenv("LK_ONSCREEN_KEYBOARD", "1")
    app = KioskApp()
    try:
        checked = 0
        for key in app.tiles:
            screen = app.open_tile(key)
            for box in text_boxes(screen):
                assert keyboard_of(screen, box) is not None, (key, box)
                checked += 1
        assert checked >= 2
    finally:
        close_all(app)


def test_a_chat_box_is_filled_from_its_keyboard(monkeypatch):
    monkeypatch.setenv("LK_ONSCREEN_KEYBOARD", "1")
    box = w.Textarea()
    root = w.VBox([w.HBox([box])])
    [keyboard] = attach_keyboards(root, "en")
    try:
        keyboard.toggle.click()
        for key in ["shift", "h", "i", "space", "a", "i", "tone_dot"]:
            keyboard.keyboard.key_buttons[key].click()
        assert box.value == "Hi \u1ea1i"  # the tone of "ai" sits on the a
        box.value = ""
        assert keyboard.keyboard.text == ""
        assert keyboard.toggle.description == "Hide keyboard"
    finally:
        close_all(root)
