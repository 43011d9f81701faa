"""Each handout as PDF bytes: a session plan, a before/after check sheet and its answer key,
the glossary, the scam rules card, the local contact sheet and a step card.

Texts come from content files (plans, glossary and scam rules bundles, the contacts
settings) and the ``handouts`` catalog; nothing here names a lesson domain. A step card
is plain data (:class:`StepCard`) that a domain builds from its simulator's own screens.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Bundle, Localized
from ..i18n import normalize_lang, t
from .contacts import ContactSheet
from .pdf import SMALL, Handout
from .plans import SessionPlan


def _tr(key: str, lang: str, **fmt) -> str:
    return t(f"handouts.{key}", lang, **fmt)


def clock(minutes: int) -> str:
    """``75`` → ``"1:15"``: time from the session's start, as a trainer's watch reads it."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def render_plan(plan: SessionPlan, lang: str) -> bytes:
    """The trainer's plan: goals, what to prepare, the timetable, what to cut, notes."""
    lang = normalize_lang(lang)
    doc = Handout(plan.title.get(lang), lang, landscape=True)
    doc.title(plan.title.get(lang), _tr("plan_subtitle", lang, minutes=plan.minutes,
                                         lessons=", ".join(plan.lessons)))
    doc.heading(_tr("plan_goals", lang))
    doc.bullets([g.get(lang) for g in plan.goals])
    doc.heading(_tr("plan_prepare", lang))
    doc.bullets([p.get(lang) for p in plan.prepare])
    doc.heading(_tr("plan_timetable", lang))
    rows = []
    for block in plan.blocks:
        trainer = (f"{_tr('plan_says', lang)}: {block.says.get(lang)}\n"
                   f"{_tr('plan_does', lang)}: {block.does.get(lang)}")
        learners = block.learners.get(lang) if block.learners else "–"
        rows.append([f"{clock(block.start)}–{clock(block.end)}\n"
                     + _tr("plan_minutes", lang, minutes=block.minutes),
                     f"{block.title.get(lang)}\n({_tr(f'kind_{block.kind}', lang)})", trainer, learners])
    doc.table([_tr("plan_col_time", lang), _tr("plan_col_part", lang), _tr("plan_col_trainer", lang),
               _tr("plan_col_learners", lang)], rows, [0.1, 0.2, 0.45, 0.25])
    doc.heading(_tr("plan_cut", lang, minutes=plan.cuttable_minutes))
    doc.bullets([f"{b.title.get(lang)} ({_tr('plan_minutes', lang, minutes=b.minutes)}): {b.cut.get(lang)}"
                 for b in plan.blocks if b.cuttable])
    if plan.trainer_notes:
        doc.heading(_tr("plan_notes", lang))
        doc.bullets([n.get(lang) for n in plan.trainer_notes])
    return doc.output()


def _letters(count: int) -> list[str]:
    return [chr(ord("A") + i) for i in range(count)]


def render_check(plan: SessionPlan, lang: str) -> bytes:
    """The learners' check sheet (the same before and after the session), no answers on it."""
    lang = normalize_lang(lang)
    title = _tr("check_title", lang, session=plan.title.get(lang))
    doc = Handout(title, lang)
    doc.title(title)
    doc.write_line(_tr("check_learner", lang), "")
    doc.paragraph(_tr("check_when", lang))
    doc.boxed(_tr("check_not_graded", lang))
    for number, question in enumerate(plan.check, 1):
        doc.choice(number, question.stem.get(lang),
                   list(zip(_letters(len(question.options)), (o.get(lang) for _, o in question.options))))
    return doc.output()


def render_check_key(plan: SessionPlan, lang: str) -> bytes:
    """The trainer's answer key and how to enter the results for the course report."""
    lang = normalize_lang(lang)
    title = _tr("key_title", lang, session=plan.title.get(lang))
    doc = Handout(title, lang)
    doc.title(title)
    rows = []
    for number, question in enumerate(plan.check, 1):
        ids = [option_id for option_id, _ in question.options]
        letter = _letters(len(ids))[ids.index(question.answer)]
        text = dict(question.options)[question.answer].get(lang)
        rows.append([str(number), question.stem.get(lang), f"{letter}. {text}"])
    doc.table([_tr("key_col_number", lang), _tr("key_col_question", lang), _tr("key_col_answer", lang)],
              rows, [0.08, 0.52, 0.4])
    doc.heading(_tr("key_results", lang))
    doc.paragraph(_tr("key_results_how", lang, session=plan.id, count=len(plan.check)))
    return doc.output()


def render_glossary(glossary: Bundle, lang: str) -> bytes:
    """Every jargon word with its plain explanation, in the glossary's order."""
    lang = normalize_lang(lang)
    title = glossary.title.get(lang)
    doc = Handout(title, lang)
    doc.title(title, _tr("glossary_subtitle", lang))
    rows = [[page.title.get(lang), " ".join(b.get(lang) for b in page.body)]
            for page in glossary.pages.values()]
    doc.table([_tr("glossary_col_term", lang), _tr("glossary_col_meaning", lang)], rows, [0.25, 0.75],
              size=11)
    return doc.output()


def render_pages(bundle: Bundle, lang: str, subtitle: str = "") -> bytes:
    """A bundle of titled pages as one handout (the scam rules card)."""
    lang = normalize_lang(lang)
    title = bundle.title.get(lang)
    doc = Handout(title, lang)
    doc.title(title, subtitle)
    for page in bundle.pages.values():
        doc.heading(page.title.get(lang))
        doc.bullets([b.get(lang) for b in page.body], size=11)
    return doc.output()


def render_contacts(sheet: ContactSheet, lang: str) -> bytes:
    """The local contact sheet; a number the commune has not filled in is a line to write on."""
    lang = normalize_lang(lang)
    title = _tr("contacts_title", lang)
    doc = Handout(title, lang)
    doc.title(title, sheet.commune.get(lang))
    for entry in sheet.entries:
        doc.write_line(entry.name.get(lang), entry.phone)
        if entry.note:
            doc.paragraph(entry.note.get(lang), size=SMALL)
    if sheet.banks:
        doc.heading(_tr("contacts_banks", lang))
        doc.paragraph(_tr("contacts_banks_note", lang), size=SMALL)
        for name, phone in sheet.banks:
            doc.write_line(name, phone)
    if sheet.updated:
        doc.paragraph(_tr("contacts_updated", lang, date=sheet.updated), size=SMALL)
    return doc.output()


@dataclass(frozen=True)
class Step:
    """One step of a procedure: what to tap or type, and the title of the simulator's screen
    where it happens (``None`` when the step spans a whole form)."""

    screen: Localized | None
    action: Localized
    note: Localized | None = None


@dataclass(frozen=True)
class StepCard:
    """A procedure as the simulator walks it, for a card learners hold while practising."""

    id: str
    title: Localized
    steps: tuple[Step, ...]
    footer: Localized | None = None


def render_step_card(card: StepCard, lang: str) -> bytes:
    """A step card: one phone-screen outline per step, numbered, and the simulation mark."""
    lang = normalize_lang(lang)
    title = card.title.get(lang)
    doc = Handout(title, lang)
    doc.title(title, _tr("steps_subtitle", lang))
    for number, step in enumerate(card.steps, 1):
        doc.screen(number, step.screen.get(lang) if step.screen else "", step.action.get(lang),
                   step.note.get(lang) if step.note else "")
    if card.footer:
        doc.paragraph(card.footer.get(lang))
    doc.boxed(_tr("steps_mark", lang))
    return doc.output()


def glossary_markdown(glossary: Bundle, lang: str) -> str:
    """The glossary as a Markdown page (``lessons/tu_ngu_can_biet.md``, which the lessons
    link to; JupyterLab shows it beside a lesson)."""
    lang = normalize_lang(lang)
    lines = [f"# {glossary.title.get(lang)}", "", _tr("glossary_subtitle", lang), ""]
    for page in glossary.pages.values():
        lines += [f"**{page.title.get(lang)}**: " + " ".join(b.get(lang) for b in page.body), ""]
    return "\n".join(lines)
