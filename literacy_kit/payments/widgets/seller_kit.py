"""The seller's kit: build a listing, check what a buyer needs, see it as a Zalo post and a
marketplace card, and print the stall's QR sign.

The rules live in :mod:`literacy_kit.payments.logic.listing` and
:mod:`~literacy_kit.payments.logic.stall_sign`; this view collects what the seller types
and taps. Seams: ``choose_product(id)``, ``fill(**texts)``, ``toggle_photo(id)``,
``set_option(name, on)``, ``check()``, ``make_sign()``.

>>> kit = SellerKit(lang="en")
>>> kit.fill(name="Honey", origin="Son Dong", quantity="500 ml", price="180k")
>>> kit.toggle_photo("bottle"); kit.set_option("cod", True)
>>> kit.check()
()
>>> kit.close()
"""
from __future__ import annotations

import base64

import ipywidgets as w
from traitlets import Bool, HasTraits, Tuple, Unicode

from ...core import FeedbackPanel
from ...core._parts import button, esc, html_box, show
from ...core.base import LangView, css
from ...core.form_field import FormField
from ...core.sim_screen import localized
from ...core.tree import close_all
from ..logic.bank_app import stalls
from ..logic.listing import Listing, check_listing, draft_description, products
from ..logic.listing_ai import ai_draft
from ..logic.money import format_vnd
from ..logic.stall_sign import stall_sign
from .style import payments_stylesheet

FIELDS = ("name", "origin", "quantity", "price")
OPTIONS = ("shipping", "cod", "ocop")


class SellerKitState(HasTraits):
    """The listing's choices as plain values (the typed texts live in the fields)."""

    product = Unicode("honey", help="Id of the product being listed.")
    photos = Tuple(help="Ids of the chosen photos.")
    shipping = Bool(False, help="Home delivery offered.")
    cod = Bool(False, help="Pay on delivery offered.")
    ocop = Bool(False, help="The listing shows OCOP stars.")
    problems = Tuple(help="Problem codes of the last check; () when it passed or before one.")


class SellerKit(LangView):
    """CSS classes: ``lk-payments-kit``, ``lk-payments-kit-product-<id>``,
    ``lk-payments-kit-field-<name>``, ``lk-payments-kit-photo-<id>``,
    ``lk-payments-kit-<option>``, ``lk-payments-kit-check``, ``lk-payments-kit-zalo``,
    ``lk-payments-kit-market``, ``lk-payments-kit-draft``, ``lk-payments-kit-sign``."""

    def __init__(self, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        css(self, "payments-kit")
        self.state = SellerKitState()
        self.title_html = html_box("payments-kit-title")
        self.product_label = html_box("payments-kit-product-label")
        self.product_buttons = {pid: button("payments-kit-product", f"payments-kit-product-{pid}",
                                            on_click=lambda p=pid: self.choose_product(p), width="auto")
                                for pid in products()}
        self.fields = {name: css(FormField(localized(f"payments_kit.field.{name}"), required=False,
                                           lang=lang), f"payments-kit-field-{name}")
                       for name in FIELDS}
        self.photos_label = html_box("payments-kit-photos-label")
        self.photo_box = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.photo_buttons: dict[str, w.Button] = {}
        self.option_buttons = {name: button("payments-kit-option", f"payments-kit-{name}",
                                            on_click=lambda n=name: self.set_option(
                                                n, not getattr(self.state, n)), width="auto")
                               for name in OPTIONS}
        self.check_button = button("payments-kit-check", on_click=self.check)
        self.check_button.button_style = "primary"
        self.feedback = css(FeedbackPanel(lang=lang), "payments-kit-feedback")
        self.zalo = html_box("payments-kit-zalo", "payments-listing-post")
        self.market = html_box("payments-kit-market", "payments-stall")
        self.draft = html_box("payments-kit-draft")
        self.ai_button = button("payments-kit-ai", on_click=self.ask_ai)
        self.ai_box = html_box("payments-kit-ai-draft", "payments-listing-post")
        self._ai = None
        self.sign_button = button("payments-kit-sign-make", on_click=self.make_sign)
        self.sign_link = html_box("payments-kit-sign")
        self.children = [
            payments_stylesheet(), self.title_html, self.product_label,
            w.HBox(list(self.product_buttons.values()), layout=w.Layout(flex_flow="row wrap")),
            *self.fields.values(), self.photos_label, self.photo_box,
            w.HBox(list(self.option_buttons.values()), layout=w.Layout(flex_flow="row wrap")),
            self.check_button, self.feedback,
            w.HBox([self.zalo, self.market], layout=w.Layout(flex_flow="row wrap")),
            self.draft, self.ai_button, self.ai_box, self.sign_button, self.sign_link]
        self.state.observe(lambda change: self.relabel(),
                           names=["product", "photos", "shipping", "cod", "ocop", "problems"])
        for field in self.fields.values():   # previews follow what is typed
            field.state.observe(lambda change: self.relabel(), names="text")
        self.lang = lang
        self.choose_product("honey")

    # -- seams ------------------------------------------------------------------------------
    def choose_product(self, product_id: str) -> None:
        """List another product: photos and choices start again, typed texts stay."""
        with self.state.hold_trait_notifications():
            self.state.product = product_id
            self.state.photos = ()
            self.state.problems = ()
        self.photo_buttons = {pid: button("payments-kit-photo", f"payments-kit-photo-{pid}",
                                          on_click=lambda p=pid: self.toggle_photo(p), width="auto")
                              for pid in products()[product_id].photos}
        old = self.photo_box.children
        self.photo_box.children = list(self.photo_buttons.values())
        for widget in old:
            close_all(widget)
        self.relabel()

    def fill(self, **texts: str) -> None:
        """Type into the listing's fields by name, as a seller would."""
        for name, text in texts.items():
            self.fields[name].input.value = text
            self.fields[name].state.text = text

    def toggle_photo(self, photo_id: str) -> None:
        photos = self.state.photos
        self.state.photos = (tuple(p for p in photos if p != photo_id) if photo_id in photos
                             else photos + (photo_id,))

    def set_option(self, name: str, on: bool) -> None:
        setattr(self.state, name, bool(on))

    def listing(self) -> Listing:
        """The listing as filled in right now."""
        s = self.state
        return Listing(s.product, *(self.fields[name].state.text for name in FIELDS),
                       photos=s.photos, shipping=s.shipping, cod=s.cod, ocop=s.ocop)

    def check(self) -> tuple[str, ...]:
        """Check the listing: every problem is listed; the previews show it either way."""
        self.state.problems = check_listing(self.listing())
        self.relabel()
        return self.state.problems

    def ask_ai(self):
        """The offline AI assistant's draft, with every claim the listing does not back."""
        self._ai = ai_draft(self.listing(), self.lang)
        self._ai_lang = self.lang
        self.relabel()
        return self._ai

    def _ai_html(self) -> str:
        draft, tr = self._ai, self.tr
        claims = [tr(f"payments_kit.ai.claim_{c.kind}", found=c.found, expected=c.expected)
                  for c in draft.claims]
        if draft.scenario and not claims:
            claims = [tr("payments_kit.ai.no_claims")]
        notes = "".join(f'<li class="lk-payments-kit-ai-claim">{esc(c)}</li>' for c in claims)
        return (f"<b>{esc(tr('payments_kit.ai.title'))}</b><br>"
                + esc(draft.text).replace("\n", "<br>") + (f"<ul>{notes}</ul>" if notes else ""))

    def make_sign(self) -> bytes:
        """The stall's QR sign as PDF bytes, offered as a download link (synthetic account)."""
        stall = stalls()[0]
        name = self.fields["name"].state.text.strip() or stall.sign
        pdf = stall_sign(stall.bin, stall.account, stall.owner, name, self.lang)
        self._sign = pdf
        self.relabel()
        return pdf

    # -- drawing ----------------------------------------------------------------------------
    def _market_card(self, listing: Listing) -> str:
        product = products()[listing.product]
        price = listing.price_value()
        parts = [f"<b>{esc(listing.name or product.name.get(self.lang))}</b>"]
        if price:
            parts.append(esc(self.tr("payments_kit.per_unit", price=format_vnd(price),
                                     unit=product.unit.get(self.lang))))
        if listing.origin:
            parts.append(esc(listing.origin))
        if listing.ocop and product.ocop is not None:
            parts.append("\u2605" * product.ocop + " OCOP")
        return "<br>".join(parts)

    def relabel(self) -> None:
        if not hasattr(self, "sign_link"):
            return
        s, tr = self.state, self.tr
        self.title_html.value = f"<h3>{esc(tr('payments_kit.title'))}</h3>"
        self.product_label.value = esc(tr("payments_kit.product"))
        for pid, btn in self.product_buttons.items():
            btn.description = products()[pid].name.get(self.lang)
            btn.button_style = "info" if pid == s.product else ""
        for field in self.fields.values():
            field.lang = self.lang
        self.photos_label.value = esc(tr("payments_kit.photos"))
        for pid, btn in self.photo_buttons.items():
            btn.description = tr(f"payments_kit.photo.{pid}")
            btn.button_style = "info" if pid in s.photos else ""
        for name, btn in self.option_buttons.items():
            on = getattr(s, name)
            btn.description = ("\u2611 " if on else "\u2610 ") + tr(f"payments_kit.{name}")
            btn.button_style = "info" if on else ""
        self.check_button.description = tr("payments_kit.check")
        self.feedback.lang = self.lang
        if s.problems:
            self.feedback.show("warning", " ".join(tr(f"payments_kit.problem.{code}")
                                                   for code in s.problems))
        else:
            self.feedback.clear()
        listing = self.listing()
        draft = draft_description(listing, self.lang)
        photos = ", ".join(tr(f"payments_kit.photo.{p}") for p in s.photos)
        self.zalo.value = (f"<b>{esc(tr('payments_kit.zalo'))}</b><br>"
                           + esc(draft).replace("\n", "<br>")
                           + (f"<br><i>[{esc(photos)}]</i>" if photos else ""))
        self.market.value = f"<b>{esc(tr('payments_kit.market'))}</b><br>" + self._market_card(listing)
        self.draft.value = f"<small>{esc(tr('payments_kit.draft'))}</small>"
        self.ai_button.description = tr("payments_kit.ai.button")
        if self._ai is not None and self._ai_lang != self.lang:
            self._ai = None                     # asked in the other language: ask again
        self.ai_box.value = self._ai_html() if self._ai is not None else ""
        show(self.ai_box, self._ai is not None)
        self.sign_button.description = tr("payments_kit.sign.make")
        pdf = getattr(self, "_sign", None)
        if pdf:
            data = base64.b64encode(pdf).decode("ascii")
            text = tr("payments_kit.sign.ready", size=max(1, len(pdf) // 1024))
            self.sign_link.value = (f'<a download="bien-qr.pdf" href="data:application/pdf;base64,{data}">'
                                    f"{esc(text)}</a>")
        show(self.sign_link, bool(pdf))
