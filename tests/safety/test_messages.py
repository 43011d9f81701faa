"""assess_message: every warning sign with the words that raised it, in both languages,
with or without tone marks, NFC or NFD; genuine messages stay unflagged."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.text import strip_marks
from literacy_kit.errors import InputError
from literacy_kit.safety import MESSAGE_FLAGS, assess_message

FORMS = {
    "nfc": lambda text: unicodedata.normalize("NFC", text),
    "nfd": lambda text: unicodedata.normalize("NFD", text),
    "no_marks": strip_marks,
}

CASES = [
    ("asks_otp", "Em đọc giúp chị mã OTP vừa gửi nhầm nhé.", "đọc giúp"),
    ("asks_otp", "Please read me the code you just got.", "read"),
    ("asks_money", "Cho anh mượn 5 triệu, chiều trả.", "mượn"),
    ("asks_money", "Pay a small fee to get your parcel.", "fee"),
    ("link", "Xem chi tiết tại vneid-gov.top", "vneid-gov.top"),
    ("urgency", "Phải xử lý ngay lập tức.", "ngay lập tức"),
    ("urgency", "Do it immediately.", "immediately"),
    ("threat", "Tài khoản sẽ bị khóa.", "bị khóa"),
    ("threat", "Your power will be cut off.", "cut off"),
    ("install_app", "Anh cài ứng dụng này giúp em.", "cài ứng dụng"),
    ("install_app", "Please install this app.", "install"),
    ("prize", "Chúc mừng bạn trúng thưởng.", "trúng thưởng"),
    ("prize", "You won a prize!", "prize"),
    ("secrecy", "Chuyện này phải giữ bí mật.", "bí mật"),
    ("secrecy", "Keep this between us.", "Keep this between us"),
    ("easy_money", "Việc nhẹ lương cao, làm tại nhà.", "việc nhẹ lương cao"),
    ("easy_money", "Earn a commission for each like.", "commission"),
]


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("flag, text, word", CASES)
def test_each_flag_points_at_its_words(flag, text, word, form):
    message = FORMS[form](text)
    report = assess_message(message)
    assert flag in report.flags
    spans = report.triggers_of(flag)
    assert spans
    for trigger in spans:
        assert message[trigger.start:trigger.end] == trigger.text
    wanted = FORMS["nfc"](FORMS[form](word)).casefold()
    assert any(unicodedata.normalize("NFC", tr.text).casefold() == wanted for tr in spans)


@pytest.mark.parametrize("text", [
    "Mã OTP của Quý khách là 482913. Tuyệt đối KHÔNG cung cấp mã OTP cho bất kỳ ai.",
    "Ma OTP cua ban la 482913. Khong chia se ma nay cho ai.",
    "Your OTP is 482913. Never share this code with anyone.",
    "Do not read this code to anyone: 482913.",
])
def test_a_genuine_otp_message_is_not_asking_for_it(text):
    report = assess_message(text)
    assert "asks_otp" not in report.flags and not report.suspicious


def test_if_not_is_a_threat_not_a_warning():
    report = assess_message("Nếu không chuyển khoản ngay, tài khoản sẽ bị khóa.")
    assert {"asks_money", "threat"} <= set(report.flags) and report.suspicious


def test_a_question_particle_does_not_negate_the_request():
    assert "asks_money" in assess_message("Em có tiền không, cho anh mượn 10 triệu.").flags


def test_an_official_link_alone_is_not_suspicious():
    report = assess_message("Nộp hồ sơ tại https://dichvucong.gov.vn nhé.")
    assert report.flags == () and not report.suspicious
    assert report.links[0].official


def test_one_official_and_one_fake_link():
    report = assess_message("Trang thật dichvucong.gov.vn, trang giả dichvucong-gov.vn")
    assert [tr.text for tr in report.triggers_of("link")] == ["dichvucong-gov.vn"]


@pytest.mark.parametrize("flags, suspicious", [
    (("asks_otp",), True), (("install_app",), True), (("link",), True),
    (("asks_money",), False), (("urgency",), False), (("asks_money", "urgency"), True),
])
def test_the_suspicious_rule(flags, suspicious):
    from literacy_kit.safety.logic.messages import MessageReport

    assert MessageReport("x", None, flags).suspicious is suspicious


def test_marked_text_is_read_with_its_marks():
    # A day is not "at once" and "use" is not "don't" when the marks are there.
    assert assess_message("Họp vào ngày mai, nhớ dùng khẩu trang.").flags == ()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explanations_quote_the_words_and_note_the_sender(lang):
    report = assess_message("Agribank: diem thuong het han hom nay, doi qua tai agri-qua.top",
                            sender="Agribank")
    texts = report.explanations(lang)
    assert len(texts) == len(report.flags) + 1
    assert "agri-qua.top" in texts[report.flags.index("link")]
    assert "Agribank" in texts[-1]
    assert not any(text.startswith("safety.") for text in texts)


def test_flags_come_in_the_documented_order():
    report = assess_message("Giữ bí mật! Trúng thưởng, nộp phí gấp, đọc mã OTP cho em, cài app.")
    assert report.flags == tuple(f for f in MESSAGE_FLAGS if f in report.flags)
    assert len(report.flags) >= 6


@pytest.mark.parametrize("text", ["", "   ", None, "\n\t"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_empty_message(text, lang):
    with pytest.raises(InputError) as info:
        assess_message(text)
    assert info.value.code == "message.empty"
    assert not info.value.message(lang).startswith("errors.")
