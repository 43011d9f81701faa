"""The trainer's dashboard: the view without a browser, the notebook in a real kernel, and
the notebook served by a real Voila server to the system Chromium."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time

import ipywidgets as w
import nbformat
import pytest

from literacy_kit.course import CourseDir
from literacy_kit.course.dashboard import CourseDashboard
from literacy_kit.course.roster import import_roster
from literacy_kit.i18n import t
from literacy_kit.testing import find, find_one

from course_support import REPO
from support import ARTIFACTS, free_port

from . import ROSTER, copy_course, roster_csv

pytestmark = pytest.mark.notebook

NOTEBOOK = REPO / "exercises" / "dashboard.ipynb"
CHART_KEYS = ["completion", "modules", "distribution", "hardest", "villages", "roles"]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> CourseDir:
    course = CourseDir(copy_course(tmp_path_factory, "dashboard"))
    (course.root / "learners.csv").write_text(roster_csv(), encoding="utf-8")
    import_roster(course, course.root / "learners.csv")
    shutil.copy(NOTEBOOK, course.root / NOTEBOOK.name)
    return course


def test_view_shows_every_chart_as_an_image_with_its_table(course, keep):
    view = keep(CourseDashboard(course=course.root))
    sections = find(view, css="lk-dashboard-chart")
    assert [s for key in CHART_KEYS for s in sections
            if f"lk-dashboard-chart-{key}" in s._dom_classes] == sections
    images = find(view, kind=w.Image)
    assert len(images) == len(CHART_KEYS)
    assert all(bytes(image.value).startswith(b"\x89PNG") for image in images)
    tables = find(view, css="lk-dashboard-table")
    assert len(tables) == len(CHART_KEYS) + 1 and "Đặng Văn Hưởng" in tables[-1].value
    assert t("course.report_summary_passed", "vi", count=3) in view.status.value


def test_language_toggle_and_refresh(course, keep, tmp_path):
    view = keep(CourseDashboard(course=course.root))
    toggle = find_one(view, css="lk-dashboard-lang")
    toggle.value = "en"
    assert view.lang == "en"
    assert view.refresh_button.description == "Refresh"
    assert "Progress by village" in " ".join(h.value for h in find(view, kind=w.HTML))
    extra = tmp_path / "more.csv"
    extra.write_text("id,name,village,role\nhv07,Vi Thị Hoa,Bản Chạo,youth\n", encoding="utf-8")
    import_roster(course, extra)
    view.refresh_button.click()
    assert t("course.report_summary_learners", "en", count=len(ROSTER) + 1) in view.status.value
    assert "Bản Chạo" in find(view, css="lk-dashboard-table")[-1].value
    view.lang = "vi"
    assert toggle.value == "vi" and view.refresh_button.description == t("course.dashboard_refresh")


def test_no_course_is_a_message_not_a_traceback(tmp_path, keep):
    view = keep(CourseDashboard(course=tmp_path, lang="en"))
    assert "nbgrader_config.py" in view.status.value and view.body.children == ()


def test_an_empty_course_says_so(tmp_path, keep):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    view = keep(CourseDashboard(course=tmp_path))
    assert t("course.report_empty", "vi") in view.status.value
    assert len(find(view, kind=w.Image)) == len(CHART_KEYS)


def test_the_stored_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert len(code) == 1 and "literacy_kit.course.dashboard" in code[0].source
    assert code[0].outputs == [] and code[0].execution_count is None
    text = " ".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert "giảng viên" in text and "trainer" in text


def test_the_notebook_executes_in_a_real_kernel(course):
    from nbclient import NotebookClient

    nb = nbformat.read(course.root / NOTEBOOK.name, as_version=4)
    NotebookClient(nb, kernel_name="python3", timeout=120,
                   resources={"metadata": {"path": str(course.root)}}).execute()
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    assert not any("Traceback" in out.get("text", "") for out in outputs)
    views = [out for out in outputs if "application/vnd.jupyter.widget-view+json"
             in out.get("data", {})]
    assert len(views) == 1
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    models = state.get("state", {}).values()
    assert sum(1 for m in models if m["model_name"] == "ImageModel") == len(CHART_KEYS)


def _wait_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("voila exited early")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"voila did not listen on {port}")


@pytest.fixture(scope="module")
def voila_dashboard(course):
    """``voila dashboard.ipynb`` in the course folder, as a trainer would start it."""
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"dashboard-voila-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "voila", NOTEBOOK.name, "--no-browser", "--Voila.ip=127.0.0.1",
             f"--port={port}", "--Voila.port_retries=0",
             "--MappingKernelManager.cull_idle_timeout=60",
             "--MappingKernelManager.cull_interval=10"],
            cwd=course.root, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_port(port, process)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.browser
def test_voila_serves_the_dashboard_to_chromium(page, voila_dashboard):
    from playwright.sync_api import expect

    page.goto(voila_dashboard)
    page.wait_for_selector(".lk-dashboard-chart-villages img", state="visible", timeout=90_000)
    assert page.locator(".lk-dashboard-chart img").count() == len(CHART_KEYS)
    # each chart decodes on its own: the villages one being on screen says nothing of this one
    page.wait_for_function(
        "document.querySelector('.lk-dashboard-chart-completion img').complete")
    natural = page.eval_on_selector(".lk-dashboard-chart-completion img", "img => img.naturalWidth")
    assert natural > 100, "the PNG decoded in the browser"
    assert "Tiến độ theo thôn" in page.inner_text(".lk-dashboard")
    page.locator(".lk-dashboard-lang button", has_text="English").click()
    page.wait_for_function(
        "document.querySelector('.lk-dashboard').innerText.includes('Progress by village')")
    # The button already read "Refresh" before the tap: what only the reply does is redraw
    # the charts, so wait until the old ones are gone, then count the new ones.
    old_chart = page.locator(".lk-dashboard-chart img").first.element_handle()
    page.locator(".lk-dashboard-refresh").click()
    page.wait_for_function("img => !img.isConnected", arg=old_chart)
    expect(page.locator(".lk-dashboard-chart img")).to_have_count(len(CHART_KEYS))
    expect(page.locator(".lk-dashboard-refresh")).to_contain_text("Refresh")
    assert page.js_errors == []
