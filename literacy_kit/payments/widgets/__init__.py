"""Views of the payments domain (import ipywidgets): the bank-app simulator, the VietQR card,
the seller's kit, the graded items and the kiosk tile."""
from __future__ import annotations

from .bank_app import BankAppSimulator, BankAppState
from .qr_card import VietQRCard

__all__ = ["BankAppSimulator", "BankAppState", "VietQRCard"]
