"""Every registered phone simulator, walked generically through the domain registry.

- After ``close()`` no widget the simulator built is still open (the kiosk's privacy rule:
  what a visitor typed must not outlive them), whichever screens were visited.
- After a language switch every visible text is in that language: no text shown carries
  a catalog or content fragment that exists only in the other language.
"""
from __future__ import annotations

import re

import pytest
from ipywidgets.widgets.widget import _instances

from literacy_kit import content, domains
from literacy_kit.core.sim_host import SimHost
from literacy_kit.i18n import LANGS, catalog
from literacy_kit.testing import texts

SIMULATORS = [(domain.key, ref) for domain in domains.registered() for ref in domain.simulators]


def open_widgets() -> set[str]:
    return set(_instances)


def build(ref: str, lang: str = "vi") -> SimHost:
    cls = domains.resolve(ref)
    assert issubclass(cls, SimHost), f"{ref} is not a SimHost"
    return cls(lang=lang, seed=11)


def test_the_kit_registers_simulators():
    assert {key for key, _ in SIMULATORS} >= {"vneid", "services"}


@pytest.mark.parametrize("key, ref", SIMULATORS)
def test_close_leaves_no_widget_it_built(key, ref):
    before = open_widgets()
    sim = build(ref)
    for screen in sim.screen_classes:  # visit every screen so each is built and cached
        try:
            sim.go(screen)
        except Exception:  # noqa: BLE001 - a screen that refuses to show is still built
            sim.screen(screen)
    sim.fill(**{name: "0912 345 678" for name in sim.current.fields})
    built = open_widgets() - before
    assert len(built) > 50
    sim.close()
    left = open_widgets() & built
    assert not left, f"{key}: {len(left)} widgets still open after close()"


def fragments(lang: str) -> set[str]:
    """Long pieces of texts that exist in ``lang`` only (catalogs and content bundles)."""
    other = next(code for code in LANGS if code != lang)
    pairs = [(catalog(lang).get(k), catalog(other).get(k)) for k in catalog(lang)]
    for name in content.available():
        bundle = content.load(name)
        for page in bundle.pages.values():
            pairs += [(page.title.get(lang), page.title.get(other))]
            pairs += [(text.get(lang), text.get(other)) for text in page.body]
    pieces = set()
    for mine, theirs in pairs:
        if not mine or not theirs or mine == theirs:
            continue
        for piece in re.split(r"\{[^}]*\}|<[^>]+>|\n", mine):
            piece = piece.strip(" .,:;!?()\u2026\"'")
            if len(piece) >= 16 and piece not in theirs:
                pieces.add(piece)
    return pieces


@pytest.mark.parametrize("key, ref", SIMULATORS)
@pytest.mark.parametrize("start, switch", [("vi", "en"), ("en", "vi")])
def test_a_language_switch_relabels_every_visible_text(key, ref, start, switch):
    foreign = fragments(start)
    sim = build(ref, lang=start)
    try:
        for screen in list(sim.screen_classes)[:8]:
            sim.go(screen)
            sim.lang = switch
            shown = texts(sim)
            leftovers = sorted(piece for piece in foreign if piece in shown)
            assert not leftovers, f"{key}/{screen} after switching to {switch}: {leftovers[:3]}"
            sim.lang = start
    finally:
        sim.close()
