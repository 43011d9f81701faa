"""Following an application: the file code, its status, what to do next, and the timeline
with the notifications sent on the portal, in VNeID and by SMS.

"Next day" lets the simulated office take its next step (received, processing, a request
for more information, the result). :class:`TimelineView` shows the same timeline on its
own, without advice, for exercises that ask what the citizen should do next.

>>> from datetime import date
>>> view = TimelineView(needs_info_example(seed=3, today=date(2025, 9, 1)), lang="en")
>>> view.application.status.value
'needs_info'
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ...core._parts import esc, html_box, show
from ...core.base import LangView, css
from ...i18n import t
from ..logic.application import Application, next_action
from ..logic.application_types import SENDERS
from ..logic.family import fake_family
from .screens_base import Screen, key, text_in

_CHANNEL_STYLE = ("display:inline-block;border:1px solid #90a4ae;border-radius:6px;"
                  "padding:0 6px;margin-right:4px;font-size:85%;background:#eceff1")
_CODE_STYLE = ("font-size:130%;font-weight:bold;letter-spacing:1px;border:2px solid #1b5e20;"
               "border-radius:8px;padding:4px 8px;background:#e8f5e9;color:#1b5e20")


def status_html(app: Application, lang: str) -> str:
    """The status as a labelled badge (classes ``lk-services-status-<value>``)."""
    value = app.status.value
    return (f'<p><b>{esc(t(key("status.label"), lang))}:</b> '
            f'<span class="lk-services-status lk-services-status-{value}">'
            f'{esc(t(app.status.label_key, lang))}</span></p>')


def code_html(app: Application, lang: str) -> str:
    """The file code, large (class ``lk-services-file-code``), or a note that there is none."""
    if not app.file_code:
        return f"<p>{esc(t(key('status.no_code'), lang))}</p>"
    return (f'<p>{esc(t(key("status.code"), lang))}<br><span class="lk-services-file-code" '
            f'style="{_CODE_STYLE}">{esc(app.file_code)}</span></p>')


def timeline_html(app: Application, lang: str) -> str:
    """Every event, newest first, each with the notifications it sent."""
    items = []
    for event in reversed(app.timeline):
        notes = "".join(
            f'<div class="lk-services-notice lk-services-notice-{note.channel}">'
            f'<span style="{_CHANNEL_STYLE}">{esc(t(key(f"channel.{note.channel}"), lang))}</span>'
            f'{esc(note.text(lang))}</div>' for note in event.notifications)
        items.append(f'<li class="lk-services-event lk-services-event-{event.kind}" '
                     f'style="margin-bottom:6px"><b>{event.at:%d/%m/%Y %H:%M}</b> '
                     f'{esc(event.text(lang))}{notes}</li>')
    return (f'<p><b>{esc(t(key("status.timeline"), lang))}</b></p>'
            f'<ul class="lk-services-timeline" style="padding-left:18px">{"".join(items)}</ul>')


def needs_info_example(seed: int = 2025, today: date | str | None = None) -> Application:
    """A birth registration sent back for a blurred birth notice (synthetic family ``seed``;
    ``today`` is a date or ``"YYYY-MM-DD"``, the day it was filed)."""
    from .simulator_state import OfficeScript

    if isinstance(today, str):
        today = date.fromisoformat(today)
    family = fake_family(seed, today=today)
    start = datetime.combine(today or date.today(), time(8, 0))
    moments = iter(start + timedelta(days=day, minutes=10 * step)
                   for day in range(8) for step in range(6))
    now = [next(moments)]
    app = Application("newborn", sequence=1 + int(seed) % 9999 if isinstance(seed, int) else 1,
                      clock=lambda: now[0])
    app.fill(family.newborn_values())
    for doc_id, files in family.newborn_attachments().items():
        for attachment in files:
            app.attach(doc_id, attachment)
    now[0] = next(moments)
    app.submit()
    office = OfficeScript(ask_for_info=True)
    for day in (1, 2, 3):
        now[0] = start + timedelta(days=day)
        office.advance(app)
    return app


class TimelineView(LangView):
    """An application's file code, status and timeline, read-only and without advice.

    CSS classes: ``lk-services-timeline-view``, ``lk-services-timeline-code``,
    ``lk-services-timeline-status``, ``lk-services-timeline-events``.
    """

    def __init__(self, application: Application, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.application = application
        css(self, "services-timeline-view")
        self.head = html_box("services-timeline-title")
        self.code = html_box("services-timeline-code")
        self.status = html_box("services-timeline-status")
        self.events = html_box("services-timeline-events")
        self.children = [self.head, self.code, self.status, self.events]
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "events"):
            return
        app, lang = self.application, self.lang
        badge = t("core.phone.simulation", lang)
        self.head.value = (f"<b>{esc(text_in(app.procedure.title, lang))}</b> "
                           f"<i>({esc(badge)})</i>")
        self.code.value = code_html(app, lang)
        self.status.value = status_html(app, lang)
        self.events.value = timeline_html(app, lang)


class StatusScreen(Screen):
    """My application: file code, status, next step, timeline, "next day", "supplement"."""

    key = "status"
    app = "filing"

    def build(self):
        return [self.text("code", lambda lang: self._with_app(code_html, lang), markup=True),
                self.text("status", lambda lang: self._with_app(status_html, lang), markup=True),
                self.text("next", self._next, markup=True),
                self.action("supplement", key("status.supplement"), self.sim.open_supplement, "warning"),
                self.action("next-day", key("status.next_day"), self.sim.next_day, "primary"),
                self.action("status-messages", key("status.messages"), self.sim.open_messages),
                self.text("timeline", lambda lang: self._with_app(timeline_html, lang), markup=True),
                self.action("status-home", key("go_home"), self.sim.open_app)]

    def _with_app(self, draw, lang: str) -> str:
        app = self.sim.application
        return draw(app, lang) if app is not None else ""

    def _next(self, lang: str) -> str:
        app = self.sim.application
        if app is None:
            return f"<p>{esc(t(key('status.none'), lang))}</p>"
        return (f'<p class="lk-services-next"><b>{esc(t(key("status.next"), lang))}</b> '
                f'{esc(t(next_action(app), lang))}</p>')

    def render(self):
        status = self.sim.state.status
        show(self.buttons["supplement"], status == "needs_info")
        show(self.buttons["next-day"], status in ("submitted", "received", "processing"))


SCREENS = (StatusScreen,)

__all__ = ["SCREENS", "StatusScreen", "TimelineView", "code_html", "needs_info_example",
           "status_html", "timeline_html", "SENDERS"]
