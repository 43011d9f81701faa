"""The VNeID domain: the national e-ID app, the personal ID number (CCCD), phone numbers.

Layout, as in every domain package: ``logic/`` holds pure Python (parsers that read what
learners type, generators of synthetic citizens, :class:`VNeIDAccount` following the app's
registration and activation steps); ``widgets/`` holds the views (the simulator, its
screens, the graded item, the kiosk tile); ``catalogs/`` and ``content/`` hold its texts;
``plugin.py`` registers the domain. This package re-exports the logic only: importing it
does not import ipywidgets.

>>> person = fake_citizen(seed=5)
>>> parse_cccd(person.cccd).province_code
'024'
"""
from __future__ import annotations

from .logic.account import (OTP_LENGTH, OTP_MAX_ATTEMPTS, OTP_TTL_SECONDS, AccountError, AccountStatus,
                      Message, NextStep, VNeIDAccount)
from .logic.cccd import CCCD, InvalidCCCD, Sex, make_cccd, parse_cccd
from .logic.citizen import Citizen, InvalidEmail, fake_citizen, parse_email
from .logic.credentials import (SECURITY_QUESTIONS, CredentialError, check_passcode, check_password,
                          check_security_answers)
from .logic.phone import Carrier, InvalidPhone, Phone, parse_phone
from .logic.provinces import BORN_ABROAD, Province, province, province_codes, province_table
from .logic.wallet import Document, DocumentKind, DocumentWallet, WalletError

__all__ = [
    "AccountError", "AccountStatus", "BORN_ABROAD", "CCCD", "Carrier", "Citizen",
    "CredentialError", "Document", "DocumentKind", "DocumentWallet", "InvalidCCCD",
    "InvalidEmail", "InvalidPhone", "Message", "NextStep", "OTP_LENGTH", "OTP_MAX_ATTEMPTS",
    "OTP_TTL_SECONDS", "Phone", "Province", "SECURITY_QUESTIONS", "Sex", "VNeIDAccount",
    "WalletError", "check_passcode", "check_password", "check_security_answers",
    "fake_citizen", "make_cccd", "parse_cccd", "parse_email", "parse_phone", "province",
    "province_codes", "province_table",
]
