"""A lamp and its switch: the view, its kiosk tile and its graded item.

>>> view = LampSwitch(lang="en")
>>> view.switch.click(); view.state.on, view.status.value
(True, 'The lamp is on.')
"""
from __future__ import annotations

import ipywidgets as w
from traitlets import Bool, HasTraits, Int

from literacy_kit.content import load
from literacy_kit.core.base import LangView, css
from literacy_kit.kiosk.tiles import Tile


class LampState(HasTraits):
    """What the learner did: is the lamp on, and how many taps it took."""

    on = Bool(False, help="Whether the lamp is on.")
    taps = Int(0, help="Taps on the switch so far.")


class LampSwitch(LangView):
    """One switch button (``lk-lamp-switch``) and a line that says whether the lamp is on."""

    def __init__(self, lang: str = "vi", **kwargs):
        self.state = LampState()
        self.switch = css(w.Button(layout=w.Layout(min_height="48px")), "lamp-switch")
        self.status = css(w.HTML(), "lamp-status")
        self.switch.on_click(lambda _button: self.toggle())
        super().__init__([self.switch, self.status], lang=lang, **kwargs)
        css(self, "lamp")
        self.state.observe(lambda _change: self.relabel(), names=["on"])
        self.relabel()

    def toggle(self) -> bool:
        """What a tap on the switch does; returns whether the lamp is now on."""
        self.state.taps += 1
        self.state.on = not self.state.on
        return self.state.on

    def relabel(self) -> None:
        self.switch.description = self.tr("lamp.switch")
        self.status.value = self.tr("lamp.on" if self.state.on else "lamp.off")


def build(lang: str) -> LampSwitch:
    """A fresh lamp for each kiosk visit."""
    return LampSwitch(lang=lang)


tile = Tile(key="lamp", title=load("lamp_exercise").title, build=build, icon="lightbulb", order=900)


def lamp_switch(exercise, key: str, **options):
    """The graded lamp: ``on`` and ``taps`` are kept under ``key`` for the autograder."""
    view = LampSwitch(lang=exercise.lang, **options)
    return exercise.track(key, view, view.state, ("on", "taps"))
