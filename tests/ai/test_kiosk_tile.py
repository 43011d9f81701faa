"""The AI kiosk tile: registered through the entry point, offline assistant only, fresh on every
visit, and forgotten, every activity it built included, by the idle reset."""
from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit.ai import OfflineAssistant
from literacy_kit.ai.widgets.activities_quick import QuickPasteCheck
from literacy_kit.ai.widgets.activities_spot import SpotTheError
from literacy_kit.ai.widgets.chat import ChatSimulator
from literacy_kit.ai.widgets.kiosk_tile import AIKioskView, tile
from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.tiles import load_tiles
from literacy_kit.testing import find, find_one, walk

PHONE = "0912 345 678"
TYPED = f"Gọi cho tôi số {PHONE} nhé"


@pytest.fixture
def app():
    kiosk = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    yield kiosk
    kiosk.home()
    kiosk.close()


def test_tile_is_registered_through_the_entry_point():
    tiles = {t.key: t for t in load_tiles()}
    assert tiles["ai"] == tile
    assert tile.order == 30 and tile.icon == "comments"
    assert tile.title.get("vi") and tile.title.get("en")
    keys = [t.key for t in load_tiles()]
    assert keys.index("vneid") < keys.index("ai") < keys.index("help")


def test_home_shows_the_tile_in_the_kiosk_language(app):
    button = find_one(app, w.Button, css="lk-kiosk-tile-ai")
    assert button.description == tile.title.get("vi")
    app.set_lang("en")
    assert button.description == tile.title.get("en")


def test_tap_opens_the_chat_with_the_offline_assistant_only(app, monkeypatch):
    monkeypatch.setenv("LK_AI_BASE_URL", "http://127.0.0.1:9")  # a trainer's setting is ignored
    find_one(app, w.Button, css="lk-kiosk-tile-ai").click()
    view = app.screen
    assert app.screen_key == "ai" and isinstance(view, AIKioskView)
    chat = view.current
    assert isinstance(chat, ChatSimulator) and isinstance(chat.assistant, OfflineAssistant)
    assert not chat.server_available
    assert find_one(chat, css="lk-ai-chat-source-row").layout.display == "none"
    assert chat.choose_source("server") is False and chat.assistant is chat.offline
    find_one(chat, w.Button, css="lk-ai-chat-suggestion-meeting_notice").click()
    assert chat.state.messages[-1]["source"] == "offline"


def test_the_menu_opens_each_activity_and_follows_the_language(app):
    view = app.open_tile("ai")
    find_one(view, w.Button, css="lk-ai-kiosk-open-paste").click()
    assert isinstance(view.current, QuickPasteCheck)
    assert find(view, css="lk-ai-quick") and not find(view, css="lk-ai-chat")
    find_one(view, w.Button, css="lk-ai-kiosk-open-spot").click()
    assert isinstance(view.current, SpotTheError)
    app.set_lang("en")
    assert view.lang == "en" and view.current.lang == "en"
    find_one(view, w.Button, css="lk-ai-kiosk-open-chat").click()
    assert view.current.lang == "en", "an activity built earlier follows the switch too"
    assert find_one(view, w.Button, css="lk-ai-kiosk-open-chat").description == \
        "Chat with the AI assistant"


def test_switching_activities_keeps_what_the_visitor_did(app):
    view = app.open_tile("ai")
    view.current.send(TYPED)
    view.go("spot")
    view.current.toggle("s2")
    view.go("chat")
    assert view.current.state.draft == TYPED and view.current.state.status == "refused"
    assert view.activity("spot").state.selected == ("s2",)


def holds_typed_text(widget) -> bool:
    value = getattr(widget, "value", None)
    return isinstance(value, str) and (PHONE in value or "[SĐT]" in value)


def test_idle_reset_forgets_everything_the_visitor_typed(app):
    view = app.open_tile("ai")
    chat = view.current
    find_one(chat, w.Textarea, css="lk-ai-chat-input").value = TYPED
    find_one(chat, w.Button, css="lk-ai-chat-send").click()
    find_one(chat, w.Button, css="lk-ai-chat-send-masked").click()
    find_one(chat, w.Textarea, css="lk-ai-chat-input").value = TYPED   # typed again, not sent
    view.go("paste")
    view.current.answer(False)
    view.go("spot")                         # the chat is off screen now, still holding the text
    built = [widget for activity in view._built.values() for widget in walk(activity)]
    widgets = list(walk(view)) + built
    assert any(holds_typed_text(widget) for widget in widgets)
    app.reset()
    assert app.screen is None and app.screen_key is None
    assert all(widget.comm is None for widget in widgets)
    still_open = [widget for widget in list(_instances.values()) if holds_typed_text(widget)]
    assert still_open == []
    again = app.open_tile("ai")
    assert again is not view and again.state.section == "chat"
    assert again.current.state.messages == [] and again.current.state.draft == ""
    assert find_one(again, w.Textarea, css="lk-ai-chat-input").value == ""
    assert again.activity("paste").state.answered == 0


def test_home_button_also_discards_the_visit(app):
    view = app.open_tile("ai")
    view.current.send(TYPED)
    find_one(app, w.Button, css="lk-kiosk-home-button").click()
    assert app.screen is None and view.comm is None
    assert app.open_tile("ai").current.state.draft == ""


def test_closing_the_view_directly_closes_every_activity():
    view = tile.build("vi")
    chat, quick = view.current, view.go("paste")
    view.close()
    assert chat.comm is None and quick.comm is None and view._built == {}
