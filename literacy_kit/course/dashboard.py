"""The progress report as a live view for the trainer (``exercises/dashboard.ipynb`` in Voila).

The same charts and tables as ``reports/report.html``: a language toggle, a Refresh
button that reads the gradebook again (after a grading run), each chart as an
``ipywidgets.Image`` and its numbers as an HTML table. Reading never writes to the
gradebook; a course that cannot be found or read shows a friendly message.

>>> import tempfile
>>> view = CourseDashboard(course=tempfile.mkdtemp(), lang="en")
>>> "nbgrader_config.py" in view.status.value
True
>>> view.close()
"""
from __future__ import annotations

import html
import os

import ipywidgets as w
from traitlets import Instance

from ..core.base import LangView, css
from .course_dir import CourseDir
from .errors import CourseError
from .report import html_table, learner_rows, summary_items
from .report_charts import Chart, build_charts
from .results import CourseResults, read_results
from .settings import CourseSettings


class CourseDashboard(LangView):
    """Charts and tables of one course; ``refresh()`` and ``lang`` are the seams."""

    results = Instance(CourseResults, allow_none=True, help="What the last refresh read.")

    def __init__(self, course: str | os.PathLike | CourseDir | None = None, lang: str = "vi",
                 **kwargs):
        self._course_arg = course
        self.heading = css(w.HTML(), "lk-dashboard-heading")
        self._error: CourseError | None = None
        self.lang_toggle = css(w.ToggleButtons(options=[("vi", "vi"), ("en", "en")]),
                               "lk-dashboard-lang")
        self.refresh_button = css(w.Button(icon="refresh"), "lk-dashboard-refresh")
        self.status = css(w.HTML(), "lk-dashboard-status")
        self.body = css(w.VBox(), "lk-dashboard-body")
        super().__init__(children=[self.heading, w.HBox([self.lang_toggle, self.refresh_button]),
                                   self.status, self.body], **kwargs)
        css(self, "lk-dashboard")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.lang_toggle.observe(self._on_toggle, names="value")
        self.set_trait("lang", lang)
        self.refresh()

    # -- seams ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roster and gradebook again and redraw."""
        try:
            course = (self._course_arg if isinstance(self._course_arg, CourseDir)
                      else CourseDir.find(self._course_arg))
            self.results = read_results(course, CourseSettings.from_course(course))
            self._error = None
        except CourseError as exc:
            self.results, self._error = None, exc
        self.relabel()

    def charts(self) -> list[Chart]:
        return build_charts(self.results, self.lang) if self.results is not None else []

    # -- drawing -------------------------------------------------------------------------
    def _on_toggle(self, change):
        self.lang = change["new"]

    def relabel(self) -> None:
        if not hasattr(self, "body"):
            return
        self.heading.value = f"<h2>{html.escape(self.tr('course.report_title'))}</h2>"
        self.lang_toggle.unobserve(self._on_toggle, names="value")
        self.lang_toggle.options = [(self.tr("course.dashboard_lang_vi"), "vi"),
                                    (self.tr("course.dashboard_lang_en"), "en")]
        self.lang_toggle.value = self.lang
        self.lang_toggle.observe(self._on_toggle, names="value")
        self.refresh_button.description = self.tr("course.dashboard_refresh")
        old = list(self.body.children)
        if self.results is None and self._error is None:
            return   # not read yet
        if self._error is not None:
            message = html.escape(self._error.message(self.lang))
            self.status.value = f'<p class="lk-dashboard-error">{message}</p>'
            self.body.children = []
        else:
            self.status.value = self._summary()
            self.body.children = ([self._section(chart) for chart in self.charts()]
                                  + [self._learners()])
        for child in old:
            _close_tree(child)

    def _summary(self) -> str:
        results = self.results
        items = "".join(f"<li>{html.escape(item)}</li>"
                        for item in summary_items(results, self.lang))
        text = f'<ul class="lk-dashboard-summary">{items}</ul>'
        if not results.has_submissions:
            empty = html.escape(self.tr("course.report_empty"))
            text += f'<p class="lk-dashboard-empty">{empty}</p>'
        return text

    def _section(self, chart: Chart) -> w.VBox:
        title = css(w.HTML(f"<h3>{html.escape(chart.title)}</h3>"), "lk-dashboard-chart-title")
        image = css(w.Image(value=chart.png, format="png",
                            layout=w.Layout(width="100%", max_width="800px", height="auto")),
                    "lk-dashboard-chart-image")
        table = css(w.HTML(html_table(self.tr("course.report_table_of", title=chart.title),
                                      chart.headers, chart.rows) if chart.rows else
                           f"<p>{html.escape(self.tr('course.report_no_data'))}</p>"),
                    "lk-dashboard-table")
        return css(w.VBox([title, image, table]), "lk-dashboard-chart",
                   f"lk-dashboard-chart-{chart.key}")

    def _learners(self) -> w.VBox:
        headers, rows = learner_rows(self.results, self.lang)
        heading = self.tr("course.report_learners_heading")
        table = (html_table(heading, headers, rows, "lk-report-learners") if rows else
                 f"<p>{html.escape(self.tr('course.report_no_learners'))}</p>")
        return css(w.VBox([w.HTML(f"<h3>{html.escape(heading)}</h3>"),
                           css(w.HTML(table), "lk-dashboard-table")]), "lk-dashboard-learners")


def _close_tree(widget: w.Widget) -> None:
    for child in getattr(widget, "children", ()):
        _close_tree(child)
    widget.close()


def show(course: str | os.PathLike | None = None, lang: str = "vi") -> CourseDashboard:
    """Build the dashboard for the course in ``course`` (default: found from here)."""
    return CourseDashboard(course=course, lang=lang)
