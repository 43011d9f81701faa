"""One level-1 sequence everywhere: the simulator walks the screens of
:data:`LEVEL1_STEPS`, and the lesson's ordering, the graded exercise's hidden test, its
(shuffled) steps and the printed step card all follow that same data."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from literacy_kit import content
from literacy_kit.i18n import t
from literacy_kit.vneid.logic.registration import LEVEL1_STEPS, SCREENS, step_ids
from literacy_kit.vneid.widgets.simulator import VNeIDSimulator

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "exercises" / "source" / "vneid" / "vneid.ipynb"


def hidden_order() -> list[str]:
    """The expected order written in the source notebook's hidden test of question 1."""
    nb = nbformat.read(SOURCE, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q1_level1_steps")
    hidden = cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    call = next(node for node in ast.walk(ast.parse(hidden)) if isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "ordering")
    return ast.literal_eval(call.args[1])


def test_the_simulator_walks_the_sequence_screen_by_screen(keep):
    sim = keep(VNeIDSimulator(seed=7))
    seen = [sim.state.screen]
    person = sim.citizen
    for seam in (sim.open_registration, sim.accept_intro,
                 lambda: sim.confirm_ids(cccd=person.cccd, phone=person.phone), sim.tap_nfc,
                 sim.confirm_details, lambda: (sim.take_portrait(), sim.confirm_portrait()),
                 sim.confirm_email):
        seam()
        seen.append(sim.state.screen)
    assert tuple(seen) == SCREENS
    sim.submit()
    assert sim.state.account_status == "pending"


def test_the_exercise_is_graded_on_that_sequence():
    assert hidden_order() == list(step_ids())
    graded = content.load("vneid_exercise").orderings["level1_steps"]
    assert sorted(graded.step_ids) == sorted(step_ids())
    assert list(graded.step_ids) != list(step_ids()), "released steps must be shuffled"


def test_the_lesson_practises_the_same_steps_with_the_same_words():
    lesson = content.load("vneid_lesson").orderings["level1_steps"]
    graded = content.load("vneid_exercise").orderings["level1_steps"]
    assert lesson.step_ids == step_ids()
    lesson_text = dict(zip(lesson.step_ids, lesson.steps))
    assert {sid: lesson_text[sid] for sid in graded.step_ids} == dict(zip(graded.step_ids, graded.steps))


def test_every_button_named_in_a_step_is_on_its_screen():
    """A quoted label in a step («Tôi đã hiểu») is a label of one of the step's screens."""
    from literacy_kit.i18n import catalog

    lesson = content.load("vneid_lesson").orderings["level1_steps"]
    for step, text in zip(LEVEL1_STEPS, lesson.steps):
        for label in re.findall(r"“([^”]+)”", text.vi):
            keys = [k for k, v in catalog("vi").items() if k.startswith("vneid.") and v == label]
            on_screen = {k.split(".")[1] for k in keys} & set(step.screens)
            assert on_screen or "vneid.continue" in keys, (step.id, label, keys)


def test_the_lesson_slide_lists_the_steps_in_the_same_order():
    nb = nbformat.read(ROOT / "lessons" / "01_vneid.ipynb", as_version=4)
    slide = next(c.source for c in nb.cells if c.metadata.get("slideshow", {}).get("slide_type") == "slide"
                 and t("vneid.welcome.register", "vi") in c.source and "→" in c.source)
    labels = [t("vneid.welcome.register", "vi"), t("vneid.intro.ok", "vi"), "số định danh",
              "áp thẻ", t("vneid.continue", "vi"), "chụp ảnh", t("vneid.confirm.submit", "vi")]
    positions = [slide.find(label) for label in labels]
    assert -1 not in positions and positions == sorted(positions), dict(zip(labels, positions))
