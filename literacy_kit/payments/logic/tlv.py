"""EMVCo tag-length-value fields and the CRC of a merchant-presented QR payload.

Each field is a 2-digit tag, a 2-digit length and that many characters of value; some
values (templates) hold fields of their own. The last field, tag 63, holds the
CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF) of the whole payload up to and
including ``"6304"``, as 4 hex digits.

The CRC comes from the standard library (:func:`binascii.crc_hqx` is the same polynomial;
started at 0xFFFF it is CCITT-FALSE), not from code of our own.

>>> crc16_ccitt_false("123456789")
'29B1'
>>> split_fields("0002010102")
Traceback (most recent call last):
...
ValueError: ('truncated', 6, '00')
"""
from __future__ import annotations

import binascii

CRC_TAG = "63"
CRC_HEADER = CRC_TAG + "04"


def crc16_ccitt_false(text: str) -> str:
    """The CRC-16/CCITT-FALSE of ``text`` (ASCII) as 4 uppercase hex digits."""
    return f"{binascii.crc_hqx(text.encode('ascii'), 0xFFFF):04X}"


def split_fields(text: str) -> list[tuple[str, str, int]]:
    """``(tag, value, position)`` of each field of ``text``, in order.

    Raises ``ValueError((problem, position, previous_tag))`` with problem ``"malformed"``
    (a tag or a length that is not two digits) or ``"truncated"`` (a value longer than
    what is left); ``previous_tag`` is the tag of the last field read whole (or ``None``).
    """
    fields = []
    pos = 0
    while pos < len(text):
        previous = fields[-1][0] if fields else None
        header = text[pos:pos + 4]
        if len(header) < 4:
            raise ValueError("truncated", pos, previous)
        if not (header.isascii() and header.isdigit()):
            raise ValueError("malformed", pos, previous)
        length = int(header[2:])
        value = text[pos + 4:pos + 4 + length]
        if len(value) < length:
            raise ValueError("truncated", pos, previous)
        fields.append((header[:2], value, pos))
        pos += 4 + length
    return fields


def field(tag: str, value: str) -> str:
    """One field, ``tag`` + 2-digit length + ``value`` (at most 99 characters)."""
    if len(value) > 99:
        raise ValueError(f"field {tag} is {len(value)} characters long; the limit is 99")
    return f"{tag}{len(value):02d}{value}"
