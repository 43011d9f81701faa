"""find_personal_data and redact: every way people write personal data, and what is not."""
from __future__ import annotations

import unicodedata

import pytest

from literacy_kit.ai import DataKind, find_personal_data, mask, redact
from literacy_kit.i18n import catalog


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(f.kind.value, nfc(f.text)) for f in find_personal_data(text)]


PHONES = [
    "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "(091) 234 5678",
    "[091] 234-5678", "+84 912 345 678", "+84912345678", "+84 (0) 912 345 678",
    "+84-91-234-5678", "0084 912 345 678", "0084912345678", "84 912 345 678",
    "0987 654 321", "0168 123 4567", "0912\u00a0345\u00a0678", "0912\u2013345\u2013678",
    "\uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",
    "(+84) 912 345 678",
]

CCCDS = ["027203012345", "027 203 012 345", "027.203.012.345", "027-2-03-012345",
         "027 2 03 012345", "001187000123"]

EMAILS = ["hoa.nguyen@gmail.com", "lan_2024+zalo@example.com.vn", "Thu.Ha@Yahoo.COM"]

# (sentence, the number in it)
BANK_ACCOUNTS = [
    ("STK 1903 4567 8901", "1903 4567 8901"),
    ("STK: 0123456789123 Vietcombank", "0123456789123"),
    ("Số tài khoản 1234567890 tại Agribank", "1234567890"),
    ("số tài khoản: 123-456-789-0 BIDV", "123-456-789-0"),
    ("Chuyển khoản vào TK 19034567890123 Techcombank nhé", "19034567890123"),
    ("1234567890 - VietinBank - Nguyen Van A", "1234567890"),
    ("MB 0123456789999", "0123456789999"),
    ("ACB 12345678", "12345678"),
    ("Please send it to account number 12345678.", "12345678"),
    ("so tai khoan 123456789 nhe", "123456789"),
    ("stk 123456789 agribank", "123456789"),
    ("STK (1234567890)", "1234567890"),
    ("Tài khoản của tôi: 9704 1500 1234 5678", "9704 1500 1234 5678"),
    ("Agribank chi nhánh Sơn Động, STK 2702 2050 12345", "2702 2050 12345"),
]

OTPS = [
    ("Mã OTP của bạn là 483920", "483920"),
    ("OTP: 4839", "4839"),
    ("483920 là mã xác thực của bạn, không chia sẻ cho ai", "483920"),
    ("483920 la ma xac thuc giao dich cua Quy khach", "483920"),
    ("Mã xác nhận: 48 39 20", "48 39 20"),
    ("ma OTP 483920", "483920"),
    ("Your verification code is 73921", "73921"),
    ("code 123456", "123456"),
    ("Mã xác minh 12345678", "12345678"),
    ("Mã OTP (hiệu lực 5 phút): 483920", "483920"),
    ("Your Vietcombank OTP is 483920", "483920"),
    ("Chị ơi em gửi nhầm mã OTP, chị đọc lại giúp em: 559 013", "559 013"),
]

NOT_PERSONAL = [
    "Giá 500.000 đồng",
    "Chuyển 2,5 triệu vào tài khoản",
    "1.200.000đ",
    "Tài khoản nhận 1.200.000đ",
    "Số tiền 500.000 đồng đã chuyển vào tài khoản",
    "Tài khoản nhận 2,5 triệu",
    "STK của em nhận 1.200.000 rồi nhé",
    "ngày 12/03/2024",
    "Mã OTP hết hạn lúc 14:30 ngày 12/03/2024",
    "Mã OTP có hiệu lực trong 5 phút, gửi năm 2025",
    "Đây là số tài khoản, hạn cuối 12.03.2024",
    "năm 2025",
    "Năm 2025 xã có 33 thôn và hơn 24.000 người",
    "Mật ong giá 250.000đ/chai 500 ml",
    "Mua 200 kg bún, 1500 gói",
    "Họp lúc 19h30 tối thứ Bảy",
    "Dân số 24000 người",
    "Đường dây nóng 156 hoặc 5656",
    "Quyết định 757/QĐ-BKHCN ngày 29/4/2025",
    "Một trang trại chuối thu hơn 3 tỷ đồng năm 2024",
    "Mã hồ sơ 000.00.12.H05-250312-0001",
    "Mã đơn hàng 999203012345",
    "Tổng cộng 1500000 vào tài khoản",
    "Vietcombank giá 1,200,000 VND",
    "OTP code 2024-2025 season",
    "Thanh toán bằng mã VietQR, tài khoản VNeID mức 2",
    "Tài khoản: giá 150000",
    "",
    "   ",
]


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("phone", PHONES)
def test_phone_in_every_shape(phone, form):
    text = form(f"Gọi cho tôi: {phone} nhé")
    assert kinds_and_texts(text) == [("phone", nfc(phone))]


def test_phone_findings_are_confirmed_by_parse_phone():
    finding, = find_personal_data("SĐT 0912 345 678")
    assert finding.confirmed and finding.kind is DataKind.PHONE and finding.kind == "phone"


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("number", CCCDS)
@pytest.mark.parametrize("sentence", ["Số CCCD của tôi là {}.", "Tôi là {} ạ", "{}"])
def test_cccd_with_or_without_a_keyword(number, sentence, form):
    findings = find_personal_data(form(sentence.format(number)))
    assert [(f.kind, nfc(f.text), f.confirmed) for f in findings] == [
        (DataKind.CCCD, number, True)]


@pytest.mark.parametrize("sentence, number", [
    ("CCCD: 999203012345", "999203012345"),          # unknown province code
    ("Số định danh 027299012345", "027299012345"),   # birth year 2099
    ("CMND 123456789", "123456789"),                 # old 9-digit ID card
    ("căn cước công dân số 123 456 789 012", "123 456 789 012"),
    ("ID 012345678901", "012345678901"),
])
def test_rule_breaking_id_next_to_an_id_word_is_a_probable_cccd(sentence, number):
    findings = find_personal_data(sentence)
    assert [(f.kind.value, f.text, f.confirmed) for f in findings] == [("cccd", number, False)]


def test_rule_breaking_twelve_digits_alone_are_not_an_id():
    assert find_personal_data("Mã đơn hàng 999203012345") == []
    assert find_personal_data("Số 027299012345") == []


@pytest.mark.parametrize("sentence, number", [
    ("SĐT nhà: 024 3825 1234", "024 3825 1234"),      # landline
    ("Điện thoại 0123 456 789", "0123 456 789"),      # unknown prefix
    ("Zalo: +1 415 555 0100", "+1 415 555 0100"),     # foreign number, written with +
])
def test_probable_phone_numbers(sentence, number):
    findings = find_personal_data(sentence)
    assert [(f.kind.value, f.text, f.confirmed) for f in findings] == [("phone", number, False)]


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("email", EMAILS)
def test_email(email, form):
    text = form(f"Gửi về địa chỉ {email}, cảm ơn.")
    assert kinds_and_texts(text) == [("email", email)]


@pytest.mark.parametrize("not_an_email", ["hoa@", "@gmail.com", "hoa@gmail", "hoa @ gmail . com",
                                          "a@b.c", "@@", "hoa@.com"])
def test_not_an_email(not_an_email):
    assert [f for f in find_personal_data(not_an_email) if f.kind == "email"] == []


@pytest.mark.parametrize("form", [nfc, nfd])
def test_an_address_with_a_tone_mark_is_flagged_whole_but_not_confirmed(form):
    text = form("email: hòa.nguyễn@gmail.com")
    finding, = find_personal_data(text)
    assert (finding.kind, nfc(finding.text), finding.confirmed) == ("email", "hòa.nguyễn@gmail.com", False)
    assert text[finding.start:finding.end] == finding.text


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("sentence, number", BANK_ACCOUNTS)
def test_bank_account_next_to_banking_words(sentence, number, form):
    assert kinds_and_texts(form(sentence)) == [("bank_account", number)]


def test_account_numbers_without_banking_words_are_left_alone():
    assert find_personal_data("Mã số 1903 4567 8901 của lô hàng") == []


def test_a_phone_number_used_as_account_number_is_reported_as_an_account():
    assert kinds_and_texts("STK 0912345678 MB") == [("bank_account", "0912345678")]


def test_an_id_word_nearer_than_a_banking_word_keeps_the_cccd():
    assert kinds_and_texts("Tài khoản VNeID của bạn là 027203012345") == [("cccd", "027203012345")]


def test_only_the_nearest_number_after_a_word_takes_its_context():
    assert kinds_and_texts("STK 1234567890, hẹn 123456789 người") == [("bank_account", "1234567890")]


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("sentence, number", OTPS)
def test_otp_next_to_code_words(sentence, number, form):
    assert kinds_and_texts(form(sentence)) == [("otp", number)]


@pytest.mark.parametrize("form", [nfc, nfd])
@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_amounts_dates_years_prices_and_times_are_not_personal(text, form):
    assert find_personal_data(form(text)) == []


def test_old_and_new_banking_phrases_with_odd_spacing():
    text = "Số\u00a0 tài   khoản:\t1234567890"
    assert kinds_and_texts(text) == [("bank_account", "1234567890")]


MIXED = ("Chị Hoa (CCCD 027 203 012 345, SĐT +84 912 345 678, email hoa.nguyen@gmail.com) "
         "nhờ chuyển 500.000 đồng vào STK 1903 4567 8901 Agribank ngày 12/03/2024; "
         "mã OTP 483920.")
MIXED_EXPECTED = [("cccd", "027 203 012 345"), ("phone", "+84 912 345 678"),
                  ("email", "hoa.nguyen@gmail.com"), ("bank_account", "1903 4567 8901"),
                  ("otp", "483920")]


@pytest.mark.parametrize("form", [nfc, nfd])
def test_offsets_index_the_given_text(form):
    text = form(MIXED)
    findings = find_personal_data(text)
    assert [(f.kind.value, nfc(f.text)) for f in findings] == MIXED_EXPECTED
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text
    positions = [(f.start, f.end) for f in findings]
    assert positions == sorted(positions)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(positions, positions[1:]))


def test_nfd_offsets_differ_from_nfc_offsets_but_point_at_the_same_text():
    composed, decomposed = nfc("Số điện thoại: 0912 345 678"), nfd("Số điện thoại: 0912 345 678")
    a, = find_personal_data(composed)
    b, = find_personal_data(decomposed)
    assert b.start > a.start and a.text == b.text == "0912 345 678"


def test_overlapping_candidates_merge_into_one_finding():
    text = "Mail: hoa.0912345678@gmail.com"
    assert kinds_and_texts(text) == [("email", "hoa.0912345678@gmail.com")]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("form", [nfc, nfd])
def test_redact_masks_every_finding(lang, form):
    text = form(MIXED)
    masked = redact(text, lang)
    assert find_personal_data(masked) == []
    for kind, _ in MIXED_EXPECTED:
        assert mask(kind, lang) in masked
    assert nfc("500.000 đồng") in nfc(masked) and "12/03/2024" in masked
    assert "0912" not in masked and "483920" not in masked and "@" not in masked


def test_redact_labels_by_language():
    assert redact("SĐT 0912345678", "vi") == "SĐT [SĐT]"
    assert redact("Phone 0912345678", "en") == "Phone [PHONE]"


def test_redact_keeps_text_without_personal_data():
    assert redact("Giá 500.000 đồng, ngày 12/03/2024") == "Giá 500.000 đồng, ngày 12/03/2024"
    assert redact("") == ""


def test_a_label_next_to_a_left_over_number_is_masked_again():
    # "[STK]" is itself a banking word: the second number becomes an account once the first is masked.
    text = "STK 1234567890 hoặc 9876543210"
    assert find_personal_data(redact(text)) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", list(DataKind))
def test_every_kind_has_a_label_and_a_mask_without_digits(kind, lang):
    assert f"ai.kind.{kind.value}" in catalog(lang)
    label = mask(kind, lang)
    assert label.startswith("[") and label.endswith("]")
    assert not any(ch.isdigit() or ch == "@" for ch in label)
    assert kind.label(lang) and "{" not in kind.label(lang)


@pytest.mark.parametrize("text, expected", [
    ("SĐT 0912345678 0987654321", [("phone", "0912345678"), ("phone", "0987654321")]),
    ("Gọi 0912 345 678 - 0987 654 321", [("phone", "0912 345 678"), ("phone", "0987 654 321")]),
    ("Nộp 1.200.000 027.203.012.345", [("cccd", "027.203.012.345")]),
    ("12 0912345678", [("phone", "0912345678")]),
])
def test_numbers_written_side_by_side_are_told_apart(text, expected):
    assert kinds_and_texts(text) == expected


@pytest.mark.parametrize("text, account", [
    ("STK 0451 0002 3456 7 Vietcombank", "0451 0002 3456 7"),
    ("số tài khoản: 0451 0002 3456 7", "0451 0002 3456 7"),
    ("STK 0451.0002.3456.7 tại Agribank", "0451.0002.3456.7"),
])
def test_a_grouped_account_that_starts_like_an_id_is_masked_whole(text, account):
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [(DataKind.BANK_ACCOUNT, account)]
    assert not any(ch.isdigit() for ch in redact(text))


def test_a_count_after_an_account_is_not_part_of_it():
    findings = find_personal_data("STK 0451 0002 3456 7 người nhận")
    assert [f.text for f in findings] == ["0451 0002 3456"]
