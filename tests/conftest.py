"""Fixtures shared by the whole suite: closing views, a speech cache, a real kiosk server
and the system Chromium; the test tiers (``slow`` is marked here, see tests/tiers.py).

Browser tests need Debian's Chromium. On a developer machine without it they are
skipped with the command that installs it; where ``LK_REQUIRE_BROWSER=1`` (the CI
sets it) a missing Chromium fails the run instead.
"""
from __future__ import annotations

import pytest

import tiers
from literacy_kit.testing import close_all
from support import ARTIFACTS, CHROMIUM_ARGS, KioskServer, browser_required, chromium_path


def pytest_configure(config):
    """The test tiers: ``slow`` marked from what a test uses, and the guard (tests/tiers.py)."""
    config.pluginmanager.register(tiers.Tiers(), "literacy-kit-tiers")


@pytest.fixture
def keep():
    """``keep(view)`` returns ``view`` and closes it (and its children) after the test."""
    views = []

    def _keep(view):
        views.append(view)
        return view

    yield _keep
    for view in views:
        close_all(view)


@pytest.fixture(scope="session", autouse=True)
def speech_cache(tmp_path_factory):
    """Read-aloud audio goes to a fresh cache folder, not the user's (servers inherit it)."""
    import os

    from literacy_kit.speech import set_default_speaker

    folder = tmp_path_factory.mktemp("speech-cache")
    previous = os.environ.get("LK_SPEECH_CACHE")
    os.environ["LK_SPEECH_CACHE"] = str(folder)
    set_default_speaker(None)
    yield folder
    set_default_speaker(None)
    if previous is None:
        os.environ.pop("LK_SPEECH_CACHE", None)
    else:
        os.environ["LK_SPEECH_CACHE"] = previous


@pytest.fixture(scope="session")
def kiosk_server():
    server = KioskServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    """A Playwright-driven system Chromium for the whole session."""
    path = chromium_path()
    if path is None:
        message = "Chromium not found: sudo apt-get install -y chromium fonts-noto-core fonts-noto-mono"
        if browser_required():
            pytest.fail(message + " (LK_REQUIRE_BROWSER is set)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request):
    """A fresh browser context and page; a screenshot is kept in tests/artifacts/."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    finally:
        context.close()


@pytest.fixture(scope="session")
def start_kiosk():
    """Start extra kiosk servers with other options (a short idle reset, say)."""
    started: list[KioskServer] = []

    def start(**options) -> KioskServer:
        server = KioskServer(**options).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
