"""The answer store: atomic writes, a restart finds the answers, garbage never raises."""
from __future__ import annotations

import json
import os

import pytest

from literacy_kit.grading import AnswerStore, answers_filename
from literacy_kit.grading import answers as answers_module
from literacy_kit.grading.answers import BACKUP_SUFFIX, FORMAT, MAX_BYTES, in_course_source, normalized


def test_file_name_and_layout(folder):
    store = AnswerStore.for_exercise("vneid")
    assert store.path == folder / "vneid_answers.json" == folder / answers_filename("vneid")
    assert not store.path.exists(), "nothing is written before the first answer"
    assert store.set("q1", {"selected": ("a", "b")}) is True
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data == {"format": FORMAT, "exercise": "vneid", "answers": {"q1": {"selected": ["a", "b"]}}}


def test_a_fresh_store_finds_the_answers_again(folder):
    first = AnswerStore.for_exercise("vneid")
    first.set("q1", {"selected": ["a"]})
    first.set("q2", {"placed": ["x", "y"]})
    first.delete("q1")
    again = AnswerStore.for_exercise("vneid")       # a kernel restart, a reopened notebook
    assert again.as_dict() == {"q2": {"placed": ["x", "y"]}}
    assert "q2" in again and "q1" not in again
    assert again.problem == ""


def test_strings_are_kept_in_nfc(folder):
    decomposed = "Phu\u0301 Hu\u031bng"             # NFD, as some phone keyboards send it
    store = AnswerStore.for_exercise("vneid")
    store.set("village", {"name": decomposed})
    text = store.path.read_text(encoding="utf-8")
    assert "Phú Hưng" in text, "NFC and written as letters, not escapes"
    assert AnswerStore.for_exercise("vneid").get("village") == {"name": "Phú Hưng"}


def test_nfd_keys_find_nfc_answers(folder):
    store = AnswerStore.for_exercise("vneid")
    store.set("c\u00e2u", [1])
    assert store.get("ca\u0302u") == [1]


def test_writes_go_through_a_temp_file_and_os_replace(folder, monkeypatch):
    store = AnswerStore.for_exercise("vneid")
    store.set("q1", {"selected": ["a"]})
    before = store.path.read_bytes()
    calls = []
    real_replace = os.replace

    def replace(src, dst):
        calls.append((os.fspath(src), os.fspath(dst)))
        assert json.loads(open(src, encoding="utf-8").read())["answers"]["q1"] == {"selected": ["b"]}
        assert store.path.read_bytes() == before, "the old file is whole until the swap"
        real_replace(src, dst)

    monkeypatch.setattr(answers_module.os, "replace", replace)
    store.set("q1", {"selected": ["b"]})
    (src, dst), = calls
    assert os.path.dirname(src) == str(folder) and dst == str(store.path)
    assert sorted(p.name for p in folder.iterdir()) == ["vneid_answers.json"]


def test_a_failed_write_keeps_the_old_file_and_says_so(folder, monkeypatch):
    store = AnswerStore.for_exercise("vneid")
    store.set("q1", {"selected": ["a"]})
    before = store.path.read_bytes()

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(answers_module.os, "replace", broken)
    assert store.set("q1", {"selected": ["b"]}) is False
    assert store.error == "grading.save_failed"
    assert store.get("q1") == {"selected": ["b"]}, "the answer is kept in memory"
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["vneid_answers.json"], "no temp file left"
    monkeypatch.undo()
    assert store.set("q2", {"selected": ["c"]}) is True and store.error == ""


GARBAGE = [
    b"", b"{", b"\xff\xfe\x00garbage", b"[]", b"null", b"42", b'"answers"',
    b'{"answers": []}', b'{"answers": "q1"}', b'{"format": "x"}',
    b"[" * 100_000 + b"]" * 100_000,                      # deep nesting
    '{"answers": {"q1": 1}}'.encode("utf-16"),            # not UTF-8
]


@pytest.mark.parametrize("content", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_file_reads_as_empty_and_is_backed_up_on_the_first_answer(folder, content):
    path = folder / answers_filename("vneid")
    path.write_bytes(content)
    store = AnswerStore.for_exercise("vneid")
    assert store.as_dict() == {}
    assert store.problem == "grading.file_unreadable"
    assert path.read_bytes() == content, "reading never changes the file"
    assert store.set("q1", {"selected": ["a"]}) is True
    assert store.problem == ""
    assert (folder / (path.name + BACKUP_SUFFIX)).read_bytes() == content
    assert AnswerStore.for_exercise("vneid").as_dict() == {"q1": {"selected": ["a"]}}


def test_an_oversized_file_is_not_read(folder):
    path = folder / answers_filename("vneid")
    path.write_text(json.dumps({"answers": {"q": "x" * MAX_BYTES}}), encoding="utf-8")
    assert AnswerStore.for_exercise("vneid").problem == "grading.file_unreadable"


def test_two_stores_on_one_file_keep_each_others_answers(folder):
    one, two = AnswerStore.for_exercise("vneid"), AnswerStore.for_exercise("vneid")
    one.set("q1", [1])
    two.set("q2", [2])          # two has never seen q1: it rereads the file before writing
    one.set("q3", [3])
    assert AnswerStore.for_exercise("vneid").as_dict() == {"q1": [1], "q2": [2], "q3": [3]}


def test_listeners_hear_every_write(folder):
    store = AnswerStore.for_exercise("vneid")
    heard = []
    store.on_save(lambda s, key: heard.append((key, s.error)))
    store.set("q1", [1])
    store.delete("q1")
    assert heard == [("q1", ""), ("q1", "")]


def test_a_course_source_folder_keeps_answers_in_memory(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    source = tmp_path / "source" / "vneid"
    source.mkdir(parents=True)
    assert in_course_source(source) and not in_course_source(tmp_path)
    store = AnswerStore.for_exercise("vneid", source)
    assert store.writable is False
    assert store.set("q1", [1]) is False
    assert store.error == "grading.preview_not_saved"
    assert store.get("q1") == [1]
    assert list(source.iterdir()) == [], "a trainer's answers must never be released"


@pytest.mark.parametrize("value, expected", [
    (("a", "b"), ["a", "b"]), ({"b", "a"}, ["a", "b"]), ({"k": (1, None, True)}, {"k": [1, None, True]}),
])
def test_normalized_makes_plain_json(value, expected):
    assert normalized(value) == expected


@pytest.mark.parametrize("value", [object(), {1: "a"}, b"bytes", {"k": object()}])
def test_normalized_refuses_what_json_cannot_hold(value):
    with pytest.raises(TypeError):
        normalized(value)


def test_answers_of_a_failed_write_go_out_with_the_next_one(folder, monkeypatch):
    store = AnswerStore.for_exercise("vneid")
    real = os.replace
    monkeypatch.setattr(answers_module.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("busy")))
    store.set("q1", [1])
    store.set("q2", [2])
    monkeypatch.setattr(answers_module.os, "replace", real)
    store.set("q3", [3])
    assert AnswerStore.for_exercise("vneid").as_dict() == {"q1": [1], "q2": [2], "q3": [3]}


def test_memory_only_store_keeps_every_answer(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    source = tmp_path / "source" / "vneid"
    source.mkdir(parents=True)
    store = AnswerStore.for_exercise("vneid", source)
    store.set("q1", [1])
    store.set("q2", [2])
    store.delete("q1")
    assert store.as_dict() == {"q2": [2]} and not list(source.iterdir())
