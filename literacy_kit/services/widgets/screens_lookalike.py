"""The phone's messages, and the lookalike-portal scenario.

A message (SMS or Zalo) asks for a small "processing fee" on a site whose address looks like
the National Public Service Portal's. The learner checks the address: tapping the link leads
only to a warning page that explains the scam (nothing is paid, nothing is typed), refusing
is praised. An address checker on the same screen runs the services logic's own
:func:`~literacy_kit.services.logic.portal_address.check_portal_address` on anything typed.
"""
from __future__ import annotations

from ...core._parts import esc, show
from ...i18n import t
from ..logic.portal_address import check_portal_address
from .screens_base import Screen, key, paragraphs, screen_page

#: Where the lookalike link points (".example" is reserved: never a real site).
LOOKALIKE_URL = "https://dichvucong-gov.vn.example/nop-le-phi"
#: The fee the lookalike asks for (the amount one victim really paid first).
LOOKALIKE_FEE = 22_000

_BUBBLE = ("border:1px solid #b0bec5;border-radius:10px;background:#ffffff;"
           "padding:6px 10px;margin:4px 0")
_SCAM_BUBBLE = ("border:2px solid #6d4c00;border-radius:10px;background:#fff8e1;"
                "padding:6px 10px;margin:4px 0")


def message_html(sender: str, text: str, channel: str, extra: str = "", style: str = _BUBBLE) -> str:
    """One message as a bubble (classes ``lk-services-sms`` and ``lk-services-sms-<channel>``)."""
    return (f'<div class="lk-services-sms lk-services-sms-{channel}{extra}" style="{style}">'
            f'<b>{esc(sender)}</b><br><span class="lk-services-sms-text">{esc(text)}</span></div>')


def lookalike_text(lang: str) -> str:
    """The lookalike message in ``lang`` (a content page, so trainers can adapt it)."""
    page = screen_page("lookalike_message")
    return " ".join(part.get(lang) for part in page.body).format(url=LOOKALIKE_URL,
                                                                  fee=f"{LOOKALIKE_FEE:,}".replace(",", "."))


def verdict_html(text: str, lang: str) -> str:
    """What the address checker says about ``text`` (classes ``lk-services-verdict-*``)."""
    verdict = check_portal_address(text)
    kind = "official" if verdict.official else "lookalike"
    glyph = "\u2714" if verdict.official else "\u26a0"
    reason = reason_text(verdict, lang)
    head = t(key(f"address.{kind}"), lang)
    return (f'<div class="lk-services-verdict lk-services-verdict-{kind}"><b>{glyph} {esc(head)}</b>'
            f'{"<br>" + esc(reason) if reason else ""}</div>')


def reason_text(verdict, lang: str) -> str:
    """The verdict's reason in ``lang``: its own message when it carries one."""
    message = getattr(verdict, "message", None)
    if callable(message):
        return message(lang)
    reason = getattr(verdict, "reason", "") or ""
    return t(f"services.address.{reason}", lang) if reason else ""


class MessagesScreen(Screen):
    """Every message the phone received (portal SMS notifications, the lookalike), newest first."""

    key = "messages"
    app = "phone"

    def build(self):
        return [self.text("list", self._messages, markup=True),
                self.action("open-lookalike", key("messages.open_lookalike"),
                            self.sim.show_lookalike, "warning"),
                self.action("messages-back", key("messages.back"), self.sim.open_app, "primary")]

    def _messages(self, lang: str) -> str:
        items = [message_html(sender, text, channel)
                 for sender, text, channel in self.sim.sms_messages(lang)]
        if self.sim.lookalike_arrived:
            items.append(message_html(t(key("lookalike.sender"), lang), lookalike_text(lang), "zalo",
                                      " lk-services-sms-lookalike", _SCAM_BUBBLE))
        if not items:
            return f"<p>{esc(t(key('messages.empty'), lang))}</p>"
        return "".join(reversed(items))

    def render(self):
        show(self.buttons["open-lookalike"], self.sim.lookalike_arrived)


class LookalikeScreen(Screen):
    """The message opened: its link, the address it really points to, tap or refuse."""

    key = "lookalike"
    app = "phone"

    def build(self):
        self.checked = ""
        self.address = self.field("address", key("field.address"), required=True,
                                  placeholder=key("field.address_placeholder"))
        return [self.text("sms", lambda lang: message_html(
                    t(key("lookalike.sender"), lang), lookalike_text(lang), "zalo",
                    " lk-services-sms-lookalike", _SCAM_BUBBLE), markup=True),
                self.page_text("how", "check_address"),
                self.address,
                self.action("check-address", key("lookalike.check"), self.check_address, "info"),
                self.text("verdict", self._verdict, markup=True),
                self.action("lookalike-open", key("lookalike.open"), self.sim.open_lookalike, "danger"),
                self.action("lookalike-refuse", key("lookalike.refuse"), self.sim.refuse_lookalike,
                            "success")]

    def _verdict(self, lang: str) -> str:
        return verdict_html(self.checked, lang) if self.checked else ""

    def check_address(self, text: str | None = None) -> bool:
        """Check the address typed in the box (or ``text``); ``True`` if it is the official portal."""
        if text is not None:
            self.fill(address=text)
        if not self.check_fields("address"):
            return False
        self.checked = self.typed("address")
        self.refresh()
        return bool(check_portal_address(self.checked).official)

    def clear(self):
        self.checked = ""
        super().clear()


class LookalikeWarningScreen(Screen):
    """What the lookalike page would have done, and how to tell. Never a payment form."""

    key = "lookalike_warning"

    def build(self):
        return [self.text("verdict", lambda lang: verdict_html(LOOKALIKE_URL, lang), markup=True),
                self.text("body", lambda lang: paragraphs(screen_page("lookalike_warning"), lang),
                          markup=True),
                self.action("lookalike-retry", key("lookalike.retry"), self.sim.show_lookalike,
                            "primary"),
                self.action("lookalike-warning-back", key("messages.back"), self.sim.open_app)]


class LookalikeRefusedScreen(Screen):
    """Praise for refusing, and the signs that gave the lookalike away."""

    key = "lookalike_refused"
    app = "phone"

    def build(self):
        return [self.page_text("body", "lookalike_refused"),
                self.action("lookalike-refused-back", key("messages.back"), self.sim.open_app,
                            "primary")]


SCREENS = (MessagesScreen, LookalikeScreen, LookalikeWarningScreen, LookalikeRefusedScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["LOOKALIKE_FEE", "LOOKALIKE_URL", "SCREENS",
                                               "lookalike_text", "message_html", "verdict_html"]
