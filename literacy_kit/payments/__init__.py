"""The payments domain: VietQR transfers, checking before you pay, selling online.

Layout, as in every domain package: ``logic/`` holds pure Python (VietQR payloads read and
made field by field, the BIN table, money as Vietnamese write it, QR images, the bank-app
scenarios and the seller's listing rules); ``widgets/`` holds the views (the bank-app
simulator, the seller's kit, the graded items, the kiosk tile); ``catalogs/`` and
``content/`` hold its texts; ``plugin.py`` registers the domain. This package re-exports
the logic only: importing it does not import ipywidgets.

>>> qr = parse_vietqr(vietqr_payload("970405", "2904205123456", 120000))
>>> qr.bank.short, format_vnd(qr.amount)
('Agribank', '120.000 \\u0111')
"""
from __future__ import annotations

from .logic.banks import Bank, bank, bank_by_code, bank_table
from .logic.money import InvalidAmount, format_vnd, parse_amount
from .logic.qr_image import UnreadableImage, qr_png, qr_svg, read_qr_texts, read_vietqr
from .logic.tlv import crc16_ccitt_false
from .logic.vietqr import (GUID, SERVICE_ACCOUNT, SERVICE_CARD, InvalidVietQR, VietQR, fold_ascii,
                           parse_vietqr, vietqr_payload)

__all__ = [
    "Bank", "GUID", "InvalidAmount", "InvalidVietQR", "SERVICE_ACCOUNT", "SERVICE_CARD",
    "UnreadableImage", "VietQR", "bank", "bank_by_code", "bank_table", "crc16_ccitt_false",
    "fold_ascii", "format_vnd", "parse_amount", "parse_vietqr", "qr_png", "qr_svg",
    "read_qr_texts", "read_vietqr", "vietqr_payload",
]
