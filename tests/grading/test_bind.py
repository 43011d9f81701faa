"""Bindings: any HasTraits object's traits restored from the store and saved on change."""
from __future__ import annotations

import pytest
from traitlets import Bool, HasTraits, Int, Tuple, Unicode, validate

from literacy_kit.grading import AnswerStore


class Account(HasTraits):
    """A stand-in for a simulator's state: validated traits, like the real ones."""

    status = Unicode("new")
    level = Int(0)
    picked = Tuple()
    seen = Bool(False)

    @validate("level")
    def _level(self, proposal):
        if proposal["value"] not in (0, 1, 2):
            raise ValueError("no such level")
        return proposal["value"]


@pytest.fixture
def store(folder):
    return AnswerStore.for_exercise("demo")


def test_changes_are_saved_and_restored_in_a_new_object(store, folder):
    account = Account()
    binding = store.bind("account", account, ["status", "level", "picked"])
    assert binding.restored == ()
    account.status = "activated"
    account.picked = ("a", "b")
    assert store.get("account") == {"status": "activated", "level": 0, "picked": ["a", "b"]}

    again = Account()
    restored = AnswerStore.for_exercise("demo").bind("account", again, ["status", "level", "picked"])
    assert restored.restored == ("status", "level", "picked")
    assert (again.status, again.level, again.picked) == ("activated", 0, ("a", "b"))


def test_unbound_traits_are_neither_saved_nor_restored(store):
    account = Account()
    store.bind("account", account, ["status"])
    account.seen = True
    assert store.get("account") is None
    account.status = "x"
    assert store.get("account") == {"status": "x"}


def test_a_refused_value_is_skipped_and_the_rest_restored(store):
    store.set("account", {"status": "activated", "level": 7, "picked": "not a tuple"})
    account = Account()
    binding = store.bind("account", account, ["status", "level", "picked"])
    assert binding.restored == ("status",)
    assert (account.status, account.level, account.picked) == ("activated", 0, ())


@pytest.mark.parametrize("stored", [[1, 2], "garbage", 42, {"status": None}])
def test_garbage_restores_nothing_and_never_raises(store, stored):
    store.set("account", stored)
    account = Account()
    assert store.bind("account", account, ["status"]).restored == ()
    assert account.status == "new"


def test_restoring_does_not_write(store, folder):
    store.set("account", {"status": "activated"})
    before = store.path.stat().st_mtime_ns, store.path.read_bytes()
    seen = []
    store.on_save(lambda s, key: seen.append(key))
    store.bind("account", Account(), ["status"])
    assert seen == [] and (store.path.stat().st_mtime_ns, store.path.read_bytes()) == before


def test_encode_and_decode_translate_the_stored_form(store):
    names = ("first", "second", "third")
    account = Account()
    store.bind("account", account, ["picked"],
               encode=lambda v: {"picked": [names[i] for i in v["picked"]]},
               decode=lambda d: {"picked": tuple(names.index(n) for n in d["picked"])})
    account.picked = (2, 0)
    assert store.get("account") == {"picked": ["third", "first"]}
    again = Account()
    store.bind("account", again, ["picked"],
               decode=lambda d: {"picked": tuple(names.index(n) for n in d["picked"])})
    assert again.picked == (2, 0)


def test_a_decode_error_restores_nothing(store):
    store.set("account", {"picked": ["unknown"]})
    account = Account()
    binding = store.bind("account", account, ["picked"], decode=lambda d: {"picked": d["nope"]})
    assert binding.restored == () and account.picked == ()


def test_a_failing_encode_is_reported_not_raised(store):
    account = Account()
    store.bind("account", account, ["status"], encode=lambda v: {"status": object()})
    account.status = "changed"          # a widget callback: must not raise
    assert store.error == "grading.save_failed"


def test_unbind_stops_saving(store):
    account = Account()
    binding = store.bind("account", account, ["status"])
    account.status = "one"
    binding.unbind()
    account.status = "two"
    assert store.get("account") == {"status": "one"}


def test_binding_an_unknown_trait_is_a_programming_error(store):
    with pytest.raises(ValueError, match="no traits"):
        store.bind("account", Account(), ["status", "typo"])
