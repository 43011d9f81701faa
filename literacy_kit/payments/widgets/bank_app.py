"""The bank-app simulator: scan a shop's QR, check the name and amount, pay or refuse.

A menu of situations, a simulated phone with the bank app, and beside it what the
learner sees in the world (the stall, its sticker, the agreed price). The rules live in
:class:`~literacy_kit.payments.logic.bank_app.BankSession`; the view only shows its state
and calls it. Screens, navigation, closing and relabelling come from the shared
:class:`~literacy_kit.core.sim_host.SimHost`. Seams: ``start(id)``, ``scan()``, ``type_amount(text)``, ``pay()``,
``enter_pin(pin)``, ``face_check()``, ``refuse()``, ``choose(action)``, ``restart()``.

>>> sim = BankAppSimulator(lang="en", scenario="swapped_sticker")
>>> _ = sim.scan(); sim.session.recipient
'NGUYEN VAN TUAN'
>>> sim.refuse(); sim.state.outcome
'right'
>>> sim.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Enum, HasTraits, Unicode

from ...core._parts import button, esc, html_box
from ...core.base import css
from ...core.sim_host import SimHost
from ...core.sim_screen import fact_rows
from ..logic.bank_app import SCREENS, BankSession, scenarios
from ..logic.money import format_vnd
from .screens import SCREEN_CLASSES, scenario_page
from .style import payments_stylesheet

__all__ = ["BankAppSimulator", "BankAppState"]


class BankAppState(HasTraits):
    """What the learner did, as plain values (the graded items and tests read it)."""

    scenario = Unicode("pay_shop", help="Id of the scenario being played.")
    screen = Enum(SCREENS, default_value="situation", help="The app screen on show.")
    action = Unicode("", help="How the scenario ended: pay, refuse or a message action.")
    outcome = Unicode("", help="'right', 'wrong', or '' while the scenario runs.")


class BankAppSimulator(SimHost):
    """Scenario menu, phone with the bank app, and the scene beside it.

    CSS classes: ``lk-payments`` (the view), ``lk-payments-menu``,
    ``lk-payments-scenario-<id>``, ``lk-payments-scene`` (``lk-payments-sticker``), the
    phone's screens ``lk-payments-screen-<key>`` and their buttons ``lk-payments-<name>``.
    """

    prefix = "payments"
    screen_classes = {cls.key: cls for cls in SCREEN_CLASSES}
    restore_order = ("scenario",)

    def __init__(self, lang: str = "vi", scenario: str = "pay_shop", menu: bool = True,
                 seed: int | None = None, **kwargs):
        # seed: accepted like every simulator's; the scenarios are fixed data.
        super().__init__(state=BankAppState(scenario=scenario), lang=lang, **kwargs)
        self.session = BankSession(scenario)
        self.menu_buttons = {sid: button("payments-scenario", f"payments-scenario-{sid}",
                                         on_click=lambda s=sid: self.start(s), width="auto")
                             for sid in scenarios()}
        self.menu_title = html_box("payments-menu-title")
        self.menu = css(w.VBox([self.menu_title, w.HBox(list(self.menu_buttons.values()),
                                                        layout=w.Layout(flex_flow="row wrap"))]),
                        "payments-menu")
        self.menu.layout.display = None if menu else "none"
        self.scene_text = html_box("payments-scene-text")
        self.sticker = css(w.Image(format="png", layout=w.Layout(width="220px")), "payments-sticker")
        self.note = html_box("payments-note")
        scene = css(w.VBox([self.scene_text, self.sticker, self.note],
                           layout=w.Layout(max_width="420px")), "payments-scene")
        self.build_layout(title="payments.app_title", side=scene, side_margin="0 12px")
        self.children = [payments_stylesheet(), self.menu, *self.children]
        self.start(scenario)

    # -- seams ------------------------------------------------------------------------------
    def start(self, scenario: str) -> None:
        """Begin scenario ``scenario`` afresh (what its menu button does)."""
        self.session = BankSession(scenario)
        for screen in self.built_screens():
            screen.clear()
        png = self.session.scenario.sticker_png()
        self.sticker.value = png or b""
        self.sticker.layout.display = None if png else "none"
        with self.state.hold_trait_notifications():
            self.state.scenario = scenario
            self.state.action = ""
            self.state.outcome = ""
        self.go("situation")
        self.relabel_chrome()

    def restore_value(self, name: str, value) -> None:
        if name == "scenario":
            self.start(value)

    def restart(self) -> None:
        self.start(self.state.scenario)

    def scan(self):
        self._do(self.session.scan)
        return self.session.qr

    def type_amount(self, text: str) -> None:
        """Type an amount into the confirm screen's box, as a learner would."""
        self.fill("confirm", amount=text)

    def pay(self) -> None:
        confirm = self.screen("confirm")
        if not self.session.amount_fixed:
            if not confirm.check_fields("amount"):
                return
            if not self._do(self.session.set_amount, confirm.typed("amount")):
                return
        self._do(self.session.pay)

    def enter_pin(self, pin: str) -> None:
        self.fill("pin", pin=pin)
        self.confirm_pin()

    def confirm_pin(self) -> None:
        self._do(self.session.enter_pin, self.screen("pin").typed("pin"))

    def face_check(self) -> None:
        self._do(self.session.face_check)

    def refuse(self) -> None:
        self._do(self.session.refuse)

    def choose(self, action: str) -> None:
        self._do(self.session.choose, action)

    # -- plumbing ---------------------------------------------------------------------------
    def _do(self, step, *args) -> bool:
        done = self.call(self.current, step, *args)
        if done:
            self.go(self.session.screen)
        return done

    def sync(self) -> None:
        if self.session.outcome:
            with self.state.hold_trait_notifications():
                self.state.action = self.session.action
                self.state.outcome = self.session.outcome
        super().sync()

    def relabel_chrome(self) -> None:
        if not hasattr(self, "note"):
            return  # called while the view is being built
        lang = self.lang
        self.menu_title.value = f"<b>{esc(self.tr('payments.menu'))}</b>"
        for sid, btn in self.menu_buttons.items():
            btn.description = btn.tooltip = scenario_page(sid).title.get(lang)
            btn.button_style = "info" if sid == self.state.scenario else ""
        scenario = self.session.scenario
        page = scenario_page(scenario.id)
        facts = []
        if scenario.owner:
            facts.append((self.tr("payments.label.shop_owner"), scenario.owner))
        if scenario.agreed:
            facts.append((self.tr("payments.label.agreed"), format_vnd(scenario.agreed)))
        self.scene_text.value = (f"<h4>{esc(page.title.get(lang))}</h4><p>{esc(page.body[0].get(lang))}</p>"
                                 + (fact_rows(facts, "payments-scene-facts", "payments") if facts else ""))
        self.note.value = f"<small>{esc(self.tr('payments.source_note'))}</small>"
