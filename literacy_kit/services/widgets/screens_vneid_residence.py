"""Administrative procedures inside the VNeID app: temporary-residence registration.

The app is the citizen's own phone app, already logged in. "Administrative procedures" lists what
the app can file; a procedure that needs level 2 is refused at level 1 with the reason
(level 2 is done only in person, at the commune police) and the simulated visit that gets
it. At level 2 the app asks for the 6-digit passcode, then the same form, documents, review
and status screens as the portal, inside the app.
"""
from __future__ import annotations

import ipywidgets as w

from ...core._parts import esc
from ...i18n import t
from .screens_base import Screen, key, text_in

_LEVEL_STYLE = ("border:2px solid #1b5e20;border-radius:10px;background:#e8f5e9;color:#1b5e20;"
                "padding:6px 10px;margin:4px 0;font-weight:bold")


def passcode_digits(text: str) -> str:
    """The digits of a passcode as typed (spaces and other characters dropped)."""
    return "".join(ch for ch in text or "" if ch.isdigit() and ch.isascii())


class VNeIDHomeScreen(Screen):
    """The app's home: name, account level, "Administrative procedures"."""

    key = "vneid_home"
    app = "vneid"

    def build(self):
        return [self.text("greeting", lambda lang: t(key("vneid_home.greeting"), lang,
                                                     name=self.sim.citizen.full_name)),
                self.text("level", self._level, markup=True),
                self.action("vneid-procedures", key("vneid_home.procedures"),
                            lambda: self.sim.go("vneid_procedures"), "primary"),
                self.action("vneid-to-portal", key("vneid_home.to_portal"), self.sim.open_portal)]

    def _level(self, lang: str) -> str:
        level = self.sim.account.level
        text = t(key("vneid_home.level"), lang, level=level)
        return f'<div class="lk-services-level lk-services-level-{level}" style="{_LEVEL_STYLE}">{esc(text)}</div>'


class VNeIDProceduresScreen(Screen):
    """The procedures the app can file, one button each."""

    key = "vneid_procedures"
    app = "vneid"

    def build(self):
        self.list_box = w.VBox(layout=w.Layout(width="100%"))
        for procedure in self.sim.vneid_procedures():
            pid = procedure.id
            self.list_box.children += (self.action(
                f"vneid-open-{pid}", lambda lang, p=procedure: text_in(p.title, lang),
                lambda pid=pid: self.sim.open_vneid_procedure(pid), "info"),)
        return [self.text("help", key("vneid_procedures.help")), self.list_box,
                self.action("vneid-procedures-back", key("back"), lambda: self.sim.go("vneid_home"))]


class Level2NeededScreen(Screen):
    """Why level 1 cannot file this here, and the in-person visit that gives level 2."""

    key = "vneid_level2"
    app = "vneid"

    def build(self):
        return [self.page_text("body", "level2_needed"),
                self.action("visit-police", key("vneid_level2.visit"), self.sim.visit_police,
                            "primary"),
                self.action("vneid-level2-back", key("back"), lambda: self.sim.go("vneid_procedures"))]


class PasscodeScreen(Screen):
    """Confirm with the account's 6-digit passcode before a procedure starts."""

    key = "vneid_passcode"
    app = "vneid"

    def build(self):
        return [self.text("help", key("vneid_passcode.help")),
                self.field("passcode", key("field.passcode"), secret=True),
                self.action("confirm-passcode", key("vneid_passcode.confirm"), self.confirm, "primary"),
                self.action("vneid-passcode-back", key("back"), lambda: self.sim.go("vneid_procedures"))]

    def confirm(self) -> bool:
        """Start the chosen procedure when the passcode is the account's."""
        if not self.check_fields():
            return False
        typed = passcode_digits(self.typed("passcode"))
        self.fields["passcode"].clear()  # never left in a box
        if len(typed) != 6:
            self.say("error", key("vneid_passcode.six_digits"))
            return False
        if typed != self.sim.passcode:
            self.say("error", key("vneid_passcode.wrong"))
            return False
        return self.sim.start_application(self.sim.pending_procedure, channel="vneid")


SCREENS = (VNeIDHomeScreen, VNeIDProceduresScreen, Level2NeededScreen, PasscodeScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS", "passcode_digits"]
