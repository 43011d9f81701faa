"""Screens after activation, and the phone's message inbox.

The inbox belongs to the phone rather than the app: the simulator's bottom bar opens it
from any screen, as a learner would switch to the SMS app to read a code.
"""
from __future__ import annotations

from ...core._parts import esc, show
from ...i18n import t
from .screens_base import Screen, screen_page
from ..logic.wallet import DocumentKind

_SMS_STYLE = ("border:1px solid #b0bec5;border-radius:10px;background:#ffffff;"
              "padding:6px 10px;margin:4px 0")
_ALERT_STYLE = ("border:2px solid #6d4c00;border-radius:10px;background:#fff8e1;color:#6d4c00;"
                "padding:6px 10px;margin:4px 0")
_LEVEL_STYLE = ("border:2px solid #1b5e20;border-radius:10px;background:#e8f5e9;color:#1b5e20;"
                "padding:6px 10px;margin:4px 0;font-weight:bold")


def sms_html(sender: str, text: str, extra: str = "") -> str:
    """One text message as a bubble (class ``lk-vneid-sms``)."""
    return (f'<div class="lk-vneid-sms{extra}" style="{_SMS_STYLE}"><b>{esc(sender)}</b><br>'
            f'<span class="lk-vneid-sms-text">{esc(text)}</span></div>')


def scam_text(lang: str) -> str:
    """The scam SMS in ``lang`` (a content page, so trainers can adapt it)."""
    return " ".join(part.get(lang) for part in screen_page("scam_sms").body)


class InboxScreen(Screen):
    """Every SMS the phone received, newest first; the scam one can be opened."""

    key = "inbox"

    def build(self):
        return [self.text("list", self._messages, markup=True),
                self.action("inbox-open-scam", "vneid.home.open_alert", self.sim.show_scam, "warning"),
                self.action("inbox-back", "vneid.inbox.back", self.sim.open_app, "primary")]

    def _messages(self, lang: str) -> str:
        items = [(m.order, sms_html(m.sender, m.text(lang))) for m in self.sim.account.inbox]
        if self.sim.scam_arrived:
            sender = t("vneid.scam.sender", lang)
            items.append((len(items) + 1, sms_html(sender, scam_text(lang), " lk-vneid-sms-scam")))
        if not items:
            return f"<p>{esc(t('vneid.inbox.empty', lang))}</p>"
        return "".join(html for _order, html in sorted(items, reverse=True))

    def render(self):
        show(self.buttons["inbox-open-scam"], self.sim.scam_arrived)


class HomeScreen(Screen):
    """The logged-in home: the name, the account level, the wallet and any new message."""

    key = "home"

    def build(self):
        return [self.text("greeting", lambda lang: t("vneid.home.greeting", lang,
                                                     name=self.sim.citizen.full_name)),
                self.text("level", self._level, markup=True),
                self.text("alert", self._alert, markup=True),
                self.action("open-alert", "vneid.home.open_alert", self.sim.show_scam, "warning"),
                self.action("open-wallet", "vneid.home.wallet", self.sim.open_wallet, "primary"),
                self.action("log-out", "vneid.home.logout", self.sim.log_out)]

    def _level(self, lang: str) -> str:
        level = self.sim.account.level
        note = t(f"vneid.home.level{min(max(level, 1), 2)}_note", lang)
        return (f'<div class="lk-vneid-level lk-vneid-level-{level}" style="{_LEVEL_STYLE}">'
                f'{esc(t("vneid.home.level", lang, level=level))}</div><p>{esc(note)}</p>')

    def _alert(self, lang: str) -> str:
        if not self._alert_on():
            return ""
        text = t("vneid.home.alert", lang, sender=t("vneid.scam.sender", lang))
        return f'<div class="lk-vneid-alert" style="{_ALERT_STYLE}">\u2709 {esc(text)}</div>'

    def _alert_on(self) -> bool:
        return self.sim.scam_arrived and not self.sim.state.scam_outcome

    def render(self):
        show(self.buttons["open-alert"], self._alert_on())


class WalletScreen(Screen):
    """Document wallet: one "Add" button per document kind; below level 2 each is refused
    with the reason (level 2 is done only in person, at the police)."""

    key = "wallet"

    def build(self):
        self.refused = False
        buttons = [self.action(f"wallet-{kind.value}", self._label(kind.value),
                               lambda kind=kind.value: self.request(kind))
                   for kind in DocumentKind]
        self.note = self.text("level2-note", "vneid.wallet.level2_in_person")
        return [self.text("help", "vneid.wallet.help"), *buttons, self.note,
                self.text("documents", self._documents),
                self.action("wallet-back", "vneid.go_home", lambda: self.sim.go("home"))]

    @staticmethod
    def _label(kind: str):
        return lambda lang: t("vneid.wallet.request", lang, document=t(f"vneid.doc.{kind}", lang))

    def _documents(self, lang: str) -> str:
        docs = self.sim.account.wallet.documents
        if not docs:
            return t("vneid.wallet.none", lang)
        names = ", ".join(f"{doc.title(lang)} ({doc.number})" for doc in docs)
        return t("vneid.wallet.integrated", lang, documents=names)

    def request(self, kind: str) -> bool:
        """Ask to add one document; at level 1 the refusal explains the in-person level 2."""
        ok = self.sim.call(self, self.sim.account.wallet.request_integration, kind)
        self.refused = not ok and self.message.state.message == "errors.wallet.needs_level2"
        if ok:
            self.refresh()
            self.say("success", "vneid.wallet.sent", document=t(f"vneid.doc.{kind}", self.lang))
        else:
            self.render()
        return ok

    def on_show(self):
        self.refused = False
        super().on_show()

    def render(self):
        show(self.note, self.refused)


class ScamScreen(Screen):
    """The scam SMS opened full screen: tap the link, or refuse."""

    key = "scam"

    def title(self, lang: str) -> str:
        return t("vneid.scam.title", lang)

    def build(self):
        return [self.text("sms", lambda lang: sms_html(t("vneid.scam.sender", lang),
                                                       scam_text(lang), " lk-vneid-sms-scam"),
                          markup=True),
                self.action("scam-link", "vneid.scam.open_link", self.sim.open_scam_link, "danger"),
                self.action("scam-refuse", "vneid.scam.refuse", self.sim.refuse_scam, "success")]


class ScamWarningScreen(Screen):
    """What the link would have done, and why it is a scam. Never a "success" screen."""

    key = "scam_warning"

    def build(self):
        return [self.page_text("body", "scam_warning"),
                self.action("scam-retry", "vneid.scam_warning.retry", self.sim.show_scam, "primary"),
                self.action("scam-warning-home", "vneid.go_home", self.sim.open_app)]


class ScamRefusedScreen(Screen):
    """Praise for refusing, and the signs that gave the scam away."""

    key = "scam_refused"

    def build(self):
        return [self.page_text("body", "scam_refused"),
                self.action("scam-refused-home", "vneid.go_home", self.sim.open_app, "primary")]


SCREENS = (InboxScreen, HomeScreen, WalletScreen, ScamScreen, ScamWarningScreen,
           ScamRefusedScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS", "scam_text", "sms_html"]
