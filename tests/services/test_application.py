"""Application: the state machine, fees, the timeline and its notifications, plain data."""
from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime, timedelta

import pytest

from literacy_kit.i18n import catalog
from literacy_kit.services.logic.application import FORMAT, Application, next_action
from literacy_kit.services.logic.application_types import (CLOSED, EVENT_CHANNELS, ApplicationError,
                                                     ApplicationStatus as S, money)
from literacy_kit.services.logic.documents import Attachment, InvalidAttachment
from literacy_kit.services.logic.family import fake_family
from literacy_kit.services.logic.forms import prefill
from literacy_kit.services.logic.procedures import get_procedure

TODAY = date(2025, 7, 1)
CODE = re.compile(r"G01\.27\.0[1-4]-[0-9]{6}-[0-9]{4}")


class Clock:
    def __init__(self):
        self.now = datetime(2025, 7, 1, 8, 0)

    def __call__(self):
        self.now += timedelta(minutes=7)
        return self.now


def assert_localized(error):
    for lang in ("vi", "en"):
        assert f"errors.{error.code}" in catalog(lang), f"{lang}: errors.{error.code} missing"
        text = error.message(lang)
        assert text and "{" not in text
        for value in error.params.values():
            assert str(value) in text
    assert error.message("vi") != error.message("en")


def newborn(sequence=1):
    family = fake_family(3, today=TODAY)
    app = Application("newborn", sequence=sequence, clock=Clock())
    app.fill(family.newborn_values())
    for doc_id, files in family.newborn_attachments().items():
        for attachment in files:
            app.attach(doc_id, attachment)
    return app


def business():
    owner = fake_family(4, today=TODAY).father
    app = Application("household_business", clock=Clock())
    app.fill({**prefill(app.procedure, owner), "business_name": "M\u1eadt ong S\u01a1n \u0110\u1ed9ng",
              "business_address": "Th\u00f4n Ph\u00fa H\u01b0ng, x\u00e3 S\u01a1n \u0110\u1ed9ng",
              "business_line": "B\u00e1n m\u1eadt ong", "capital_vnd": "50.000.000"})
    app.attach("premises_proof", Attachment("hop_dong_thue.pdf", 800_000))
    return app


PATH = {  # how to reach each status from a ready draft
    S.DRAFT: [],
    S.SUBMITTED: ["submit"],
    S.RECEIVED: ["submit", "receive"],
    S.PROCESSING: ["submit", "receive", "start_processing"],
    S.NEEDS_INFO: ["submit", "receive", "start_processing", "request_info"],
    S.COMPLETED: ["submit", "receive", "start_processing", "complete"],
    S.REJECTED: ["submit", "receive", "start_processing", "reject"],
}
ACTIONS = {
    "fill": lambda app: app.fill({"child_name": "Nguy\u1ec5n An"}),
    "attach": lambda app: app.attach("marriage_certificate", Attachment("kh.pdf", 100)),
    "detach": lambda app: app.detach("marriage_certificate"),
    "pay_fee": lambda app: app.pay_fee(0),
    "submit": lambda app: app.submit(),
    "receive": lambda app: app.receive(),
    "start_processing": lambda app: app.start_processing(),
    "request_info": lambda app: app.request_info("document_unclear", app.procedure.documents[0].id),
    "complete": lambda app: app.complete(),
    "reject": lambda app: app.reject("not_eligible"),
    "resubmit": lambda app: app.resubmit(),
}
ALLOWED = {"fill": {S.DRAFT}, "attach": {S.DRAFT}, "detach": {S.DRAFT}, "pay_fee": {S.DRAFT},
           "submit": {S.DRAFT}, "receive": {S.SUBMITTED}, "start_processing": {S.RECEIVED},
           "request_info": {S.PROCESSING}, "complete": {S.PROCESSING},
           "reject": {S.RECEIVED, S.PROCESSING}, "resubmit": {S.NEEDS_INFO}}
WRONG_STATE_CODE = {"fill": "application.already_submitted", "attach": "application.already_submitted",
                    "detach": "application.already_submitted", "pay_fee": "application.already_submitted",
                    "submit": "application.already_submitted", "receive": "application.not_submitted",
                    "start_processing": "application.not_received",
                    "request_info": "application.not_processing", "complete": "application.not_processing",
                    "reject": "application.cannot_reject", "resubmit": "application.no_info_requested"}


def reach(status, app=None):
    """Take ``app`` (a ready newborn draft by default) on to ``status``."""
    app = app or newborn()
    steps, done = PATH[status], PATH[app.status]
    if steps[:len(done)] == done:
        steps = steps[len(done):]
    for action in steps:
        ACTIONS[action](app)
    assert app.status is status
    return app


def test_the_whole_journey_of_a_newborn_application():
    app = newborn()
    assert app.status is S.DRAFT and app.file_code == "" and app.problems() == {}
    code = app.submit()
    assert CODE.fullmatch(code) and code == app.file_code and code.startswith("G01.27.01-250701-")
    app.receive()
    app.start_processing()
    app.request_info("document_unclear", "birth_certificate")
    assert app.status is S.NEEDS_INFO
    app.resubmit(attachments={"birth_certificate": [Attachment("giay_chung_sinh_ro.jpg", 900_000)]})
    assert app.status is S.SUBMITTED and app.file_code == code
    assert app.attachments["birth_certificate"] == [Attachment("giay_chung_sinh_ro.jpg", 900_000)]
    app.receive()
    app.start_processing()
    app.complete()
    assert [e.kind for e in app.timeline] == [
        "created", "submitted", "received", "processing", "needs_info", "resubmitted", "received",
        "processing", "completed"]
    assert [e.status for e in app.timeline][-1] is S.COMPLETED
    times = [e.at for e in app.timeline]
    assert times == sorted(times)


def test_file_codes_are_deterministic():
    first, second = newborn(sequence=42), newborn(sequence=42)
    assert first.submit() == second.submit() == "G01.27.01-250701-0042"
    with pytest.raises(ValueError):
        Application("newborn", sequence=0)
    with pytest.raises(ValueError):
        Application("newborn", sequence=10_000)


ILLEGAL = [(status, action) for status in S for action in ACTIONS if status not in ALLOWED[action]]


@pytest.mark.parametrize("status, action", ILLEGAL)
def test_every_illegal_step_is_refused_and_changes_nothing(status, action):
    app = reach(status)
    before = app.to_dict()
    with pytest.raises(ApplicationError) as caught:
        ACTIONS[action](app)
    expected = "application.closed" if status in CLOSED else WRONG_STATE_CODE[action]
    assert caught.value.code == expected
    assert app.to_dict() == before
    assert_localized(caught.value)


@pytest.mark.parametrize("status, action, after", [
    (S.RECEIVED, "reject", S.REJECTED), (S.PROCESSING, "reject", S.REJECTED),
    (S.PROCESSING, "complete", S.COMPLETED), (S.NEEDS_INFO, "resubmit", S.SUBMITTED),
])
def test_legal_steps(status, action, after):
    app = reach(status)
    ACTIONS[action](app)
    assert app.status is after


def test_submit_lists_every_problem_and_changes_nothing():
    app = Application("newborn", clock=Clock())
    app.fill({"child_name": "An 2", "child_sex": "n\u1eef"})
    before = app.to_dict()
    with pytest.raises(ApplicationError) as caught:
        app.submit()
    error = caught.value
    assert error.code == "application.invalid"
    assert error.problems["child_name"].code == "name.digits"
    assert error.problems["birth_certificate"].code == "document.missing"
    assert "child_sex" not in error.problems
    assert error.params == {"count": len(error.problems)}
    assert app.to_dict() == before and app.file_code == ""
    assert_localized(error)


def test_draft_editing():
    app = newborn()
    app.fill({"father_name": None, "father_cccd": "", "father_birth_date": ""})
    assert "father_name" not in app.values
    with pytest.raises(ApplicationError) as caught:
        app.fill({"shoe_size": "42"})
    assert (caught.value.code, caught.value.params) == ("application.unknown_field", {"field": "shoe_size"})
    with pytest.raises(InvalidAttachment) as caught:
        app.attach("photo_of_cat", Attachment("cat.jpg", 10))
    assert caught.value.code == "document.unknown"
    with pytest.raises(InvalidAttachment) as caught:
        app.attach("birth_certificate", Attachment("video.mp4", 10))
    assert caught.value.code == "document.wrong_type"
    assert len(app.attachments["birth_certificate"]) == 1
    app.detach("birth_certificate")
    assert next_action(app) == "services.next.attach_documents"


def test_the_fee_is_paid_exactly_once_before_submitting():
    app = business()
    fee = app.procedure.fee_vnd
    assert next_action(app) == "services.next.pay_fee"
    with pytest.raises(ApplicationError) as caught:
        app.submit()
    assert (caught.value.code, caught.value.params) == ("application.fee_unpaid", {"fee": money(fee)})
    for wrong in (fee - 1, fee * 2, "22.000", 0, 100000.0, True):
        with pytest.raises(ApplicationError) as caught:
            app.pay_fee(wrong)
        assert caught.value.code == "application.wrong_amount"
        assert caught.value.params["expected"] == money(fee)
        assert_localized(caught.value)
    assert app.fee_paid == 0 and [e.kind for e in app.timeline] == ["created"]
    app.pay_fee(money(fee))
    assert app.fee_paid == fee and app.fee_due == 0
    with pytest.raises(ApplicationError) as caught:
        app.pay_fee(fee)
    assert caught.value.code == "application.already_paid"
    assert next_action(app) == "services.next.submit"
    app.submit()
    assert [e.kind for e in app.timeline] == ["created", "fee_paid", "submitted"]


def test_a_free_procedure_takes_no_money():
    app = newborn()
    with pytest.raises(ApplicationError) as caught:
        app.pay_fee(22_000)
    assert caught.value.code == "application.no_fee"
    assert_localized(caught.value)


@pytest.mark.parametrize("reason, document, code", [
    ("lost_in_the_post", None, "application.unknown_reason"),
    (None, None, "application.unknown_reason"),
    ("document_unclear", "photo_of_cat", "application.unknown_document"),
    ("document_unclear", None, "application.reason_needs_document"),
    ("information_mismatch", "birth_certificate", "application.reason_needs_document"),
])
def test_request_info_needs_a_known_reason(reason, document, code):
    app = reach(S.PROCESSING)
    with pytest.raises(ApplicationError) as caught:
        app.request_info(reason, document)
    assert caught.value.code == code and app.status is S.PROCESSING
    assert_localized(caught.value)


def test_reject_needs_a_reason_without_a_document():
    app = reach(S.PROCESSING)
    with pytest.raises(ApplicationError) as caught:
        app.reject("document_unclear")
    assert caught.value.code == "application.reason_needs_document"
    app.reject("duplicate")
    assert app.last_event.params["reason"] == "duplicate"


def test_resubmit_with_problems_changes_nothing():
    app = reach(S.NEEDS_INFO)
    before = app.to_dict()
    with pytest.raises(ApplicationError) as caught:
        app.resubmit({"child_name": "B\u00e9 2"}, {"birth_certificate": []})
    assert set(caught.value.problems) == {"child_name", "birth_certificate"}
    assert app.to_dict() == before
    with pytest.raises(ApplicationError):
        app.resubmit({"shoe_size": "42"})
    app.resubmit({"child_name": "nguy\u1ec5n minh kh\u00f4i"})
    assert app.values["child_name"] == "nguy\u1ec5n minh kh\u00f4i"


@pytest.mark.parametrize("setup, expected", [
    (lambda: Application("newborn", clock=Clock()), "services.next.fix_form"),
    (lambda: (lambda a: (a.detach("birth_certificate"), a)[1])(newborn()), "services.next.attach_documents"),
    (lambda: business(), "services.next.pay_fee"),
    (lambda: newborn(), "services.next.submit"),
    (lambda: reach(S.SUBMITTED), "services.next.wait"),
    (lambda: reach(S.RECEIVED), "services.next.wait"),
    (lambda: reach(S.PROCESSING), "services.next.wait"),
    (lambda: reach(S.NEEDS_INFO), "services.next.add_document"),
    (lambda: (lambda a: (a.request_info("information_mismatch"), a)[1])(reach(S.PROCESSING)),
     "services.next.provide_info"),
    (lambda: reach(S.COMPLETED), "services.next.collect_result"),
    (lambda: reach(S.REJECTED), "services.next.read_reason"),
])
def test_next_action(setup, expected):
    assert next_action(setup()) == expected
    for lang in ("vi", "en"):
        assert expected in catalog(lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_timeline_texts_and_notifications(lang):
    app = business()
    app.pay_fee(app.procedure.fee_vnd)
    reach(S.NEEDS_INFO, app)
    app.resubmit()
    reach(S.REJECTED, app)
    code = app.file_code
    for event in app.timeline:
        text = event.text(lang)
        assert text and "{" not in text and event.key in catalog(lang)
        if event.kind not in ("created", "fee_paid"):
            assert code in text
        notes = event.notifications
        assert tuple(n.channel for n in notes) == EVENT_CHANNELS[event.kind]
        for note in notes:
            message = note.text(lang)
            assert note.key in catalog(lang) and message and "{" not in message
            assert note.sender
            if note.channel == "sms":
                assert message.isascii(), message
                assert catalog(lang)[note.key].isascii()     # written without tone marks
            if event.kind != "fee_paid":
                assert code in message
    needs_info = [e for e in app.timeline if e.kind == "needs_info"][0]
    label = app.procedure.document("premises_proof").label.get(lang)
    assert label in needs_info.text(lang)


def test_every_notification_key_exists():
    for kind, channels in EVENT_CHANNELS.items():
        assert f"services.event.{kind}" in catalog("vi")
        for channel in channels:
            assert f"services.notify.{channel}.{kind}" in catalog("vi")


@pytest.mark.parametrize("status", list(S))
def test_plain_data_round_trip(status):
    app = reach(status)
    data = json.loads(json.dumps(app.to_dict()))
    assert data["format"] == FORMAT
    again = Application.from_dict(data, clock=Clock())
    assert again.to_dict() == app.to_dict()
    assert again.status is app.status and again.file_code == app.file_code
    assert [e.text("en") for e in again.timeline] == [e.text("en") for e in app.timeline]
    assert next_action(again) == next_action(app)


def test_round_trip_with_a_fee_and_a_resubmission():
    app = business()
    app.pay_fee("100.000")
    reach(S.NEEDS_INFO, app)
    app.resubmit({"employees": "3"}, {"members_minutes": [Attachment("bien_ban.docx", 20_000)]})
    reach(S.COMPLETED, app)
    again = Application.from_dict(json.loads(json.dumps(app.to_dict())))
    assert again.to_dict() == app.to_dict() and again.fee_paid == 100_000


def _edit(path, value=None, delete=False):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        if delete:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return data
    return change


def _drop_event(index):
    def change(data):
        del data["timeline"][index]
        return data
    return change


def _swap_events(a, b):
    def change(data):
        events = data["timeline"]
        events[a], events[b] = events[b], events[a]
        return data
    return change


@pytest.mark.parametrize("change, where", [
    (lambda d: [], "(top)"),
    (lambda d: None, "(top)"),
    (_edit(["extra"], 1), "(top)"),
    (_edit(["values"], delete=True), "(top)"),
    (_edit(["format"], "something/2"), "format"),
    (_edit(["procedure"], "passport"), "procedure"),
    (_edit(["procedure"], ["newborn"]), "procedure"),
    (_edit(["sequence"], "1"), "sequence"),
    (_edit(["sequence"], True), "sequence"),
    (_edit(["sequence"], 0), "sequence"),
    (_edit(["values"], "child_name=An"), "values"),
    (_edit(["values", "shoe_size"], "42"), "values"),
    (_edit(["values", "child_name"], 7), "values"),
    (_edit(["values", "child_name"], ""), "values"),
    (_edit(["values", "child_name"], "An 2"), "timeline/1"),
    (_edit(["attachments"], []), "attachments"),
    (_edit(["attachments", "photo_of_cat"], []), "attachments/photo_of_cat"),
    (_edit(["attachments", "birth_certificate"], {"name": "a.jpg"}), "attachments/birth_certificate"),
    (_edit(["attachments", "birth_certificate"], [{"name": "a.exe", "size_bytes": 3}]), "attachments/birth_certificate"),
    (_edit(["attachments", "birth_certificate"], [{"name": "a.jpg", "size_bytes": "3"}]), "attachments/birth_certificate"),
    (_edit(["attachments", "birth_certificate"], []), "timeline/1"),
    (_edit(["status"], "rejected"), "status"),
    (_edit(["status"], "approved"), "status"),
    (_edit(["file_code"], "G01.27.01-250701-9999"), "file_code"),
    (_edit(["fee_paid"], 100), "fee_paid"),
    (_edit(["timeline"], []), "timeline"),
    (_edit(["timeline"], "created"), "timeline"),
    (_edit(["timeline", 0, "kind"], "submitted"), "timeline/0/kind"),
    (_edit(["timeline", 2, "kind"], "teleported"), "timeline/2"),
    (_edit(["timeline", 2, "kind"], "created"), "timeline/2"),
    (_edit(["timeline", 2, "at"], "yesterday"), "timeline/2"),
    (_edit(["timeline", 2, "at"], 5), "timeline/2"),
    (_edit(["timeline", 2, "at"], "2025-06-01T08:00:00"), "timeline/2"),
    (_edit(["timeline", 2, "at"], "2025-07-01T10:00:00+07:00"), "timeline/2"),
    (_edit(["timeline", 2, "params"], None), "timeline/2"),
    (_edit(["timeline", 2, "params", "code"], "G01.27.01-250701-0002"), "timeline"),
    (_edit(["timeline", 2, "status"], "completed"), "timeline"),
    (_edit(["timeline", 2, "extra"], 1), "timeline/2"),
    (_edit(["timeline", 4, "params", "reason"], "bribe"), "timeline/4"),
    (_edit(["timeline", 4, "params", "document"], "photo_of_cat"), "timeline/4"),
    (_drop_event(2), "timeline/2"),
    (_drop_event(-1), "status"),
    (_swap_events(2, 3), "timeline/3"),                  # the times go backwards there
])
def test_tampered_data_is_refused(change, where):
    app = reach(S.NEEDS_INFO)
    app.resubmit()
    reach(S.COMPLETED, app)
    data = change(json.loads(json.dumps(app.to_dict())))
    with pytest.raises(ApplicationError) as caught:
        Application.from_dict(data)
    assert (caught.value.code, caught.value.params) == ("application.corrupt", {"where": where})
    assert_localized(caught.value)


def test_a_tampered_payment_is_refused():
    app = business()
    app.pay_fee(app.procedure.fee_vnd)
    app.submit()
    data = app.to_dict()
    for amount, where in ((22_000, "timeline/1"), ("100.000", "timeline")):
        broken = copy.deepcopy(data)
        broken["timeline"][1]["params"]["amount"] = amount
        with pytest.raises(ApplicationError) as caught:
            Application.from_dict(broken)
        assert caught.value.params == {"where": where}
    unpaid = copy.deepcopy(data)
    del unpaid["timeline"][1]
    unpaid["fee_paid"] = 0
    with pytest.raises(ApplicationError) as caught:
        Application.from_dict(unpaid)
    assert caught.value.params == {"where": "timeline/1"}


def test_every_documented_code_has_both_languages():
    for code in re.findall(r"``([a-z0-9_]+\.[a-z0-9_]+)``", ApplicationError.__doc__):
        for lang in ("vi", "en"):
            assert f"errors.{code}" in catalog(lang)


def test_procedure_object_or_id():
    assert Application(get_procedure("newborn")).procedure is get_procedure("newborn")
    assert "newborn draft" in repr(Application("newborn"))
