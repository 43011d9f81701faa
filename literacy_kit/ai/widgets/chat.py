"""The chat simulator: talk to an AI assistant on a simulated phone, safely.

Every prompt goes through :func:`~literacy_kit.ai.ask`, so personal data is refused
*before* any assistant sees it: the refusal names the kinds found, the typed text stays in
the box, and the learner may choose "send with the data masked", which shows exactly what
the assistant would receive. Answers are not marked right or wrong in the chat: one of the
offline answers is deliberately wrong, and noticing it is the learner's job.

A trainer who runs an OpenAI-compatible server on the local network and sets
``LK_AI_BASE_URL`` may let the lesson use it (``allow_server=True``); the kiosk never does.

>>> from literacy_kit.ai.widgets.chat import ChatSimulator
>>> chat = ChatSimulator(lang="en")
>>> chat.send("Write a notice for the village meeting on Saturday evening")
True
>>> chat.state.messages[-1]["scenario"]
'meeting_notice'
>>> chat.send("Call me on 0912 345 678"), chat.state.status, chat.state.draft
(False, 'refused', 'Call me on 0912 345 678')
"""
from __future__ import annotations

import os

import ipywidgets as w

from ...core import FeedbackPanel, PhoneFrame
from ...core._parts import button, html_box, show, switch_class
from ...core.base import LangView, css
from ..logic.assistant import AssistantError, OfflineAssistant, PersonalDataError, ask
from ..logic.chat_state import MAX_MESSAGES, SOURCES, STATUSES, ChatState
from ..logic.client import ENV_BASE_URL, OpenAICompatibleAssistant
from ..logic.personal_data import DataKind, redact
from ..logic.scenarios import fallback_text, scenario, scenarios
from .style import ai_stylesheet, esc, localized, text_html

__all__ = ["ChatSimulator", "ChatState", "MAX_MESSAGES", "SOURCES", "STATUSES"]

_ROLES = ("lk-ai-bubble-user", "lk-ai-bubble-assistant")


class ChatSimulator(LangView):
    """A prompt box, a Send button, chat bubbles and suggestion chips in a phone frame.

    Parameters
    ----------
    lang : str
        ``"vi"`` (default) or ``"en"``; offline answers follow a language switch.
    assistant : Assistant, optional
        The offline assistant (default :class:`~literacy_kit.ai.OfflineAssistant`).
    allow_server : bool
        Offer the trainer's OpenAI-compatible server when ``LK_AI_BASE_URL`` is set
        (lessons only; the kiosk leaves it off).
    environ : mapping, optional
        Where to read ``LK_AI_*`` (default ``os.environ``).

    Seams: ``send(text=None)``, ``send_masked()``, ``suggest(scenario_id)``,
    ``choose_source("offline" | "server")``, ``reset()``. State: :class:`ChatState`.

    CSS classes: ``lk-ai-chat``, ``lk-ai-chat-phone``, ``lk-ai-chat-assistant-name``,
    ``lk-ai-chat-messages`` (newest bubble first, shown at the bottom), ``lk-ai-bubble`` (+ ``lk-ai-bubble-user`` /
    ``lk-ai-bubble-assistant``), ``lk-ai-chat-empty``, ``lk-ai-chat-suggestions``,
    ``lk-ai-chat-suggestion`` (+ ``lk-ai-chat-suggestion-<scenario>``), ``lk-ai-chat-notice``,
    ``lk-ai-chat-masked``, ``lk-ai-chat-masked-preview``, ``lk-ai-chat-send-masked``,
    ``lk-ai-chat-input``, ``lk-ai-chat-send``, ``lk-ai-chat-source`` (+ ``-offline``/``-server``).
    """

    def __init__(self, lang: str = "vi", assistant=None, allow_server: bool = False,
                 environ=None, max_messages: int = MAX_MESSAGES, **kwargs):
        super().__init__(**kwargs)
        self.state = ChatState()
        self.offline = assistant or OfflineAssistant()
        self._environ = os.environ if environ is None else environ
        self.server_available = bool(allow_server
                                     and str(self._environ.get(ENV_BASE_URL) or "").strip())
        self._server = None
        self.max_messages = max(2, int(max_messages))
        #: The last AssistantReply (None before the first answer).
        self.last_reply = None
        self._bubbles: list[w.HTML] = []
        css(self, "ai-chat")
        self.assistant_name = html_box("ai-chat-assistant-name")
        # Newest at the bottom, and the scroll starts there: "column-reverse" with the bubbles
        # in reverse order keeps the latest answer and the prompt box in view, without script.
        self.messages_box = css(w.VBox(layout=w.Layout(
            width="100%", max_height="380px", overflow="auto", flex_flow="column-reverse")),
            "ai-chat-messages")
        self.empty = html_box("ai-chat-empty")
        self.suggestions_title = html_box("ai-chat-suggestions-title", "ai-hint")
        self.suggestion_buttons: dict[str, w.Button] = {}
        for item in scenarios():
            self.suggestion_buttons[item.id] = button(
                "ai-chat-suggestion", f"ai-chat-suggestion-{item.id}",
                on_click=lambda sid=item.id: self.suggest(sid), width="auto")
        self.suggestions_box = css(w.HBox(list(self.suggestion_buttons.values()),
                                          layout=w.Layout(flex_flow="row wrap")),
                                   "ai-chat-suggestions")
        self.notice = css(FeedbackPanel(lang=lang), "ai-chat-notice")
        self.masked_preview = html_box("ai-chat-masked-preview", "ai-masked")
        self.send_masked_button = button("ai-chat-send-masked", on_click=self.send_masked,
                                         width="100%")
        self.masked_box = css(w.VBox([self.masked_preview, self.send_masked_button]),
                              "ai-chat-masked")
        self.input = css(w.Textarea(continuous_update=True, rows=3,
                                    layout=w.Layout(width="100%", min_height="96px")),
                         "ai-chat-input", "ai-input")
        self.send_button = button("ai-chat-send", on_click=self.send, width="100%")
        self.send_button.button_style = "primary"
        self.source_label = html_box("ai-chat-source-label")
        self.source_buttons = {name: button("ai-chat-source", f"ai-chat-source-{name}",
                                            on_click=lambda n=name: self.choose_source(n),
                                            flex="1 1 0", width="auto") for name in SOURCES}
        self.source_row = css(w.VBox([self.source_label, css(w.HBox(
            list(self.source_buttons.values())), "ai-row")]), "ai-chat-source-row")
        show(self.source_row, self.server_available)
        # The prompt box right under the latest messages; the chips come last.
        content = css(w.VBox([self.source_row, self.assistant_name, self.messages_box, self.empty,
                              self.notice, self.masked_box, self.input, self.send_button,
                              self.suggestions_title, self.suggestions_box],
                             layout=w.Layout(width="100%")), "ai-chat-content")
        self.phone = css(PhoneFrame(localized("ai_widgets.chat.title"), content, lang=lang),
                         "ai-chat-phone")
        self.children = [ai_stylesheet(), self.phone]
        self.input.observe(self._on_input, names="value")
        self.state.observe(self._on_draft, names="draft")
        self.state.observe(self._on_source, names="source")
        self.state.observe(lambda change: self._render(),
                           names=["messages", "status", "refused_kinds", "error_key",
                                  "error_params", "source"])
        self.lang = lang
        self.relabel()

    # -- seams ------------------------------------------------------------------------------
    @property
    def assistant(self):
        """The assistant that answers now (the server only when chosen and reachable)."""
        if self.state.source == "server" and self._server is not None:
            return self._server
        return self.offline

    def send(self, text: str | None = None) -> bool:
        """Send the prompt in the box (or type ``text`` first); True when an answer came."""
        if text is not None:
            self.state.draft = text
        return self._ask(redact_personal=False)

    def send_masked(self) -> bool:
        """Send the prompt with its personal data replaced by labels such as ``[PHONE]``."""
        return self._ask(redact_personal=True)

    def suggest(self, scenario_id: str) -> bool:
        """Tap a suggestion chip: its example prompt (and material) is typed and sent."""
        item = scenario(scenario_id)
        text = item.improved_prompt.get(self.lang)
        if item.material is not None:
            text += "\n\n" + item.material.get(self.lang)
        return self.send(text)

    def choose_source(self, source: str) -> bool:
        """Let the offline assistant or the trainer's server answer from now on."""
        if source == "server":
            try:
                if not self.server_available:
                    raise AssistantError("ai.not_configured")
                if self._server is None:
                    self._server = OpenAICompatibleAssistant(environ=self._environ)
            except AssistantError as err:
                self._fail(f"errors.{err.code}", err.params)
                self.state.source = "offline"
                return False
        self.state.source = source
        return True

    def reset(self) -> None:
        """An empty conversation and an empty box (a new learner, a new visitor)."""
        self.last_reply = None
        with self.state.hold_trait_notifications():
            for name in ("draft", "messages", "status", "refused_kinds", "error_key",
                         "error_params", "source"):
                setattr(self.state, name, self.state.trait_defaults(name))
        self._render()

    # -- plumbing ---------------------------------------------------------------------------
    def _ask(self, redact_personal: bool) -> bool:
        state = self.state
        try:
            reply = ask(self.assistant, state.draft, self.lang, redact_personal=redact_personal)
        except PersonalDataError as err:
            with state.hold_trait_notifications():
                state.refused_kinds = err.kinds
                state.error_key = f"errors.{err.code}"
                state.error_params = {}
                state.status = "refused"
            return False
        except AssistantError as err:
            self._fail(f"errors.{err.code}", err.params)
            return False
        except Exception:  # noqa: BLE001 - a learner never sees a traceback
            self._fail("ai_widgets.chat.unexpected", {})
            return False
        self.last_reply = reply
        user = {"role": "user", "text": reply.prompt}
        answer = {"role": "assistant", "text": reply.text, "source": reply.source,
                  "scenario": reply.scenario or "", "model": reply.model}
        with state.hold_trait_notifications():
            state.messages = (list(state.messages) + [user, answer])[-self.max_messages:]
            state.draft = ""
            state.refused_kinds = ()
            state.error_key = ""
            state.error_params = {}
            state.status = "answered"
            state.sent += 1
        return True

    def _fail(self, key: str, params: dict) -> None:
        with self.state.hold_trait_notifications():
            self.state.refused_kinds = ()
            self.state.error_key = key
            self.state.error_params = {k: v if isinstance(v, (int, float)) else str(v)
                                       for k, v in params.items()}
            self.state.status = "error"

    def _on_input(self, change) -> None:
        if self.state.draft != change["new"]:
            self.state.draft = change["new"]

    def _on_draft(self, change) -> None:
        if self.input.value != change["new"]:
            self.input.value = change["new"]
        if self.state.status == "refused":
            self._render_masked()

    def _on_source(self, change) -> None:
        # A restored "server" choice needs a server this time too.
        if change["new"] == "server" and self._server is None:
            self.choose_source("server")

    def message_text(self, message: dict) -> str:
        """A message's text in the current language (offline answers are translated)."""
        if message.get("role") == "assistant" and message.get("source") == "offline":
            scenario_id = message.get("scenario") or ""
            if not scenario_id:
                return fallback_text(self.lang)
            try:
                return scenario(scenario_id).answer.get(self.lang)
            except KeyError:
                pass
        return str(message.get("text", ""))

    def _who(self, message: dict) -> str:
        if message.get("role") != "assistant":
            return self.tr("ai_widgets.chat.you")
        if message.get("source") == "server":
            return self.tr("ai.assistant.server", model=message.get("model") or "")
        return self.offline.label(self.lang)

    def _render_bubbles(self) -> None:
        messages = self.state.messages
        while len(self._bubbles) > len(messages):
            self._bubbles.pop().close()
        while len(self._bubbles) < len(messages):
            self._bubbles.append(html_box("ai-bubble", flex="0 0 auto"))
        for bubble, message in zip(self._bubbles, messages):
            role = _ROLES[1] if message.get("role") == "assistant" else _ROLES[0]
            switch_class(bubble, role, _ROLES)
            bubble.value = (f'<div class="lk-ai-bubble-who">{esc(self._who(message))}</div>'
                            f"{text_html(self.message_text(message))}")
        newest_first = tuple(reversed(self._bubbles))
        if tuple(self.messages_box.children) != newest_first:
            self.messages_box.children = newest_first
        show(self.empty, not messages)

    def _render_masked(self) -> None:
        refused = self.state.status == "refused"
        show(self.masked_box, refused)
        self.masked_preview.value = (
            f"<b>{esc(self.tr('ai_widgets.chat.masked_preview'))}</b><br>"
            f"{text_html(redact(self.state.draft, self.lang))}") if refused else ""

    def _render(self) -> None:
        state = self.state
        self._render_bubbles()
        if state.status == "refused":
            names = ", ".join(DataKind(kind).label(self.lang) for kind in state.refused_kinds)
            self.notice.show("warning", state.error_key, kinds=names)
        elif state.status == "error" and state.error_key:
            self.notice.show("error", state.error_key, **state.error_params)
        else:
            self.notice.clear()
        self._render_masked()
        self.assistant_name.value = esc(self.tr("ai_widgets.chat.answering",
                                                name=self.assistant.label(self.lang)))
        for name, btn in self.source_buttons.items():
            btn.button_style = "info" if name == state.source else ""

    def relabel(self) -> None:
        if not hasattr(self, "phone"):
            return  # traits set while the view is being built
        self.phone.lang = self.lang
        self.notice.lang = self.lang
        self.empty.value = esc(self.tr("ai_widgets.chat.empty"))
        self.suggestions_title.value = esc(self.tr("ai_widgets.chat.suggestions"))
        for scenario_id, btn in self.suggestion_buttons.items():
            btn.description = btn.tooltip = scenario(scenario_id).title.get(self.lang)
        self.input.placeholder = self.tr("ai_widgets.chat.placeholder")
        self.send_button.description = self.tr("ai_widgets.chat.send")
        self.send_masked_button.description = self.tr("ai_widgets.chat.send_masked")
        self.source_label.value = esc(self.tr("ai_widgets.chat.source_label"))
        for name, btn in self.source_buttons.items():
            btn.description = self.tr(f"ai_widgets.chat.source_{name}")
        self._render()
