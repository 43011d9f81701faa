"""One screen at a time, with Back / Next and a "Step 2 of 5" progress line.

>>> import ipywidgets as w
>>> from literacy_kit.core import StepFlow
>>> flow = StepFlow([("One", w.HTML("a")), ("Two", w.HTML("b"))], lang="en")
>>> flow.next()
True
>>> flow.next_button.description
'Finish'
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from traitlets import Bool, Dict, HasTraits, Int, Unicode, validate

import ipywidgets as w
from ipywidgets.widgets.widget import CallbackDispatcher

from ..errors import InputError
from ._parts import button, esc, html_box, pass_lang, show, text_of
from .base import LangView, css
from .read_aloud import ReadAloud, widget_texts

Screen = tuple  # (Localized | str title, widget)


class FlowState(HasTraits):
    """Where the learner is in the flow and why they may not go on."""

    index = Int(0, help="0-based index of the screen on show.")
    total = Int(1, help="Number of screens (at least 1).")
    finished = Bool(False, help="True once the learner pressed Finish on the last screen.")
    message_key = Unicode("", help="Catalog key of the message under the screen ('' none).")
    message_params = Dict(help="Format parameters of that message.")

    @validate("index")
    def _in_range(self, proposal):
        index = proposal["value"]
        if not 0 <= index < self.total:
            raise ValueError(f"screen index {index} outside 0..{self.total - 1}")
        return index

    @property
    def first(self) -> bool:
        return self.index == 0

    @property
    def last(self) -> bool:
        return self.index == self.total - 1


class StepFlow(LangView):
    """Screens shown one by one; Next may be blocked by ``can_leave(index)``.

    ``can_leave(index)`` returns ``True`` to allow leaving screen ``index``, ``False`` for a
    generic "finish this step first" message, or an :class:`~literacy_kit.InputError` (returned
    or raised) whose own message is shown. :meth:`go` is the trainer's jump and skips it.

    CSS classes: ``lk-flow``, ``lk-flow-progress`` (``lk-flow-progress-text``,
    ``lk-flow-bar``), ``lk-flow-title``, ``lk-flow-body``, ``lk-flow-message``,
    ``lk-flow-nav``, ``lk-flow-back``, ``lk-flow-next`` (plus ``lk-flow-finish`` on the last
    screen), and ``lk-flow-finished`` on the view once finished.
    """

    def __init__(self, screens: Sequence[Screen], lang: str = "vi",
                 can_leave: Callable[[int], object] | None = None, **kwargs):
        super().__init__(**kwargs)
        if not screens:
            raise ValueError("a StepFlow needs at least one screen")
        self.screens = [(title, widget) for title, widget in screens]
        self.can_leave = can_leave
        self.state = FlowState(total=len(self.screens))
        self._finish_handlers = CallbackDispatcher()
        css(self, "flow")
        self.progress_text = html_box("flow-progress-text")
        self.bar = css(w.IntProgress(min=0, max=len(self.screens), value=1,
                                     layout=w.Layout(width="100%")), "flow-bar")
        self.title_html = html_box("flow-title")
        self.body = css(w.VBox(), "flow-body")
        self.message = html_box("flow-message")
        self.back_button = button("flow-back", on_click=self.back)
        self.next_button = button("flow-next", on_click=self.next)
        self.read_aloud = ReadAloud(lambda: widget_texts(
            self.progress_text, self.title_html, self.body, self.message), lang=lang)
        self.children = [css(w.VBox([self.progress_text, self.bar]), "flow-progress"),
                         self.read_aloud, self.title_html, self.body, self.message,
                         css(w.HBox([self.back_button, self.next_button],
                                    layout=w.Layout(justify_content="space-between")),
                             "flow-nav")]
        self.state.observe(self._on_state, names=["index", "finished", "message_key",
                                                  "message_params"])
        self.lang = lang
        self.relabel()

    # -- what the buttons do -------------------------------------------------------------
    def next(self) -> bool:
        """Leave the current screen if allowed; on the last one, finish. Returns success."""
        if not self._may_leave():
            return False
        if self.state.last:
            self.finish()
        else:
            self._set_message("")
            self.state.index += 1
        return True

    def back(self) -> bool:
        """Previous screen (never blocked); ``False`` on the first one."""
        if self.state.first:
            return False
        self._set_message("")
        self.state.index -= 1
        return True

    def go(self, index: int) -> None:
        """Jump to screen ``index`` (0-based) without asking ``can_leave``."""
        self._set_message("")
        self.state.index = index

    def finish(self) -> None:
        """Mark the flow finished and call every :meth:`on_finish` callback once more."""
        with self.state.hold_trait_notifications():
            self.state.finished = True
            self._set_message("core.flow.finished")
        self._finish_handlers(self)

    def on_finish(self, callback: Callable, remove: bool = False) -> None:
        """Register ``callback(flow)`` to run when the learner presses Finish."""
        self._finish_handlers.register_callback(callback, remove=remove)

    @property
    def current(self) -> w.Widget:
        """The widget of the screen on show."""
        return self.screens[self.state.index][1]

    # -- internals ----------------------------------------------------------------------
    def _may_leave(self) -> bool:
        if self.can_leave is None:
            return True
        try:
            verdict = self.can_leave(self.state.index)
        except InputError as exc:
            verdict = exc
        except Exception:  # noqa: BLE001 - never a traceback in front of a learner
            verdict = InputError("field.unexpected")
        if isinstance(verdict, InputError):
            self._set_message("errors." + verdict.code, **verdict.params)
            return False
        if not verdict:
            self._set_message("core.flow.blocked")
            return False
        return True

    def _set_message(self, key: str, **params) -> None:
        with self.state.hold_trait_notifications():
            self.state.message_key = key
            self.state.message_params = params

    def _on_state(self, change) -> None:
        self.relabel()

    def relabel(self) -> None:
        state, lang = self.state, self.lang
        title, widget = self.screens[state.index]
        pass_lang(widget, lang)
        self.body.children = [widget]
        self.progress_text.value = esc(self.tr("core.flow.progress", current=state.index + 1,
                                               total=state.total))
        self.bar.value = state.index + 1
        self.title_html.value = f"<b>{esc(text_of(title, lang))}</b>"
        key = state.message_key
        self.message.value = esc(self.tr(key, **state.message_params)) if key else ""
        show(self.message, bool(key))
        kind = "lk-flow-message-done" if key == "core.flow.finished" else "lk-flow-message-blocked"
        for name in ("lk-flow-message-done", "lk-flow-message-blocked"):
            self.message.remove_class(name)
        if key:
            self.message.add_class(kind)
        self.back_button.description = self.tr("core.back")
        self.back_button.disabled = state.first
        self.next_button.description = self.tr("core.finish" if state.last else "core.next")
        if state.last:
            self.next_button.add_class("lk-flow-finish")
        else:
            self.next_button.remove_class("lk-flow-finish")
        self.next_button.button_style = "success" if state.last else "primary"
        if state.finished:
            self.add_class("lk-flow-finished")
