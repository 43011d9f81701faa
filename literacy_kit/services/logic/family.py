"""Synthetic families with a newborn, for the birth-registration exercise.

The parents are :func:`~literacy_kit.vneid.fake_citizen` people whose birth dates (and
so CCCD digits 4-6) are moved to plausible ages: the mother 20 to 38 when the child is
born, the father 0 to 6 years older. They live at the mother's address, the father is the
head of household, and the child, born 1 to 59 days before ``today`` (on time for a free
birth registration), takes the father's family name. Everything is deterministic per seed.

>>> from datetime import date
>>> family = fake_family(7, today=date(2025, 7, 1))
>>> family == fake_family(7, today=date(2025, 7, 1))
True
>>> 0 < (date(2025, 7, 1) - family.child.date_of_birth).days < 60
True
"""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from ...vneid.logic.cccd import InvalidCCCD, Sex, make_cccd
from ...vneid.logic.citizen import HOME_PROVINCE_CODE, Citizen, fake_citizen, home_parts
from ...vneid.logic.provinces import province, province_codes
from ...text import nfc
from .dates import format_date
from .documents import Attachment

__all__ = ["Child", "Family", "fake_family"]

_DATA = Path(__file__).parent.parent / "data" / "family.yaml"
MOTHER_AGES = (20, 38)
FATHER_EXTRA_YEARS = (0, 6)
MAX_CHILD_DAYS = 59


@dataclass(frozen=True)
class Child:
    """A newborn without an ID number yet (the birth registration gives one)."""

    full_name: str
    sex: Sex
    date_of_birth: date
    place_of_birth: str


@dataclass(frozen=True)
class Family:
    """Mother, father and newborn of one household; ``relationships`` to the head."""

    mother: Citizen
    father: Citizen
    child: Child
    address: str
    ethnicity: str
    relationships: tuple[tuple[str, str], ...] = (("father", "head"), ("mother", "spouse"),
                                                  ("child", "child"))

    @property
    def head_of_household(self) -> Citizen:
        return self.father

    def newborn_values(self) -> dict[str, str]:
        """The ``newborn`` form as the mother would fill it in, without a mistake."""
        mother, father, child = self.mother, self.father, self.child
        values = {
            "applicant_name": mother.full_name, "applicant_cccd": mother.cccd,
            "applicant_phone": mother.phone, "applicant_relationship": "mother",
            "child_name": child.full_name, "child_sex": child.sex.value,
            "child_birth_date": format_date(child.date_of_birth),
            "child_birth_place": child.place_of_birth, "child_ethnicity": self.ethnicity,
            "mother_name": mother.full_name, "mother_birth_date": format_date(mother.date_of_birth),
            "mother_cccd": mother.cccd, "father_name": father.full_name,
            "father_birth_date": format_date(father.date_of_birth), "father_cccd": father.cccd,
            "household_address": self.address, "head_name": father.full_name,
            "relationship_to_head": "child", "insurance_delivery": "vneid",
        }
        if mother.email:
            values["applicant_email"] = mother.email
        return values

    def newborn_attachments(self) -> dict[str, list[Attachment]]:
        """A birth notice (photo) and, for a married couple, the marriage certificate."""
        return {"birth_certificate": [Attachment("giay_chung_sinh.jpg", 850_000)],
                "marriage_certificate": [Attachment("giay_chung_nhan_ket_hon.pdf", 420_000)]}


@lru_cache(maxsize=1)
def _parts() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _born_at_age(person: Citizen, when: date, age: int, rng: random.Random) -> Citizen:
    """``person`` moved to be ``age`` on ``when``; the CCCD follows the new birth year."""
    latest = _years_before(when, age)
    earliest = _years_before(when, age + 1) + timedelta(days=1)
    born = earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))
    cccd = make_cccd(person.cccd[:3], person.sex, born.year, int(person.cccd[6:]))
    email = person.email
    if email:  # fake_citizen ends the handle with the two-digit birth year
        local, domain = email.rsplit("@", 1)
        email = f"{local[:-2]}{born.year % 100:02d}@{domain}"
    return replace(person, date_of_birth=born, cccd=cccd, email=email)


def fake_family(seed: int | str, province_code: str = HOME_PROVINCE_CODE,
                today: date | None = None) -> Family:
    """A synthetic family with a newborn; the same seed gives the same family.

    Parameters
    ----------
    seed : int or str
        Anything hashable into :class:`random.Random`.
    province_code : str
        Where the parents' births were registered (CCCD digits 1-3); default 024 (Bac
        Giang): the family lives in the seed commune and the baby is born in Bac Ninh.
    today : datetime.date, optional
        The child is born 1 to 59 days before it; default ``date.today()``.
    """
    place = province(province_code)
    if place is None:
        raise InvalidCCCD("cccd.unknown_province", prefix=province_code)
    today = today or date.today()
    rng = random.Random(f"family:{seed}")
    parts = _parts()
    child_born = today - timedelta(days=rng.randint(1, MAX_CHILD_DAYS))
    mother_age = rng.randint(*MOTHER_AGES)
    father_age = mother_age + rng.randint(*FATHER_EXTRA_YEARS)
    mother = fake_citizen(f"{seed}:mother", province_code, today, sex=Sex.FEMALE)
    father = fake_citizen(f"{seed}:father", province_code, today, sex=Sex.MALE)
    mother = _born_at_age(mother, child_born, mother_age, rng)
    father = replace(_born_at_age(father, child_born, father_age, rng), address=mother.address)

    sex = rng.choice([Sex.MALE, Sex.FEMALE])
    surname = father.full_name.split(" ")[0]
    name = nfc(f"{surname} {rng.choice(parts['middle_names'][sex.value])} "
               f"{rng.choice(parts['given_names'][sex.value])}")
    local = home_parts()
    if province_code in local["province_codes"]:
        where = local["province"]       # born after the mergers: in today's province
    else:
        home = place if not place.is_abroad else province(rng.choice(province_codes(include_abroad=False)))
        where = f"{parts['province_prefix'][home.kind]} {home.name.vi}"
    birth_place = nfc(rng.choice(parts["birth_places"]).format(province=where))
    child = Child(full_name=name, sex=sex, date_of_birth=child_born, place_of_birth=birth_place)
    return Family(mother=mother, father=father, child=child, address=mother.address,
                  ethnicity=rng.choice(parts["ethnicities"]))
