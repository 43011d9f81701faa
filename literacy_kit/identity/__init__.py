"""VNeID, the personal ID number (CCCD) and phone numbers: the pure logic, no widgets.

Parsers read what learners type (any Unicode digits, spaces, dots, dashes); generators
make synthetic citizens; :class:`VNeIDAccount` follows the app's registration and
activation steps. The simulator and kiosk tile live in their own modules and import
ipywidgets; importing this package does not.

>>> person = fake_citizen(seed=5)
>>> parse_cccd(person.cccd).province_code
'027'
"""
from __future__ import annotations

from .account import (OTP_LENGTH, OTP_MAX_ATTEMPTS, OTP_TTL_SECONDS, AccountError, AccountStatus,
                      Message, NextStep, VNeIDAccount)
from .cccd import CCCD, InvalidCCCD, Sex, make_cccd, parse_cccd
from .citizen import Citizen, InvalidEmail, fake_citizen, parse_email
from .credentials import (SECURITY_QUESTIONS, CredentialError, check_passcode, check_password,
                          check_security_answers)
from .phone import Carrier, InvalidPhone, Phone, parse_phone
from .provinces import BORN_ABROAD, Province, province, province_codes, province_table
from .wallet import Document, DocumentKind, DocumentWallet, WalletError

__all__ = [
    "AccountError", "AccountStatus", "BORN_ABROAD", "CCCD", "Carrier", "Citizen",
    "CredentialError", "Document", "DocumentKind", "DocumentWallet", "InvalidCCCD",
    "InvalidEmail", "InvalidPhone", "Message", "NextStep", "OTP_LENGTH", "OTP_MAX_ATTEMPTS",
    "OTP_TTL_SECONDS", "Phone", "Province", "SECURITY_QUESTIONS", "Sex", "VNeIDAccount",
    "WalletError", "check_passcode", "check_password", "check_security_answers",
    "fake_citizen", "make_cccd", "parse_cccd", "parse_email", "parse_phone", "province",
    "province_codes", "province_table",
]
