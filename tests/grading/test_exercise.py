"""Layer 2: the exercise widgets, tapped from Python; answers saved and restored."""
from __future__ import annotations

import json

import pytest

from literacy_kit.grading import Exercise, GradedItem, answers_filename
from literacy_kit.testing import find, find_one, texts

import ipywidgets as w


def test_ordering_saves_step_ids_on_every_tap(folder, keep):
    ex = Exercise("vneid")
    item = keep(ex.ordering("level1_steps"))
    view = item.views[0]
    ids = view.ordering.step_ids
    view.place(ids.index("open_register"))
    assert ex.store.get("level1_steps") == {"placed": ["open_register"]}
    view.place(ids.index("enter_numbers"))
    view.unplace(0)
    saved = json.loads((folder / answers_filename("vneid")).read_text("utf-8"))
    assert saved["answers"]["level1_steps"] == {"placed": ["enter_numbers"]}
    assert item.saved.message_text == "Đã lưu câu trả lời."
    assert "lk-graded-saved" in item.saved._dom_classes


def test_a_new_exercise_restores_every_item(folder, keep):
    ex = Exercise("vneid")
    ordering = keep(ex.ordering("level1_steps")).views[0]
    ordering.place(3)
    ordering.place(0)
    statements = keep(ex.choices("level2_in_person", "level2_wallet")).views
    statements[0].toggle("false")
    statements[1].toggle("true")
    keep(ex.choice("invalid_ids")).views[0].select("n2", "n7")

    again = Exercise("vneid")                       # what a kernel restart re-runs
    item = keep(again.ordering("level1_steps"))
    assert item.views[0].state.placed == (3, 0)
    assert item.saved.message_text == "Đã mở lại câu trả lời mình lưu lần trước."
    assert [v.state.selected for v in keep(again.choices("level2_in_person", "level2_wallet")).views] \
        == [("false",), ("true",)]
    assert keep(again.choice("invalid_ids")).views[0].state.selected == ("n2", "n7")


def test_no_check_button_and_no_answer_in_the_kernel(folder, keep):
    ex = Exercise("vneid")
    for item in (keep(ex.ordering("level1_steps")), keep(ex.choice("invalid_ids"))):
        visible = find(item, w.Button, visible_only=True)
        labels = {b.description for b in visible}
        assert "Kiểm tra" not in labels and "Làm lại" not in labels
        assert "lk-graded" in item._dom_classes
        assert "không cần bấm Kiểm tra" in texts(item) or "lưu ngay" in texts(item)
    question = ex.bundle.questions["invalid_ids"]
    assert question.graded and all(o.correct is None for o in question.options)
    assert ex.bundle.orderings["level1_steps"].graded


def test_english_relabels_everything(folder, keep):
    item = keep(Exercise("vneid", lang="en").choices("level2_in_person"))
    assert "Tap one choice" in item.hint.value
    assert item.views[0].lang == "en"
    item.lang = "vi"
    assert item.views[0].lang == "vi" and "Chạm" in item.hint.value


def test_garbage_file_shows_a_friendly_warning_and_the_first_tap_repairs_it(folder, keep):
    (folder / answers_filename("vneid")).write_text("{broken", encoding="utf-8")
    ex = Exercise("vneid")
    item = keep(ex.choice("invalid_ids"))
    assert item.saved.state.kind == "warning"
    assert "Không đọc được tệp câu trả lời vneid_answers.json" in item.saved.message_text
    item.views[0].toggle("n1")
    assert item.saved.message_text == "Đã lưu câu trả lời."
    assert Exercise("vneid").store.get("invalid_ids") == {"selected": ["n1"]}


def test_tampered_answers_leave_the_widgets_fresh(folder, keep):
    payload = {"answers": {"level1_steps": {"placed": ["no_such_step"]},
                           "invalid_ids": {"selected": ["n1", "n99"]},
                           "level2_wallet": {"selected": ["true", "false"]}}}
    (folder / answers_filename("vneid")).write_text(json.dumps(payload), encoding="utf-8")
    ex = Exercise("vneid")
    assert keep(ex.ordering("level1_steps")).views[0].state.placed == ()
    assert keep(ex.choice("invalid_ids")).views[0].state.selected == ()
    assert keep(ex.choice("level2_wallet")).views[0].state.selected == ()


def test_only_the_item_that_changed_says_saved(folder, keep):
    ex = Exercise("vneid")
    first, second = keep(ex.choice("level2_in_person")), keep(ex.choice("level2_wallet"))
    first.views[0].toggle("true")
    assert first.saved.message_text and not second.saved.message_text


def test_unwritable_folder_warns_instead_of_raising(folder, keep, monkeypatch):
    from literacy_kit.grading import answers

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    ex = Exercise("vneid")
    item = keep(ex.choice("level2_in_person"))
    monkeypatch.setattr(answers.tempfile, "mkstemp", refuse)
    item.views[0].toggle("true")
    assert item.saved.state.kind == "warning"
    assert "Hãy báo giảng viên" in item.saved.message_text


def test_track_keeps_any_state(folder, keep):
    from traitlets import HasTraits, Unicode

    class Progress(HasTraits):
        status = Unicode("start")

    progress = Progress()
    item = keep(Exercise("vneid").track("demo", w.HTML("simulated"), progress, ["status"]))
    assert isinstance(item, GradedItem)
    progress.status = "done"
    again = Progress()
    keep(Exercise("vneid").track("demo", w.HTML("simulated"), again, ["status"]))
    assert again.status == "done"


def test_vneid_simulator_progress_and_citizen_survive(folder, keep):
    ex = Exercise("vneid")
    sim = keep(ex.vneid_simulator("activation")).views[0]
    person = sim.citizen
    assert sim.open_registration() and sim.accept_intro()
    assert sim.confirm_ids(cccd=person.cccd, phone=person.phone) and sim.tap_nfc()
    assert sim.confirm_details() and sim.take_portrait() and sim.confirm_portrait()
    assert sim.confirm_email() and sim.submit()
    stored = ex.store.get("activation")
    assert stored["account_status"] == "pending" and stored["seed"] == sim.seed

    restored = keep(Exercise("vneid").vneid_simulator("activation")).views[0]
    assert restored.citizen.cccd == person.cccd
    assert restored.state.account_status == "pending"
    assert restored.account.status.value == "pending"


@pytest.mark.parametrize("seed", ["7", -1, 2 ** 40, True, None])
def test_a_tampered_simulator_seed_is_ignored(folder, keep, seed):
    (folder / answers_filename("vneid")).write_text(
        json.dumps({"answers": {"activation": {"seed": seed, "account_status": "bogus"}}}), "utf-8")
    sim = keep(Exercise("vneid").vneid_simulator("activation")).views[0]
    assert sim.state.account_status == "not_registered"


def test_in_a_course_source_folder_nothing_is_written(tmp_path, keep, monkeypatch):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    source = tmp_path / "source" / "vneid"
    source.mkdir(parents=True)
    monkeypatch.chdir(source)
    item = keep(Exercise("vneid").choice("invalid_ids"))
    item.views[0].toggle("n1")
    assert list(source.iterdir()) == []
    assert "giảng viên" in item.saved.message_text


def test_find_by_css_class(folder, keep):
    item = keep(Exercise("vneid").ordering("level1_steps"))
    assert find_one(item, css="lk-graded-hint") is item.hint
    assert find_one(item, css="lk-ordering") is item.views[0]
