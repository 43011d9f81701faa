"""The portal's home page and its login through the simulated VNeID account.

Logging in runs :meth:`~literacy_kit.vneid.logic.account.VNeIDAccount.log_in` on the citizen's
(synthetic, already activated) account: the personal ID number is read by the identity
parser, a wrong number or password gets the identity domain's own message.
"""
from __future__ import annotations

from ...core._parts import esc, show
from ...i18n import t
from ...vneid.logic.cccd import parse_cccd
from .screens_base import Screen, key


class PortalHomeScreen(Screen):
    """The portal's first page: log in, find a procedure, my applications, log out."""

    key = "portal_home"

    def build(self):
        return [self.page_text("intro", "portal_intro"),
                self.text("status", self._status, markup=True),
                self.action("open-login", key("portal_home.login"), self.sim.open_login, "primary"),
                self.action("open-search", key("portal_home.search"), self.sim.open_search, "primary"),
                self.action("open-status", key("portal_home.my_files"), self.sim.open_status, "info"),
                self.action("log-out", key("portal_home.logout"), self.sim.log_out)]

    def _status(self, lang: str) -> str:
        sim = self.sim
        if not sim.state.logged_in:
            return f"<p><b>{esc(t(key('portal_home.not_logged_in'), lang))}</b></p>"
        text = t(key("portal_home.logged_in"), lang, name=sim.citizen.full_name,
                 level=sim.account.level)
        return f'<p class="lk-services-logged-in"><b>{esc(text)}</b></p>'

    def render(self):
        logged_in = self.sim.state.logged_in
        show(self.buttons["open-login"], not logged_in)
        show(self.buttons["log-out"], logged_in)
        show(self.buttons["open-status"], bool(self.sim.state.file_code))


class LoginScreen(Screen):
    """Log in with the electronic identity account: ID number and password."""

    key = "login"

    def build(self):
        return [self.text("help", key("login.help")),
                self.field("cccd", key("field.cccd"), parse_cccd, key("field.cccd_placeholder")),
                self.field("password", key("field.password"), secret=True),
                self.action("log-in", key("login.submit"), self.log_in, "primary"),
                self.action("login-back", key("back"), lambda: self.sim.go("portal_home"))]

    def log_in(self) -> bool:
        """Log in when both boxes are filled and the account agrees; otherwise explain."""
        if not self.check_fields():
            return False
        sim = self.sim
        ok = sim.call(self, sim.account.log_in, self.typed("cccd"), self.typed("password"))
        if not ok:
            return False
        sim.state.logged_in = True
        self.fields["password"].clear()  # a password never stays in a box
        target = sim.after_login or "search"
        sim.after_login = ""
        sim.go(target)
        sim.screen(target).say("success", key("login.welcome"), name=sim.citizen.full_name,
                               level=sim.account.level)
        return True


SCREENS = (PortalHomeScreen, LoginScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS"]
