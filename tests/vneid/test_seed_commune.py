"""Synthetic people look like the seed commune's own after the 1 July 2025 mergers: cards
from 024 (Bac Giang), addresses in a "thôn" of xã Sơn Động, tỉnh Bắc Ninh, and mostly Tay,
Nung, San Chi or Cao Lan family names."""
from __future__ import annotations

from datetime import date

import yaml

from literacy_kit.vneid.logic.citizen import HOME_PROVINCE_CODE, fake_citizen, home_parts

TODAY = date(2025, 9, 1)


def test_default_people_live_in_the_seed_commune():
    people = [fake_citizen(seed=seed, today=TODAY) for seed in range(200)]
    assert HOME_PROVINCE_CODE == "024"
    assert all(p.cccd.startswith("024") for p in people)
    assert all(p.address.startswith("thôn ") and p.address.endswith("xã Sơn Động, tỉnh Bắc Ninh")
               for p in people)
    local = set(yaml.safe_load(open(fake_citizen.__globals__["_DATA"], encoding="utf-8"))["local_family_names"])
    share = sum(p.full_name.split()[0] in local for p in people) / len(people)
    assert 0.6 <= share <= 0.85      # about 70 % of Phu Hung's households
    assert any(p.address.startswith("thôn Phú Hưng") for p in people)


def test_people_from_elsewhere_keep_their_own_province():
    person = fake_citizen(seed=3, province_code="001", today=TODAY)
    assert person.cccd.startswith("001") and "Sơn Động" not in person.address
    assert "027" in home_parts()["province_codes"]
