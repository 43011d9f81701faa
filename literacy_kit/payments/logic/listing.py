"""The seller's kit rules: what a listing must show a buyer, and drafts built only from its facts.

A :class:`Listing` holds what the seller filled in. :func:`check_listing` lists what a
buyer needs and does not see (name, origin, quantity, price per unit, a photo, how it is
delivered and paid) and any claim the product cannot back (an OCOP star it has not got).
:func:`draft_description` writes the text from the listing's own facts only, in the
chosen language: nothing is invented (no cure, no award, no price that was not typed).

The AI lesson's offline assistant is used beside it, not instead of it: its canned honey
answer carries its own bottle size and price, so :mod:`.listing_ai` shows its draft with
every claim the listing does not back.

>>> listing = Listing("honey", name="Mat ong", origin="Son Dong", quantity="500 ml",
...                   price="180k", photos=("bottle",), cod=True)
>>> check_listing(listing)
()
>>> check_listing(Listing("bun_gao", ocop=True))[:3]
('missing_name', 'missing_origin', 'missing_quantity')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...content.models import Localized
from ...errors import InputError
from ...i18n import t
from .money import format_vnd, parse_amount

_DATA = Path(__file__).parent.parent / "data" / "products.yaml"
PROBLEMS = ("missing_name", "missing_origin", "missing_quantity", "missing_price", "bad_price",
            "missing_photo", "missing_delivery", "false_ocop")


@dataclass(frozen=True)
class Product:
    id: str
    name: Localized
    origin: Localized
    quantity: Localized
    unit: Localized
    price: int
    ocop: int | None
    photos: tuple[str, ...]


@lru_cache(maxsize=1)
def products() -> dict[str, Product]:
    """The products of the kit by id."""
    def loc(entry):
        return Localized(vi=entry["vi"], en=entry["en"])

    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return {e["id"]: Product(e["id"], loc(e["name"]), loc(e["origin"]), loc(e["quantity"]),
                             loc(e["unit"]), int(e["price"]), e.get("ocop"), tuple(e["photos"]))
            for e in data["products"]}


@dataclass(frozen=True)
class Listing:
    """What the seller filled in (texts as typed; ``price`` is read with :func:`parse_amount`)."""

    product: str
    name: str = ""
    origin: str = ""
    quantity: str = ""
    price: str = ""
    photos: tuple[str, ...] = ()
    shipping: bool = False
    cod: bool = False
    ocop: bool = False

    @classmethod
    def example(cls, product_id: str, lang: str) -> "Listing":
        """A complete listing of a product, as a starting point."""
        p = products()[product_id]
        return cls(product_id, p.name.get(lang), p.origin.get(lang), p.quantity.get(lang),
                   format_vnd(p.price, sign=False), p.photos[:2], shipping=True, cod=True,
                   ocop=p.ocop is not None)

    def price_value(self) -> int | None:
        """The price in dong, or ``None`` when it is missing or unreadable."""
        try:
            return parse_amount(self.price)
        except InputError:
            return None


def check_listing(listing: Listing) -> tuple[str, ...]:
    """The problems of a listing (codes of :data:`PROBLEMS`, in that order); ``()`` when fine."""
    product = products()[listing.product]
    found = []
    for name in ("name", "origin", "quantity"):
        if not getattr(listing, name).strip():
            found.append(f"missing_{name}")
    if not listing.price.strip():
        found.append("missing_price")
    elif listing.price_value() is None:
        found.append("bad_price")
    if not set(listing.photos) & set(product.photos):
        found.append("missing_photo")
    if not (listing.shipping or listing.cod):
        found.append("missing_delivery")
    if listing.ocop and product.ocop is None:
        found.append("false_ocop")
    return tuple(code for code in PROBLEMS if code in found)


def draft_description(listing: Listing, lang: str) -> str:
    """A product description from the listing's facts only (catalog templates, no claims)."""
    product = products()[listing.product]
    lines = [listing.name.strip().upper() or product.name.get(lang).upper()]
    if listing.origin.strip():
        lines.append(t("payments_kit.draft.origin", lang, origin=listing.origin.strip()))
    price = listing.price_value()
    if listing.quantity.strip() and price:
        lines.append(t("payments_kit.draft.price", lang, quantity=listing.quantity.strip(),
                       price=format_vnd(price)))
    if listing.ocop and product.ocop is not None:
        lines.append(t("payments_kit.draft.ocop", lang, stars=product.ocop))
    if listing.shipping:
        lines.append(t("payments_kit.draft.shipping", lang))
    if listing.cod:
        lines.append(t("payments_kit.draft.cod", lang))
    lines.append(t("payments_kit.draft.pay", lang))
    return "\n".join(lines)
