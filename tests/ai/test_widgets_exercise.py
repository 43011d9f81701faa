"""The AI exercise's widgets outside nbgrader: answers saved on every tap and restored, in any
language; the grader's checks on those answers, with the exercise's own messages."""
from __future__ import annotations

import json

import pytest

from literacy_kit.grading import Exercise, Grader
from literacy_kit.i18n import t
from literacy_kit.testing import close_all, find_one


@pytest.fixture
def made():
    exercises = []
    yield exercises
    for ex in exercises:
        for item in ex.items.values():
            close_all(item)


def saved(folder) -> dict:
    return json.loads((folder / "ai_answers.json").read_text(encoding="utf-8"))["answers"]


def test_every_tap_is_saved_and_comes_back_in_another_language(tmp_path, made):
    ex = Exercise("ai", folder=tmp_path, lang="vi")
    made.append(ex)
    ex.choice("better_prompt").views[0].toggle("c")
    pieces = ex.paste_check("class_notice")
    pieces.views[0].toggle("p5")
    pieces.views[0].toggle(9)
    assert find_one(pieces, css="lk-ai-paste-actions").layout.display == "none"
    assert pieces.saved.message_text == t("grading.saved", "vi")
    ex.spot_error("install_answer").views[0].toggle("s2")
    assert saved(tmp_path) == {"better_prompt": {"selected": ["c"]},
                               "class_notice": {"selected": ["p5", "p10"]},
                               "install_answer": {"selected": ["s2"]}}

    again = Exercise("ai", folder=tmp_path, lang="en")
    made.append(again)
    item = again.paste_check("class_notice")
    assert item.views[0].state.selected == ("p5", "p10")
    assert "lk-ai-selected" in find_one(item, css="lk-ai-piece-p10")._dom_classes
    assert item.saved.message_text == t("grading.restored", "en")
    assert again.spot_error("install_answer").views[0].state.selected == ("s2",)


def test_a_tampered_answer_restores_nothing_and_never_raises(tmp_path, made):
    (tmp_path / "ai_answers.json").write_text(json.dumps({"answers": {
        "class_notice": {"selected": ["p99"]}, "install_answer": {"selected": ["s1", "s2"]}}}))
    ex = Exercise("ai", folder=tmp_path, lang="vi")
    made.append(ex)
    assert ex.paste_check("class_notice").views[0].state.selected == ()
    assert ex.spot_error("install_answer").views[0].state.selected == ()


def test_the_grader_scores_pieces_with_the_exercises_message(tmp_path, made, capsys):
    ex = Exercise("ai", folder=tmp_path, lang="vi")
    made.append(ex)
    view = ex.paste_check("class_notice").views[0]
    for piece_id in ("p5", "p7", "p2"):
        view.toggle(piece_id)
    grader = Grader("ai", folder=tmp_path, lang="en")
    grader.require("class_notice")
    points = grader.picks("class_notice", ["p5", "p7", "p10"], points=3,
                          message="ai_widgets.exercise.pieces")
    assert points == pytest.approx(1.0)
    out = capsys.readouterr().out
    assert t("grading.answered", "en") in out
    assert t("ai_widgets.exercise.pieces", "en", right=2, total=3, wrong=1) in out
    # Without a message the check keeps its old wording (other exercises rely on it).
    assert grader.picks("class_notice", ["p5"], points=1) == pytest.approx(0)
    assert t("grading.picks_result", "en", right=1, total=1, wrong=2) in capsys.readouterr().out


def test_unanswered_items_are_reported_missing(tmp_path, capsys):
    Grader("ai", folder=tmp_path, lang="en").require("class_notice", "install_answer")
    assert t("grading.missing", "en", missing=2, total=2) in capsys.readouterr().out
