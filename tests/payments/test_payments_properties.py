"""Property tests: any text gives a VietQR or InvalidVietQR, any amount a number or InvalidAmount."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from literacy_kit.payments import (InvalidAmount, InvalidVietQR, crc16_ccitt_false, fold_ascii,
                                   format_vnd, parse_amount, parse_vietqr, vietqr_payload)
from literacy_kit.payments.logic.banks import bank_table

from .test_real_payloads import REAL

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLES = [r[1] for r in REAL]
tlv_alphabet = st.sampled_from("0123456789ABCDEFQRIVN .")


def outcome(parser, text):
    try:
        return parser(text)
    except (InvalidVietQR, InvalidAmount) as err:
        assert err.code.startswith("payments.")
        return err


@FAST
@given(st.one_of(st.text(), st.text(alphabet=tlv_alphabet), st.binary().map(lambda b: b.decode("latin-1"))))
def test_any_text_is_a_vietqr_or_our_error(text):
    outcome(parse_vietqr, text)
    outcome(lambda t: parse_vietqr(t, check_crc=False), text)


@FAST
@given(st.sampled_from(SAMPLES), st.integers(min_value=0, max_value=200), st.text(alphabet=tlv_alphabet, max_size=4),
       st.booleans())
def test_mutated_real_payloads_never_escape(payload, position, insert, resign):
    cut = position % len(payload)
    mutated = payload[:cut] + insert + payload[cut + len(insert) // 2:]
    if resign and len(mutated) > 4:
        mutated = mutated[:-4] + crc16_ccitt_false(mutated[:-4])
    result = outcome(parse_vietqr, mutated)
    if mutated != payload and not resign and not isinstance(result, Exception):
        # A changed payload that still reads must still carry a CRC that checks.
        assert crc16_ccitt_false(mutated[:-4]) == mutated[-4:].upper()


@FAST
@given(st.sampled_from(sorted(bank_table())), st.from_regex(r"[A-Za-z0-9]{1,19}", fullmatch=True),
       st.one_of(st.none(), st.integers(min_value=1, max_value=10 ** 13 - 1)),
       st.one_of(st.none(), st.text(max_size=60)))
def test_built_payloads_read_back(bin_, account, amount, purpose):
    qr = parse_vietqr(vietqr_payload(bin_, account, amount, purpose))
    assert (qr.bin, qr.account, qr.amount) == (bin_, account, amount)
    folded = fold_ascii(purpose) if purpose is not None else ""
    assert qr.purpose == (folded or None)
    assert len(folded) <= 25 and folded.isascii()


@FAST
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from("0123456789.,  ktrđiệuỷ"))))
def test_any_typed_amount_is_a_number_or_our_error(text):
    result = outcome(parse_amount, text)
    if not isinstance(result, Exception):
        assert isinstance(result, int) and 0 < result < 10 ** 13


@FAST
@given(st.integers(min_value=1, max_value=10 ** 13 - 1))
def test_formatted_amounts_read_back(amount):
    assert parse_amount(format_vnd(amount)) == amount
