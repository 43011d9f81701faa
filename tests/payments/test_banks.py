"""The BIN table: well-formed, unique, and agreeing with payloads real services produced."""
from __future__ import annotations

import pytest

from literacy_kit.payments import bank, bank_by_code, bank_table
from literacy_kit.payments.logic.banks import table_source

from .test_real_payloads import REAL

# BINs every Vietnamese trainer will meet, from the VietQR bank list (checked by hand).
WELL_KNOWN = {
    "970436": "VCB", "970415": "ICB", "970418": "BIDV", "970405": "VBA", "970422": "MB",
    "970407": "TCB", "970416": "ACB", "970432": "VPB", "970423": "TPB", "970403": "STB",
    "970441": "VIB", "970443": "SHB", "970426": "MSB", "970449": "LPB",
}


def test_table_is_well_formed():
    table = bank_table()
    assert len(table) >= 35
    assert all(len(b) == 6 and b.isdigit() for b in table)
    codes = [b.code for b in table.values()]
    assert len(codes) == len(set(codes))
    assert all(b.name.get("vi") and b.name.get("en") for b in table.values())
    assert "api.vietqr.io" in table_source()


@pytest.mark.parametrize("bin_,code", sorted(WELL_KNOWN.items()))
def test_well_known_bins(bin_, code):
    assert bank(bin_).code == code
    assert bank_by_code(code.lower()).bin == bin_


def test_banks_of_the_real_payloads_are_in_the_table():
    for source, _payload, expected in REAL:
        assert bank(expected["bin"]).short == expected["bank"], source


def test_unknown_bin():
    assert bank("123456") is None and bank_by_code("NOPE") is None
