"""An AI assistant's draft of a listing, checked against the seller's facts.

The AI lesson's offline assistant (a logic module: no widgets) writes a draft from a prompt
built with the listing's facts. Its canned answers carry their own numbers (the honey
answer says 500 ml and 250.000 dong), so every price and size in the draft is compared
with the listing: each one the listing does not back is returned as a :class:`Claim` to
fix before posting. The kit's own description (:func:`~.listing.draft_description`) never
needs this: it is built from the facts alone.

>>> from literacy_kit.payments.logic.listing import Listing
>>> draft = ai_draft(Listing.example("honey", "en"), "en")
>>> [(c.kind, c.found) for c in draft.claims]
[('price', '250,000 VND')]
>>> [c.kind for c in ai_draft(Listing.example("bun_gao", "en"), "en").claims]
['name']
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...ai.logic.assistant import OfflineAssistant, ask
from ...errors import InputError
from ...i18n import t
from .listing import Listing, products
from .money import format_vnd, parse_amount

_PRICE = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:\u0111\u1ed3ng|\u0111|VND|vn\u0111)", re.I)
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(ml|kg|g|l\u00edt|l)\b", re.I)


@dataclass(frozen=True)
class Claim:
    """Something in the draft the listing does not back: ``kind`` ``"name"`` (the draft's
    title is not the product's name), ``"price"`` or ``"size"``."""

    kind: str
    found: str
    expected: str


@dataclass(frozen=True)
class AIDraft:
    text: str
    claims: tuple[Claim, ...]
    scenario: str | None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _sizes(text: str) -> set[tuple[str, str]]:
    return {(number.replace(",", "."), unit.lower()) for number, unit in _SIZE.findall(text)}


def unbacked_claims(text: str, listing: Listing) -> tuple[Claim, ...]:
    """The title, prices and sizes in ``text`` that differ from the listing's."""
    claims = []
    name = listing.name.strip() or products()[listing.product].name.get("vi")
    title = text.strip().splitlines()[0] if text.strip() else ""
    if _fold(name) not in _fold(title):
        claims.append(Claim("name", title, name))
    price = listing.price_value()
    expected_price = format_vnd(price) if price else "-"
    for match in _PRICE.finditer(text):
        try:
            found = parse_amount(match.group(0).replace(",", "."))
        except InputError:
            found = None
        if found != price:
            claims.append(Claim("price", match.group(0), expected_price))
    backed = _sizes(listing.quantity)
    for match in _SIZE.finditer(text):
        size = (match.group(1).replace(",", "."), match.group(2).lower())
        if size not in backed:
            claims.append(Claim("size", match.group(0), listing.quantity.strip() or "-"))
    return tuple(claims)


def ai_prompt(listing: Listing, lang: str) -> str:
    """The prompt the seller would give an assistant: the listing's facts, and no cures."""
    product = products()[listing.product]
    return t("payments_kit.ai.prompt", lang, name=listing.name or product.name.get(lang),
             origin=listing.origin or "-", quantity=listing.quantity or "-",
             price=listing.price or "-")


def ai_draft(listing: Listing, lang: str, assistant=None) -> AIDraft:
    """The assistant's draft (personal data masked before it is asked) and its unbacked claims."""
    reply = ask(assistant or OfflineAssistant(), ai_prompt(listing, lang), lang, redact_personal=True)
    claims = unbacked_claims(reply.text, listing) if reply.scenario else ()
    return AIDraft(reply.text, claims, reply.scenario)
