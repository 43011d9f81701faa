"""The charts of the progress report, each with the table of the numbers it plots.

Charts are drawn on :class:`matplotlib.figure.Figure` objects with the Agg canvas, never
through ``pyplot``: no global figure state, nothing left open in a trainer's kernel.
DejaVu Sans (bundled with matplotlib) has every Vietnamese letter.

>>> from literacy_kit.course.results import CourseResults
>>> charts = build_charts(CourseResults(), "en")
>>> [chart.key for chart in charts][:2], charts[0].png[:4]
(['completion', 'modules'], b'\\x89PNG')
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..grading.checks import format_points
from ..i18n import t
from .results import CourseResults, GroupProgress

FONT = "DejaVu Sans"
COLOURS = {"done": "#2e7d32", "started": "#f9a825", "missing": "#cfd8dc",
           "bar": "#1565c0", "hard": "#c62828", "passed": "#6a1b9a"}
HARDEST = 10
BINS = list(range(0, 101, 10))


@dataclass
class Chart:
    """One chart: PNG bytes, its title and the same numbers as a table."""

    key: str
    title: str
    png: bytes
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    empty: bool = False


def _tr(key: str, lang: str, **fmt) -> str:
    return t(f"course.report_{key}", lang, **fmt)


def percent(part: float, whole: float, lang: str) -> str:
    """``"66,7 %"`` (one decimal; Vietnamese writes a decimal comma)."""
    return share(part / whole if whole else 0.0, lang)


def share(fraction: float, lang: str) -> str:
    return f"{format_points(round(100.0 * fraction, 1), lang)} %"


def _figure(rows: int = 1) -> Figure:
    height = max(3.0, 0.9 + 0.45 * rows)
    figure = Figure(figsize=(8.0, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    figure.clear()
    return buffer.getvalue()


def _style(axes, title: str, xlabel: str = "", ylabel: str = "") -> None:
    axes.set_title(title, fontfamily=FONT, fontsize=12, loc="left")
    axes.set_xlabel(xlabel, fontfamily=FONT)
    axes.set_ylabel(ylabel, fontfamily=FONT)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(FONT)
    axes.spines[["top", "right"]].set_visible(False)


def _no_data(axes, lang: str) -> None:
    axes.text(0.5, 0.5, _tr("no_data", lang), ha="center", va="center", fontfamily=FONT,
              fontsize=12, transform=axes.transAxes)
    axes.set_xticks([])
    axes.set_yticks([])


def completion_chart(results: CourseResults, lang: str) -> Chart:
    """Per assignment: learners who completed it, handed it in below the mark, or not."""
    title = _tr("chart_completion", lang)
    names = results.assignments
    total = len(results.learners)
    done = [results.completions(a) for a in names]
    started = [results.submissions(a) - d for a, d in zip(names, done)]
    missing = [total - d - s for d, s in zip(done, started)]
    figure = _figure(len(names))
    axes = figure.add_subplot()
    if names and total:
        axes.barh(names, done, color=COLOURS["done"], label=_tr("completed", lang))
        axes.barh(names, started, left=done, color=COLOURS["started"],
                  label=_tr("below_mark", lang))
        axes.barh(names, missing, left=[d + s for d, s in zip(done, started)],
                  color=COLOURS["missing"], label=_tr("not_submitted", lang))
        axes.invert_yaxis()
        figure.legend(prop={"family": FONT, "size": 9}, loc="outside lower center", ncols=3)
    else:
        _no_data(axes, lang)
    _style(axes, title, _tr("learners", lang))
    rows = [[a, str(d), str(s), str(m), percent(d, total, lang)]
            for a, d, s, m in zip(names, done, started, missing)]
    headers = [_tr(k, lang) for k in ("assignment", "completed", "below_mark", "not_submitted",
                                      "share_completed")]
    return Chart("completion", title, _png(figure), headers, rows, not (names and total))


def modules_chart(results: CourseResults, lang: str) -> Chart:
    """Share of all learners who completed each module, and who passed the course."""
    title = _tr("chart_modules", lang)
    total = len(results.learners)
    labels = list(results.assignments) + [_tr("whole_course", lang)]
    counts = [results.completions(a) for a in results.assignments] + [len(results.passes())]
    shares = [100.0 * c / total if total else 0.0 for c in counts]
    figure = _figure(len(labels))
    axes = figure.add_subplot()
    if total and results.assignments:
        colours = [COLOURS["bar"]] * (len(labels) - 1) + [COLOURS["passed"]]
        bars = axes.barh(labels, shares, color=colours)
        axes.bar_label(bars, labels=[percent(c, total, lang) for c in counts], padding=3,
                       fontfamily=FONT)
        axes.set_xlim(0, 115)
        axes.invert_yaxis()
    else:
        _no_data(axes, lang)
    _style(axes, title, _tr("percent_of_learners", lang))
    rows = [[label, str(c), str(total), percent(c, total, lang)] for label, c in zip(labels, counts)]
    headers = [_tr(k, lang) for k in ("module", "completed", "learners", "share_completed")]
    return Chart("modules", title, _png(figure), headers, rows, not (total and results.assignments))


def distribution_chart(results: CourseResults, lang: str) -> Chart:
    """Histogram of learners' total score in percent (those who handed anything in)."""
    title = _tr("chart_distribution", lang)
    values = [results.total_percent(lid) for lid in results.learner_ids
              if results.submitted_any(lid)]
    counts = [0] * (len(BINS) - 1)
    for value in values:
        counts[min(int(value // 10), len(counts) - 1)] += 1
    figure = _figure(6)
    axes = figure.add_subplot()
    if values:
        axes.bar([b + 5 for b in BINS[:-1]], counts, width=9, color=COLOURS["bar"])
        axes.set_xticks(BINS)
        axes.yaxis.get_major_locator().set_params(integer=True)
    else:
        _no_data(axes, lang)
    _style(axes, title, _tr("total_percent", lang), _tr("learners", lang))
    rows = [[f"{low}–{high} %", str(count)]
            for low, high, count in zip(BINS[:-1], BINS[1:], counts)]
    return Chart("distribution", title, _png(figure),
                 [_tr("score_band", lang), _tr("learners", lang)], rows, not values)


def hardest_chart(results: CourseResults, lang: str) -> Chart:
    """The questions with the lowest average share of points (top 10)."""
    questions = results.hardest_questions(HARDEST)
    title = _tr("chart_hardest", lang, count=len(questions) or HARDEST)
    figure = _figure(len(questions))
    axes = figure.add_subplot()
    if questions:
        shares = [100.0 * q.average_fraction for q in questions]
        bars = axes.barh([q.label for q in questions], shares, color=COLOURS["hard"])
        axes.bar_label(bars, labels=[share(q.average_fraction, lang) for q in questions],
                       padding=3, fontfamily=FONT)
        axes.set_xlim(0, 115)
        axes.invert_yaxis()
    else:
        _no_data(axes, lang)
    _style(axes, title, _tr("average_percent", lang))
    rows = [[q.assignment, q.cell, format_points(q.max_score, lang), str(q.submissions),
             share(q.average_fraction, lang)] for q in questions]
    headers = [_tr(k, lang) for k in ("assignment", "question", "points", "submissions",
                                      "average_percent")]
    return Chart("hardest", title, _png(figure), headers, rows, not questions)


def _group_chart(key: str, results: CourseResults, groups: list[GroupProgress],
                 label_of, lang: str) -> Chart:
    title = _tr(f"chart_{key}", lang)
    labels = [label_of(group) for group in groups]
    series = [(a, [100.0 * g.share_completed(a) for g in groups]) for a in results.assignments]
    series.append((_tr("whole_course", lang), [100.0 * g.share_passed for g in groups]))
    figure = _figure(len(groups) * (len(series) + 1) // 2 + 1)
    axes = figure.add_subplot()
    if groups and results.assignments:
        height = 0.8 / len(series)
        palette = ["#1565c0", "#2e7d32", "#ef6c00", "#00838f", "#ad1457"]
        for index, (name, shares) in enumerate(series):
            colour = COLOURS["passed"] if index == len(series) - 1 else palette[index % 5]
            axes.barh([i + index * height for i in range(len(groups))], shares, height=height,
                      color=colour, label=name)
        axes.set_yticks([i + 0.4 - height / 2 for i in range(len(groups))], labels)
        axes.set_xlim(0, 100)
        axes.invert_yaxis()
        figure.legend(prop={"family": FONT, "size": 9}, loc="outside lower center",
                      ncols=min(4, len(series)))
    else:
        _no_data(axes, lang)
    _style(axes, title, _tr("percent_of_learners", lang))
    headers = ([_tr("village" if key == "villages" else "role", lang), _tr("learners", lang)]
               + [_tr("completed_named", lang, name=a) for a in results.assignments]
               + [_tr("passed", lang), _tr("share_passed", lang)])
    rows = [[label, str(g.learners)] + [str(g.completed.get(a, 0)) for a in results.assignments]
            + [str(g.passed), percent(g.passed, g.learners, lang)]
            for label, g in zip(labels, groups)]
    return Chart(key, title, _png(figure), headers, rows, not (groups and results.assignments))


def villages_chart(results: CourseResults, lang: str) -> Chart:
    return _group_chart("villages", results, results.by_village(),
                        lambda g: g.key or _tr("not_on_roster", lang), lang)


def roles_chart(results: CourseResults, lang: str) -> Chart:
    return _group_chart("roles", results, results.by_role(),
                        lambda g: t(f"course.roster_role_{g.key}", lang), lang)


CHARTS = (completion_chart, modules_chart, distribution_chart, hardest_chart,
          villages_chart, roles_chart)


def build_charts(results: CourseResults, lang: str = "vi") -> list[Chart]:
    """Every chart of the report, in reading order."""
    return [make(results, lang) for make in CHARTS]
