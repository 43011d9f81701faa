"""The scam simulator: a phone that rings, texts and chats like a scammer's.

Four scenarios (``data/phone_scenarios.yaml``): a "commune police" call whose link leads to
a fake app-install screen, an SMS thread where a fake message sits next to the real bank's,
a Zalo friend whose account was taken over (and a blurry video call), and "my OTP went to
you by mistake". The caller's script shows as text and plays through the phone's
read-aloud button. Every choice gets feedback that points at the cue; every scenario ends
by rehearsing the right actions. A link can be "long-pressed" (the magnifier button) into
the link inspector beside the phone. Nothing here can reach a network: links are text.

>>> from literacy_kit.safety.widgets.simulator import ScamSimulator
>>> sim = ScamSimulator(lang="en")
>>> sim.open_scenario("bank_sms"); sim.state.screen
'bank_inbox'
>>> sim.inspect("vietcombank.com.vn.xacthuc-tk.top")
True
>>> sim.choose("call_hotline"); sim.state.screen
True
'rehearse'
>>> sim.toggle("delete_message"); sim.toggle("call_bank_hotline")
>>> sim.finish_rehearsal(), sim.state.outcome
(True, 'safe_rehearsed')
>>> sim.close()
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Bool, HasTraits, List, Unicode

from ...core._parts import html_box
from ...core.base import css
from ...core.sim_host import SimHost
from ...errors import InputError
from ..logic.bank import ACTIONS
from ..logic.phone import OUTCOMES, REHEARSE, PhoneRun, scenario, scenarios
from .link_inspector import LinkInspector
from .sim_screens import SCREEN_CLASSES
from .style import esc, safety_stylesheet

__all__ = ["ScamSimulator", "SimulatorState"]


class SimulatorState(HasTraits):
    """Everything a learner changed, as plain values (saved for grading and restored)."""

    screen = Unicode("home", help="Key of the screen on show.")
    scenario = Unicode("", help="Id of the scenario being played ('' on the home screen).")
    choices = List(help="Choice ids made in the current scenario, in order.")
    picks = List(help="Actions picked in the rehearsal.")
    rehearsed = Bool(False, help="The rehearsal of the current scenario passed.")
    outcome = Unicode("not_started", help=f"How the current scenario ended: one of {OUTCOMES}.")
    finished = List(help="Ids of the scenarios played to the end.")
    inspected = List(help="Links long-pressed into the inspector.")


class ScamSimulator(SimHost):
    """The phone (scenario screens) beside the link inspector.

    Parameters
    ----------
    lang : str
        ``"vi"`` or ``"en"``.
    scenario : str, optional
        Open this scenario at once and offer no other (a graded exercise).
    seed : int, optional
        Accepted like every simulator's; the scenarios are fixed, so it changes nothing.

    Seams (one per button): ``open_scenario(id)``, ``choose(choice_id)``, ``inspect(link)``
    (the long-press), ``toggle(action)``, ``finish_rehearsal()``, ``home()``, ``reset()``,
    ``go(key)`` (trainer's jump). State: :class:`SimulatorState` in ``state``; restore it
    with :meth:`restore` / :meth:`from_state`.

    CSS classes: ``lk-safety-sim`` and the host's (``lk-safety-sim-phone``...), each
    screen's ``lk-safety-sim-screen-<key>``, buttons ``lk-safety-sim-choice-<id>``,
    ``lk-safety-sim-inspect-<n>``, ``lk-safety-sim-action-<id>``, ``lk-safety-sim-done``,
    the side panel ``lk-safety-sim-side`` with the inspector (``lk-safety-link``).
    """

    prefix = "safety-sim"
    screen_classes = SCREEN_CLASSES
    restore_order = ("scenario", "choices", "rehearsed", "picks", "finished", "inspected", "screen")
    unexpected = "safety_sim.unexpected"

    def __init__(self, lang: str = "vi", scenario: str | None = None, seed: int | None = None,
                 **kwargs):
        super().__init__(state=SimulatorState(), lang=lang, **kwargs)
        self.seed = seed
        self.allowed = None if scenario is None else {scenario}
        self.run: PhoneRun | None = None
        self.inspector = LinkInspector(lang=lang)
        self.side_note = html_box("safety-sim-side-note")
        side = css(w.VBox([safety_stylesheet(), self.side_note, self.inspector],
                          layout=w.Layout(max_width="420px")), "safety-sim-side")
        self.build_layout(title="safety_sim.app_title", side=side, side_margin="0 0 0 16px")
        if scenario is not None:
            self.open_scenario(scenario)

    # -- seams ----------------------------------------------------------------------------------
    def open_scenario(self, scenario_id: str) -> None:
        """Start ``scenario_id`` from its first step (again, if it was played)."""
        if self.allowed is not None and scenario_id not in self.allowed:
            return
        self.run = PhoneRun(scenario(scenario_id))
        with self.state.hold_trait_notifications():
            self.state.scenario, self.state.choices = scenario_id, []
            self.state.picks, self.state.rehearsed = [], False
        self.sync()
        self.go(self.run.step_id)

    def choose(self, choice_id: str, step: str | None = None) -> bool:
        """Make choice ``choice_id`` on the step on show (``step`` names it when a screen
        taps it); the next screen shows the feedback. False when it does not apply."""
        screen = self.current
        if self.run is None or (step is not None and self.run.step_id != step):
            screen.say("warning", "errors.safety.not_now")
            return False
        ok = self.call(screen, self.run.choose, choice_id)
        if ok:
            self.state.choices = list(self.run.choices)
            self.go(self.run.step_id)
        return ok

    def inspect(self, link: str) -> bool:
        """Long-press a link: the inspector beside the phone reads it (no page opens)."""
        ok = self.inspector.check(link)
        if ok and link not in self.state.inspected:
            self.state.inspected = [*self.state.inspected, link]
        self.relabel_chrome()
        return ok

    def toggle(self, action: str) -> None:
        """Pick or unpick an action in the rehearsal."""
        if action not in ACTIONS:
            return
        picks = list(self.state.picks)
        self.state.picks = [a for a in picks if a != action] if action in picks else picks + [action]
        if self.state.screen == REHEARSE:
            self.current.refresh()

    def finish_rehearsal(self) -> bool:
        """Check the picked actions; True (and the end screen) when they are the right ones."""
        screen = self.current
        if self.run is None or self.run.step_id != REHEARSE:
            screen.say("warning", "errors.safety.not_now")
            return False
        result = self.run.rehearse(self.state.picks)
        self.state.rehearsed = self.run.rehearsed
        self.sync()
        if not result.passed:
            names = lambda ids: ", ".join(self.tr(f"safety.action.{a}") for a in ids)  # noqa: E731
            key = "safety_sim.rehearse.missed" if result.missed else "safety_sim.rehearse.wrong"
            screen.say("warning", key, missed=names(result.missed), wrong=names(result.wrong))
            return False
        if self.state.scenario not in self.state.finished:
            self.state.finished = [*self.state.finished, self.state.scenario]
        self.go("done")
        return True

    def home(self) -> None:
        """Back to the phone's home screen (a graded exercise stays on its scenario's end)."""
        self.go("home")

    def reset(self) -> None:
        """Start again: every scenario unplayed, the inspector empty."""
        self.close_screens()
        self.run = None
        self.inspector.clear()
        with self.state.hold_trait_notifications():
            for name in ("scenario", "choices", "picks", "rehearsed", "finished", "inspected"):
                setattr(self.state, name, self.state.trait_defaults(name))
        self.sync()
        self.go("home")

    # -- restoring ----------------------------------------------------------------------------
    def restore(self, values: dict) -> None:
        """Rebuild from saved traits: the scenario is replayed choice by choice."""
        scenario_id = values.get("scenario")
        ids = {s.id for s in scenarios()}
        if isinstance(scenario_id, str) and scenario_id in ids:
            choices = values.get("choices") if isinstance(values.get("choices"), list) else []
            self.run = PhoneRun.replay(scenario(scenario_id), choices,
                                       rehearsed=values.get("rehearsed") is True)
            with self.state.hold_trait_notifications():
                self.state.scenario = scenario_id
                self.state.choices = list(self.run.choices)
                self.state.rehearsed = self.run.rehearsed
        for name in ("picks", "finished", "inspected"):
            value = values.get(name)
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                allowed = {"picks": set(ACTIONS), "finished": ids}.get(name)
                setattr(self.state, name, [v for v in value if allowed is None or v in allowed])
        self.sync()
        screen = values.get("screen")
        self.go(screen if screen in self.screen_classes and self._fits(screen) else self._resume())

    def _fits(self, key: str) -> bool:
        if key == "home":
            return self.allowed is None
        if self.run is None:
            return False
        if key == "done":
            return self.run.rehearsed
        return key == self.run.step_id

    def _resume(self) -> str:
        if self.run is None:
            return "home"
        return "done" if self.run.rehearsed else self.run.step_id

    # -- host hooks -----------------------------------------------------------------------------
    def sync(self) -> None:
        self.state.outcome = self.run.outcome if self.run is not None else "not_started"
        self.relabel_chrome()

    def resolve_screen(self, key: str) -> str:
        if key == "home" and self.allowed is not None and self.run is not None:
            return self._resume()
        return key

    def relabel_chrome(self) -> None:
        if not hasattr(self, "side_note"):
            return
        self.side_note.value = f"<p>{esc(self.tr('safety_sim.side_note'))}</p>"
        self.inspector.lang = self.lang

    def close(self) -> None:
        """Close the phone, every screen built and the link inspector."""
        super().close()
