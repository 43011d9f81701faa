"""VietQR payloads produced by real payment services and bank-side generators, read field by field.

Each payload below was found quoted in public code (a test fixture, an API response kept
as a comment, a documentation example); only the data is used here. Each is checked field
by field against what its source says it encodes, not only by its CRC: public vectors are
not all self-consistent, so a wrong length or an altered field must fail.
"""
from __future__ import annotations

import pytest

from literacy_kit.payments import InvalidVietQR, crc16_ccitt_false, parse_vietqr, vietqr_payload

# (source, payload, expected fields)
REAL = [
    ("payOS payment link (MB Bank virtual account), stored in a shop's order table",
     "00020101021238570010A000000727012700069704220113VQRQADAIJ5512"
     "0208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346",
     dict(bin="970422", bank="MBBank", account="VQRQADAIJ5512", service="QRIBFTTA",
          amount=7000, purpose="TL89 100", bill_number=None, initiation="12")),
    ("payOS create-payment-link response kept in a server's comments (BIDV virtual account)",
     "00020101021238590010A000000727012900069704180115V3CAS8854359196"
     "0208QRIBFTTA5303704540450005802VN62260822CSM1W5K8S37 Thanh Toan6304D35C",
     dict(bin="970418", bank="BIDV", account="V3CAS8854359196", service="QRIBFTTA",
          amount=5000, purpose="CSM1W5K8S37 Thanh Toan", bill_number=None, initiation="12")),
    ("VietQR.vn 'generate VietQR code' API documentation example, quoted in a test",
     "00020101021238570010A000000727012700069704220113VQRQACYEK5606"
     "0208QRIBFTTA5303704540468685802VN62300107NPS68690815Test VA Account6304BE01",
     dict(bin="970422", bank="MBBank", account="VQRQACYEK5606", service="QRIBFTTA",
          amount=6868, purpose="Test VA Account", bill_number="NPS6869", initiation="12")),
    ("NAPAS-style transfer to a card (Sacombank), CRC test vector of a PHP service",
     "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC"
     "530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203",
     dict(bin="970403", bank="Sacombank", account="9704031101234567", service="QRIBFTTC",
          amount=180000, purpose="thanh toan don hang", bill_number="NPS6869", initiation="12")),
    ("static QR of a TPBank account without amount, Go generator's test table",
     "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4",
     dict(bin="970423", bank="TPBank", account="0099999999", service="QRIBFTTA",
          amount=None, purpose=None, bill_number=None, initiation="11")),
    ("dynamic QR of an MB account with amount and note, same Go test table",
     "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA"
     "53037045405401235802VN62200816test text string6304D9C6",
     dict(bin="970422", bank="MBBank", account="0023457923442", service="QRIBFTTA",
          amount=40123, purpose="test text string", bill_number=None, initiation="12")),
]


@pytest.mark.parametrize("source,payload,expected", REAL, ids=[r[0][:40] for r in REAL])
def test_real_payload_reads_field_by_field(source, payload, expected):
    qr = parse_vietqr(payload)
    assert qr.crc_ok and qr.currency == "704" and qr.country == "VN"
    got = dict(bin=qr.bin, bank=qr.bank.short, account=qr.account, service=qr.service,
               amount=qr.amount, purpose=qr.purpose, bill_number=qr.bill_number,
               initiation=qr.initiation)
    assert got == expected, source


@pytest.mark.parametrize("source,payload,expected", REAL, ids=[r[0][:40] for r in REAL])
def test_our_builder_makes_the_same_payload(source, payload, expected):
    """Same fields in, same characters out: our field order is the one real generators use."""
    made = vietqr_payload(expected["bin"], expected["account"], expected["amount"],
                          expected["purpose"], service=expected["service"],
                          bill_number=expected["bill_number"])
    assert made == payload


@pytest.mark.parametrize("declared", ["57", "50"])
def test_a_length_that_lies_is_refused_even_with_a_correct_crc(declared):
    """Template 38 of a well-formed payload holds 54 characters; declare another length."""
    good = ("00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA"
            "5303704540719430005802VN62120808TT0000696304A8E5")
    assert parse_vietqr(good).account == "1023456789"
    body = good[:-4].replace("3854", "38" + declared, 1)
    with pytest.raises(InvalidVietQR) as caught:
        parse_vietqr(body + crc16_ccitt_false(body))
    assert caught.value.code == "payments.qr.length_mismatch"
