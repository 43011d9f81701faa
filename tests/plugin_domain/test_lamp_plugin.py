"""A domain from outside the kit (``lk_demo_domain``, installed by tools/test.sh) plugs in:
the registry, its catalog and content, the kiosk tile and its graded item, all without a
line of it in ``literacy_kit``. A broken plug-in is skipped with a translated warning."""
from __future__ import annotations

import logging
from importlib.metadata import EntryPoint
from pathlib import Path

import ipywidgets as w
import pytest

import literacy_kit
from literacy_kit import content, domains
from literacy_kit.grading import Exercise, Grader
from literacy_kit.i18n import t
from literacy_kit.kiosk.app import KioskApp
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.testing import find_one, texts

KIT = Path(literacy_kit.__file__).parent


def test_the_domain_is_registered_from_its_own_package_outside_the_kit():
    lamp = domains.find("lamp")
    assert lamp is not None and lamp.package == "lk_demo_domain"
    assert not lamp.root().resolve().is_relative_to(KIT.resolve())
    assert (lamp.catalog_dir("vi") / "lamp.json").is_file()
    assert domains.for_exercise("lamp") is lamp
    assert "lk_demo_domain.lamp" in domains.preload_modules()
    assert [d.key for d in domains.registered()][-1] == "lamp"   # order 900, after the kit's


@pytest.mark.parametrize("lang, title, switch", [("vi", "Bật đèn", "Công tắc"),
                                                 ("en", "Turn on the lamp", "Switch")])
def test_its_catalog_and_content_are_read_like_the_kits(lang, title, switch):
    assert t("lamp.domain_title", lang) == title
    assert t("lamp.switch", lang) == switch
    assert content.load("lamp_exercise").title.get(lang) == title
    assert "lamp_exercise" in content.available()


@pytest.fixture
def kiosk():
    app = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    yield app
    app.home()
    app.close()


def test_its_tile_is_on_the_kiosk_home_and_a_tap_turns_on_the_lamp(kiosk):
    button = find_one(kiosk, w.Button, css="lk-kiosk-tile-lamp")
    assert "Bật đèn" in button.description
    button.click()
    assert kiosk.screen_key == "lamp"
    find_one(kiosk.screen, w.Button, css="lk-lamp-switch").click()
    assert "Đèn đang sáng." in texts(kiosk.screen)
    kiosk.set_lang("en")
    assert "The lamp is on." in texts(kiosk.screen)
    screen = kiosk.screen
    kiosk.home()
    assert kiosk.screen is None and screen.comm is None     # closed, as the privacy rule wants


def test_its_graded_item_is_answered_by_tapping_and_comes_back(tmp_path, keep):
    item = keep(Exercise("lamp", folder=tmp_path, lang="en").lamp_switch("lamp"))
    switch = find_one(item, w.Button, css="lk-lamp-switch")
    for _ in range(3):
        switch.click()
    assert Exercise("lamp", folder=tmp_path).store.get("lamp") == {"on": True, "taps": 3}
    again = keep(Exercise("lamp", folder=tmp_path, lang="en").lamp_switch("lamp"))
    assert again.views[0].state.on and again.views[0].state.taps == 3
    assert "The lamp is on." in texts(again)
    assert Grader("lamp", folder=tmp_path, lang="en").value("lamp", "on", True, points=2) == 2.0
    switch.click()
    assert Grader("lamp", folder=tmp_path, lang="en").value("lamp", "on", True, points=2) == 0.0


@pytest.fixture
def broken_plugin(tmp_path, monkeypatch):
    """One more entry point in the group, whose module raises on import; yields the keys of
    the domains that load."""
    expected = [d.key for d in domains.reload()]
    (tmp_path / "lk_broken_domain.py").write_text("raise RuntimeError('no lamp oil')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    real = domains.entry_points

    def entry_points(group):
        broken = EntryPoint(name="broken", value="lk_broken_domain:domain", group=group)
        return [*real(group=group), broken]

    monkeypatch.setattr(domains, "entry_points", entry_points)
    yield expected
    monkeypatch.undo()
    domains.reload()


def test_a_broken_plugin_is_skipped_with_a_translated_warning(broken_plugin, caplog):
    with caplog.at_level(logging.WARNING, logger="literacy_kit.domains"):
        registered = domains.reload()
    assert [d.key for d in registered] == broken_plugin and "lamp" in broken_plugin
    assert domains.failures() == [("broken", "RuntimeError: no lamp oil")]
    [record] = [r for r in caplog.records if r.name == "literacy_kit.domains"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == t("errors.plugin_failed", "vi", name="broken",
                                    reason="RuntimeError: no lamp oil")
    assert "Không nạp được" in record.getMessage()
    kiosk = KioskApp(settings=KioskSettings(lang="vi", idle_reset=60))
    try:
        find_one(kiosk, w.Button, css="lk-kiosk-tile-lamp")       # the others still work
    finally:
        kiosk.close()
