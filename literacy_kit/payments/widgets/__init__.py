"""Views of the payments domain (import ipywidgets): the bank-app simulator, the VietQR card,
the seller's kit, the graded items and the kiosk tile."""
from __future__ import annotations

from .bank_app import BankAppSimulator, BankAppState
from .qr_card import VietQRCard
from .seller_kit import SellerKit, SellerKitState
from .stalls import StallsCheck

__all__ = ["BankAppSimulator", "BankAppState", "SellerKit", "SellerKitState", "StallsCheck",
           "VietQRCard"]
