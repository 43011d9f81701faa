"""The scenario bank: size, coverage of the scripts and channels, agreement with the message
detector, sources, and a bad bank file refused with the file and place named."""
from __future__ import annotations

import textwrap
import unicodedata

import pytest
import yaml

from literacy_kit.text import strip_marks
from literacy_kit.safety import ACTIONS, CHANNELS, SafetyDataError, assess_message, default_bank, load_bank
from literacy_kit.safety.logic.data_files import DATA_DIR
from literacy_kit.i18n import t

BANK = default_bank()
SCRIPTS = ("fake_police", "merger_reconfirm", "fake_bank_sms", "zalo_vote", "zalo_otp_mistake",
           "hijacked_borrow", "deepfake_call", "fake_shipper", "task_scam", "fake_evn", "fake_tax",
           "prize_link", "recovery_scam")
FORMS = (lambda s: s, lambda s: unicodedata.normalize("NFD", s), strip_marks)


def test_size_and_coverage():
    assert len(BANK.scams()) >= 30 and len(BANK.genuine()) >= 15
    assert set(BANK.scripts()) == set(SCRIPTS)
    assert {item.channel for item in BANK.items} == set(CHANNELS)
    assert any(item.thread and item.scam for item in BANK.items)  # fake SMS in the bank's thread
    assert any(item.thread and not item.scam for item in BANK.items)


@pytest.mark.parametrize("item", BANK.scams(), ids=lambda item: item.id)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_scam_is_suspicious_with_its_listed_flags(item, lang):
    for form in FORMS:
        report = assess_message(form(item.text.get(lang)), sender=item.sender.get(lang))
        assert report.suspicious
        assert set(item.flags) <= set(report.flags), (item.flags, report.flags)


@pytest.mark.parametrize("item", BANK.genuine(), ids=lambda item: item.id)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_genuine_message_is_flagged(item, lang):
    for form in FORMS:
        report = assess_message(form(item.text.get(lang)), sender=item.sender.get(lang))
        assert report.flags == () and not report.suspicious


def test_every_item_has_a_source_kind_cues_and_known_actions():
    for item in BANK.items:
        assert item.source_kind and item.cues
        assert set(item.actions) <= set(ACTIONS)
        for action in item.actions:
            for lang in ("vi", "en"):
                assert not t(f"safety.action.{action}", lang).startswith("safety.")
    assert any(item.unverified for item in BANK.items)  # trainer notes exist


def test_quiz_draws_distinct_items_of_both_kinds():
    import random

    for seed in range(20):
        items = BANK.quiz(5, random.Random(seed))
        assert len({item.id for item in items}) == 5
        assert any(i.scam for i in items) and any(not i.scam for i in items)


def _write(tmp_path, data, name="my_bank.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _good():
    return yaml.safe_load((DATA_DIR / "scam_bank.yaml").read_text(encoding="utf-8"))


def _break(data, how):
    item = data["items"][3]
    if how == "channel":
        item["channel"] = "fax"
    elif how == "no_en":
        del item["text"]["en"]
    elif how == "flag":
        item["flags"] = ["scary"]
    elif how == "genuine_flags":
        data["items"][-1]["flags"] = ["link"]
    elif how == "duplicate":
        data["items"][5]["id"] = item["id"]
    elif how == "no_source":
        del item["source"]
    return data


@pytest.mark.parametrize("how, place", [
    ("channel", "items/3/channel"), ("no_en", "items/3/text"), ("flag", "items/3/flags/0"),
    ("genuine_flags", "items/"), ("duplicate", "items/5/id"), ("no_source", "items/3"),
])
def test_a_bad_bank_names_the_file_and_the_place(tmp_path, how, place):
    path = _write(tmp_path, _break(_good(), how))
    with pytest.raises(SafetyDataError) as info:
        load_bank(path)
    assert str(info.value).startswith("my_bank.yaml: ")
    assert place in str(info.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = tmp_path / "my_bank.yaml"
    path.write_text(textwrap.dedent("""\
        id: x
        items: [
          - broken
        """), encoding="utf-8")
    with pytest.raises(SafetyDataError, match=r"my_bank.yaml: line \d+"):
        load_bank(path)


def test_a_good_copy_loads(tmp_path):
    assert len(load_bank(_write(tmp_path, _good())).items) == len(BANK.items)


def _scenarios():
    return yaml.safe_load((DATA_DIR / "phone_scenarios.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("how, place", [
    ("kind", "scenarios/0/steps/0/kind"), ("item", "scenarios/0/steps/0: unknown bank item"),
    ("next", "scenarios/0/steps/0/choices/0/next"), ("start", "scenarios/0/start"),
    ("action", "scenarios/1/actions/0"),
])
def test_a_bad_scenarios_file_names_the_file_and_the_place(tmp_path, how, place):
    from literacy_kit.safety.logic.phone import load_scenarios

    data = _scenarios()
    step = data["scenarios"][0]["steps"][0]
    if how == "kind":
        step["kind"] = "fax"
    elif how == "item":
        step["item"] = "no_such_item"
    elif how == "next":
        step["choices"][0]["next"] = "nowhere"
    elif how == "start":
        data["scenarios"][0]["start"] = "nowhere"
    else:
        data["scenarios"][1]["actions"] = ["dance"]
    path = _write(tmp_path, data, "my_phone.yaml")
    with pytest.raises(SafetyDataError) as info:
        load_scenarios(path)
    assert str(info.value).startswith("my_phone.yaml: ") and place in str(info.value)
    assert len(load_scenarios(_write(tmp_path, _scenarios(), "good.yaml"))) >= 4
