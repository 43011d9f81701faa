"""The seller's kit: listing rules, drafts from the seller's facts only, the previews, the sign PDF."""
from __future__ import annotations

import io

import ipywidgets as w
import pypdf
import pytest

from literacy_kit.i18n import t
from literacy_kit.payments import read_vietqr
from literacy_kit.payments.logic.listing import (PROBLEMS, Listing, check_listing,
                                                 draft_description, products)
from literacy_kit.payments.logic.stall_sign import stall_sign
from literacy_kit.payments.widgets import SellerKit
from literacy_kit.testing import find_one, texts

FULL = dict(name="Mật ong hoa rừng", origin="Sơn Động", quantity="chai 500 ml", price="180k",
            photos=("bottle",), shipping=True)


@pytest.mark.parametrize("product", sorted(products()))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_example_listings_pass_and_draft_only_their_facts(product, lang):
    listing = Listing.example(product, lang)
    assert check_listing(listing) == ()
    draft = draft_description(listing, lang)
    p = products()[product]
    assert p.quantity.get(lang) in draft and "{" not in draft
    assert ("OCOP" in draft) == (p.ocop is not None)


def test_draft_uses_the_typed_price_and_invents_nothing():
    listing = Listing("honey", **{**FULL, "price": "199.000"})
    draft = draft_description(listing, "vi")
    assert "199.000 đ" in draft and "180.000" not in draft and "250.000" not in draft
    assert "OCOP" not in draft          # not claimed, so not written even though it has stars
    assert not any(word in draft.lower() for word in ("chữa", "ung thư", "tiểu đường"))


@pytest.mark.parametrize("change,problem", [
    (dict(name=" "), "missing_name"), (dict(origin=""), "missing_origin"),
    (dict(quantity=""), "missing_quantity"), (dict(price=""), "missing_price"),
    (dict(price="rẻ lắm"), "bad_price"), (dict(photos=()), "missing_photo"),
    (dict(photos=("can",)), "missing_photo"),   # a photo of another product
    (dict(shipping=False), "missing_delivery"),
])
def test_each_missing_fact_is_named(change, problem):
    assert check_listing(Listing("honey", **{**FULL, **change})) == (problem,)
    for lang in ("vi", "en"):
        assert not t(f"payments_kit.problem.{problem}", lang).startswith("payments_kit.")


def test_ocop_stars_only_for_a_product_that_has_them():
    assert check_listing(Listing("honey", **FULL, ocop=True)) == ()
    assert check_listing(Listing("bun_gao", **{**FULL, "photos": ("pack",)}, ocop=True)) == ("false_ocop",)
    assert set(PROBLEMS) >= {"false_ocop"}


def test_sign_pdf_embeds_a_font_and_a_readable_qr():
    pdf = stall_sign("970405", "8888201504321", "HOANG THI LAN", "Mật ong Bà Lan", "vi")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    text = page.extract_text()
    assert "Mật ong Bà Lan" in text and "QUÉT MÃ ĐỂ CHUYỂN KHOẢN" in text
    assert "8888201504321" in text and "Agribank" in text
    fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
    descriptors = [f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts]
    assert descriptors and all("/FontFile2" in d for d in descriptors)   # embedded TrueType
    qr = read_vietqr(page.images[0].data)
    assert (qr.bin, qr.account, qr.amount) == ("970405", "8888201504321", None)


def test_kit_by_taps(keep):
    kit = keep(SellerKit(lang="vi"))
    find_one(kit, w.Button, css="lk-payments-kit-check").click()
    assert len(kit.state.problems) == 6
    assert t("payments_kit.problem.missing_price", "vi") in texts(kit)
    kit.fill(name="Mật ong", origin="Sơn Động", quantity="chai 500 ml", price="180k")
    find_one(kit, w.Button, css="lk-payments-kit-photo-hive").click()
    find_one(kit, w.Button, css="lk-payments-kit-cod").click()
    find_one(kit, w.Button, css="lk-payments-kit-check").click()
    assert kit.state.problems == ()
    zalo = find_one(kit, css="lk-payments-kit-zalo").value
    assert "180.000 đ" in zalo and t("payments_kit.draft.cod", "vi") in zalo
    assert t("payments_kit.photo.hive", "vi") in zalo
    market = find_one(kit, css="lk-payments-kit-market").value
    assert "180.000 đ / chai" in market
    find_one(kit, w.Button, css="lk-payments-kit-product-bun_gao").click()
    assert kit.fields["price"].state.text == "180k"           # typed texts stay
    assert kit.state.photos == () and len(kit.photo_buttons) == 4
    kit.lang = "en"
    assert t("payments_kit.check", "en") == find_one(kit, w.Button, css="lk-payments-kit-check").description


def test_kit_makes_the_sign_as_a_download(keep):
    kit = keep(SellerKit(lang="en"))
    assert find_one(kit, css="lk-payments-kit-sign").layout.display == "none"
    find_one(kit, w.Button, css="lk-payments-kit-sign-make").click()
    link = find_one(kit, css="lk-payments-kit-sign")
    assert link.layout.display != "none" and "data:application/pdf;base64," in link.value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ai_draft_is_checked_against_the_listing(lang):
    from literacy_kit.payments.logic.listing_ai import ai_draft, unbacked_claims

    honey = Listing.example("honey", lang)
    draft = ai_draft(honey, lang)
    assert draft.scenario == "product_honey"
    # The canned answer says 250.000 dong; the listing says 180.000: flagged. 500 ml matches.
    assert [c.kind for c in draft.claims] == ["price"] and "250" in draft.claims[0].found
    same = Listing("honey", **{**FULL, "name": draft.text.splitlines()[0], "price": "250.000",
                               "quantity": "chai 500 ml"})
    assert unbacked_claims(draft.text, same) == ()
    other_size = Listing("honey", **{**FULL, "name": draft.text.splitlines()[0],
                                     "price": "250.000", "quantity": "chai 1 lít"})
    assert [c.kind for c in unbacked_claims(draft.text, other_size)] == ["size"]


def test_ai_prompt_masks_personal_data_before_the_assistant_sees_it():
    from literacy_kit.payments.logic.listing_ai import ai_draft

    listing = Listing("honey", **{**FULL, "name": "Mật ong, gọi 0912 345 678"})
    assert ai_draft(listing, "vi").text          # asked with the number masked, not refused


def test_kit_shows_the_ai_draft_with_its_claims(keep):
    kit = keep(SellerKit(lang="vi"))
    kit.fill(name="Mật ong hoa rừng Sơn Động", quantity="chai 500 ml", price="180k")
    box = find_one(kit, css="lk-payments-kit-ai-draft")
    assert box.layout.display == "none"
    find_one(kit, w.Button, css="lk-payments-kit-ai").click()
    assert box.layout.display != "none"
    assert t("payments_kit.ai.claim_price", "vi", found="250.000 đồng", expected="180.000 đ") in box.value
    kit.lang = "en"
    assert box.layout.display == "none"            # a draft in the other language is dropped
