"""Finding a procedure on the portal, and its page with the "file online" button.

The search runs :func:`~literacy_kit.services.logic.procedures.search_procedures`, which ignores
tone marks and case: "khai sinh" and "KHAI SINH" find the newborn procedure as its marked
spelling does.
"""
from __future__ import annotations

import ipywidgets as w

from ...core._parts import esc, show
from ...core.tree import close_all
from ...i18n import t
from ..logic.application_types import money
from ..logic.procedures import search_procedures
from .screens_base import Screen, key, rows, text_in


def fee_text(fee: int, lang: str) -> str:
    """The fee in words: "free" or the amount in dong (``22.000``)."""
    return t(key("fee.free"), lang) if fee == 0 else t(key("fee.amount"), lang, amount=money(fee))


def procedure_facts(procedure, lang: str) -> str:
    """A procedure's fee, time, office, where and account level as a small table."""
    where = t(key(f"procedure.where_{procedure.where}"), lang)
    return rows([(t(key("procedure.fee"), lang), fee_text(procedure.fee_vnd, lang)),
                 (t(key("procedure.days"), lang),
                  t(key("procedure.days_value"), lang, days=procedure.processing_days)),
                 (t(key("procedure.office"), lang), text_in(procedure.office, lang)),
                 (t(key("procedure.where"), lang), where),
                 (t(key("procedure.level"), lang),
                  t(key("procedure.level_value"), lang, level=procedure.vneid_level))])


class SearchScreen(Screen):
    """A search box and the matching procedures, one button each."""

    key = "search"

    def build(self):
        self.found: list[str] = [p.id for p in search_procedures("")]
        self.results = w.VBox(layout=w.Layout(width="100%"))
        self._result_buttons: dict[str, w.Button] = {}
        query = self.field("query", key("field.query"), required=False,
                           placeholder=key("field.query_placeholder"))
        return [self.text("help", key("search.help")), query,
                self.action("search", key("search.submit"), self.search, "primary"),
                self.text("count", self._count), self.results,
                self.action("search-home", key("go_home"), lambda: self.sim.go("portal_home"))]

    def _count(self, lang: str) -> str:
        return t(key("search.count"), lang, count=len(self.found))

    def search(self, query: str | None = None) -> list[str]:
        """Search for ``query`` (typed into the box first) or what the box holds."""
        if query is not None:
            self.fill(query=query)
        self.found = [p.id for p in search_procedures(self.typed("query"), self.lang)]
        self.refresh()
        return list(self.found)

    def _button(self, pid: str) -> w.Button:
        if pid not in self._result_buttons:
            procedure = self.sim.procedure(pid)
            self._result_buttons[pid] = self.action(
                f"result-{pid}", lambda lang, p=procedure: text_in(p.title, lang),
                lambda pid=pid: self.sim.open_procedure(pid), "info")
            self._result_buttons[pid].add_class("lk-services-result")
        return self._result_buttons[pid]

    def render(self):
        # A new result button is labelled at once; later relabels reach every one made.
        self.results.children = [self._button(pid) for pid in self.found]
        for pid in self.found:
            self._result_buttons[pid].description = text_in(
                self.sim.procedure(pid).title, self.lang)

    def close(self):
        for btn in self._result_buttons.values():
            close_all(btn)
        super().close()


class ProcedureScreen(Screen):
    """One procedure: what it is, fee, time, office, documents, and "file online"."""

    key = "procedure"

    def title(self, lang: str) -> str:
        procedure = self.sim.viewed_procedure
        return text_in(procedure.title, lang) if procedure else t(key("procedure.title"), lang)

    def build(self):
        return [self.text("summary", self._summary, markup=True),
                self.text("facts", self._facts, markup=True),
                self.text("documents", self._documents, markup=True),
                self.action("file-online", key("procedure.file_online"), self.file_online, "success"),
                self.action("open-vneid", key("procedure.open_vneid"), self.sim.open_vneid, "primary"),
                self.action("procedure-back", key("back"), self.sim.open_search)]

    def _summary(self, lang: str) -> str:
        procedure = self.sim.viewed_procedure
        return f"<p>{esc(text_in(procedure.summary, lang))}</p>" if procedure else ""

    def _facts(self, lang: str) -> str:
        procedure = self.sim.viewed_procedure
        return procedure_facts(procedure, lang) if procedure else ""

    def _documents(self, lang: str) -> str:
        procedure = self.sim.viewed_procedure
        if procedure is None or not procedure.documents:
            return ""
        items = "".join(f"<li>{esc(text_in(doc.label, lang))}"
                        f"{' *' if doc.required else ''}</li>" for doc in procedure.documents)
        return f"<p><b>{esc(t(key('procedure.documents'), lang))}</b></p><ul>{items}</ul>"

    def render(self):
        procedure = self.sim.viewed_procedure
        in_app = procedure is not None and procedure.where == "vneid"
        show(self.buttons["file-online"], not in_app)
        show(self.buttons["open-vneid"], in_app)

    def file_online(self) -> bool:
        """"File online": log in first if needed, then the form."""
        return self.sim.file_online()


SCREENS = (SearchScreen, ProcedureScreen)

__all__ = [cls.__name__ for cls in SCREENS] + ["SCREENS", "fee_text", "procedure_facts"]
