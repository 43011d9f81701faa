"""``make_handouts``: every handout of the course as PDF files in one folder.

File names are ASCII and stable (``plan_<id>.pdf``, ``check_<id>.pdf``,
``check_key_<id>.pdf``, ``glossary.pdf``, ``scam_rules.pdf``, ``contacts.pdf``,
``steps_<card>.pdf``) so a trainer's print list does not change between runs. Step cards
come from the lesson domains through the domain registry; this module names no domain.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .. import content
from ..i18n import normalize_lang
from . import render
from .contacts import load_contacts
from .plans import load_plans
from .render import StepCard


def step_cards() -> list[StepCard]:
    """Step cards every registered domain offers (a domain without any offers none)."""
    from .. import domains

    cards: list[StepCard] = []
    for domain in domains.registered():
        for ref in domain.step_cards:
            cards.extend(domains.resolve(ref)())
    return cards


def handout_jobs(lang: str, contacts: str | os.PathLike | None = None
                 ) -> list[tuple[str, Callable[[], bytes]]]:
    """(file name, renderer) for every handout; files are only drawn when a job runs.

    Settings are read first, so a bad contacts file stops the run before anything is written.
    """
    lang = normalize_lang(lang)
    sheet = load_contacts(contacts)
    jobs: list[tuple[str, Callable[[], bytes]]] = []
    for plan in load_plans():
        jobs += [(f"plan_{plan.id}.pdf", lambda p=plan: render.render_plan(p, lang)),
                 (f"check_{plan.id}.pdf", lambda p=plan: render.render_check(p, lang)),
                 (f"check_key_{plan.id}.pdf", lambda p=plan: render.render_check_key(p, lang))]
    jobs += [("glossary.pdf", lambda: render.render_glossary(content.load("glossary"), lang)),
             ("scam_rules.pdf", lambda: render.render_pages(content.load("scam_rules"), lang)),
             ("contacts.pdf", lambda: render.render_contacts(sheet, lang))]
    jobs += [(f"steps_{card.id}.pdf", lambda c=card: render.render_step_card(c, lang))
             for card in step_cards()]
    return jobs


def make_handouts(out_dir: str | os.PathLike, lang: str = "vi",
                  contacts: str | os.PathLike | None = None, progress=None) -> list[Path]:
    """Write every handout into ``out_dir``; return the paths in print order.

    Each file is written to a temporary name and moved into place, so an interrupted run
    never leaves a half-written PDF for the print shop.
    """
    jobs = handout_jobs(lang, contacts)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in jobs:
        path = folder / name
        temporary = folder / f".{name}.tmp"
        temporary.write_bytes(draw())
        os.replace(temporary, path)
        written.append(path)
        if progress is not None:
            progress(len(written), len(jobs))
    return written
