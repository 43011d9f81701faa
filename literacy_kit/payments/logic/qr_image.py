"""QR images: make them with segno, read them back (a photo of a sticker, say) with zxing-cpp.

Why these libraries: segno is pure Python with no dependencies, writes PNG and SVG itself
and is deterministic (the same payload gives the same bytes), which the kiosk and the
tests need; ``qrcode`` needs Pillow or pypng for PNG. zxing-cpp's Python binding reads QR
codes offline from a Pillow image or an array, copes with photos (rotation, perspective,
noise) and installs as a binary wheel with no system library; pyzbar needs libzbar from
the system.

>>> from literacy_kit.payments.logic.vietqr import vietqr_payload
>>> payload = vietqr_payload("970405", "2904205123456", 50000)
>>> read_qr_texts(qr_png(payload)) == [payload]
True
"""
from __future__ import annotations

import io
from pathlib import Path

from ...errors import InputError
from .vietqr import VietQR, parse_vietqr


class UnreadableImage(InputError):
    """A picture that holds no QR code we can read.

    Codes: ``payments.image.not_an_image``, ``payments.image.no_qr``,
    ``payments.image.many_qr`` (``count``).
    """


def qr_png(payload: str, scale: int = 6, border: int = 4, dark: str = "#000000") -> bytes:
    """The QR code of ``payload`` as PNG bytes (error correction level M, quiet zone 4)."""
    import segno

    code = segno.make_qr(payload, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=border, dark=dark)
    return buffer.getvalue()


def qr_svg(payload: str, scale: int = 4, border: int = 4) -> str:
    """The QR code of ``payload`` as an inline SVG element (for HTML views and PDFs)."""
    import segno

    code = segno.make_qr(payload, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=scale, border=border, xmldecl=False, svgns=True,
              nl=False)
    return buffer.getvalue().decode("utf-8")


def _image(source):
    from PIL import Image, UnidentifiedImageError

    if isinstance(source, Image.Image):
        return source
    try:
        if isinstance(source, (bytes, bytearray, memoryview)):
            image = Image.open(io.BytesIO(bytes(source)))
        elif isinstance(source, (str, Path)):
            image = Image.open(Path(source))
        else:
            raise UnreadableImage("payments.image.not_an_image")
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise UnreadableImage("payments.image.not_an_image") from None
    return image


def read_qr_texts(source) -> list[str]:
    """The texts of every QR code in a picture (PNG/JPEG bytes, a path or a Pillow image)."""
    import zxingcpp

    image = _image(source)
    if image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGB")
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in results if result.valid]


def read_vietqr(source, check_crc: bool = True) -> VietQR:
    """The VietQR in a picture: exactly one QR code, read and checked field by field."""
    texts = read_qr_texts(source)
    if not texts:
        raise UnreadableImage("payments.image.no_qr")
    if len(texts) > 1:
        raise UnreadableImage("payments.image.many_qr", count=len(texts))
    return parse_vietqr(texts[0], check_crc=check_crc)
