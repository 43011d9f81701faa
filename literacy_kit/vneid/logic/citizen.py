"""Synthetic citizens for the simulations, and e-mail addresses as learners type them.

Names and addresses come from Faker's ``vi_VN`` locale; the CCCD and phone number come
from our own rule-correct generators, so ``parse_cccd(citizen.cccd)`` agrees with the
citizen's sex, birth year and province. A private Faker instance is seeded per call:
Faker's shared global seed is never touched, so lessons using Faker elsewhere are not
disturbed and the same seed always gives the same person.

>>> a, b = fake_citizen(seed=7), fake_citizen(seed=7)
>>> a == b and parse_cccd(a.cccd).birth_year == a.date_of_birth.year
True
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import InputError
from ...text import fold_space, nfc
from .cccd import InvalidCCCD, Sex, make_cccd, parse_cccd
from .phone import mobile_prefixes
from .provinces import province, province_codes

__all__ = ["Citizen", "InvalidEmail", "ascii_fold", "fake_citizen", "parse_email"]

MIN_AGE, MAX_AGE = 18, 75
_DATA = Path(__file__).parent.parent / "data" / "citizen.yaml"
_EMAIL = re.compile(r"[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*"
                    r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    r"\.[A-Za-z]{2,}")


class InvalidEmail(InputError):
    """An e-mail address that cannot work.

    Codes: ``email.empty``, ``email.not_ascii`` (``char``), ``email.invalid``.
    """


@dataclass(frozen=True)
class Citizen:
    """A synthetic person; ``cccd`` and ``phone`` are canonical digit strings."""

    full_name: str
    sex: Sex
    date_of_birth: date
    cccd: str
    phone: str
    address: str
    province_code: str
    email: str = ""

    @property
    def birth_ddmmyy(self) -> str:
        """The birth date as six digits, the passcode people most often choose (and shouldn't)."""
        return self.date_of_birth.strftime("%d%m%y")

    def age(self, today: date | None = None) -> int:
        """Age in whole years on ``today`` (default: the real today)."""
        today = today or date.today()
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def ascii_fold(text: str) -> str:
    """``text`` without tone marks or diacritics, as in SMS and e-mail addresses.

    Examples
    --------
    >>> ascii_fold("\\u0110\\u1eb7ng Th\\u1ecb Hoa")
    'Dang Thi Hoa'
    """
    # d-stroke has no decomposition, so NFD alone would keep it.
    text = text.replace("\u0111", "d").replace("\u0110", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def parse_email(text: str | None) -> str:
    """Check an e-mail address as typed and return it trimmed, with a lower-case domain.

    Raises
    ------
    InvalidEmail
        ``email.empty``, ``email.not_ascii`` (a tone mark slipped in, which Telex keyboards
        do), or ``email.invalid``.

    Examples
    --------
    >>> parse_email("  Hoa.Nguyen@Gmail.COM ")
    'Hoa.Nguyen@gmail.com'
    """
    value = fold_space(nfc(text or ""))
    if not value:
        raise InvalidEmail("email.empty")
    for ch in value:
        if not ch.isascii():
            raise InvalidEmail("email.not_ascii", char=ch)
    if not _EMAIL.fullmatch(value) or len(value) > 254:
        raise InvalidEmail("email.invalid")
    local, domain = value.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


@lru_cache(maxsize=1)
def _name_parts() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


def home_parts() -> dict:
    """The seed commune's settings of ``data/citizen.yaml`` (codes, villages, commune, province)."""
    return _name_parts()["home"]


@lru_cache(maxsize=1)
def _faker():
    # Building a Faker proxy costs tens of milliseconds; one private instance re-seeded
    # on every call gives the same determinism without that cost.
    from faker import Faker

    return Faker("vi_VN")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


#: Where the default synthetic person's birth was registered: Bac Giang, whose Son Dong
#: district is now the seed commune of Bac Ninh (see ``data/citizen.yaml``).
HOME_PROVINCE_CODE = "024"


def fake_citizen(seed: int | str | None = None, province_code: str = HOME_PROVINCE_CODE,
                 today: date | None = None, *, sex: Sex | str | None = None,
                 with_email: bool | None = None) -> Citizen:
    """A synthetic adult whose CCCD, phone and e-mail all pass our own validators.

    Parameters
    ----------
    seed : int or str, optional
        The same seed gives the same person; ``None`` gives a new one each time.
    province_code : str
        Where the birth was registered (digits 1-3 of the CCCD); default 024 (Bac Giang).
        Someone born in 024 or 027 lives in a village of the seed commune (Son Dong, Bac
        Ninh), with a Tay, Nung, San Chi or Cao Lan family name about 70 % of the time.
    today : datetime.date, optional
        The day the age (18 to 75) is counted from; default ``date.today()``.
    sex : {"male", "female"}, optional
        Chosen at random when omitted.
    with_email : bool, optional
        Whether the person has an e-mail address; at random (about 60 %) when omitted.

    Examples
    --------
    >>> person = fake_citizen(seed=1, province_code="001", today=date(2025, 7, 1))
    >>> person.cccd[:3], 18 <= person.age(date(2025, 7, 1)) <= 75
    ('001', True)
    """
    place = province(province_code)
    if place is None:
        raise InvalidCCCD("cccd.unknown_province", prefix=province_code)
    today = today or date.today()
    rng = random.Random(seed)
    fake = _faker()
    fake.seed_instance(rng.getrandbits(64))

    chosen_sex = Sex(sex) if sex is not None else rng.choice([Sex.MALE, Sex.FEMALE])
    latest = _years_before(today, MIN_AGE)
    earliest = _years_before(today, MAX_AGE + 1) + timedelta(days=1)
    born = earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))

    parts = _name_parts()
    given = fake.first_name_male() if chosen_sex is Sex.MALE else fake.first_name_female()
    middle = rng.choice(parts["middle_names"][chosen_sex.value])
    local = province_code in parts["home"]["province_codes"]
    family = fake.last_name()      # drawn every time, so seeds keep the rest of the person
    if local and rng.random() < parts["local_share"]:
        family = rng.choice(parts["local_family_names"])
    full_name = nfc(f"{family} {middle} {given}")

    if local:
        home_parts = parts["home"]
        address = nfc(home_parts["address_format"].format(
            village=rng.choice(home_parts["villages"]), commune=home_parts["commune"],
            province=home_parts["province"]))
    else:
        # Someone born abroad (code 000) still lives in some province of Vietnam.
        home = place if not place.is_abroad else province(rng.choice(province_codes(include_abroad=False)))
        # commune() comes with the vi_VN address provider of recent Faker releases; older
        # ones allowed by the declared floor lack it, and a city name is the closest stand-in.
        commune = fake.commune() if hasattr(fake, "commune") else fake.city()
        address = nfc(parts["address_format"].format(
            street=fake.street_address(), commune=commune, province=home.name.vi))

    phone = rng.choice(mobile_prefixes(include_unverified=False)) + f"{rng.randrange(10 ** 7):07d}"
    cccd = make_cccd(province_code, chosen_sex, born.year, rng.randrange(10 ** 6))
    has_email = rng.random() < 0.6 if with_email is None else with_email
    email = ""
    if has_email:
        handle = ascii_fold(full_name).lower().replace(" ", "")
        email = f"{handle}{born.year % 100:02d}@{fake.free_email_domain()}"
    return Citizen(full_name=full_name, sex=chosen_sex, date_of_birth=born, cccd=cccd,
                   phone=phone, address=address, province_code=province_code, email=email)
