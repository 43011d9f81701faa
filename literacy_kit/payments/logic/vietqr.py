"""Read and make VietQR payloads (EMVCo merchant-presented QR, as NAPAS uses it).

=====  ==================================================================================
tag    field
=====  ==================================================================================
00     payload format indicator, ``"01"``
01     point of initiation: ``"11"`` static (no amount), ``"12"`` dynamic (with amount)
38     merchant account: { 00 GUID ``"A000000727"``; 01 beneficiary { 00 bank BIN;
       01 account or card number }; 02 service ``"QRIBFTTA"`` (account) /
       ``"QRIBFTTC"`` (card) }
53     currency, ``"704"`` (VND)
54     amount in dong (optional)
58     country, ``"VN"``
62     additional data { 01 bill number; 08 purpose of the transfer; ... } (optional)
63     CRC-16/CCITT-FALSE of everything before it, ``"6304"`` included
=====  ==================================================================================

How lenient reading is, and why:

* Spaces, tabs and line breaks *around* the payload are removed (a decoder or a copy and
  paste adds them); spaces *inside* it are kept, since purposes hold spaces.
* The CRC is compared as a number, so ``"a8e5"`` is accepted like ``"A8E5"``: EMVCo's
  specification writes it in uppercase and every payload we make is uppercase, but the
  hex value is the same. Whether every bank app accepts lowercase is *not verified*.
* Point of initiation ``"11"`` with an amount is accepted: payloads from real generators
  do that (see the tests), and a bank app then shows the amount.
* An unknown 6-digit BIN is not an error of the payload (the bank table may be older than
  the bank); the value then has ``bank = None`` and the app says it does not know the bank.

Every problem raises :class:`InvalidVietQR` with its own code; nothing else escapes.

>>> qr = parse_vietqr(vietqr_payload("970405", "2904205123456", 120000, "Mat ong Son Dong"))
>>> qr.bank.short, qr.account, qr.amount, qr.purpose, qr.dynamic
('Agribank', '2904205123456', 120000, 'Mat ong Son Dong', True)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field as dc_field

from ...errors import InputError
from .banks import Bank, bank
from .tlv import CRC_HEADER, CRC_TAG, crc16_ccitt_false, field, split_fields

GUID = "A000000727"
SERVICE_ACCOUNT = "QRIBFTTA"
SERVICE_CARD = "QRIBFTTC"
SERVICES = (SERVICE_ACCOUNT, SERVICE_CARD)
STATIC, DYNAMIC = "11", "12"
CURRENCY_VND = "704"
COUNTRY = "VN"
#: Longest purpose (62/08) we write: EMVCo's additional-data sub-fields hold up to 25 characters.
PURPOSE_MAX = 25
#: Longest amount field (54) EMVCo allows.
AMOUNT_MAX_CHARS = 13
#: Account numbers (and virtual accounts of payment gateways): letters and digits, 1-19.
_ACCOUNT = re.compile(r"[A-Za-z0-9]{1,19}")
_CARD = re.compile(r"[0-9]{12,19}")
_AMOUNT = re.compile(r"([0-9]+)(?:\.([0-9]*))?")
# Fields whose value is made of fields of its own (EMVCo: 26-51 merchant accounts, 62, 64).
_TEMPLATES = {str(tag) for tag in range(26, 52)} | {"62", "64"}
_ADDITIONAL_NAMES = {"01": "bill_number", "02": "mobile_number", "03": "store_label",
                     "04": "loyalty_number", "05": "reference_label", "06": "customer_label",
                     "07": "terminal_label", "08": "purpose"}


class InvalidVietQR(InputError):
    """A VietQR payload (or a value for one) that a bank app would refuse.

    Codes (each ``payments.qr.<name>`` with its parameters): ``empty``; ``bad_char``
    (``char``); ``malformed`` (``position``); ``truncated`` (``position``);
    ``length_mismatch`` (``position``): a length sends the reader astray although the
    check field at the end is intact; ``template_length`` (``tag``): a template's
    length disagrees with the fields it holds;
    ``duplicate_field`` (``tag``); ``no_crc``; ``bad_crc_field``; ``crc_mismatch``
    (``expected``, ``found``); ``bad_format`` (``found``); ``bad_initiation`` (``found``);
    ``no_merchant_account``; ``wrong_guid`` (``found``); ``no_beneficiary``;
    ``bad_bin`` (``found``); ``bad_account`` (``found``); ``bad_service`` (``found``);
    ``no_currency``; ``not_vnd`` (``found``); ``bad_amount`` (``found``);
    ``bad_country`` (``found``).
    """

    def __init__(self, name: str, **params):
        super().__init__(f"payments.qr.{name}", **params)
        self.name = name


@dataclass(frozen=True)
class VietQR:
    """A VietQR payload, read field by field.

    ``amount`` is in dong (``None`` when the payer types it); ``bank`` is ``None`` for a
    BIN the table does not know; ``crc_ok`` is False only when read with
    ``check_crc=False``.
    """

    payload: str
    initiation: str
    bin: str
    bank: Bank | None
    account: str
    service: str
    amount: int | None
    currency: str
    country: str
    purpose: str | None = None
    bill_number: str | None = None
    additional: dict = dc_field(default_factory=dict)
    merchant_name: str | None = None
    merchant_city: str | None = None
    crc: str = ""
    crc_ok: bool = True

    @property
    def dynamic(self) -> bool:
        """True for a dynamic QR (initiation ``"12"``), made for one payment."""
        return self.initiation == DYNAMIC

    @property
    def to_card(self) -> bool:
        """True when the money goes to a card number (``QRIBFTTC``)."""
        return self.service == SERVICE_CARD

    @property
    def bank_name(self) -> str:
        """The bank's short name, or its BIN when the table does not know it."""
        return self.bank.short if self.bank else self.bin


def _fields(text: str, tag: str | None) -> dict[str, str]:
    """The fields of ``text`` by tag; problems raised with the template's ``tag``."""
    try:
        parts = split_fields(text)
    except ValueError as exc:
        problem, position, previous = exc.args
        if tag is not None:
            raise InvalidVietQR("template_length", tag=tag) from None
        if previous is not None and text[-8:-4] == CRC_HEADER:
            # The payload still ends in an intact check field, so nothing was cut off:
            # a length before the break sent the reader astray.
            raise InvalidVietQR("length_mismatch", position=position) from None
        raise InvalidVietQR(problem, position=position) from None
    found: dict[str, str] = {}
    for sub_tag, value, _ in parts:
        if sub_tag in found:
            raise InvalidVietQR("duplicate_field", tag=sub_tag if tag is None else f"{tag}/{sub_tag}")
        found[sub_tag] = value
    return found


def _check_chars(text: str) -> None:
    for ch in text:
        if not (" " <= ch <= "~"):
            shown = ch if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"
            raise InvalidVietQR("bad_char", char=shown)


def parse_amount_field(value: str) -> int:
    """Field 54 as whole dong: digits, optionally ``".00"``; never zero or a fraction."""
    match = _AMOUNT.fullmatch(value)
    if (not match or len(value) > AMOUNT_MAX_CHARS or (match.group(2) or "").strip("0")
            or int(match.group(1)) == 0):
        raise InvalidVietQR("bad_amount", found=value)
    return int(match.group(1))


def parse_vietqr(text: str, check_crc: bool = True) -> VietQR:
    """Read a VietQR payload into a :class:`VietQR`, or raise :class:`InvalidVietQR`.

    Parameters
    ----------
    text : str
        What a QR decoder returned (spaces around it are removed).
    check_crc : bool
        When False a wrong CRC does not raise; the value then has ``crc_ok = False``
        (the lesson shows what changed). Every other problem still raises.
    """
    if not isinstance(text, str):
        raise InvalidVietQR("empty")
    payload = text.strip()
    if not payload:
        raise InvalidVietQR("empty")
    _check_chars(payload)
    top = _fields(payload, None)
    if CRC_TAG not in top:
        raise InvalidVietQR("no_crc")
    if not payload[-8:-4] == CRC_HEADER:
        raise InvalidVietQR("bad_crc_field")
    found_crc = payload[-4:]
    if not re.fullmatch(r"[0-9A-Fa-f]{4}", found_crc):
        raise InvalidVietQR("bad_crc_field")
    templates = {tag: _fields(value, tag) for tag, value in top.items() if tag in _TEMPLATES}
    expected = crc16_ccitt_false(payload[:-4])
    crc_ok = expected == found_crc.upper()
    if check_crc and not crc_ok:
        raise InvalidVietQR("crc_mismatch", expected=expected, found=found_crc)
    if payload[:4] != "0002" or top.get("00") != "01":
        raise InvalidVietQR("bad_format", found=payload[:6])
    initiation = top.get("01", STATIC)
    if initiation not in (STATIC, DYNAMIC):
        raise InvalidVietQR("bad_initiation", found=initiation)
    account_info = templates.get("38")
    if account_info is None:
        raise InvalidVietQR("no_merchant_account")
    guid = account_info.get("00", "")
    if guid.upper() != GUID:
        raise InvalidVietQR("wrong_guid", found=guid)
    if "01" not in account_info:
        raise InvalidVietQR("no_beneficiary")
    beneficiary = _fields(account_info["01"], "38/01")
    bin_ = beneficiary.get("00", "")
    if not re.fullmatch(r"[0-9]{6}", bin_):
        raise InvalidVietQR("bad_bin", found=bin_)
    service = account_info.get("02", SERVICE_ACCOUNT)
    if service not in SERVICES:
        raise InvalidVietQR("bad_service", found=service)
    account = beneficiary.get("01", "")
    if not (_CARD if service == SERVICE_CARD else _ACCOUNT).fullmatch(account):
        raise InvalidVietQR("bad_account", found=account)
    if "53" not in top:
        raise InvalidVietQR("no_currency")
    if top["53"] != CURRENCY_VND:
        raise InvalidVietQR("not_vnd", found=top["53"])
    amount = parse_amount_field(top["54"]) if "54" in top else None
    if top.get("58", COUNTRY) != COUNTRY:
        raise InvalidVietQR("bad_country", found=top["58"])
    extra = templates.get("62", {})
    additional = {_ADDITIONAL_NAMES.get(tag, tag): value for tag, value in extra.items()}
    return VietQR(payload=payload, initiation=initiation, bin=bin_, bank=bank(bin_),
                  account=account, service=service, amount=amount, currency=top["53"],
                  country=top.get("58", COUNTRY), purpose=extra.get("08"),
                  bill_number=extra.get("01"), additional=additional,
                  merchant_name=top.get("59"), merchant_city=top.get("60"),
                  crc=found_crc, crc_ok=crc_ok)


def fold_ascii(text: str, limit: int = PURPOSE_MAX) -> str:
    """``text`` without tone marks, in printable ASCII, cut at a word within ``limit``.

    Bank apps mangle tone marks in the transfer note, so a payload carries none.

    Examples
    --------
    >>> fold_ascii("M\u1eadt ong r\u1eebng S\u01a1n \u0110\u1ed9ng, 2 chai")
    'Mat ong rung Son Dong, 2'
    """
    text = unicodedata.normalize("NFD", str(text)).replace("\u0111", "d").replace("\u0110", "D")
    kept = "".join(ch for ch in text if not unicodedata.combining(ch))
    kept = "".join(ch if " " <= ch <= "~" else " " for ch in kept)
    words = kept.split()
    out = ""
    for word in words:
        candidate = f"{out} {word}" if out else word
        if len(candidate) > limit:
            if not out:
                out = word[:limit]
            break
        out = candidate
    return out


def vietqr_payload(bin: str, account: str, amount: int | None = None, purpose: str | None = None,
                   service: str = SERVICE_ACCOUNT, bill_number: str | None = None) -> str:
    """A VietQR payload in the specification's field order, CRC included.

    ``amount`` (whole dong) makes it dynamic (``"12"``); ``purpose`` is folded to ASCII
    within :data:`PURPOSE_MAX` characters. Bad values raise :class:`InvalidVietQR`.

    Examples
    --------
    >>> vietqr_payload("970415", "113366668888")[-8:]
    '6304F443'
    """
    bin_ = str(bin).strip()
    if not re.fullmatch(r"[0-9]{6}", bin_):
        raise InvalidVietQR("bad_bin", found=bin_)
    if service not in SERVICES:
        raise InvalidVietQR("bad_service", found=str(service))
    account = str(account).strip()
    if not (_CARD if service == SERVICE_CARD else _ACCOUNT).fullmatch(account):
        raise InvalidVietQR("bad_account", found=account)
    if amount is not None:
        if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount < 10 ** AMOUNT_MAX_CHARS:
            raise InvalidVietQR("bad_amount", found=str(amount))
    beneficiary = field("00", bin_) + field("01", account)
    merchant = field("00", GUID) + field("01", beneficiary) + field("02", service)
    parts = [field("00", "01"), field("01", DYNAMIC if amount is not None else STATIC),
             field("38", merchant), field("53", CURRENCY_VND)]
    if amount is not None:
        parts.append(field("54", str(amount)))
    parts.append(field("58", COUNTRY))
    extra = ""
    if bill_number:
        bill = fold_ascii(bill_number)
        if bill:
            extra += field("01", bill)
    if purpose is not None:
        folded = fold_ascii(purpose)
        if folded:
            extra += field("08", folded)
    if extra:
        parts.append(field("62", extra))
    body = "".join(parts) + CRC_HEADER
    return body + crc16_ccitt_false(body)
