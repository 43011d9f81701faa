"""Property tests: whatever is typed or stored, the services logic answers with a value or
the project's own error, and NFC and NFD input give the same answer."""
from __future__ import annotations

import copy
import json
import re
import unicodedata
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from literacy_kit.errors import InputError
from literacy_kit.i18n import catalog
from literacy_kit.vneid.logic.cccd import InvalidCCCD
from literacy_kit.vneid.logic.citizen import InvalidEmail
from literacy_kit.vneid.logic.phone import InvalidPhone
from literacy_kit.services.logic.application import Application
from literacy_kit.services.logic.application_types import ApplicationError
from literacy_kit.services.logic.dates import InvalidDate, format_date, parse_date
from literacy_kit.services.logic.documents import Attachment, InvalidAttachment, check_attachment
from literacy_kit.services.logic.family import fake_family
from literacy_kit.services.logic.forms import InvalidField, parse_number, validate_field
from literacy_kit.names import InvalidName, normalize_name
from literacy_kit.services.logic.portal_address import REASONS, check_portal_address
from literacy_kit.services.logic.procedures import load_procedures

TODAY = date(2025, 7, 1)
PER_FIELD = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ERROR_CLASSES = (InvalidName, InvalidDate, InvalidField, InvalidCCCD, InvalidPhone, InvalidEmail)
CODES = {code for cls in ERROR_CLASSES
         for code in re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", cls.__doc__)}
FIELDS = [(proc.id, spec.id) for proc in load_procedures().values() for spec in proc.fields]

VIETNAMESE = ("a\u0103\u00e2bcd\u0111e\u00eaghiklmno\u00f4\u01a1pqrstu\u01b0vxy"
              "\u00e0\u00e1\u1ea3\u00e3\u1ea1\u1eb1\u1eaf\u1eb3\u1eb5\u1eb7\u1ea7\u1ea5\u1ea9\u1eab\u1ead"
              "\u00e8\u00e9\u1ebb\u1ebd\u1eb9\u1ec1\u1ebf\u1ec3\u1ec5\u1ec7\u00ec\u00ed\u1ec9\u0129\u1ecb"
              "\u00f2\u00f3\u1ecf\u00f5\u1ecd\u1ed3\u1ed1\u1ed5\u1ed7\u1ed9\u1edd\u1edb\u1edf\u1ee1\u1ee3"
              "\u00f9\u00fa\u1ee7\u0169\u1ee5\u1eeb\u1ee9\u1eed\u1eef\u1ef1\u1ef3\u00fd\u1ef7\u1ef9\u1ef5"
              "\u0110\u00c0\u00c2\u00d4\u01a0\u01af")
typed_text = st.one_of(
    st.text(),
    st.text(alphabet=VIETNAMESE + " '-\u00a0\u200b"),
    st.text(alphabet=st.characters(categories=["Nd", "Zs", "Pd", "Po", "Cf", "Mn", "Ll", "Lu"])),
    st.text(alphabet="0123456789 ./-,+@\uff10\uff15\u0660"),
)


def outcome(call, text):
    try:
        return ("value", call(text))
    except InputError as err:
        return ("error", type(err).__name__, err.code, err.params)


def assert_our_error(result):
    if result[0] == "error":
        code = result[2]
        assert code in CODES, code
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)


@pytest.mark.parametrize("proc_id, field_id", FIELDS)
@PER_FIELD
@given(text=typed_text)
def test_every_field_gives_a_value_or_our_error(proc_id, field_id, text):
    spec = load_procedures()[proc_id].field(field_id)
    check = lambda typed: validate_field(spec, typed, today=TODAY)  # noqa: E731
    composed = outcome(check, unicodedata.normalize("NFC", text))
    decomposed = outcome(check, unicodedata.normalize("NFD", text))
    assert composed == decomposed
    assert_our_error(composed)


@FAST
@given(typed_text)
def test_normalize_name(text):
    result = outcome(normalize_name, text)
    assert result == outcome(normalize_name, unicodedata.normalize("NFD", text))
    assert_our_error(result)


@FAST
@given(st.text(alphabet=VIETNAMESE + " '-\u00a0", min_size=1))
def test_a_normalised_name_is_stable(text):
    try:
        name = normalize_name(text)
    except InvalidName:
        return
    assert normalize_name(name) == name
    assert unicodedata.is_normalized("NFC", name) and "  " not in name
    assert all(word[:1].isupper() for word in name.split(" "))


@FAST
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
       st.sampled_from(["/", "-", ".", "\uff0f", " / "]), st.booleans(),
       st.sampled_from([0x30, 0xFF10, 0x660, 0x966]))
def test_any_date_written_any_way_reads_back(day, sep, pad, script):
    text = (f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}" if pad
            else f"{day.day}{sep}{day.month}{sep}{day.year}")
    text = "".join(chr(script + int(ch)) if ch.isdigit() else ch for ch in text)
    assert parse_date(text) == day
    assert parse_date(format_date(day)) == day


@FAST
@given(st.integers(min_value=0, max_value=10 ** 15), st.sampled_from(["", ".", ",", " "]))
def test_any_number_written_with_thousands_reads_back(number, sep):
    assert parse_number(f"{number:,}".replace(",", sep)) == number


@FAST
@given(st.one_of(typed_text, st.builds(lambda a, b: f"{a}://{b}", st.sampled_from(["http", "https", "ftp"]),
                                       typed_text)))
def test_check_portal_address_never_raises(text):
    verdict = check_portal_address(text)
    assert verdict == check_portal_address(unicodedata.normalize("NFD", text))
    assert verdict.reason in REASONS
    if verdict.official:
        assert verdict.host.endswith(".gov.vn") and "dichvucong" in verdict.host.split(".")


@FAST
@given(st.text(), st.integers(min_value=-10, max_value=10 ** 9), st.one_of(st.none(), st.text()))
def test_check_attachment_accepts_or_refuses(name, size, kind):
    spec = load_procedures()["newborn"].document("birth_certificate")
    try:
        check_attachment(spec, Attachment(name, size, kind))
    except InvalidAttachment as err:
        assert err.code in {"document.empty", "document.wrong_type", "document.too_large"}


class Clock:
    def __init__(self):
        self.now = datetime(2025, 7, 1, 8, 0)

    def __call__(self):
        self.now += timedelta(minutes=3)
        return self.now


FAMILY = fake_family(2, today=TODAY)
STEPS = {
    "fill_good": lambda app: app.fill(FAMILY.newborn_values()),
    "fill_bad": lambda app: app.fill({"child_name": "An 2"}),
    "attach": lambda app: app.attach("birth_certificate", Attachment("a.jpg", 1000)),
    "detach": lambda app: app.detach("birth_certificate"),
    "pay": lambda app: app.pay_fee(0),
    "submit": lambda app: app.submit(),
    "receive": lambda app: app.receive(),
    "process": lambda app: app.start_processing(),
    "ask": lambda app: app.request_info("document_unclear", "birth_certificate"),
    "ask_info": lambda app: app.request_info("information_mismatch"),
    "resubmit": lambda app: app.resubmit(),
    "complete": lambda app: app.complete(),
    "reject": lambda app: app.reject("duplicate"),
}


@FAST
@given(st.lists(st.sampled_from(sorted(STEPS)), max_size=20))
def test_any_sequence_of_steps_keeps_the_application_consistent(steps):
    app = Application("newborn", clock=Clock())
    for step in steps:
        before = app.to_dict()
        try:
            STEPS[step](app)
        except InputError:
            assert app.to_dict() == before
        assert app.status is app.last_event.status
    again = Application.from_dict(json.loads(json.dumps(app.to_dict())))
    assert again.to_dict() == app.to_dict()


def _valid_data():
    app = Application("newborn", clock=Clock())
    for step in ("fill_good", "attach", "submit", "receive", "process", "ask", "resubmit"):
        STEPS[step](app)
    return app.to_dict()


VALID = _valid_data()
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, prefix + (index,))


PATHS = [p for p in _paths(VALID) if p]


@FAST
@given(st.sampled_from(PATHS), json_values)
def test_from_dict_refuses_or_accepts_any_edit_without_crashing(path, value):
    data = copy.deepcopy(VALID)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    try:
        app = Application.from_dict(data)
    except ApplicationError as err:
        assert err.code == "application.corrupt"
    else:
        assert app.to_dict()["timeline"] == data["timeline"]
