"""PhoneFrame: a generic mock phone with a simulation badge that hosts any widget."""
from __future__ import annotations

import ipywidgets as w
import pytest

from literacy_kit.content import Localized
from literacy_kit.core import ChoiceQuestion, PhoneFrame
from literacy_kit.i18n import t
from literacy_kit.testing import find_one

LANGS = ("vi", "en")
TITLE = Localized("Dich vu vi", "Services en")


@pytest.mark.parametrize("lang", LANGS)
def test_parts_and_texts(keep, lang):
    body = w.HTML("screen")
    phone = keep(PhoneFrame(TITLE, body, lang=lang))
    assert phone.layout.width == "360px"
    assert TITLE.get(lang) in find_one(phone, css="lk-phone-title").value
    assert find_one(phone, css="lk-phone-badge").value == t("core.phone.simulation", lang)
    assert find_one(phone, css="lk-phone-note").value == t("core.phone.note", lang)
    assert find_one(phone, css="lk-phone-clock").value == phone.clock
    assert find_one(phone, css="lk-phone-status")
    assert find_one(phone, css="lk-phone-body").children == (body,)
    assert phone.content is body


def test_badge_wording():
    assert t("core.phone.simulation", "en") == "SIMULATION"
    assert t("core.phone.simulation", "vi") == "M\u00d4 PH\u1eceNG"


def test_show_replaces_body_and_passes_language(keep, demo):
    phone = keep(PhoneFrame("Plain title", None, lang="en"))
    assert phone.content is None
    question = keep(ChoiceQuestion(demo.questions["otp_call"], lang="vi"))
    phone.show(question)
    assert phone.content is question and question.lang == "en"
    phone.show(w.HTML("other"))
    assert len(phone.body.children) == 1 and phone.content is not question
    assert find_one(phone, css="lk-phone-title").value == "<b>Plain title</b>"


def test_language_switch_relabels_frame_and_hosted_view(keep, demo):
    question = keep(ChoiceQuestion(demo.questions["otp_call"]))
    phone = keep(PhoneFrame(TITLE, question, lang="vi"))
    phone.lang = "en"
    assert find_one(phone, css="lk-phone-badge").value == "SIMULATION"
    assert TITLE.en in find_one(phone, css="lk-phone-title").value
    assert question.lang == "en"


def test_title_and_clock_are_live_traits(keep):
    phone = keep(PhoneFrame(TITLE, lang="en"))
    phone.title = Localized("A", "B")
    phone.clock = "14:05"
    assert find_one(phone, css="lk-phone-title").value == "<b>B</b>"
    assert find_one(phone, css="lk-phone-clock").value == "14:05"
