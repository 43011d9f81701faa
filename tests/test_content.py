"""Content files: every packaged one loads; a bad one names the file and the place."""
from __future__ import annotations

import textwrap

import pytest

from literacy_kit.content import Bundle, ContentError, available, load, load_file

GOOD = """\
id: sample
title: {vi: "Mau", en: "Sample"}
questions:
  - id: q1
    kind: single
    stem: {vi: "Cau hoi", en: "Question"}
    options:
      - {id: a, text: {vi: "Dung", en: "Right"}, correct: true}
      - {id: b, text: {vi: "Sai", en: "Wrong"}, correct: false}
"""


def write(tmp_path, text, name="draft.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", available())
def test_every_packaged_file_loads(name):
    bundle = load(name)
    assert isinstance(bundle, Bundle)
    assert bundle.id


def test_load_file(tmp_path):
    bundle = load_file(write(tmp_path, GOOD))
    question = bundle.questions["q1"]
    assert question.stem.get("en") == "Question"
    assert question.correct_ids == frozenset({"a"})


@pytest.mark.parametrize("broken, where", [
    (GOOD.replace('stem: {vi: "Cau hoi", en: "Question"}', 'stem: {vi: "Cau hoi"}'),
     "questions/0/stem"),
    (GOOD.replace("kind: single", "kind: essay"), "questions/0/kind"),
    (GOOD.replace("correct: false", "correct: true"), "'q1'"),
    (GOOD + """\
  - id: q1
    kind: multiple
    stem: {vi: "Lai", en: "Again"}
    options:
      - {id: a, text: {vi: "A", en: "A"}, correct: true}
      - {id: b, text: {vi: "B", en: "B"}, correct: true}
""", "duplicate id 'q1'"),
    ("id: sample\nquestions: [\n  - broken", "not valid YAML"),
])
def test_bad_file_names_file_and_place(tmp_path, broken, where):
    path = write(tmp_path, broken, "broken_lesson.yaml")
    with pytest.raises(ContentError) as info:
        load_file(path)
    message = str(info.value)
    assert "broken_lesson.yaml" in message
    assert where in message


def test_unknown_packaged_name():
    with pytest.raises(ContentError, match="no_such_bundle"):
        load("no_such_bundle")
