"""The light page (template ``lk-page``) on a notebook of its own, under a base URL like a
JupyterHub user's: outputs rendered, widgets live through the kernel, no source, no
traceback, and a page that cannot load its widgets says so with an event."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from literacy_kit import page as light_page
from support import ARTIFACTS, free_port, wait_http

BASE = "/user/learner-7/"
CELLS = [
    ("markdown", "# Bài *một*"),
    ("code", "print('in ra 12')"),
    ("code", "from IPython.display import HTML\nHTML('<b class=\"lk-test-html\">đậm</b>')"),
    ("code", "import ipywidgets as w\n"
             "label = w.Label('0')\n"
             "button = w.Button(description='Tăng', icon='home')\n"
             "button.add_class('lk-test-button')\n"
             "label.add_class('lk-test-label')\n"
             "def more(_):\n    label.value = str(int(label.value) + 1)\n"
             "button.on_click(more)\n"
             "check = w.Checkbox(description='<b>chọn</b><img src=x onerror=\"window.lkBad=1\">',"
             " description_allow_html=True)\n"
             "check.add_class('lk-test-check')\n"
             "w.VBox([button, label, w.IntSlider(3), w.Dropdown(options=['a', 'b']), check])"),
    ("code", "raise ValueError('secret solution 42')"),
]


def notebook(path):
    cells = [{"cell_type": kind, "metadata": {}, "source": source, "id": f"c{index}",
              **({"outputs": [], "execution_count": None} if kind == "code" else {})}
             for index, (kind, source) in enumerate(CELLS)]
    path.write_text(json.dumps({"cells": cells, "metadata": {"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("light-page")
    notebook(folder / "lesson.ipynb")
    port = free_port()
    env = {**os.environ, "JUPYTER_PATH": light_page.jupyter_path(os.environ.get("JUPYTER_PATH"))}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / f"light-page-{port}.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(folder / "lesson.ipynb"), "--no-browser",
         f"--port={port}", "--Voila.ip=127.0.0.1", f"--Voila.base_url={BASE}",
         f"--template={light_page.TEMPLATE_NAME}", "--show_tracebacks=False"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}{BASE}"
    try:
        wait_http(url + "voila/templates/lk-page/static/lk-page.css")
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_outputs_and_live_widgets_under_a_base_url(page, server):
    events: list[str] = []
    page.expose_function("lkEvent", lambda name: events.append(name))
    page.add_init_script("for (const name of ['lk-page-kernel', 'lk-page-ready', 'lk-page-failed'])"
                         " document.addEventListener(name, () => window.lkEvent(name));")
    page.goto(server)
    page.locator(".lk-test-button").click()
    page.wait_for_function("document.querySelector('.lk-test-label').textContent.trim() === '1'")
    assert page.locator(".lk-page-markdown h1 em").inner_text() == "một"
    assert "in ra 12" in page.locator(".lk-page-stream").inner_text()
    assert page.locator(".lk-test-html").inner_text() == "đậm"
    assert page.locator(".widget-slider").count() == 1
    assert page.locator(".widget-dropdown select").count() == 1
    assert page.locator(".lk-test-button .fa-home").bounding_box()["width"] > 0
    # an HTML description shows its text, never its markup (js/page/src/sanitize.js)
    description = page.locator(".lk-test-check").inner_text()
    assert "chọn" in description and "<" not in description
    assert page.locator(".lk-test-check img").count() == 0
    assert page.evaluate("window.lkBad") is None
    text = page.locator("body").inner_text()
    assert "secret solution 42" not in text and "Traceback" not in text
    assert "ipywidgets" not in page.content()  # no cell source in the page
    assert events[:2] == ["lk-page-kernel", "lk-page-ready"]
    assert page.js_errors == []


def test_a_page_whose_kernel_is_gone_reports_failure(page, server):
    """A page opened on a kernel that no longer exists fires lk-page-failed (no hang)."""
    failed: list[str] = []
    page.expose_function("lkFailed", lambda name: failed.append(name))
    page.add_init_script("document.addEventListener('lk-page-failed', () => window.lkFailed('x'));")
    # the page's HTML, naming a kernel the server does not have (culled, say)
    html = page.request.get(server).text()
    kernel_id = json.loads(html.split('id="jupyter-config-data" type="application/json">')[1]
                           .split("</script>")[0])["kernelId"]
    html = html.replace(kernel_id, str(uuid.uuid4()))
    page.route(server, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(server)
    started = time.monotonic()
    assert page.evaluate("window.lkPage.ready.then(loaded => loaded === null)")
    assert time.monotonic() - started < 10  # told at once, not after the connection's retries
    assert failed == ["x"]
