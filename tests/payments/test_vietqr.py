"""VietQR payloads: every structural problem has its own code and a message in both languages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import literacy_kit.payments
from literacy_kit.i18n import placeholders

from literacy_kit.errors import InputError
from literacy_kit.payments import (InvalidVietQR, crc16_ccitt_false, fold_ascii, parse_vietqr,
                                   vietqr_payload)
from literacy_kit.payments.logic.tlv import field

BIN, ACCOUNT = "970405", "2904205123456"
CATALOGS = {lang: json.loads((Path(literacy_kit.payments.__file__).parent / "catalogs" / lang
                              / "errors.payments.json").read_text(encoding="utf-8"))
            for lang in ("vi", "en")}


def sign(body: str) -> str:
    """``body`` (ending in 6304) with its correct CRC appended."""
    return body + crc16_ccitt_false(body)


def rebuild(*parts: str) -> str:
    return sign("".join(parts) + "6304")


MERCHANT = field("38", field("00", "A000000727") + field("01", field("00", BIN) + field("01", ACCOUNT))
                 + field("02", "QRIBFTTA"))


def error_of(payload: str) -> InvalidVietQR:
    with pytest.raises(InvalidVietQR) as caught:
        parse_vietqr(payload)
    assert isinstance(caught.value, InputError)
    return caught.value


def test_crc_check_value_is_ccitt_false():
    assert crc16_ccitt_false("123456789") == "29B1"


def test_round_trip_with_everything():
    payload = vietqr_payload(BIN, ACCOUNT, 1943000, "Mật ong rừng, 2 chai", bill_number="HD 07")
    qr = parse_vietqr(payload)
    assert (qr.bin, qr.account, qr.amount, qr.purpose, qr.bill_number) == \
        (BIN, ACCOUNT, 1943000, "Mat ong rung, 2 chai", "HD 07")
    assert qr.dynamic and qr.bank.short == "Agribank" and qr.crc == payload[-4:]
    assert payload.startswith("000201010212") and payload[-8:-4] == "6304"


def test_static_payload_has_no_amount():
    qr = parse_vietqr(vietqr_payload(BIN, ACCOUNT))
    assert qr.amount is None and qr.initiation == "11" and not qr.dynamic
    assert "54" not in [qr.payload[i:i + 2] for i in (0,)]


def test_card_service():
    qr = parse_vietqr(vietqr_payload("970403", "9704031101234567", service="QRIBFTTC"))
    assert qr.to_card and qr.account == "9704031101234567"


def test_spaces_around_are_ignored_and_lowercase_crc_accepted():
    payload = vietqr_payload(BIN, ACCOUNT, 50000)
    assert parse_vietqr(f"  {payload}\n").payload == payload
    real = ("00020101021238570010A000000727012700069704220113VQRQADAIJ5512"
            "0208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346")   # CRC with a letter
    lower = real[:-4] + real[-4:].lower()
    assert lower != real and parse_vietqr(lower).amount == 7000
    inside = payload.replace("0208QRIBFTTA", "0208QRIBFTTA ", 1)       # a space inside counts
    with pytest.raises(InvalidVietQR):
        parse_vietqr(inside)


def test_unknown_bin_is_read_without_a_bank():
    qr = parse_vietqr(vietqr_payload("999999", ACCOUNT))
    assert qr.bank is None and qr.bank_name == "999999"


def test_crc_wrong_can_be_read_for_the_lesson():
    payload = vietqr_payload(BIN, ACCOUNT, 50000)
    tampered = payload.replace("540550000", "540590000")
    err = error_of(tampered)
    assert err.code == "payments.qr.crc_mismatch" and err.params["found"] == payload[-4:]
    qr = parse_vietqr(tampered, check_crc=False)
    assert qr.amount == 90000 and qr.crc_ok is False


@pytest.mark.parametrize("payload,code", [
    ("", "payments.qr.empty"),
    ("   ", "payments.qr.empty"),
    ("000201010211\u00e038", "payments.qr.bad_char"),
    ("000201010x11", "payments.qr.malformed"),
    ("0002010102", "payments.qr.truncated"),
    (vietqr_payload(BIN, ACCOUNT)[:60], "payments.qr.truncated"),
    ("000201010211" + MERCHANT + "5303704", "payments.qr.no_crc"),
    ("000201010211" + MERCHANT + "630412345303704", "payments.qr.bad_crc_field"),
    ("000201010211" + MERCHANT + "6304ZZZZ", "payments.qr.bad_crc_field"),
    (rebuild("000201", "010211", "010211", MERCHANT, "5303704"), "payments.qr.duplicate_field"),
    (rebuild("000202", "010211", MERCHANT, "5303704"), "payments.qr.bad_format"),
    (rebuild("010211", "000201", MERCHANT, "5303704"), "payments.qr.bad_format"),
    (rebuild("000201", "010213", MERCHANT, "5303704"), "payments.qr.bad_initiation"),
    (rebuild("000201", "010211", "5303704", "5802VN"), "payments.qr.no_merchant_account"),
    (rebuild("000201", "010211", MERCHANT.replace("A000000727", "A000000728"), "5303704"),
     "payments.qr.wrong_guid"),
    (rebuild("000201", "010211", field("38", field("00", "A000000727") + field("02", "QRIBFTTA")),
             "5303704"), "payments.qr.no_beneficiary"),
    (rebuild("000201", "010211",
             field("38", field("00", "A000000727") + field("01", "0005970405" + field("01", ACCOUNT))
                   + field("02", "QRIBFTTA")), "5303704"), "payments.qr.template_length"),
    (rebuild("000201", "010211",
             field("38", field("00", "A000000727") + field("01", field("00", "97040") + field("01", ACCOUNT))
                   + field("02", "QRIBFTTA")), "5303704"), "payments.qr.bad_bin"),
    (rebuild("000201", "010211",
             field("38", field("00", "A000000727") + field("01", field("00", BIN) + field("01", "12-34"))
                   + field("02", "QRIBFTTA")), "5303704"), "payments.qr.bad_account"),
    (rebuild("000201", "010211", MERCHANT.replace("QRIBFTTA", "QRIBFTTX"), "5303704"),
     "payments.qr.bad_service"),
    (rebuild("000201", "010211",
             field("38", field("00", "A000000727") + field("01", field("00", BIN) + field("01", "VQR12345"))
                   + field("02", "QRIBFTTC")), "5303704"), "payments.qr.bad_account"),  # no card number
    (rebuild("000201", "010211", MERCHANT, "5802VN"), "payments.qr.no_currency"),
    (rebuild("000201", "010211", MERCHANT, "5303840"), "payments.qr.not_vnd"),
    (rebuild("000201", "010212", MERCHANT, "5303704", "54030.5"), "payments.qr.bad_amount"),
    (rebuild("000201", "010212", MERCHANT, "5303704", "54010"), "payments.qr.bad_amount"),
    (rebuild("000201", "010212", MERCHANT, "5303704", "5404-500"), "payments.qr.bad_amount"),
    (rebuild("000201", "010212", MERCHANT, "5303704", "5414" + "9" * 14), "payments.qr.bad_amount"),
    (rebuild("000201", "010211", MERCHANT, "5303704", "5802US"), "payments.qr.bad_country"),
])
def test_each_problem_has_its_code_and_messages(payload, code):
    err = error_of(payload)
    assert err.code == code
    for lang in ("vi", "en"):
        template = CATALOGS[lang][err.code]
        assert set(err.params) == placeholders(template), (lang, template)
        assert "{" not in template.format(**err.params)
    assert CATALOGS["vi"][err.code] != CATALOGS["en"][err.code]


def test_every_documented_code_has_both_messages():
    documented = set(re.findall(r"``([a-z_]+)``", InvalidVietQR.__doc__.split("Codes")[1]))
    documented = {f"payments.qr.{name}" for name in documented
                  if name not in {"char", "position", "tag", "expected", "found", "count"}}
    qr_keys = {key for key in CATALOGS["vi"] if key.startswith("payments.qr.")}
    assert documented == qr_keys
    assert set(CATALOGS["vi"]) == set(CATALOGS["en"])


def test_amount_with_zero_decimals_is_whole_dong():
    payload = rebuild("000201", "010212", MERCHANT, "5303704", "5409120000.00", "5802VN")
    assert parse_vietqr(payload).amount == 120000


@pytest.mark.parametrize("kwargs,code", [
    (dict(bin="97040", account=ACCOUNT), "payments.qr.bad_bin"),
    (dict(bin=BIN, account=""), "payments.qr.bad_account"),
    (dict(bin=BIN, account="12 34"), "payments.qr.bad_account"),
    (dict(bin=BIN, account=ACCOUNT, amount=0), "payments.qr.bad_amount"),
    (dict(bin=BIN, account=ACCOUNT, amount=-5), "payments.qr.bad_amount"),
    (dict(bin=BIN, account=ACCOUNT, amount=12.5), "payments.qr.bad_amount"),
    (dict(bin=BIN, account=ACCOUNT, amount=True), "payments.qr.bad_amount"),
    (dict(bin=BIN, account=ACCOUNT, service="QRPUSH"), "payments.qr.bad_service"),
])
def test_builder_refuses_bad_values(kwargs, code):
    with pytest.raises(InvalidVietQR) as caught:
        vietqr_payload(**kwargs)
    assert caught.value.code == code


@pytest.mark.parametrize("text,expected", [
    ("Mật ong Sơn Động", "Mat ong Son Dong"),
    ("Mật ong Sơn Động".encode().decode(), "Mat ong Son Dong"),
    ("ĐẶT BÚN GẠO", "DAT BUN GAO"),
    ("Ru\u031bo\u031b\u0323u men la\u0301", "Ruou men la"),  # decomposed (NFD) input
    ("Tiền mật ong tháng chín cho nhà bác Hưng", "Tien mat ong thang chin"),
    ("x" * 40, "x" * 25),
    ("\u200b  \t", ""),
])
def test_purpose_is_folded_to_ascii_within_the_limit(text, expected):
    assert fold_ascii(text) == expected
    if expected:
        assert parse_vietqr(vietqr_payload(BIN, ACCOUNT, 1000, text)).purpose == expected
    else:
        assert parse_vietqr(vietqr_payload(BIN, ACCOUNT, 1000, text)).purpose is None
