"""QR images: payload → PNG (segno) → decoded (zxing-cpp) → the same payload, also from a 'photo'."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFilter

from literacy_kit.payments import (InvalidVietQR, UnreadableImage, qr_png, qr_svg, read_qr_texts,
                                   read_vietqr, vietqr_payload)

from .test_real_payloads import REAL

PAYLOAD = vietqr_payload("970405", "2904205123456", 180000, "Mat ong rung Son Dong")


@pytest.mark.parametrize("payload", [PAYLOAD] + [r[1] for r in REAL])
def test_round_trip_png(payload):
    png = qr_png(payload)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert read_qr_texts(png) == [payload]
    assert read_vietqr(png).payload == payload


def test_png_is_deterministic():
    assert qr_png(PAYLOAD) == qr_png(PAYLOAD)


def photo_of(png: bytes) -> bytes:
    """A crude 'phone photo' of a sticker: on a wall, rotated, smaller, blurred, as JPEG."""
    sticker = Image.open(io.BytesIO(png)).convert("RGB")
    wall = Image.new("RGB", (900, 700), (200, 170, 120))
    ImageDraw.Draw(wall).rectangle([20, 20, 880, 120], fill=(150, 40, 40))
    turned = sticker.rotate(12, expand=True, fillcolor=(255, 255, 255))
    turned = turned.resize((turned.width * 3 // 4, turned.height * 3 // 4))
    wall.paste(turned, (250, 180))
    wall = wall.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    wall.save(out, format="JPEG", quality=70)
    return out.getvalue()


def test_a_photo_of_a_sticker_is_read():
    qr = read_vietqr(photo_of(qr_png(PAYLOAD)))
    assert qr.payload == PAYLOAD and qr.amount == 180000


def test_svg_holds_the_same_code():
    svg = qr_svg(PAYLOAD)
    assert svg.startswith("<svg") and "path" in svg


def test_picture_without_a_code():
    blank = io.BytesIO()
    Image.new("RGB", (200, 200), "white").save(blank, format="PNG")
    with pytest.raises(UnreadableImage) as caught:
        read_vietqr(blank.getvalue())
    assert caught.value.code == "payments.image.no_qr"


def test_not_a_picture():
    with pytest.raises(UnreadableImage) as caught:
        read_vietqr(b"GIF89a broken")
    assert caught.value.code == "payments.image.not_an_image"


def test_two_codes_in_one_picture():
    left = Image.open(io.BytesIO(qr_png(PAYLOAD))).convert("RGB")
    right = Image.open(io.BytesIO(qr_png(REAL[0][1]))).convert("RGB")
    both = Image.new("RGB", (left.width + right.width + 40, max(left.height, right.height)), "white")
    both.paste(left, (0, 0))
    both.paste(right, (left.width + 40, 0))
    with pytest.raises(UnreadableImage) as caught:
        read_vietqr(both)
    assert caught.value.code == "payments.image.many_qr" and caught.value.params == {"count": 2}


def test_a_qr_that_is_not_a_vietqr():
    with pytest.raises(InvalidVietQR) as caught:
        read_vietqr(qr_png("https://example.org/vote-for-my-niece"))
    assert caught.value.code == "payments.qr.malformed"
