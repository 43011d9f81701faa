"""The simulator's filing seams: from a procedure's page to the result, and the VNeID app's
procedures. A mixin of :class:`~literacy_kit.services.widgets.simulator.PortalSimulator`, kept apart
so each module stays small; it only moves between screens and calls the services logic.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ...vneid.logic.account import VNeIDAccount
from ...vneid.widgets.screens_flow import fast_forward
from ..logic.application import Application
from ..logic.documents import Attachment, check_documents, required_documents
from ..logic.forms import prefill, validate_form
from .screens_base import key


class FilingMixin:
    """Seams for filing an application (see :class:`PortalSimulator` for the whole list)."""

    # -- finding and starting ---------------------------------------------------------------
    def open_procedure(self, procedure_id: str) -> None:
        """A procedure's page (fee, time, office, documents, "file online")."""
        self.viewing = procedure_id
        self.go("procedure")

    def open_procedure_page(self) -> None:
        """Leave the form for the procedure's page (or the app's list, inside VNeID)."""
        self.go("procedure" if self.state.channel == "portal" else "vneid_procedures")

    def file_online(self) -> bool:
        """"File online": log in first, level 2 where needed, then the form."""
        procedure = self.viewed_procedure
        page = self.screen("procedure")
        if procedure is None:
            self.go("search")
            return False
        if not self.state.logged_in:
            self.after_login = "procedure"
            self.go("login")
            self.screen("login").say("info", key("login.first"))
            return False
        if self.account.level < procedure.vneid_level:
            page.say("error", key("procedure.needs_level"), level=procedure.vneid_level)
            return False
        return self.start_application(procedure.id, channel="portal")

    def start_application(self, procedure_id: str, channel: str = "portal") -> bool:
        """A new application (or the draft already open for this procedure), then the form."""
        app = self.application
        if app is not None and app.status.value != "draft":
            # One filed application at a time: it is what the learner follows (and is graded on).
            self.go("status")
            self.screen("status").say("info", key("status.already_filed"), code=app.file_code)
            return False
        self.state.channel = channel
        if app is None or app.procedure.id != procedure_id:
            sequence = 1 + self.seed % 9999
            self.application = Application(procedure_id, sequence=sequence, clock=self.clock)
            self._load_screens()
        self.state.procedure_id = procedure_id
        self.sync()
        self.go("form")
        return True

    def _load_screens(self, typed: Mapping[str, str] | None = None) -> None:
        app = self.application
        self.screen("form").load(app.procedure, prefill(app.procedure, self.citizen), typed)
        self.screen("documents").load(app.procedure)

    # -- form and documents -------------------------------------------------------------------
    def fill_form(self, **texts: str | None) -> None:
        """Type into the form's boxes by field id (``None`` skips one)."""
        self.go("form")
        self.fill("form", **texts)

    def choose(self, field_id: str, choice_id: str) -> None:
        """Tap a quick-pick button of a choice field."""
        self.screen("form").choose(field_id, choice_id)

    def next_page(self) -> bool:
        """The form's "Next" (or "Finish" on its last page)."""
        self.go("form")
        return self.screen("form").next_page()

    def finish_form(self) -> bool:
        """"Next" through every page: ``True`` once the form went through."""
        form = self.screen("form")
        for _ in range(len(form.pages) + 1):
            if not self.next_page() or self.state.screen != "form":
                break
        return self.state.screen != "form"

    def save_form(self) -> bool:
        """The form went through: keep it in the application (or resubmit it)."""
        values = self.screen("form").values()
        if self.state.status == "needs_info":
            return self.resubmit(values=values)
        ok = self.call(self.screen("form"), self.application.fill, values)
        if ok:
            self.clock.tick()
            self.go("documents")
        return ok

    def back_to_form(self) -> None:
        self.go("form")

    def clean_values(self) -> dict:
        app = self.application
        return validate_form(app.procedure, app.values, today=self.today).values if app else {}

    def document_required(self, doc_id: str) -> bool:
        app = self.application
        return bool(app) and doc_id in required_documents(app.procedure, self.clean_values())

    def attach(self, doc_id: str, file_name: str | None = None) -> bool:
        self.go("documents")
        return self.screen("documents").attach(doc_id, file_name)

    def detach(self, doc_id: str) -> bool:
        self.go("documents")
        return self.screen("documents").detach(doc_id)

    def documents_continue(self) -> bool:
        self.go("documents")
        return self.screen("documents").proceed()

    def document_problems(self, replacements: Mapping[str, Sequence[Attachment]] | None = None) -> dict:
        app = self.application
        files = {**app.attachments, **(replacements or {})}
        return check_documents(app.procedure, files, self.clean_values())

    def documents_done(self, replacements: Mapping[str, Sequence[Attachment]]) -> bool:
        if self.state.status == "needs_info":
            return self.resubmit(attachments=replacements)
        self.go("review")
        return True

    # -- fee, submission, status --------------------------------------------------------------
    def open_payment(self) -> None:
        self.go("payment")

    def pay(self) -> bool:
        self.go("payment")
        return self.screen("payment").pay()

    def submit(self) -> bool:
        """Send the application; the file code comes back and the status page opens."""
        screen = self.screen("payment")
        ok = self.call(screen, self.application.submit)
        if ok:
            self.clock.tick()
            self.go("status")
            self.screen("status").say("success", key("status.submitted"),
                                      code=self.application.file_code)
        return ok

    def open_status(self) -> None:
        self.go("status")

    def next_day(self) -> bool:
        """A day passes: the office takes its next step (nothing to do: nothing happens)."""
        app = self.application
        if app is None:
            return False
        self.clock.next_day()
        self.state.day = min(self.state.day + 1, 366)
        ok = self.call(self.screen("status"), self.office.advance, app)
        self.go("status")
        kind = self.result if ok else None
        screen = self.screen("status")
        screen.refresh()
        if kind:
            screen.say("info", key(f"status.day_{kind}"), day=self.state.day)
        else:
            screen.say("info", key("status.day_nothing"), day=self.state.day)
        return bool(kind)

    def open_supplement(self) -> None:
        """The office asked for more: the document to send again, or the form to correct."""
        app = self.application
        if app is None or app.status.value != "needs_info":
            self.go("status")
            return
        document = app.last_event.params.get("document")
        target = "documents" if document else "form"
        self.go(target)
        self.screen(target).say("warning", key("status.supplement_help"))

    def resubmit(self, values=None, attachments=None) -> bool:
        """Send what the office asked for; back to the status page."""
        screen = self.screen(self.state.screen)
        ok = self.call(screen, self.application.resubmit, values, attachments)
        if ok:
            self.clock.tick()
            self.screen("documents").replacements = {}
            self.go("status")
            self.screen("status").say("success", key("status.resubmitted"))
        return ok

    def sms_messages(self, lang: str) -> list[tuple[str, str, str]]:
        """``(sender, text, channel)`` of every SMS the portal sent, oldest first."""
        app = self.application
        if app is None:
            return []
        return [(note.sender, note.text(lang), note.channel) for event in app.timeline
                for note in event.notifications if note.channel == "sms"]

    # -- VNeID app ----------------------------------------------------------------------------
    def open_vneid_procedure(self, procedure_id: str) -> bool:
        """Tap a procedure in the app: level 2 needed? then the passcode."""
        self.pending_procedure = procedure_id
        if self.account.level < self.procedure(procedure_id).vneid_level:
            self.go("vneid_level2")
            return False
        self.go("vneid_passcode")
        return True

    def confirm_passcode(self, passcode: str | None = None) -> bool:
        self.go("vneid_passcode")
        self.fill("vneid_passcode", passcode=passcode)
        return self.screen("vneid_passcode").confirm()

    def visit_police(self) -> bool:
        """The in-person visit to the commune police: level 1 becomes level 2."""
        screen = self.screen("vneid_level2")
        ok = self.call(screen, self.account.verify_level2_in_person, self.citizen.cccd)
        if ok:
            self.go("vneid_procedures")
            self.screen("vneid_procedures").say("success", key("vneid_level2.done"))
        return ok

    # -- restoring ----------------------------------------------------------------------------
    def _on_restore(self, change) -> None:
        if self._syncing:
            return
        if change["name"] == "level":
            if change["new"] != self.account.level:
                fresh = VNeIDAccount(self.citizen, seed=self.seed)
                self.account = fast_forward(fresh, "activated", change["new"])
            self.sync()
            return
        try:
            app = Application.from_dict(change["new"], clock=self.clock) if change["new"] else None
        except Exception:  # noqa: BLE001 - an altered saved application is not restored
            app = None
        self.application = app
        if app is not None:
            self.clock.now = max(self.clock.now, app.last_event.at)
            self.state.procedure_id = app.procedure.id
            self._load_screens(app.values)
        self.sync()
