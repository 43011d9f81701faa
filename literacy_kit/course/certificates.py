"""Completion slips: one PDF per learner who passed, with the name spelt with its diacritics.

A slip is a training record, not a diploma or an official certificate, and says so in
a box on the page. The font is embedded (a subset of Noto Sans from Debian's
fonts-noto-core, else matplotlib's DejaVu Sans, which is always installed; nothing is
downloaded), so Vietnamese prints the same on any computer. File names come from the
pseudonymous learner id (``hv017.pdf``), never from the name.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from .. import domains
from ..grading.checks import format_points
from ..i18n import catalog, normalize_lang, t
from .course_dir import CourseDir
from .results import CourseResults, read_results
from .settings import CourseSettings

NOTO = Path("/usr/share/fonts/truetype/noto")
FAMILY = "lk-slip"


def font_files() -> tuple[Path, Path]:
    """(regular, bold) TrueType files with Vietnamese glyphs, from fonts on this machine."""
    regular, bold = NOTO / "NotoSans-Regular.ttf", NOTO / "NotoSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        return regular, bold
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


def _tr(key: str, lang: str, **fmt) -> str:
    return t(f"course.cert_{key}", lang, **fmt)


def assignment_title(name: str, lang: str) -> str:
    """The label of the domain that owns assignment ``name`` (from its catalog), else the id."""
    domain = domains.for_exercise(name)
    key = domain.certificate_label if domain else None
    if key and (key in catalog(lang) or key in catalog("vi")):
        return t(key, lang)
    return name


def eligible(results: CourseResults) -> tuple[list[str], list[str]]:
    """Learners who passed: (on the roster with a name, not on the roster: no slip)."""
    passed = results.passes()
    named = [lid for lid in passed if results.learners[lid].name]
    return named, [lid for lid in passed if lid not in named]


def _date(day: datetime.date, lang: str) -> str:
    return _tr("date", lang, day=day.day, month=day.month, year=day.year)


def render_slip(results: CourseResults, learner_id: str, settings: CourseSettings, lang: str,
                day: datetime.date) -> bytes:
    """The PDF bytes of one learner's completion slip."""
    from fpdf import FPDF

    learner = results.learners[learner_id]
    regular, bold = font_files()
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font(FAMILY, "", str(regular))
    pdf.add_font(FAMILY, "B", str(bold))
    programme = settings.programme or _tr("programme_default", lang)
    pdf.set_title(_tr("title", lang))
    pdf.set_lang(lang)
    pdf.set_creator("literacy_kit")
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: float, style: str = "", align: str = "C", gap: float = 2.0):
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(width, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    if settings.organiser:
        line(settings.organiser, 12, "B", gap=1)
    line(programme, 12, gap=10)
    line(_tr("title", lang), 20, "B", gap=8)
    line(_tr("confirms", lang), 12, gap=4)
    line(learner.name, 24, "B", gap=4)
    details = [_tr("learner_id", lang, id=learner_id)]
    if learner.village:
        details.append(_tr("village", lang, village=learner.village))
    line(" · ".join(details), 12, gap=8)
    line(_tr("completed_modules", lang), 12, align="L", gap=2)
    pdf.set_font(FAMILY, "", 12)
    for assignment in results.assignments:
        result = results.result(learner_id, assignment)
        if not result.completed:
            continue
        score = _tr("score", lang, score=format_points(result.score, lang),
                    max=format_points(result.max_score, lang))
        pdf.cell(width * 0.72, 8, f"• {assignment_title(assignment, lang)}", new_x="RIGHT")
        pdf.cell(width * 0.28, 8, score, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    line(_date(day, lang), 12, align="R", gap=2)
    line(_tr("trainer", lang), 12, align="R", gap=26)
    # The mark: a framed box so it cannot be cut off or mistaken for small print.
    pdf.set_draw_color(198, 40, 40)
    pdf.set_line_width(0.6)
    pdf.set_font(FAMILY, "B", 11)
    pdf.multi_cell(width, 6, _tr("not_a_credential", lang), border=1, align="C", padding=3,
                   new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_certificates(course: CourseDir, lang: str = "vi", out_dir: str | os.PathLike | None = None,
                      settings: CourseSettings | None = None,
                      day: datetime.date | None = None, progress=None) -> list[Path]:
    """Write ``<id>.pdf`` for every learner on the roster who passed; return the paths.

    ``progress(done, total)`` is called after each slip (the command line draws a bar).

    A slip left over from an earlier run for a learner who no longer passes (a grade was
    corrected) is removed, so the folder always matches the gradebook.
    """
    lang = normalize_lang(lang)
    settings = settings or CourseSettings.from_course(course)
    results = read_results(course, settings)
    folder = Path(out_dir) if out_dir is not None else course.certificates
    folder.mkdir(parents=True, exist_ok=True)
    day = day or datetime.date.today()
    named, _ = eligible(results)
    written = []
    for learner_id in named:
        path = folder / f"{learner_id}.pdf"
        temporary = folder / f".{learner_id}.pdf.tmp"
        temporary.write_bytes(render_slip(results, learner_id, settings, lang, day))
        os.replace(temporary, path)
        written.append(path)
        if progress is not None:
            progress(len(written), len(named))
    for learner_id in results.learner_ids:
        if learner_id not in named:
            (folder / f"{learner_id}.pdf").unlink(missing_ok=True)
    return written
