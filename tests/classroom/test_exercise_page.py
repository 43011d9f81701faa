"""The exercise page without a browser: which cells run in which part, read without nbformat."""
from __future__ import annotations

import json

import pytest

from literacy_kit.classroom.exercise_view import ExercisePage, HandInBar, read_cells
from literacy_kit.classroom.learner import LearnerEnv, parse_utc


def cell(kind, source, grade_id=None, points=0):
    meta = {"nbgrader": {"grade_id": grade_id, "grade": points > 0, "solution": False,
                         "points": points}} if grade_id else {}
    return {"cell_type": kind, "metadata": meta, "source": source.splitlines(keepends=True),
            **({"outputs": [], "execution_count": None} if kind == "code" else {})}


@pytest.fixture
def env(tmp_path):
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        cell("markdown", "# Intro"), cell("code", "setup = 1\nq1 = 'widget'"),
        cell("code", "assert q1", "test_q1", points=3), cell("markdown", "## Q2"),
        cell("code", "q2 = 'widget'"), cell("code", "assert q2", "test_q2", points=2)]}
    text = json.dumps(notebook)
    for folder in (tmp_path / "exchange" / "c" / "outbound" / "ex", tmp_path / "home" / "ex"):
        folder.mkdir(parents=True)
        (folder / "ex.ipynb").write_text(text, encoding="utf-8")
    return LearnerEnv(home=tmp_path / "home", user="hv01", course_id="c",
                      exchange=tmp_path / "exchange", results=tmp_path / "none")


def test_the_first_part_stops_before_the_first_test_cell_and_tests_never_run(env, monkeypatch):
    monkeypatch.chdir(env.home)
    shown, ran = [], []
    page = ExercisePage(env, "ex", display=shown.append, run_cell=lambda src: ran.append(src) or True)
    assert page.start() is True
    assert ran == ["setup = 1\nq1 = 'widget'"]
    bar = page.finish()
    assert ran == ["setup = 1\nq1 = 'widget'", "q2 = 'widget'"]
    assert isinstance(bar, HandInBar) and shown[-1] is bar
    bar.close()


def test_an_unknown_exercise_shows_a_message_and_no_hand_in(env, monkeypatch):
    monkeypatch.chdir(env.home)
    ran = []
    page = ExercisePage(env, "nope", display=lambda *a: None, run_cell=ran.append)
    assert page.start() is False and page.finish() is None and ran == []


def test_cells_are_read_as_plain_json_with_joined_sources(env):
    cells = read_cells(env.notebook("ex"))
    assert [c["cell_type"] for c in cells] == ["markdown", "code", "code", "markdown", "code", "code"]
    assert cells[1]["source"] == "setup = 1\nq1 = 'widget'"


@pytest.mark.parametrize("stamp", ["2026-12-05 02:50:10.123456 UTC", "2026-12-05T09:50:10+07:00",
                                   "2026-12-05 02:50:10"])
def test_timestamps_read_as_nbgrader_reads_them(stamp):
    from nbgrader.utils import parse_utc as nbgrader_parse_utc

    theirs = nbgrader_parse_utc(stamp)
    assert parse_utc(stamp) == theirs.replace(tzinfo=None)
