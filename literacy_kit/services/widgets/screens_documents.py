"""Attaching documents: a picker of synthetic files on the simulated phone, checked by the
services logic (type, size, missing documents).

The files are made up (names and sizes only): a clear photo of the birth notice, a HEIC
photo the portal does not take, a 30 MB scan over the limit, an empty file... Attaching
runs :meth:`~literacy_kit.services.logic.application.Application.attach` (so
:func:`~literacy_kit.services.logic.documents.check_attachment`); "Continue" runs
:func:`~literacy_kit.services.logic.documents.check_documents` for the missing ones. While the
office asks for more information, attached files are kept aside and sent with the
resubmission instead.
"""
from __future__ import annotations

import ipywidgets as w

from ...core._parts import button, esc, html_box, tap_layout
from ...core.base import css
from ...core.tree import close_all
from ...errors import InputError
from ...i18n import t
from ..logic.documents import Attachment, InvalidAttachment, check_attachment
from ..logic.sample_files import SAMPLE_FILES, sample_file, size_text
from .screens_base import Screen, key, text_in

NO_FILE = ""


class DocumentsScreen(Screen):
    """One slot per document of the procedure: pick a file, attach it, see the verdict.

    CSS classes: ``lk-services-doc`` and ``lk-services-doc-<doc>`` on each slot,
    ``lk-services-picker`` (the file list), ``lk-services-attach-<doc>``,
    ``lk-services-detach-<doc>``, ``lk-services-doc-status`` (plus
    ``lk-services-doc-error`` / ``lk-services-doc-ok``).
    """

    key = "documents"
    app = "filing"

    def build(self):
        self.slots = w.VBox(layout=w.Layout(width="100%"))
        self.pickers: dict[str, w.Dropdown] = {}
        self.statuses: dict[str, w.HTML] = {}
        self.errors: dict[str, InputError] = {}
        self.replacements: dict[str, list[Attachment]] = {}
        self._slot_widgets: list[w.Widget] = []
        return [self.text("help", self._help), self.slots,
                self.action("documents-continue", self._continue_label, self.proceed, "primary"),
                self.action("documents-back", key("back"), self.sim.back_to_form)]

    def _help(self, lang: str) -> str:
        return t(key("documents.help_resubmit" if self.resubmitting else "documents.help"), lang)

    def _continue_label(self, lang: str) -> str:
        return t(key("documents.send_more" if self.resubmitting else "continue"), lang)

    @property
    def resubmitting(self) -> bool:
        return self.sim.state.status == "needs_info"

    # -- slots --------------------------------------------------------------------------
    def load(self, procedure) -> None:
        """One slot per document of ``procedure`` (slots of an earlier one are closed)."""
        for widget in self._slot_widgets:
            close_all(widget)
        self._slot_widgets, self.pickers, self.statuses = [], {}, {}
        self.errors, self.replacements = {}, {}
        self.slots.children = [self._slot(spec) for spec in procedure.documents]
        self.refresh()

    def _slot(self, spec) -> w.Widget:
        options = [("\u2014", NO_FILE)] + [(f"{name} ({size_text(size)})", name)
                                            for name, size, _slots in SAMPLE_FILES]
        picker = css(w.Dropdown(options=options, value=NO_FILE, layout=tap_layout(width="100%")),
                     "services-picker", f"services-doc-{spec.id}-picker")
        attach = button("services-button", f"services-attach-{spec.id}", width="auto",
                        on_click=lambda: self.attach(spec.id))
        detach = button("services-button", f"services-detach-{spec.id}", width="auto",
                        on_click=lambda: self.detach(spec.id))
        self._labels += [(attach, "description", lambda lang: t(key("documents.attach"), lang)),
                         (detach, "description", lambda lang: t(key("documents.detach"), lang))]
        label = self.text(f"label-{spec.id}", lambda lang: self._label(spec, lang), markup=True)
        status = html_box("services-doc-status", f"services-doc-{spec.id}-status")
        self.pickers[spec.id], self.statuses[spec.id] = picker, status
        slot = css(w.VBox([label, picker, w.HBox([attach, detach]), status],
                          layout=w.Layout(border="1px solid #cfd8dc", padding="4px", margin="4px 0")),
                   "services-doc", f"services-doc-{spec.id}")
        self._slot_widgets += [label, picker, attach, detach, status, slot]
        return slot

    def _label(self, spec, lang: str) -> str:
        required = self.sim.document_required(spec.id)
        mark = f' <span class="lk-field-required">{esc(t("core.field.required_mark", lang))}</span>' \
            if required else ""
        limits = t(key("documents.limits"), lang, types=", ".join(k.upper() for k in spec.accepted),
                   max_mb=f"{spec.max_size_mb:g}")
        help_text = f"<br><small>{esc(spec.help.get(lang))}</small>" if spec.help else ""
        return f"<b>{esc(text_in(spec.label, lang))}</b>{mark}<br><small>{esc(limits)}</small>{help_text}"

    def files(self, doc_id: str) -> list[Attachment]:
        """The files the slot holds now (the ones set aside while resubmitting)."""
        if doc_id in self.replacements:
            return self.replacements[doc_id]
        return self.sim.application.attachments.get(doc_id, []) if self.sim.application else []

    # -- seams --------------------------------------------------------------------------
    def attach(self, doc_id: str, file_name: str | None = None) -> bool:
        """Pick ``file_name`` (if given) in the slot's list and tap "Attach"."""
        if file_name is not None:
            self.pickers[doc_id].value = file_name
        name = self.pickers[doc_id].value
        if name == NO_FILE:
            self.errors[doc_id] = InputError("services_ui.pick_a_file")
            self.refresh()
            return False
        attachment = sample_file(name)
        sim = self.sim
        try:
            if self.resubmitting:
                check_attachment(sim.procedure(sim.state.procedure_id).document(doc_id), attachment)
                self.replacements[doc_id] = [attachment]
            else:
                sim.application.detach(doc_id)
                sim.application.attach(doc_id, attachment)
                sim.sync()
        except InputError as err:
            self.errors[doc_id] = err
            self.refresh()
            return False
        self.errors.pop(doc_id, None)
        self.refresh()
        return True

    def detach(self, doc_id: str) -> bool:
        """Remove the slot's file."""
        self.pickers[doc_id].value = NO_FILE
        self.errors.pop(doc_id, None)
        if self.resubmitting:
            self.replacements.pop(doc_id, None)
        else:
            ok = self.sim.call(self, self.sim.application.detach, doc_id)
            if not ok:
                return False
        self.refresh()
        return True

    def proceed(self) -> bool:
        """"Continue": every missing or refused document is marked, or on to the next step."""
        problems = self.sim.document_problems(self.replacements if self.resubmitting else None)
        self.errors = dict(problems)
        self.refresh()
        if problems:
            self.say("error", "errors.application.invalid", count=len(problems))
            return False
        return self.sim.documents_done(dict(self.replacements))

    def render(self):
        for doc_id, status in self.statuses.items():
            error, files = self.errors.get(doc_id), self.files(doc_id)
            if error is not None:
                text = error.message(self.lang) if error.code != "services_ui.pick_a_file" \
                    else t(key("documents.pick_a_file"), self.lang)
                kind = "error"
            elif files:
                text = t(key("documents.attached"), self.lang,
                         files=", ".join(f"{a.name} ({size_text(a.size_bytes)})" for a in files))
                kind = "ok"
            else:
                text, kind = t(key("documents.none"), self.lang), ""
            glyph = {"error": "\u2716 ", "ok": "\u2714 "}.get(kind, "")
            status.value = f"{glyph}{esc(text)}"
            for name in ("lk-services-doc-error", "lk-services-doc-ok"):
                status.remove_class(name)
            if kind:
                status.add_class(f"lk-services-doc-{kind}")

    def clear(self):
        super().clear()
        self.errors, self.replacements = {}, {}
        for picker in self.pickers.values():
            picker.value = NO_FILE


SCREENS = (DocumentsScreen,)

__all__ = ["DocumentsScreen", "NO_FILE", "SAMPLE_FILES", "SCREENS", "InvalidAttachment",
           "sample_file", "size_text"]
