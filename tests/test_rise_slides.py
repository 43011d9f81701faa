"""Lessons as RISE slides: what a slideshow needs from a lesson, and a real slideshow in Chromium.

``tests/test_lessons.py`` already checks that every cell has a slide type. Here:

- every lesson opens on a ``slide``, and any notebook-level ``rise`` settings are ones the
  installed jupyterlab-rise accepts;
- the real JupyterLab (``literacy_kit.lab`` launch, a temporary copy of ``lessons/``) in the
  system Chromium: the trainer's way (open the lesson, Alt+R) and the ``/rise/<path>`` URL.
  Space walks every slide and fragment in the order the lesson's metadata gives.

Found while writing these (jupyterlab-rise 0.43.1, JupyterLab 4.6, ipywidgets 8.1):

- the slideshow is a separate page built on JupyterLab 4.3, in which the widget manager of
  jupyterlab_widgets >= 3.0.11 does not load ("Shared module @jupyterlab/console doesn't
  exist in shared scope default", jupyterlab-contrib/rise#119) and a widget cell shows its
  text form. jupyterlab_widgets 3.0.10 (ipywidgets 8.1.2) loads, so pyproject.toml pins
  them; ``test_widgets_render_inside_the_slides`` renders a widget in a slide and taps it;
- the arrow keys jump from slide to slide without showing fragments, so an exercise in a
  ``fragment`` cell never appears with Left/Right; Space, Shift+Space, Page Down/Up (what a
  presenter's clicker sends) step through every fragment.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from literacy_kit import lab
from support import ARTIFACTS, ROOT, free_port, wait_http

LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))
LESSON = "00_lam_quen.ipynb"
TOKEN = "lk-rise-token"
RISE_PLUGIN = Path("jupyterlab-rise", "schemas", "jupyterlab-rise", "plugin.json")
PRESENT = ".reveal .slides > section.present"


def rise_settings_schema() -> dict:
    """RISE's own settings schema; notebook ``metadata.rise`` takes the same keys."""
    from jupyter_core.paths import jupyter_path

    for directory in [Path(sys.prefix, "share", "jupyter", "labextensions"),
                      *map(Path, jupyter_path("labextensions"))]:
        if (directory / RISE_PLUGIN).is_file():
            schema = json.loads((directory / RISE_PLUGIN).read_text(encoding="utf-8"))
            return {key: value for key, value in schema.items() if not key.startswith("jupyter.lab")}
    pytest.fail("jupyterlab-rise is not installed: pip install -e . (it is a dependency)")


def slide_type(cell) -> str | None:
    return cell.metadata.get("slideshow", {}).get("slide_type")


@dataclass(frozen=True)
class Step:
    """One press of Space: reveal.js's URL hash and the cell that appears."""

    hash: str
    cell: int


def reveal_steps(nb) -> list[Step]:
    """Every step of the slideshow, in order, as RISE builds it from the slide types."""
    steps, h, v, f = [], -1, 0, -1
    for index, cell in enumerate(nb.cells):
        kind = slide_type(cell)
        if kind == "slide":
            h, v, f = h + 1, 0, -1
        elif kind == "subslide":
            v, f = v + 1, -1
        elif kind == "fragment":
            f += 1
        else:  # "-" continues the step, "skip" and "notes" are not shown
            continue
        steps.append(Step(f"#/slide-{h}-{v}" + (f"/{f}" if f >= 0 else ""), index))
    return steps


def step_showing(steps: list[Step], cell: int) -> int:
    """Index of the step at which ``cell`` is on screen."""
    return max(i for i, step in enumerate(steps) if step.cell <= cell)


def first_words(cell, count: int = 4) -> str:
    """The cell's first words as they read on screen (Markdown emphasis and headings removed)."""
    return " ".join(re.sub(r"[#*_`>]", " ", cell.source).split()[:count])


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_opens_on_a_slide(path):
    # Cells before the first "slide" would sit on a title slide nobody designed.
    nb = nbformat.read(path, as_version=4)
    assert nb.cells, "empty lesson"
    assert slide_type(nb.cells[0]) == "slide"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_rise_settings_in_the_lesson_are_valid(path):
    import jsonschema

    schema = rise_settings_schema()
    settings = nbformat.read(path, as_version=4).metadata.get("rise", {})
    jsonschema.validate(dict(settings), schema)


def test_reveal_steps_follow_the_slide_types():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A", metadata={"slideshow": {"slide_type": "slide"}}),
        nbformat.v4.new_markdown_cell("b", metadata={"slideshow": {"slide_type": "subslide"}}),
        nbformat.v4.new_code_cell("c", metadata={"slideshow": {"slide_type": "-"}}),
        nbformat.v4.new_markdown_cell("# D", metadata={"slideshow": {"slide_type": "slide"}}),
        nbformat.v4.new_code_cell("e", metadata={"slideshow": {"slide_type": "fragment"}}),
        nbformat.v4.new_markdown_cell("f", metadata={"slideshow": {"slide_type": "notes"}}),
        nbformat.v4.new_code_cell("g", metadata={"slideshow": {"slide_type": "fragment"}}),
    ])
    steps = reveal_steps(nb)
    assert [s.hash for s in steps] == ["#/slide-0-0", "#/slide-0-1", "#/slide-1-0",
                                       "#/slide-1-0/0", "#/slide-1-0/1"]
    assert step_showing(steps, 2) == 1


# --- the real JupyterLab in the system Chromium ---------------------------------------------

@dataclass
class RiseLab:
    url: str
    lessons: Path

    def lab(self, name: str) -> str:
        return f"{self.url}lab/tree/{name}?token={TOKEN}"

    def rise(self, name: str) -> str:
        return f"{self.url}rise/{name}?token={TOKEN}"

    def notebook(self, name: str):
        return nbformat.read(self.lessons / name, as_version=4)


@pytest.fixture(scope="module")
def rise_lab(tmp_path_factory):
    """JupyterLab as ``literacy-kit lab`` starts it, on a copy of lessons/.

    A copy because RISE saves the notebook before it renders it; a fresh workspaces folder
    so that no layout is restored from, or saved into, the user's ~/.jupyter.
    """
    root = tmp_path_factory.mktemp("rise")
    lessons = root / "lessons"
    shutil.copytree(ROOT / "lessons", lessons, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    settings = root / "settings"
    lab.install_user_settings(settings)
    port = free_port()
    launch = lab.build_launch(lessons, port=port, open_browser=False, settings_dir=settings)
    env = dict(launch.env, JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"))
    with open(root / "lab.log", "wb") as out:
        process = subprocess.Popen(launch.command + [f"--IdentityProvider.token={TOKEN}"], env=env,
                                   cwd=launch.cwd, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_http(f"{url}api/status?token={TOKEN}", timeout=90)
        yield RiseLab(url=url, lessons=lessons)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_slides(frame) -> None:
    frame.wait_for_selector(".reveal.ready .slides > section.present")


def slide_hash(frame) -> str:
    return frame.evaluate("() => location.hash")


def go(page, frame, key: str) -> str:
    """Press ``key`` and wait until reveal.js shows another step; return its hash."""
    before = slide_hash(frame)
    page.keyboard.press(key)
    frame.wait_for_function("before => location.hash !== before", arg=before)
    return slide_hash(frame)


def step_to(page, frame, key: str, expected: str) -> None:
    """Press ``key``; a timeout, not an assertion, if reveal.js does not reach ``expected``."""
    page.keyboard.press(key)
    frame.wait_for_function("hash => location.hash === hash", arg=expected, timeout=10_000)


def on_screen(frame) -> str:
    return " ".join(re.sub(r"[#*_`>]", " ", frame.locator(PRESENT).inner_text()).split())


def shows(frame, text: str) -> bool:
    """Whether ``text`` is readable on the current slide within a few seconds (fragments fade in)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        frame.wait_for_function(
            """([selector, text]) => document.querySelector(selector).innerText
                   .replace(/[#*_`>]/g, " ").split(/\\s+/).join(" ").includes(text)""",
            arg=[PRESENT, text], timeout=5_000)
        return True
    except PlaywrightTimeoutError:
        return False


def run_code_cell_on_this_slide(page, frame, keys: str) -> None:
    """Select the last code cell on screen, press ``keys``; wait for its execution count."""
    # A handle, not a locator: Shift+Enter moves to the next slide, and "this slide" with it.
    cells = frame.locator(f"{PRESENT} .jp-CodeCell").element_handles()
    cell = [c for c in cells if c.is_visible()][-1]
    cell.query_selector(".jp-InputPrompt").click()
    page.keyboard.press(keys)
    frame.wait_for_function(
        "cell => /\\[\\d+\\]/.test(cell.querySelector('.jp-InputPrompt').innerText)",
        arg=cell, timeout=30_000)


def open_lesson_in_lab(page, server: RiseLab, name: str) -> None:
    page.goto(server.lab(name))
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    page.wait_for_selector(".jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached")


def save_screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


@pytest.mark.browser
@pytest.mark.notebook
def test_trainer_starts_the_slideshow_with_alt_r(page, rise_lab):
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    open_lesson_in_lab(page, rise_lab, LESSON)
    assert page.locator(".jp-NotebookPanel-toolbar [data-command='RISE:preview']").is_visible()
    # RISE and the Lab-3-only mathjax3 extension it brings load without errors in Lab itself.
    assert [e for e in console_errors if re.search("rise|mathjax", e, re.I)] == []

    page.locator(".jp-NotebookPanel .jp-Cell .jp-InputPrompt").first.click()  # command mode
    page.keyboard.press("Alt+r")
    frame = page.wait_for_selector(f"iframe[src*='/rise/{LESSON}']").content_frame()
    wait_for_slides(frame)

    nb = rise_lab.notebook(LESSON)
    steps = reveal_steps(nb)
    assert frame.locator(".reveal .slides > section").count() == sum(
        slide_type(cell) == "slide" for cell in nb.cells)
    assert slide_hash(frame) == steps[0].hash
    assert shows(frame, first_words(nb.cells[0])), on_screen(frame)
    # Space shows every slide and fragment in the lesson's order. On the way the trainer runs
    # the set-up cell with Shift+Enter, which also moves on to the next step.
    setup = step_showing(steps, next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"))
    for position in range(1, len(steps)):
        if position == setup + 1:
            run_code_cell_on_this_slide(page, frame, "Shift+Enter")
            frame.wait_for_function("hash => location.hash === hash", arg=steps[position].hash)
            save_screenshot(page, "rise-slideshow.png")
        else:
            assert go(page, frame, "Space") == steps[position].hash
        assert shows(frame, first_words(nb.cells[steps[position].cell])), on_screen(frame)
    assert go(page, frame, "Shift+Space") == steps[-2].hash
    assert page.js_errors == []


@pytest.mark.browser
@pytest.mark.notebook
def test_rise_url_opens_the_slideshow_directly(page, rise_lab):
    page.goto(rise_lab.rise(LESSON))
    wait_for_slides(page)
    nb = rise_lab.notebook(LESSON)
    steps = reveal_steps(nb)
    assert shows(page, first_words(nb.cells[0])), on_screen(page)
    page.locator(PRESENT).click()  # keyboard focus into the slides: the trainer's first click
    # Page Down / Page Up: what a presenter's clicker sends.
    assert go(page, page, "PageDown") == steps[1].hash
    assert go(page, page, "PageDown") == steps[2].hash
    assert go(page, page, "PageUp") == steps[1].hash
    save_screenshot(page, "rise-slideshow-url.png")
    assert page.js_errors == []


@pytest.mark.browser
@pytest.mark.notebook
def test_widgets_render_inside_the_slides(page, rise_lab):
    page.goto(rise_lab.rise(LESSON))
    wait_for_slides(page)
    nb = rise_lab.notebook(LESSON)
    steps = reveal_steps(nb)
    code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    exercise = next(i for i in code if slide_type(nb.cells[i]) == "fragment")
    page.locator(PRESENT).click()
    position = 0
    for cell in (code[0], exercise):  # the set-up cell, then the first exercise
        target = step_showing(steps, cell)
        while position < target:
            position += 1
            step_to(page, page, "Space", steps[position].hash)
        run_code_cell_on_this_slide(page, page, "Control+Enter")  # Ctrl+Enter stays on the slide
    output = page.locator(f"{PRESENT} .jp-CodeCell .jp-OutputArea-output").last
    output.wait_for()
    save_screenshot(page, "rise-widgets.png")
    assert page.locator(f"{PRESENT} .lk-view").first.is_visible(), output.inner_text()[:200]
    # The widget is live: a tap reaches the kernel and the answer comes back to the slide.
    toggle = page.locator(f"{PRESENT} button.lk-display-large")
    toggle.click()
    page.wait_for_selector(f"{PRESENT} .lk-display.lk-display-large-on")
    save_screenshot(page, "rise-widgets-large.png")
