"""The public-services simulator: the National Public Service Portal in a phone's browser,
the VNeID app's procedures, the phone's messages, and the family's papers beside it.

A synthetic family (:func:`~literacy_kit.services.logic.family.fake_family`) sits at the table: the
mother logs in with her (synthetic, activated) VNeID account, finds a procedure, files it
online (prefilled form, documents, review, fee, file code) and follows its status while the
simulated office works one step per "next day". Every rule is the services logic's own
(:class:`~literacy_kit.services.logic.application.Application` and friends): the screens only show.
Each button has a Python seam of the same name, so lessons, tests and scripts drive it
without a browser.

>>> from datetime import date
>>> sim = PortalSimulator(lang="en", seed=7, today=date(2025, 9, 1))
>>> sim.log_in(sim.citizen.cccd, sim.password), sim.state.screen
(True, 'search')
>>> sim.search("khai sinh")[0], sim.open_procedure("newborn"), sim.file_online()
('newborn', None, True)
>>> sim.state.screen, sim.state.status
('form', 'draft')
>>> sim.close()
"""
from __future__ import annotations

import random
from datetime import date

import ipywidgets as w

from ...core._parts import button, html_box
from ...core.base import css
from ...core.sim_host import SimHost
from ...vneid.logic.account import VNeIDAccount
from ...vneid.logic.citizen import Citizen, fake_citizen
from ...vneid.widgets.screens_flow import DEMO_PASSCODE, DEMO_PASSWORD, fast_forward
from ..logic.application import Application
from ..logic.family import Family, fake_family
from .papers import PapersView
from ..logic.procedures import Procedure, load_procedures
from .screens_base import key
from .simulator_chrome import ChromeMixin
from .simulator_flow import FilingMixin
from .simulator_screens import FILING_SCREENS, SCREEN_CLASSES
from .simulator_state import RESTORE_ORDER, OfficeScript, PortalState, SimClock

__all__ = ["PortalSimulator", "PortalState"]


class PortalSimulator(ChromeMixin, FilingMixin, SimHost):
    """The simulated phone (portal, VNeID app, messages) and the family's papers.

    Parameters
    ----------
    lang : str
        ``"vi"`` (default) or ``"en"``; switch live with ``sim.lang = "en"``.
    seed : int, optional
        Same seed, same family, account and file codes; random when omitted.
    family : Family, optional
        Use this family instead of ``fake_family(seed, today=today)``.
    level : int
        The citizen's VNeID account level, 1 or 2 (default 2: the portal needs it).
    today : datetime.date, optional
        The simulation's first day (default: the real today); "next day" moves it on.
    lookalike : bool
        Whether the lookalike-portal message arrives once the citizen has logged in.
    ask_for_info : bool
        Whether the office sends the application back once for more information.

    Seams (each does what its button does; those returning ``bool`` say whether the step
    went through): ``open_portal``, ``open_vneid``, ``open_messages``, ``open_app``,
    ``open_login``, ``log_in(cccd, password)``, ``log_out``, ``open_search``,
    ``search(query)``, ``open_procedure(id)``, ``file_online``, ``fill_form(**texts)``,
    ``choose(field, choice)``, ``next_page``, ``attach(doc, file)``, ``detach(doc)``,
    ``documents_continue``, ``open_payment``, ``pay``, ``submit``, ``open_status``,
    ``next_day``, ``open_supplement``, ``show_lookalike``, ``open_lookalike``,
    ``refuse_lookalike``, ``check_address(text)``, ``open_vneid_procedure(id)``,
    ``confirm_passcode(code)``, ``visit_police``, ``go(key)``, ``reset``, ``close``.
    State: :class:`PortalState` in ``state``; restore with :meth:`restore` / :meth:`from_state`.

    CSS classes: ``lk-services`` (the view), ``lk-services-layout``, the phone (``lk-phone``,
    ``lk-services-phone``), ``lk-services-address`` (the browser's address bar; plus
    ``lk-services-address-lookalike`` on a lookalike page), ``lk-services-screen-holder``,
    ``lk-services-nav`` with ``lk-services-nav-portal``, ``-vneid``, ``-messages``, the
    papers (``lk-services-papers``) and each screen's own classes.
    """

    prefix = "services"
    screen_classes = SCREEN_CLASSES
    restore_order = RESTORE_ORDER
    unexpected = key("unexpected")

    def __init__(self, lang: str = "vi", seed: int | None = None, family: Family | None = None,
                 level: int = 2, today: date | None = None, lookalike: bool = True,
                 ask_for_info: bool = True, **kwargs):
        self.seed = seed if seed is not None else random.SystemRandom().randrange(2 ** 31)
        self.clock = SimClock(today)
        self.family = family or fake_family(self.seed, today=self.clock.today)
        self.citizen: Citizen = self.family.mother
        self.landlord = fake_citizen(f"{self.seed}:landlord", today=self.clock.today)
        self.password, self.passcode = DEMO_PASSWORD, DEMO_PASSCODE
        self.lookalike, self.office = lookalike, OfficeScript(ask_for_info)
        self._start_level = level
        self.account = self._account(level)
        self.application: Application | None = None
        super().__init__(state=PortalState(level=self.account.level), lang=lang, **kwargs)
        self._syncing = False
        self.after_login, self.pending_procedure, self._app_screen = "", "", "portal_home"
        self.viewing = ""
        self.address = html_box("services-address")
        self.nav_buttons = {name: button(f"services-nav-{name}", "services-button", flex="1 1 0",
                                         width="auto", on_click=getattr(self, f"open_{name}"))
                            for name in ("portal", "vneid", "messages")}
        self.nav = css(w.HBox(list(self.nav_buttons.values()), layout=w.Layout(
            margin="8px 0 0 0", justify_content="space-between")), "services-nav")
        self.papers = PapersView(self.family, self.citizen, self.landlord, self.password,
                                 self.passcode, lang=lang)
        self.state.observe(self._on_restore, names=["level", "application"])
        self.state.observe(lambda change: self.relabel_chrome(), names=["logged_in", "scam_outcome"])
        self.build_layout(key("app.browser"), side=self.papers, above=[self.address],
                          below=[self.nav])

    # -- constructing and restoring ---------------------------------------------------------
    def _account(self, level: int) -> VNeIDAccount:
        return fast_forward(VNeIDAccount(self.citizen, seed=self.seed), "activated", level)

    def restore_value(self, name: str, value) -> None:
        """``application`` is replayed (an altered one is refused and nothing is filed);
        ``screen`` is shown last through :meth:`go`, if it fits what was restored."""
        if name == "screen":
            self.go(value)  # refused when nothing was restored to show
        else:
            setattr(self.state, name, value)

    # -- screens ------------------------------------------------------------------------------
    def resolve_screen(self, name: str) -> str:
        """A filing screen needs an application: without one, the search (or VNeID's list)."""
        if name in FILING_SCREENS and self.application is None:
            return "search" if self.state.channel == "portal" else "vneid_procedures"
        return name

    def part_of(self, name: str) -> str:
        """``portal``, ``vneid`` or ``phone``: where screen ``name`` is shown."""
        app = SCREEN_CLASSES[name].app
        return self.state.channel if app == "filing" else app

    def open_login(self) -> None:
        self.go("login")

    def log_in(self, cccd: str | None = None, password: str | None = None) -> bool:
        self.fill("login", cccd=cccd, password=password)
        return self.screen("login").log_in()

    def log_out(self) -> None:
        self.state.logged_in = False
        self.go("portal_home")

    def open_search(self) -> None:
        self.go("search")

    def search(self, query: str | None = None) -> list[str]:
        self.go("search")
        return self.screen("search").search(query)

    # -- shared plumbing ----------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.clock.today

    def procedure(self, procedure_id: str) -> Procedure:
        return load_procedures()[procedure_id]

    @property
    def current_procedure(self) -> Procedure | None:
        """The procedure of the application being filed."""
        pid = self.state.procedure_id
        return self.procedure(pid) if pid else None

    @property
    def viewed_procedure(self) -> Procedure | None:
        """The procedure whose page was opened last (else the one being filed)."""
        return self.procedure(self.viewing) if self.viewing else self.current_procedure

    def vneid_procedures(self) -> list[Procedure]:
        """What the VNeID app lists under "Administrative procedures"."""
        return [p for p in load_procedures().values() if p.where == "vneid"]

    def sync(self) -> None:
        """Copy the application and account into the state traits (views follow them)."""
        app = self.application
        self._syncing = True
        try:
            with self.state.hold_trait_notifications():
                self.state.application = app.to_dict() if app else {}
                self.state.status = app.status.value if app else ""
                self.state.file_code = app.file_code if app else ""
                self.state.level = self.account.level
        finally:
            self._syncing = False
        self.relabel_chrome()

    def reset(self) -> None:
        """Start again with the same family: a fresh account, every typed value forgotten."""
        self.close_screens()
        self.account, self.application = self._account(self._start_level), None
        self.after_login, self.pending_procedure, self._app_screen = "", "", "portal_home"
        self.viewing = ""
        with self.state.hold_trait_notifications():
            for name in ("logged_in", "channel", "procedure_id", "scam_outcome", "day"):
                setattr(self.state, name, self.state.trait_defaults(name))
        self.sync()
        self.go("portal_home")

    def remember(self, name: str) -> None:
        if self.part_of(name) != "phone" and name != "lookalike_warning":
            self._app_screen = name
