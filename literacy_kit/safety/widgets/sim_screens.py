"""The screens of the scam simulator's phone: home, one screen per scenario step (an
incoming call, an SMS thread, a Zalo chat, a video call, an app-install prompt), the
rehearsal of the right actions and the end of a scenario.

Screens draw from the simulator's :class:`~literacy_kit.safety.logic.phone.PhoneRun` and
call its seams; links in messages are plain text with a "long-press" button that hands
the link to the link inspector beside the phone: nothing opens a page.
"""
from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as w

from ...core._parts import show
from ...core.base import css
from ...core.sim_screen import SimScreen
from ...i18n import t
from ..logic.bank import ACTIONS, default_bank
from ..logic.links import find_links
from ..logic.phone import REHEARSE, Step, scenarios
from .style import PICKED, action_list, cue_list, esc, marked_text

__all__ = ["SCREEN_CLASSES", "SafetyScreen"]

_KIND_GLYPH = {"call": "\u260e", "sms": "\u2709", "zalo": "\u2709", "video_call": "\u25b6",
               "install": "\u2b07"}


class SafetyScreen(SimScreen):
    prefix = "safety-sim"
    area = "safety_sim"


class HomeScreen(SafetyScreen):
    """The phone's home: one button per scenario, ticked once finished."""

    key = "home"

    def build(self):
        self.intro = self.text("intro", "safety_sim.home.intro")
        self.scenario_buttons = {
            s.id: self.action(f"open-{s.id}", (lambda lang, s=s: self._label(s, lang)),
                              (lambda s=s: self.sim.open_scenario(s.id)))
            for s in scenarios()}
        return [self.intro, *self.scenario_buttons.values()]

    def _label(self, scenario, lang: str) -> str:
        tick = "\u2714 " if scenario.id in self.sim.state.finished else ""
        return tick + scenario.title.get(lang)

    def render(self):
        allowed = self.sim.allowed
        for scenario_id, btn in self.scenario_buttons.items():
            show(btn, allowed is None or scenario_id in allowed)


class StepScreen(SafetyScreen):
    """One step of a scenario, drawn in its channel, with its choices (set per subclass)."""

    step: Step

    def build(self):
        self.header = self.text("header", self._header)
        self.body = self.text("body", self._body, markup=True)
        self.inspect_buttons = []
        links = find_links(self._item_text("vi")) + find_links(self._item_text("en"))
        for index, _span in enumerate(links[:2]):
            self.inspect_buttons.append(self.action(
                f"inspect-{index}", "safety_sim.inspect",
                (lambda i=index: self.sim.inspect(self.link(i)))))
        self.prompt = self.text("prompt", f"safety_sim.prompt.{self.step.kind}")
        self.choice_buttons = [self.action(f"choice-{c.id}", f"safety_sim.choice.{c.id}",
                                           (lambda c=c: self.sim.choose(c.id, step=self.step.id)))
                               for c in self.step.choices]
        return [self.header, self.body, *self.inspect_buttons, self.prompt, *self.choice_buttons]

    def title(self, lang: str) -> str:
        return f"{_KIND_GLYPH[self.step.kind]} {t(f'safety_sim.kind.{self.step.kind}', lang)}"

    def _item(self):
        return default_bank().item(self.step.item)

    def _item_text(self, lang: str) -> str:
        return self._item().text.get(lang)

    def link(self, index: int) -> str:
        """The ``index``-th link of the message in the current language."""
        text = self._item_text(self.lang)
        links = [text[s:e] for s, e in find_links(text)] or [""]
        return links[min(index, len(links) - 1)]

    def _header(self, lang: str) -> str:
        item = self._item()
        if self.step.kind == "install":
            return t("safety_sim.install.header", lang)
        if item.thread:
            return t("safety_widgets.thread", lang, thread=item.thread)
        return item.sender.get(lang)

    def _body(self, lang: str) -> str:
        bank = default_bank()
        if self.step.kind == "install":
            return (f'<div class="lk-safety-msg"><p><b>{esc(t("safety_sim.install.file", lang))}</b></p>'
                    f'<p>{esc(t("safety_sim.install.warning", lang))}</p></div>')
        parts = [f'<div class="lk-safety-msg lk-safety-msg-{self.step.kind}">'
                 f'<div class="lk-safety-msg-body">{esc(bank.item(i).text.get(lang))}</div></div>'
                 for i in self.step.before]
        item = self._item()
        shown = marked_text(item.text.get(lang), None)
        if self.step.kind in ("call", "video_call"):
            parts.append(f'<div class="lk-safety-script">{shown}</div>')
        else:
            parts.append(f'<div class="lk-safety-msg lk-safety-msg-{self.step.kind}">'
                         f'<div class="lk-safety-msg-head">{esc(item.sender.get(lang))}</div>'
                         f'<div class="lk-safety-msg-body">{shown}</div></div>')
        return "".join(parts)


class RehearseScreen(SafetyScreen):
    """Feedback on the last choice, then: pick the right actions and tap Done."""

    key = REHEARSE

    def build(self):
        self.feedback = css(w.HTML(), "safety-sim-rehearse-feedback")
        self._labels.append((self.feedback, "value", self._feedback))
        self.prompt = self.text("prompt", "safety_sim.rehearse.prompt")
        self.toggles = {a: self.action(f"action-{a}", (lambda lang, a=a: self._toggle_label(a, lang)),
                                       (lambda a=a: self.sim.toggle(a))) for a in ACTIONS}
        self.done = self.action("done", "safety_sim.rehearse.done", self.sim.finish_rehearsal,
                                style="info")
        return [self.feedback, self.prompt, *self.toggles.values(), self.done]

    def _toggle_label(self, action: str, lang: str) -> str:
        picked = PICKED if action in self.sim.state.picks else ""
        return picked + t(f"safety.action.{action}", lang)

    def _feedback(self, lang: str) -> str:
        run = self.sim.run
        if run is None or run.last is None:
            return ""
        glyph = "\u2714" if run.last.good else "\u2716"
        return f"<p><b>{glyph}</b> {esc(run.last.feedback.get(lang))}</p>"

    def render(self):
        picks = set(self.sim.state.picks)
        for action, btn in self.toggles.items():
            (btn.add_class if action in picks else btn.remove_class)("lk-safety-picked")


class DoneScreen(SafetyScreen):
    """How the scenario ended, its cues and the actions rehearsed."""

    key = "done"

    def build(self):
        self.summary = self.text("summary", self._summary, markup=True)
        self.home_button = self.action("home", "safety_sim.done.home", self.sim.home)
        return [self.summary, self.home_button]

    def _summary(self, lang: str) -> str:
        run = self.sim.run
        if run is None:
            return ""
        outcome = t(f"safety_sim.outcome.{run.outcome}", lang)
        item = default_bank().item(run.scenario.steps[0].item)
        return (f"<p><b>{esc(outcome)}</b></p><p>{esc(t('safety_widgets.quiz.cues', lang))}</p>"
                f"{cue_list(item, lang)}<p>{esc(t('safety_widgets.quiz.action', lang))}</p>"
                f"{action_list(run.scenario.actions, lang)}")


def _step_class(step: Step) -> type[StepScreen]:
    return type(f"StepScreen_{step.id}", (StepScreen,), {"key": step.id, "step": step})


def screen_classes() -> dict[str, type[SafetyScreen]]:
    """Every screen class by key: home, one per scenario step, rehearse, done."""
    classes: dict[str, type[SafetyScreen]] = {"home": HomeScreen}
    for scenario in scenarios():
        for step in scenario.steps:
            classes[step.id] = _step_class(step)
    classes[REHEARSE] = RehearseScreen
    classes["done"] = DoneScreen
    return classes


class _ScreensOnDemand(Mapping):
    """The screen classes, made the first time a simulator asks: importing the views then
    reads no data file (the scenarios are parsed and checked when a phone is built)."""

    def __init__(self, make):
        self._make = make
        self._classes: dict | None = None

    def _all(self) -> dict:
        if self._classes is None:
            self._classes = self._make()
        return self._classes

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


SCREEN_CLASSES = _ScreensOnDemand(screen_classes)
