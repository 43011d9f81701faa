"""The trainer's progress report: one self-contained HTML page and a CSV for spreadsheets.

``reports/report.html`` embeds its charts as PNG data URIs and links to nothing (the
commune office may be offline); every chart has a table with its numbers, for screen
readers and for copying. ``reports/results.csv`` has one row per learner, in UTF-8 with
a byte-order mark so that Excel shows Vietnamese letters (decimal points, comma
separators: what LibreOffice, Google Sheets and scripts read everywhere).

The report is for the trainer and the commune: it shows the names from the roster.
"""
from __future__ import annotations

import base64
import csv
import datetime
import html
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..grading.checks import format_points
from ..i18n import normalize_lang, t
from .course_dir import CourseDir
from .prepost import PrePost, read_prepost
from .report_charts import Chart, build_charts
from .results import CourseResults, read_results
from .settings import CourseSettings

STYLE = """
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 60em;
       padding: 0 1em; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.95em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #b0bec5; padding: 0.25em 0.6em; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.lk-report-empty { background: #fff8e1; border-left: 4px solid #f9a825; padding: 0.6em 1em; }
.lk-report-summary li { margin: 0.2em 0; }
"""


@dataclass(frozen=True)
class ReportFiles:
    """The files :func:`build_report` wrote."""

    html: Path
    csv: Path


def _tr(key: str, lang: str, **fmt) -> str:
    return t(f"course.report_{key}", lang, **fmt)


def format_date(day: datetime.date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def display_name(results: CourseResults, learner_id: str, lang: str) -> str:
    learner = results.learners[learner_id]
    return learner.name or _tr("not_on_roster", lang)


def _number(value: float | None) -> str:
    """Plain dot-decimal number for the CSV ("" when nothing was handed in)."""
    if value is None:
        return ""
    return f"{round(value, 2):g}"


def _cell(text: str) -> str:
    numeric = text.replace(",", "").replace(".", "").replace("%", "").replace(" ", "")
    css = ' class="num"' if numeric.isdigit() else ""
    return f"<td{css}>{html.escape(text)}</td>"


def html_table(caption: str, headers: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "\n".join("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    return (f'<table class="lk-report-table {css}"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>")


def chart_section(chart: Chart, lang: str) -> str:
    data = base64.b64encode(chart.png).decode("ascii")
    table = (html_table(_tr("table_of", lang, title=chart.title), chart.headers, chart.rows)
             if chart.rows else f"<p>{html.escape(_tr('no_data', lang))}</p>")
    return (f'<section class="lk-report-chart" id="chart-{chart.key}">'
            f"<h2>{html.escape(chart.title)}</h2>"
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(chart.title)}">'
            f"{table}</section>")


def learner_rows(results: CourseResults, lang: str) -> tuple[list[str], list[list[str]]]:
    """The learner table of the HTML page (numbers written the way ``lang`` writes them)."""
    headers = ([_tr(k, lang) for k in ("learner_id", "name", "village", "role")]
               + results.assignments + [_tr("total", lang), _tr("passed", lang)])
    rows = []
    for lid in results.learner_ids:
        learner = results.learners[lid]
        row = [lid, display_name(results, lid, lang), learner.village, learner.role_label(lang)]
        for assignment in results.assignments:
            result = results.result(lid, assignment)
            row.append(_tr("not_submitted_short", lang) if not result.submitted else
                       f"{format_points(result.score, lang)}/{format_points(result.max_score, lang)}")
        score, maximum = results.total(lid)
        row += [f"{format_points(score, lang)}/{format_points(maximum, lang)}",
                _tr("yes" if results.passed(lid) else "no", lang)]
        rows.append(row)
    return headers, rows


def module_rows(results: CourseResults, lang: str) -> tuple[list[str], list[list[str]]]:
    """Each assignment's id and the label of the domain that owns it (from its catalog)."""
    from .certificates import assignment_title

    headers = [_tr("assignment", lang), _tr("module", lang)]
    return headers, [[name, assignment_title(name, lang)] for name in results.assignments]


def summary_items(results: CourseResults, lang: str) -> list[str]:
    required = ", ".join(results.required) or _tr("none", lang)
    return [_tr("summary_learners", lang, count=len(results.learners)),
            _tr("summary_submitted", lang, count=sum(results.submitted_any(lid)
                                                     for lid in results.learners)),
            _tr("summary_passed", lang, count=len(results.passes())),
            _tr("summary_rule", lang, percent=format_points(100 * results.pass_fraction, lang),
                required=required)]


def _percent(share: float | None, lang: str, signed: bool = False) -> str:
    if share is None:
        return "–"
    text = format_points(100 * share, lang)
    return (f"+{text}" if signed and share > 0 else text) + ("" if signed else "%")


def prepost_section(prepost: PrePost, lang: str) -> str:
    """Before/after check averages per session, and the lines of prepost.csv left out."""
    if not prepost.results and not prepost.problems:
        return ""
    rows = [[s.title, str(s.learners), _percent(s.pre_share, lang), _percent(s.post_share, lang),
             _percent(s.change, lang, signed=True)] for s in prepost.summaries(lang)]
    headers = [t(f"course.prepost_{k}", lang) for k in ("session", "learners", "before", "after", "change")]
    parts = [f'<section id="prepost"><h2>{html.escape(t("course.prepost_heading", lang))}</h2>',
             f"<p>{html.escape(t('course.prepost_intro', lang))}</p>",
             html_table(t("course.prepost_heading", lang), headers, rows, "lk-report-prepost")]
    if prepost.problems:
        parts.append(f"<p>{html.escape(t('course.prepost_skipped', lang))}</p><ul>"
                     + "".join(f"<li>{html.escape(p.message(lang))}</li>" for p in prepost.problems)
                     + "</ul>")
    return "".join(parts) + "</section>"


def render_html(results: CourseResults, charts: list[Chart], lang: str,
                day: datetime.date | None = None, prepost: PrePost | None = None) -> str:
    day = day or datetime.date.today()
    title = _tr("title", lang)
    parts = [f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
             f"<h1>{html.escape(title)}</h1>",
             f"<p>{html.escape(_tr('generated', lang, date=format_date(day, lang)))}</p>",
             '<ul class="lk-report-summary">'
             + "".join(f"<li>{html.escape(item)}</li>" for item in summary_items(results, lang))
             + "</ul>"]
    if not results.has_submissions:
        parts.append(f'<p class="lk-report-empty">{html.escape(_tr("empty", lang))}</p>')
    headers, rows = module_rows(results, lang)
    if rows:
        parts.append(f'<section id="modules"><h2>{html.escape(_tr("modules_heading", lang))}</h2>'
                     + html_table(_tr("modules_heading", lang), headers, rows, "lk-report-modules")
                     + "</section>")
    parts += [chart_section(chart, lang) for chart in charts]
    if prepost is not None:
        parts.append(prepost_section(prepost, lang))
    headers, rows = learner_rows(results, lang)
    parts.append(f'<section id="learners"><h2>{html.escape(_tr("learners_heading", lang))}</h2>'
                 + (html_table(_tr("learners_heading", lang), headers, rows, "lk-report-learners")
                    if rows else f"<p>{html.escape(_tr('no_learners', lang))}</p>")
                 + "</section>")
    parts.append(f"<footer><p>{html.escape(_tr('footer', lang))}</p></footer>\n</body>\n</html>\n")
    return "\n".join(parts)


def csv_rows(results: CourseResults, lang: str) -> list[list[str]]:
    """Header and one row per learner: scores with a decimal point, yes/no words."""
    header = [_tr(k, lang) for k in ("learner_id", "name", "village", "role")]
    for assignment in results.assignments:
        header += [_tr("csv_score", lang, name=assignment), _tr("csv_max", lang, name=assignment),
                   _tr("csv_completed", lang, name=assignment)]
    header += [_tr("csv_total", lang), _tr("csv_total_max", lang), _tr("passed", lang)]
    rows = [header]
    for lid in results.learner_ids:
        learner = results.learners[lid]
        row = [lid, learner.name, learner.village, learner.role_label(lang)]
        for assignment in results.assignments:
            result = results.result(lid, assignment)
            row += [_number(result.score), _number(result.max_score),
                    _tr("yes" if result.completed else "no", lang)]
        score, maximum = results.total(lid)
        row += [_number(score), _number(maximum), _tr("yes" if results.passed(lid) else "no", lang)]
        rows.append(row)
    return rows


def _write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write through a temporary file, so a trainer never opens a half-written report."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "w", encoding=encoding, newline="") as out:
        out.write(text)
    os.replace(temporary, path)


def build_report(course: CourseDir, lang: str = "vi", out_dir: str | os.PathLike | None = None,
                 settings: CourseSettings | None = None) -> ReportFiles:
    """Write ``report.html`` and ``results.csv`` (default folder: ``<course>/reports``)."""
    lang = normalize_lang(lang)
    results = read_results(course, settings)
    folder = Path(out_dir) if out_dir is not None else course.reports
    folder.mkdir(parents=True, exist_ok=True)
    files = ReportFiles(folder / "report.html", folder / "results.csv")
    _write_text(files.html, render_html(results, build_charts(results, lang), lang,
                                        prepost=read_prepost(course)))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(results, lang))
    _write_text(files.csv, buffer.getvalue(), encoding="utf-8-sig")
    return files
