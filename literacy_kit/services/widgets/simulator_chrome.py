"""The simulator's phone chrome and the seams that move between its parts: the browser's
address bar, the app title, the bottom bar (portal, VNeID, messages) and the lookalike-portal
scenario. A mixin of :class:`~literacy_kit.services.widgets.simulator.PortalSimulator`.
"""
from __future__ import annotations

from ...core._parts import esc
from .screens_base import key, localized
from .screens_lookalike import LOOKALIKE_URL

_BAR_STYLE = ("border:1px solid #90a4ae;border-radius:16px;padding:2px 10px;margin:0 0 6px 0;"
              "background:#ffffff;font-family:monospace;overflow-wrap:anywhere")
_BAD_BAR_STYLE = _BAR_STYLE.replace("#90a4ae", "#b71c1c").replace("#ffffff", "#ffebee")
_PATHS = {"portal_home": "", "login": "/dang-nhap", "search": "/thu-tuc",
          "procedure": "/thu-tuc/chi-tiet", "status": "/ho-so-cua-toi"}


class ChromeMixin:
    """Navigation and lookalike seams, and the chrome around the screens."""

    # -- navigation seams ---------------------------------------------------------------------
    def open_portal(self) -> None:
        self.go(self._app_screen if self.part_of(self._app_screen) == "portal" else "portal_home")

    def open_vneid(self) -> None:
        self.go(self._app_screen if self.part_of(self._app_screen) == "vneid" else "vneid_home")

    def open_messages(self) -> None:
        self.go("messages")

    def open_app(self) -> None:
        """Back from the messages to the app (portal or VNeID) the learner left."""
        self.go(self._app_screen)

    # -- lookalike portal ---------------------------------------------------------------------
    @property
    def lookalike_arrived(self) -> bool:
        """The lookalike message arrives once the citizen has logged in (if enabled)."""
        return (self.lookalike and self.state.logged_in) or bool(self.state.scam_outcome)

    def show_lookalike(self) -> None:
        self.go("lookalike")

    def open_lookalike(self) -> None:
        """The learner taps the link: only a warning page that explains the scam."""
        self.state.scam_outcome = "fell_for_it"
        self.go("lookalike_warning")

    def refuse_lookalike(self) -> None:
        self.state.scam_outcome = "refused"
        self.go("lookalike_refused")

    def check_address(self, text: str | None = None) -> bool:
        self.go("lookalike")
        return self.screen("lookalike").check_address(text)

    def relabel_chrome(self) -> None:
        if not hasattr(self, "nav"):
            return
        name = self.state.screen
        part = self.part_of(name)
        self.phone.title = localized(key(f"app.{'browser' if part == 'portal' else part}"))
        if name == "lookalike_warning":
            self.address.value = (f'<div class="lk-services-address-text" style="{_BAD_BAR_STYLE}">'
                                  f'\u26a0 {esc(LOOKALIKE_URL)}</div>')
            self.address.add_class("lk-services-address-lookalike")
        else:
            url = f"https://dichvucong.gov.vn{_PATHS.get(name, '/nop-truc-tuyen')}"
            self.address.value = (f'<div class="lk-services-address-text" style="{_BAR_STYLE}">'
                                  f'{esc(url)}</div>') if part == "portal" else ""
            self.address.remove_class("lk-services-address-lookalike")
        self.address.layout.display = None if self.address.value else "none"
        count = len(self.sms_messages(self.lang)) + (1 if self.lookalike_arrived else 0)
        self.nav_buttons["portal"].description = self.tr(key("nav.portal"))
        self.nav_buttons["vneid"].description = self.tr(key("nav.vneid"))
        self.nav_buttons["messages"].description = self.tr(key("nav.messages"), count=count)
