"""What every phone simulator shares: screens on a phone beside a side panel, kept once.

A simulator (VNeID, the public-service portal, a bank app...) is a :class:`SimHost`
subclass that names its CSS ``prefix``, its screen classes (:class:`SimScreen`
subclasses, by key), the order its saved traits are restored in and the catalog key of
its "something went wrong" line. The host keeps:

- the screen cache: a screen is built on first use and kept with what was typed in it;
- navigation: :meth:`go` shows a screen by setting ``state.screen``;
- restoring: :meth:`restore` sets saved traits in the declared order and
  :meth:`from_state` builds a restored simulator;
- closing: :meth:`close` closes every screen it ever built, shown or not, and the phone
  and side panel (the kiosk's privacy rule: no model holding what a visitor typed stays
  open after they leave);
- relabelling on a language switch, and the phone-and-side-panel layout.

Domain simulators add their seams (one per button) and their state machine; the host holds
no domain logic.

>>> import ipywidgets as w
>>> from traitlets import HasTraits, Unicode
>>> from literacy_kit.core.sim_screen import SimScreen
>>> class Hello(SimScreen):
...     key, prefix = "hello", "demo"
...     def build(self):
...         return []
>>> class State(HasTraits):
...     screen = Unicode("hello")
>>> class Demo(SimHost):
...     prefix, screen_classes = "demo", {"hello": Hello}
...     def __init__(self, lang="vi"):
...         super().__init__(state=State(), lang=lang)
...         self.build_layout(title="core.check", side=w.HTML("card"))
>>> sim = Demo(lang="en")
>>> sim.current.key, "lk-demo-layout" in sim.children[0]._dom_classes
('hello', True)
>>> sim.close()
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as w

from ..errors import InputError
from ._parts import pass_lang
from .base import LangView, css
from .phone_frame import PhoneFrame
from .sim_screen import SimScreen, localized
from .tree import close_all


class SimHost(LangView):
    """Base of the phone simulators: screen cache, navigation, restore, close, layout.

    Subclasses set :attr:`prefix`, :attr:`screen_classes`, :attr:`restore_order` and
    :attr:`unexpected`, call ``super().__init__(state=..., lang=...)`` first and
    :meth:`build_layout` once their parts exist. Hooks: :meth:`sync` (after every logic
    call), :meth:`resolve_screen` (redirect a screen that cannot show yet),
    :meth:`remember` (called with each screen key shown), :meth:`relabel_chrome` (the
    parts around the screen: navigation buttons, address bar).

    CSS classes: ``lk-<prefix>`` (the view), ``lk-<prefix>-layout``, ``lk-<prefix>-phone``,
    ``lk-<prefix>-phone-content``, ``lk-<prefix>-screen-holder``.
    """

    #: CSS prefix of the simulator's classes.
    prefix = "sim"
    #: Screen key -> :class:`SimScreen` subclass.
    screen_classes: Mapping[str, type[SimScreen]] = {}
    #: State trait names in the order :meth:`restore` sets them (the screen last).
    restore_order: Sequence[str] = ("screen",)
    #: Catalog key of the line shown when a logic step fails unexpectedly.
    unexpected = "errors.unexpected"

    def __init__(self, state, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.state = state
        self._screens: dict[str, SimScreen] = {}
        #: What the last logic call returned.
        self.result = None
        css(self, self.prefix)
        self.holder = css(w.VBox(layout=w.Layout(width="100%")), f"{self.prefix}-screen-holder")
        self.phone: PhoneFrame | None = None
        self.side: w.Widget | None = None
        self._lang_ready = False
        self.lang = lang

    def build_layout(self, title: str, side: w.Widget | None = None,
                     above: Sequence[w.Widget] = (), below: Sequence[w.Widget] = (),
                     side_margin: str | None = None) -> None:
        """Put the screen holder in a phone titled by catalog key ``title``, ``side`` beside it.

        ``above`` and ``below`` go around the screen inside the phone (an address bar,
        navigation buttons); ``side_margin`` spaces the side panel from the phone. Shows the
        state's screen and starts following it.
        """
        content = css(w.VBox([*above, self.holder, *below], layout=w.Layout(width="100%")),
                      f"{self.prefix}-phone-content")
        self.phone = css(PhoneFrame(localized(title), content, lang=self.lang),
                         f"{self.prefix}-phone")
        self.side = side
        if side is not None and side_margin is not None:
            side.layout.margin = side_margin
        parts = [self.phone] + ([side] if side is not None else [])
        self.children = [css(w.HBox(parts, layout=w.Layout(flex_flow="row wrap",
                                                           align_items="flex-start")),
                             f"{self.prefix}-layout")]
        self.state.observe(self._on_screen, names="screen")
        self._lang_ready = True
        self._show(self.state.screen)
        self.relabel()

    # -- constructing and restoring ---------------------------------------------------------
    @classmethod
    def from_state(cls, values: dict, lang: str = "vi", seed: int | None = None, **kwargs):
        """A simulator for ``seed`` restored from saved state traits (see :meth:`restore`)."""
        sim = cls(lang=lang, seed=seed, **kwargs)
        sim.restore(values)
        return sim

    def restore(self, values: dict) -> None:
        """Set saved state traits in :attr:`restore_order` (unknown names and refused
        values are skipped: a bad saved value keeps the default)."""
        for name in self.restore_order:
            if name in values:
                try:
                    self.restore_value(name, values[name])
                except Exception:  # noqa: BLE001 - a damaged save never stops the learner
                    continue

    def restore_value(self, name: str, value) -> None:
        """Set one saved trait (subclasses may route some through a seam)."""
        setattr(self.state, name, value)

    # -- screens ------------------------------------------------------------------------------
    def screen(self, key: str) -> SimScreen:
        """The screen ``key`` (built on first use, then kept with what was typed in it)."""
        if key not in self._screens:
            self._screens[key] = self.screen_classes[key](self, lang=self.lang)
        return self._screens[key]

    @property
    def current(self) -> SimScreen:
        """The screen on show."""
        return self.screen(self.state.screen)

    def go(self, key: str) -> None:
        """Show screen ``key`` (also the trainer's jump: nothing is checked)."""
        key = self.resolve_screen(key)
        if key == self.state.screen:
            self._show(key)
        else:
            self.state.screen = key

    def resolve_screen(self, key: str) -> str:
        """The screen to show when ``key`` is asked for (hook; default: ``key``)."""
        return key

    def remember(self, key: str) -> None:
        """Hook called with every screen key shown (e.g. where to return to)."""

    def fill(self, key: str | None = None, **texts: str | None) -> None:
        """Type into fields of screen ``key`` (the current one by default); ``None`` skips."""
        self.screen(key or self.state.screen).fill(
            **{name: text for name, text in texts.items() if text is not None})

    def call(self, screen: SimScreen, action: Callable, *args, **kwargs) -> bool:
        """Run a logic step for ``screen``: a problem becomes its friendly message."""
        try:
            self.result = action(*args, **kwargs)
        except InputError as err:
            screen.fail(err)
            return False
        except Exception:  # noqa: BLE001 - never a traceback in front of a learner
            screen.say("error", self.unexpected)
            return False
        finally:
            self.sync()
        return True

    def sync(self) -> None:
        """Copy the domain's logic state into the state traits (hook; default: chrome)."""
        self.relabel_chrome()

    # -- closing ------------------------------------------------------------------------------
    def built_screens(self) -> list[SimScreen]:
        """Every screen built so far (shown or not)."""
        return list(self._screens.values())

    def close_screens(self) -> None:
        """Close every screen built so far: what was typed in them is gone."""
        self.holder.children = ()
        for screen in self._screens.values():
            close_all(screen)
        self._screens.clear()

    def close(self) -> None:
        """Close the simulator, its phone and side panel, and every screen it built.

        The kiosk closes a tile with ``close_all``, which walks only the widgets on show;
        screens visited earlier hold what the visitor typed, so they are closed here too.
        """
        self.close_screens()
        for child in self.children:
            close_all(child)
        layout = self.layout
        super().close()
        layout.close()

    # -- showing and relabelling ----------------------------------------------------------
    def _show(self, key: str) -> None:
        screen = self.screen(key)
        self.remember(key)
        screen.lang = self.lang
        screen.on_show()
        self.holder.children = (screen,)
        self.relabel_chrome()

    def _on_screen(self, change) -> None:
        self._show(change["new"])

    def relabel_chrome(self) -> None:
        """Relabel the parts around the screen (hook; default: nothing)."""

    def relabel(self) -> None:
        if not self._lang_ready:
            return
        for part in (self.phone, self.side):
            if part is not None and part.has_trait("lang"):
                part.lang = self.lang
        pass_lang(self.holder.children[0] if self.holder.children else None, self.lang)
        self.relabel_chrome()
