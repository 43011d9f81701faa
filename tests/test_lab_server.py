"""``literacy-kit lab`` for real: a JupyterLab server on the lessons, in Vietnamese."""
from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest

from literacy_kit import lab
from support import ROOT, free_port, wait_http

pytestmark = pytest.mark.notebook

TOKEN = "lk-test-token"


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    settings = tmp_path_factory.mktemp("lab-settings")
    lab.install_user_settings(settings)
    port = free_port()
    launch = lab.build_launch(ROOT / "lessons", port=port, open_browser=False, settings_dir=settings)
    command = launch.command + [f"--IdentityProvider.token={TOKEN}"]
    log = tmp_path_factory.mktemp("lab-log") / "lab.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=launch.env, cwd=launch.cwd, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_http(f"{url}api/status?token={TOKEN}", timeout=90)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def get_json(url: str):
    with urllib.request.urlopen(f"{url}{'&' if '?' in url else '?'}token={TOKEN}", timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def test_lab_serves_the_lessons(lab_url):
    names = [item["name"] for item in get_json(lab_url + "api/contents")["content"]]
    assert "00_lam_quen.ipynb" in names


def test_lab_speaks_vietnamese(lab_url):
    languages = get_json(lab_url + "lab/api/translations")["data"]
    assert "vi_VN" in languages
    locale = get_json(lab_url + "lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert locale["settings"]["locale"] == "vi_VN"


def test_code_font_renders_vietnamese(lab_url):
    themes = get_json(lab_url + "lab/api/settings/@jupyterlab/apputils-extension:themes")
    assert "Noto Sans Mono" in themes["settings"]["overrides"]["code-font-family"]
