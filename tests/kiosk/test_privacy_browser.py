"""A number typed on the real kiosk browser is gone after the idle reset: Chromium started by
the kiosk's launcher (its flags, its throw-away profile) under the kiosk's enforced policy
(mounted in a private namespace; this machine's /etc is not touched)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from literacy_kit.kiosk import privacy_check
from support import browser_required, chromium_path

pytestmark = pytest.mark.browser


def test_scan_finds_the_number_in_any_encoding(tmp_path):
    secret = privacy_check.made_up_number()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "plain.log").write_bytes(b"x" + secret.encode() + b"y")
    (tmp_path / "a" / "session").write_bytes(secret.encode("utf-16-le"))
    (tmp_path / "clean").write_bytes(b"nothing here")
    found = privacy_check.files_holding(tmp_path, privacy_check.needles(secret))
    assert sorted(p.name for p in found) == ["plain.log", "session"]
    assert privacy_check.files_holding(tmp_path, privacy_check.needles(secret),
                                       skip=(tmp_path / "a",)) == []


def test_typed_number_is_nowhere_after_the_idle_reset(start_kiosk):
    path = chromium_path()
    if path is None:
        if browser_required():
            pytest.fail("Chromium not found")
        pytest.skip("Chromium not found")
    server = start_kiosk(pool=0, idle_reset=8)
    with tempfile.TemporaryDirectory(prefix="lk-privacy-test-") as tmp:
        result = privacy_check.run(server.url, Path(tmp), chromium=path, idle_timeout=60,
                                   server_places={"server log": server.log_path})
    assert result["idle_reset_s"] < 30
    if os.geteuid() == 0:  # CI and this machine: the kiosk's own policy is in force
        assert result["policy"] and result["policy_in_force"]
    for stage in ("while_open", "profile_after_close", "after"):
        assert not any(result[stage].values()), (stage, result[stage])
    assert result["profile_removed"]
    assert result["system temporary folders"] == []
