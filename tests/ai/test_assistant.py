"""OfflineAssistant (every scenario, the flawed answer, the fallback) and the personal-data guard."""
from __future__ import annotations

import re
import unicodedata

import pytest

from literacy_kit.ai import (MAX_PROMPT_CHARS, Assistant, AssistantError, AssistantReply,
                             GuardedAssistant, OfflineAssistant, PersonalDataError, ask,
                             check_prompt, find_personal_data, mask, scenario, scenarios)
from literacy_kit.ai.logic.scenarios import fallback_text
from literacy_kit.i18n import catalog

PROMPTS = {
    "meeting_notice": ["Viết thông báo họp thôn tối thứ Bảy",
                       "viet thong bao moi hop thon",
                       "Write a notice for the village meeting"],
    "policy_summary": ["Tóm tắt chính sách này bằng lời dễ hiểu",
                       "Summarise this policy in plain words"],
    "product_honey": ["Viết mô tả sản phẩm mật ong rừng", "Write a product description for our honey"],
    "product_noodles": ["Viết mô tả sản phẩm bún gạo khô", "Describe our rice noodles for buyers"],
    "scam_warning": ["Viết bài cảnh báo lừa đảo cho nhóm Zalo của thôn",
                     "Write a scam warning for the village Zalo group"],
    "vneid_level2": ["Làm sao để nâng VNeID lên mức 2?", "How do I get VNeID level 2?"],
}


class SpyAssistant(Assistant):
    """Records what reaches it; the guard must stop personal data before this."""

    def __init__(self, redact_personal=False):
        self.redact_personal = redact_personal
        self.received: list[tuple[str, str]] = []

    def _answer(self, prompt, lang):
        self.received.append((prompt, lang))
        return AssistantReply(f"ok: {prompt}", lang, "test")


class ReplyOnly:
    """A duck-typed assistant with only ``reply``."""

    def __init__(self):
        self.received: list[str] = []

    def reply(self, prompt, lang):
        self.received.append(prompt)
        return AssistantReply("ok", lang, "duck")


def test_prompts_cover_every_scenario():
    assert sorted(PROMPTS) == sorted(s.id for s in scenarios())


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("scenario_id, prompt",
                         [(sid, p) for sid, prompts in PROMPTS.items() for p in prompts])
def test_offline_answers_each_scenario_in_both_languages(scenario_id, prompt, lang, form):
    reply = OfflineAssistant().reply(unicodedata.normalize(form, prompt), lang)
    item = scenario(scenario_id)
    assert reply.scenario == scenario_id and reply.source == "offline" and reply.lang == lang
    assert reply.text == item.answer.get(lang)
    assert reply.flawed is item.flawed
    assert reply.prompt == unicodedata.normalize("NFC", prompt)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("item", scenarios(), ids=lambda s: s.id)
def test_answers_hold_no_personal_data_and_differ_by_language(item, lang):
    assert find_personal_data(item.answer.get(lang)) == []
    assert find_personal_data(item.improved_prompt.get(lang)) == []
    assert item.answer.get("vi") != item.answer.get("en")


def test_exactly_one_answer_is_flawed():
    assert [s.id for s in scenarios() if s.flawed] == ["vneid_level2"]


@pytest.mark.parametrize("lang, claim, truth", [
    ("vi", "qua điện thoại", "trực tiếp"),
    ("en", "over the phone", "in person"),
])
def test_the_flawed_answer_says_where_it_is_wrong(lang, claim, truth):
    reply = OfflineAssistant().reply(PROMPTS["vneid_level2"][0], lang)
    assert reply.flawed and reply.flaw is not None
    flaw = reply.flaw
    assert reply.text[flaw.start:flaw.end] == flaw.quote
    assert claim in flaw.quote and "OTP" in flaw.quote
    assert truth in flaw.explanation and flaw.explanation not in reply.text
    # Confident: the answer itself carries no hedge the learner could lean on.
    assert not re.search(r"không chắc|not sure|có thể sai|might be wrong", reply.text)


def test_the_correct_answers_contradict_the_flawed_one():
    warning = scenario("scam_warning").answer
    assert "KHÔNG kích hoạt VNeID mức 2 qua điện thoại" in warning.vi
    assert "do NOT activate VNeID level 2 by phone" in warning.en


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("prompt", ["Hello", "Kể chuyện cười", "Thời tiết ngày mai thế nào?",
                                    "Tóm tắt bài này"])
def test_fallback_for_unknown_prompts(prompt, lang):
    reply = OfflineAssistant().reply(prompt, lang)
    assert reply.scenario is None and not reply.flawed and reply.flaw is None
    assert reply.text == fallback_text(lang)
    for item in scenarios():
        assert item.title.get(lang) in reply.text
    assert "{topics}" not in reply.text


def test_the_offline_assistant_is_deterministic():
    bot = OfflineAssistant()
    assert bot.reply("Viết thông báo họp thôn", "vi") == OfflineAssistant().reply(
        "Viết thông báo họp thôn", "vi")


PERSONAL = [
    ("Viết thư cho chị Hoa, SĐT 0912 345 678", ("phone",)),
    ("Số CCCD của tôi là 027203012345, STK 1903 4567 8901 Agribank", ("cccd", "bank_account")),
    ("My OTP is 483920, email hoa@example.com", ("otp", "email")),
]


@pytest.mark.parametrize("prompt, kinds", PERSONAL)
def test_the_guard_refuses_personal_data_before_the_assistant_sees_it(prompt, kinds):
    spy = SpyAssistant()
    with pytest.raises(PersonalDataError) as caught:
        spy.reply(prompt, "vi")
    with pytest.raises(PersonalDataError):
        ask(spy, prompt, "en")
    assert spy.received == []
    error = caught.value
    assert error.code == "ai.personal_data" and error.kinds == kinds
    assert isinstance(error, AssistantError) and isinstance(error, ValueError)
    assert error.params == {"kinds": ", ".join(kinds)}
    assert tuple(dict.fromkeys(f.kind.value for f in error.findings)) == kinds


@pytest.mark.parametrize("prompt, kinds", PERSONAL)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_refusal_names_the_kinds_in_the_learners_language(prompt, kinds, lang):
    with pytest.raises(PersonalDataError) as caught:
        OfflineAssistant().reply(prompt, lang)
    message = caught.value.message(lang)
    assert "{" not in message
    for kind in kinds:
        assert catalog(lang)[f"ai.kind.{kind}"] in message
    assert caught.value.message("vi") != caught.value.message("en")


@pytest.mark.parametrize("prompt, kinds", PERSONAL)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_masking_on_explicit_request(prompt, kinds, lang):
    spy = SpyAssistant()
    reply = ask(spy, prompt, lang, redact_personal=True)
    (received, received_lang), = spy.received
    assert received_lang == lang and find_personal_data(received) == []
    for kind in kinds:
        assert mask(kind, lang) in received
    assert reply.prompt == received
    masked = SpyAssistant(redact_personal=True)
    assert masked.reply(prompt, lang).prompt == received


def test_guarded_wrapper_protects_an_assistant_with_only_reply():
    inner = ReplyOnly()
    guarded = GuardedAssistant(inner)
    with pytest.raises(PersonalDataError):
        guarded.reply("SĐT 0912345678", "vi")
    assert inner.received == []
    assert guarded.reply("Xin chào", "vi").source == "duck"
    assert GuardedAssistant(inner, redact_personal=True).reply("SĐT 0912345678", "en").prompt \
        == "SĐT [PHONE]"
    assert inner.received[-1] == "SĐT [PHONE]"


@pytest.mark.parametrize("blank", ["", "   ", "\n\t", None])
def test_empty_prompt(blank):
    with pytest.raises(AssistantError) as caught:
        OfflineAssistant().reply(blank, "vi")
    assert caught.value.code == "ai.empty_prompt"


def test_too_long_prompt():
    with pytest.raises(AssistantError) as caught:
        check_prompt("a" * (MAX_PROMPT_CHARS + 1))
    assert caught.value.code == "ai.prompt_too_long"
    assert caught.value.params == {"count": MAX_PROMPT_CHARS + 1, "limit": MAX_PROMPT_CHARS}
    assert str(MAX_PROMPT_CHARS) in caught.value.message("vi")


def test_check_prompt_composes_nfd_and_trims():
    assert check_prompt(unicodedata.normalize("NFD", "  Viết thông báo ")) == "Viết thông báo"


def test_labels():
    assert OfflineAssistant().label("vi") == catalog("vi")["ai.assistant.offline"]
    assert GuardedAssistant(OfflineAssistant()).label("en") == catalog("en")["ai.assistant.offline"]
