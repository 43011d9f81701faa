"""VietQR speed: what a scan in the bank-app simulator costs, against reading the text alone.

Measured in one run, on this machine:
  * baseline: ``parse_vietqr`` on the payload text (field by field, CRC included);
  * make: the sticker's PNG made with segno;
  * decode: zxing-cpp reading that PNG back (what the simulator does on every scan);
  * photo: zxing-cpp reading a JPEG 'photo' of the sticker (on a wall, turned, blurred);
  * sign: the A5 stall sign PDF (fpdf2, font subset embedded, QR image);
each as a median, with its ratio to the baseline.

Usage:  .venv/bin/python benchmarks/payments_qr.py [--repeat 21]
"""
from __future__ import annotations

import argparse
import io
import statistics
import time

from PIL import Image, ImageFilter

from literacy_kit.payments import parse_vietqr, qr_png, read_qr_texts, vietqr_payload
from literacy_kit.payments.logic.stall_sign import stall_sign


def timed(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def photo(png: bytes) -> bytes:
    sticker = Image.open(io.BytesIO(png)).convert("RGB").rotate(12, expand=True, fillcolor="white")
    wall = Image.new("RGB", (900, 700), (200, 170, 120))
    wall.paste(sticker, (250, 180))
    out = io.BytesIO()
    wall.filter(ImageFilter.GaussianBlur(0.8)).save(out, format="JPEG", quality=70)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    payload = vietqr_payload("970405", "2904205123456", 180000, "Mat ong rung Son Dong")
    png, jpeg = qr_png(payload), photo(qr_png(payload))
    assert read_qr_texts(png) == [payload] and read_qr_texts(jpeg) == [payload]
    base = timed(lambda: parse_vietqr(payload), args.repeat)
    rows = [("parse text (baseline)", base),
            ("make PNG (segno)", timed(lambda: qr_png(payload), args.repeat)),
            ("decode PNG (zxing-cpp)", timed(lambda: read_qr_texts(png), args.repeat)),
            ("decode photo JPEG", timed(lambda: read_qr_texts(jpeg), args.repeat)),
            ("stall sign PDF", timed(lambda: stall_sign("970405", "2904205123456", "HTX",
                                                         "Mat ong", "vi"), max(3, args.repeat // 4)))]
    print(f"median of {args.repeat} runs; payload {len(payload)} characters, PNG {len(png)} B")
    for name, seconds in rows:
        print(f"{name:26s} {seconds * 1000:9.3f} ms   x{seconds / base:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
