"""Session plans and the contacts settings: the packaged files add up, a broken file is
refused with a message naming the file and the place, in Vietnamese and in English."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from literacy_kit.handouts import HandoutError, load_contacts, load_plan, load_plan_file, load_plans
from literacy_kit.handouts.plans import plan_files

ROOT = Path(__file__).resolve().parents[2]
PLANS = load_plans()


def test_at_least_three_two_hour_plans():
    assert len(PLANS) >= 3
    assert all(plan.minutes == 120 for plan in PLANS)
    assert len({plan.id for plan in PLANS}) == len(PLANS)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_blocks_follow_each_other_to_the_end(plan):
    assert plan.blocks[0].start == 0
    for before, after in zip(plan.blocks, plan.blocks[1:]):
        assert after.start == before.end
    assert plan.blocks[-1].end == plan.minutes
    kinds = [b.kind for b in plan.blocks]
    assert kinds.index("pre_check") < kinds.index("post_check") and kinds[-1] == "close"


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_has_learners_on_their_own_phones_and_room_to_cut(plan):
    phones = [b for b in plan.blocks if b.kind == "phones"]
    assert phones and all(b.learners is not None for b in phones)
    # a session that starts 20 minutes late must still fit
    assert plan.cuttable_minutes >= 20
    assert not any(b.cuttable for b in plan.blocks if b.kind in ("pre_check", "post_check"))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.id)
def test_plan_names_real_lessons_and_a_fair_check(plan):
    for lesson in plan.lessons:
        assert (ROOT / "lessons" / f"{lesson}.ipynb").is_file(), lesson
    assert 3 <= len(plan.check) <= 8
    # the right answer is not always in the same place
    positions = {[o for o, _ in q.options].index(q.answer) for q in plan.check}
    assert len(positions) > 1


def draft(tmp_path, mutate) -> Path:
    data = yaml.safe_load(plan_files()[0].read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "giao_an_nhap.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate, where", [
    (lambda d: d["blocks"][2].update(minutes=13), "121"),
    (lambda d: d["blocks"][1].pop("says"), "blocks/1"),
    (lambda d: d["blocks"].reverse(), "giao_an_nhap.yaml"),
    (lambda d: d["check"]["questions"][0].update(answer="z"), "level2_where"),
    (lambda d: d["blocks"][0].update(kind="lecture"), "blocks/0/kind"),
])
def test_broken_plan_names_file_and_place(tmp_path, mutate, where):
    path = draft(tmp_path, mutate)
    with pytest.raises(HandoutError) as info:
        load_plan_file(path)
    for lang in ("vi", "en"):
        message = info.value.message(lang)
        assert "giao_an_nhap.yaml" in message and where in message
    assert info.value.message("vi") != info.value.message("en")


def test_not_yaml_gives_the_line(tmp_path):
    path = tmp_path / "hong.yaml"
    path.write_text("id: x\nblocks: [\n  - a: {\n", encoding="utf-8")
    with pytest.raises(HandoutError, match="hong.yaml") as info:
        load_plan_file(path)
    assert "dòng" in info.value.message("vi")


def test_unknown_plan_lists_the_known_ones():
    with pytest.raises(HandoutError) as info:
        load_plan("khong_co")
    assert all(plan.id in info.value.message("vi") for plan in PLANS)


def test_contacts_template_leaves_local_numbers_blank():
    sheet = load_contacts()
    assert sheet.entry("commune_police").phone == "" and sheet.entry("one_stop").phone == ""
    assert sheet.entry("spam_calls").phone == "156" and sheet.entry("spam_sms").phone == "5656"
    assert sheet.banks


def test_contacts_file_the_commune_filled(tmp_path):
    path = tmp_path / "lien_he.yaml"
    text = (ROOT / "literacy_kit/handouts/data/contacts.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('phone: ""', 'phone: "0204 3 888 999"', 1), encoding="utf-8")
    assert load_contacts(path).entry("commune_police").phone == "0204 3 888 999"


@pytest.mark.parametrize("bad, where", [
    ('phone: "goi ong Tuan"', "entries/0/phone"),
    ("commune: Son Dong", "commune"),
])
def test_bad_contacts_file_says_where(tmp_path, bad, where):
    text = (ROOT / "literacy_kit/handouts/data/contacts.yaml").read_text(encoding="utf-8")
    key = bad.split(":")[0]
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(key + ":"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = indent + bad
    if key == "commune":   # drop the nested vi/en lines
        del lines[index + 1: index + 3]
    path = tmp_path / "lien_he.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(HandoutError) as info:
        load_contacts(path)
    assert where in info.value.message("vi") and "lien_he.yaml" in info.value.message("en")


def test_contacts_file_not_utf8(tmp_path):
    path = tmp_path / "lien_he.yaml"
    path.write_bytes("commune: Sơn Động\n".encode("cp1258", errors="replace"))
    with pytest.raises(HandoutError) as info:
        load_contacts(path)
    assert "UTF-8" in info.value.message("vi")
