"""What the kiosk server refuses: notebook sources, Python files, paths outside the kiosk."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser  # needs the real server, like the browser tests


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.mark.parametrize("path", [
    "voila/files/kiosk.ipynb",
    "voila/files/..%2Fnotebook%2Fkiosk.ipynb",
    "voila/files/..%2F..%2Fetc%2Fpasswd",
    "voila/render/kiosk.ipynb",
    "voila/tree",
    "kiosk.ipynb",
    "files/kiosk.ipynb",
    "notebooks/kiosk.ipynb",
    "api/contents",
    "api/contents/kiosk.ipynb",
    "api/kernels",
    "voila/templates/lk-kiosk/index.html.j2",
    "voila/templates/lk-kiosk/conf.json",
    "voila/templates/lk-kiosk/static/..%2Findex.html.j2",
    "voila/templates/lk-kiosk/static/..%2F..%2F..%2F..%2F..%2Fnotebook%2Fkiosk.ipynb",
    "voila/static/..%2F..%2Fapp.py",
    "voila/files/app.py",
])
def test_sources_and_outside_paths_are_refused(kiosk_server, path):
    status, body = fetch(kiosk_server.url + path)
    assert status in (403, 404, 405, 500), f"{path} answered {status}"
    assert "literacy_kit" not in body
    assert "nbformat" not in body


def test_page_has_no_source_and_ignores_template_override(kiosk_server):
    status, body = fetch(kiosk_server.url + "?template=lab&theme=dark")
    assert status == 200
    assert "from literacy_kit" not in body          # sources stripped
    assert "cdn.jsdelivr.net" not in body           # our template, not the stock one
    assert "voila/templates/lk-kiosk/static/fontawesome/css/all.min.css" in body
    assert "theme-dark" not in body


def test_icon_font_is_served_locally(kiosk_server):
    status, body = fetch(kiosk_server.url + "voila/templates/lk-kiosk/static/fontawesome/css/all.min.css")
    assert status == 200 and "@font-face" in body
