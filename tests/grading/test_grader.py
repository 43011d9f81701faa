"""The Grader that test cells call: prints Vietnamese, returns points, never raises."""
from __future__ import annotations

import pytest

from literacy_kit.grading import AnswerStore, Grader, answers_filename
from literacy_kit.grading import checks

ORDER = ["open_register", "enter_numbers", "scan_card", "check_info", "portrait", "confirm"]


@pytest.fixture
def store(folder):
    return AnswerStore.for_exercise("vneid")


def test_points_and_message(store, capsys):
    store.set("level1_steps", {"placed": ORDER[:2] + ORDER[3:4] + ORDER[2:3] + ORDER[4:]})
    assert Grader("vneid").ordering("level1_steps", ORDER, points=3) == 2.0
    out, err = capsys.readouterr()
    assert out == "Có 4/6 bước ở đúng vị trí. Điểm: 2/3.\n" and err == ""


def test_language_from_parameter_or_environment(store, capsys, monkeypatch):
    Grader("vneid", lang="en").ordering("level1_steps", ORDER, points=3)
    monkeypatch.setenv("LK_GRADING_LANG", "en")
    Grader("vneid").picks("invalid_ids", ["n2"], points=4)
    assert capsys.readouterr().out == "No answer yet. Points: 0/3.\nNo answer yet. Points: 0/4.\n"


def test_reads_the_file_at_each_call(store, capsys):
    grader = Grader("vneid")
    assert grader.picks("invalid_ids", ["n2", "n4"], points=4) == 0.0
    store.set("invalid_ids", {"selected": ["n2", "n4"]})
    assert grader.picks("invalid_ids", ["n2", "n4"], points=4) == 4.0


def test_picks_knows_the_options_from_the_content(store, capsys):
    store.set("invalid_ids", {"selected": ["n2", "n99"]})
    assert Grader("vneid").picks("invalid_ids", ["n2"], points=4) == 0.0
    assert "Không đọc được câu trả lời" in capsys.readouterr().out


def test_true_false_and_stage(store, capsys):
    store.set("level2_in_person", {"selected": ["true"]})
    store.set("level2_phone_link", {"selected": ["true"]})
    store.set("activation", {"account_status": "pending", "seed": 3})
    grader = Grader("vneid")
    assert grader.true_false({"level2_in_person": True, "level2_phone_link": False}, points=4) == 2.0
    assert grader.stage("activation", "account_status",
                        {"not_registered": 0, "pending": 1, "activated": 3}, points=3) == 1.0
    out = capsys.readouterr().out.splitlines()
    assert out == ["Đúng 1/2 nhận định (đã trả lời 2/2). Điểm: 2/4.",
                   "Đã gửi đăng ký mức 1, nhưng chưa kích hoạt tài khoản. Điểm: 1/3."]


def test_garbage_file_gives_zero_and_a_friendly_message(folder, capsys):
    (folder / answers_filename("vneid")).write_bytes(b"\x00\x01 not json")
    grader = Grader("vneid")
    assert grader.ordering("level1_steps", ORDER, points=3) == 0.0
    grader.require("level1_steps")
    out, err = capsys.readouterr()
    assert "Không đọc được câu trả lời" in out
    assert "Không đọc được tệp câu trả lời vneid_answers.json" in out
    assert err == ""


def test_require_says_answered_or_missing_without_giving_answers(store, capsys):
    grader = Grader("vneid")
    assert grader.require("level1_steps") is None      # no value for nbgrader to read as points
    store.set("level1_steps", {"placed": ORDER[:3]})
    grader.require("level1_steps")                      # incomplete ordering: still missing
    store.set("level1_steps", {"placed": list(reversed(ORDER))})
    grader.require("level1_steps")
    store.set("level2_in_person", {"selected": ["false"]})
    grader.require("level2_in_person", "level2_wallet")
    out = capsys.readouterr().out.splitlines()
    assert out == ["Còn 1/1 ý chưa trả lời xong. Hãy chạm để trả lời ở ô phía trên."] * 2 + [
        "Đã lưu câu trả lời của mình. Vẫn có thể sửa lại trước khi nộp bài.",
        "Còn 1/2 ý chưa trả lời xong. Hãy chạm để trả lời ở ô phía trên."]
    assert grader.answered("level1_steps") and not grader.answered("level2_wallet")


def test_a_scoring_bug_gives_zero_without_a_traceback(store, capsys, monkeypatch):
    def broken(*args):
        raise RuntimeError("bug")

    monkeypatch.setattr(checks, "score_ordering", broken)
    assert Grader("vneid").ordering("level1_steps", ORDER, points=3) == 0.0
    out, err = capsys.readouterr()
    assert "Chưa chấm được phần này" in out and err == ""


def test_a_grader_for_an_exercise_without_content_still_works(folder, capsys):
    AnswerStore.for_exercise("other").set("q", {"selected": ["a"]})
    assert Grader("other").picks("q", ["a"], points=1) == 1.0
    Grader("other").require("q")
    assert "Đã lưu" in capsys.readouterr().out
