"""PINs: hashed at rest, checked with a lock after too many wrong ones, unlocked by the trainer."""
from __future__ import annotations

import json
import threading

import pytest

from literacy_kit.classroom.pins import PinStore, clean_pin


@pytest.fixture
def store(tmp_path):
    return PinStore(tmp_path / "pins.json", max_failures=5, digits=6)


def test_issue_gives_numeric_pins_and_stores_only_hashes(store):
    made = store.issue(["hv01", "hv02"])
    assert set(made) == {"hv01", "hv02"}
    assert all(len(pin) == 6 and pin.isdigit() for pin in made.values())
    text = store.path.read_text()
    for pin in made.values():
        assert pin not in text
    assert all(entry["hash"].startswith("scrypt$") for entry in json.loads(text).values())
    assert store.path.stat().st_mode & 0o077 == 0


def test_issue_keeps_existing_pins_unless_reissued(store):
    first = store.issue(["hv01"])["hv01"]
    assert store.issue(["hv01", "hv02"]).keys() == {"hv02"}
    assert store.check("hv01", first).ok
    second = store.issue(["hv01"], reissue=True)["hv01"]
    assert store.check("hv01", second).ok
    if second != first:
        assert not store.check("hv01", first).ok


def test_five_wrong_pins_lock_even_the_right_one_until_unlocked(store):
    pin = store.issue(["hv01"])["hv01"]
    wrong = "1" * 6 if pin != "1" * 6 else "2" * 6
    remaining = [store.check("hv01", wrong) for _ in range(4)]
    assert [r.status for r in remaining] == ["wrong"] * 4
    assert [r.remaining for r in remaining] == [4, 3, 2, 1]
    assert store.check("hv01", wrong).status == "locked"
    assert store.check("hv01", pin).status == "locked"
    assert store.status()["hv01"]["locked"] is True
    assert store.unlock("hv01")
    assert store.check("hv01", pin).ok
    assert not store.unlock("nobody")


def test_a_right_pin_resets_the_counter(store):
    pin = store.issue(["hv01"])["hv01"]
    wrong = "0" * 6 if pin != "0" * 6 else "9" * 6
    for _ in range(4):
        store.check("hv01", wrong)
    assert store.check("hv01", pin).ok
    assert store.check("hv01", wrong).remaining == 4


@pytest.mark.parametrize("typed", ["１２３４５６", " 123 456 ", "123-456"])
def test_pins_typed_with_spaces_or_full_width_digits_are_read(typed):
    assert clean_pin(typed) == "123456"


def test_unknown_learner_has_no_pin(store):
    assert store.check("hv09", "123456").status == "no_pin"


def test_concurrent_checks_lose_no_count(store):
    store.issue(["hv01"])
    threads = [threading.Thread(target=store.check, args=("hv01", "x")) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.status()["hv01"]["failures"] == 4
