"""fake_family: a consistent synthetic family with a newborn, the same for the same seed."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from literacy_kit.vneid import parse_cccd
from literacy_kit.vneid.logic.cccd import InvalidCCCD, Sex
from literacy_kit.services.logic.application import Application
from literacy_kit.services.logic.family import MAX_CHILD_DAYS, fake_family
from literacy_kit.services.logic.forms import age_on, prefill, validate_form
from literacy_kit.names import normalize_name
from literacy_kit.services.logic.procedures import get_procedure

TODAY = date(2025, 7, 1)
SEEDS = list(range(25)) + ["lop-3"]


def test_deterministic_per_seed():
    assert fake_family(5, today=TODAY) == fake_family(5, today=TODAY)
    assert fake_family(5, today=TODAY) != fake_family(6, today=TODAY)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_consistent_family(seed):
    family = fake_family(seed, today=TODAY)
    mother, father, child = family.mother, family.father, family.child
    assert mother.sex is Sex.FEMALE and father.sex is Sex.MALE
    assert 1 <= (TODAY - child.date_of_birth).days <= MAX_CHILD_DAYS
    mother_age = age_on(mother.date_of_birth, child.date_of_birth)
    assert 20 <= mother_age <= 38
    assert 0 <= age_on(father.date_of_birth, child.date_of_birth) - mother_age <= 6
    for parent in (mother, father):
        card = parse_cccd(parent.cccd, today=TODAY)
        assert card.birth_year == parent.date_of_birth.year and card.sex is parent.sex
        assert card.province_code == "024"   # the seed commune was in Bac Giang
        assert parent.address == family.address
        if parent.email:
            assert f"{parent.date_of_birth.year % 100:02d}@" in parent.email
    assert child.full_name.split()[0] == father.full_name.split()[0]
    for name in (mother.full_name, father.full_name, child.full_name):
        assert normalize_name(name) == name
    assert family.head_of_household is father
    assert dict(family.relationships)["child"] == "child"
    assert len(child.place_of_birth) >= 10


@pytest.mark.parametrize("seed", SEEDS)
def test_the_newborn_form_of_every_family_is_right(seed):
    family = fake_family(seed, today=TODAY)
    procedure = get_procedure("newborn")
    result = validate_form(procedure, family.newborn_values(), today=TODAY)
    assert result.ok, result.errors
    filled = prefill(procedure, family.mother)
    assert all(family.newborn_values()[key] == value for key, value in filled.items())


def test_the_family_can_file_the_application():
    family = fake_family(8, today=TODAY)
    app = Application("newborn", clock=lambda: datetime(2025, 7, 1, 9, 30))
    app.fill(family.newborn_values())
    for doc_id, files in family.newborn_attachments().items():
        for attachment in files:
            app.attach(doc_id, attachment)
    assert app.submit() == "G01.27.01-250701-0001"


def test_a_city_is_written_as_a_city():
    family = fake_family(1, province_code="001", today=TODAY)
    assert "th\u00e0nh ph\u1ed1 H\u00e0 N\u1ed9i" in family.child.place_of_birth
    assert family.mother.cccd.startswith("001")


def test_born_abroad_still_has_a_birth_place_in_vietnam():
    family = fake_family(1, province_code="000", today=TODAY)
    assert family.mother.cccd.startswith("000") and family.child.place_of_birth


def test_unknown_province():
    with pytest.raises(InvalidCCCD) as caught:
        fake_family(1, province_code="999", today=TODAY)
    assert caught.value.code == "cccd.unknown_province"


def test_today_defaults_to_the_real_today():
    family = fake_family("x")
    assert 1 <= (date.today() - family.child.date_of_birth).days <= MAX_CHILD_DAYS
