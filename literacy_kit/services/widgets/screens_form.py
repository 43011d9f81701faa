"""The form wizard: one page per declaration form, prefilled data read-only, every field
checked by the services logic as it is typed.

Fields the portal copies from the population database (:func:`~literacy_kit.services.logic.forms.prefill`)
are shown read-only and marked. Every other field is a :class:`~literacy_kit.core.FormField`
whose validator is :func:`~literacy_kit.services.logic.forms.validate_field`: a problem shows the
logic's own message in the learner's language and the typed text stays. Pages are a
:class:`~literacy_kit.core.StepFlow`; leaving a page checks its fields, finishing checks the
whole form (rules between fields too) with :func:`~literacy_kit.services.logic.forms.validate_form`
and sends the learner to the page of the first problem.
"""
from __future__ import annotations

from functools import partial

import ipywidgets as w

from ...core import StepFlow
from ...core._parts import button, esc
from ...core.base import css
from ...core.tree import close_all
from ...errors import InputError
from ...i18n import t
from ..logic.forms import validate_field, validate_form
from .screens_base import Screen, key, localized, text_in

_PREFILLED_STYLE = ("border:1px dashed #607d8b;border-radius:8px;background:#eceff1;"
                    "padding:4px 8px;margin:4px 0")
_PLACEHOLDERS = {"date": "field.date_placeholder", "birth_date": "field.date_placeholder",
                 "cccd": "field.cccd_placeholder", "phone": "field.phone_placeholder",
                 "number": "field.number_placeholder"}


def show_error(field, error: InputError) -> None:
    """Put ``error`` on a :class:`FormField` as if its own check had found it."""
    with field.state.hold_trait_notifications():
        field.state.value = None
        field.state.error_code = error.code
        field.state.error_params = dict(error.params)
        field.state.valid = False


def shown_value(spec, text: str, lang: str) -> str:
    """A prefilled value as the portal shows it (a choice by its label)."""
    for choice in spec.choices:
        if choice.id == text:
            return choice.label.get(lang)
    return text


class FormScreen(Screen):
    """The declaration forms of the procedure being filed.

    CSS classes (besides the screen's): ``lk-services-form-flow`` (the
    :class:`~literacy_kit.core.StepFlow`: ``lk-flow-next``, ``lk-flow-back``),
    ``lk-services-prefilled`` and ``lk-services-prefilled-<field>`` on each read-only
    value, ``lk-services-field-<field>`` on each box, ``lk-services-choice-<field>-<choice>``
    on the quick-pick buttons of a choice field, ``lk-services-help-<field>``.
    """

    key = "form"
    app = "filing"

    def build(self):
        self.procedure = None
        self.prefilled: dict[str, str] = {}
        self.pages: list[w.Widget] = []
        self.page_fields: list[list[str]] = []
        self.flow: StepFlow | None = None
        self._form_widgets: list[w.Widget] = []
        self.holder = css(w.VBox(layout=w.Layout(width="100%")), "services-form-holder")
        self._base = None
        return [self.text("help", key("form.help")), self.holder,
                self.action("form-cancel", key("form.cancel"), self.sim.open_procedure_page)]

    def title(self, lang: str) -> str:
        return text_in(self.procedure.title, lang) if self.procedure else t(key("form.title"), lang)

    # -- building the form of one procedure ------------------------------------------
    def load(self, procedure, prefilled: dict[str, str], typed: dict[str, str] | None = None) -> None:
        """Build the pages of ``procedure``; ``typed`` values go into their boxes."""
        self._drop_form()
        self._base = (len(self._labels), dict(self.fields), dict(self.buttons))
        self.procedure, self.prefilled = procedure, dict(prefilled)
        groups = [(form.id, form.title) for form in procedure.forms] or [(None, localized(key("form.title")))]
        screens = []
        for form_id, title in groups:
            specs = [s for s in procedure.fields if form_id is None or s.form == form_id]
            parts = [self._part(spec) for spec in specs]
            page = css(w.VBox([part for pair in parts for part in pair],
                              layout=w.Layout(width="100%")), "services-form-page")
            self.pages.append(page)
            self.page_fields.append([s.id for s in specs if s.id in self.fields])
            screens.append((title, page))
        self.flow = css(StepFlow(screens, lang=self.lang, can_leave=self._can_leave),
                        "services-form-flow")
        self.flow.on_finish(lambda flow: self.sim.save_form())
        self.holder.children = [self.flow]
        if typed:
            self.fill(**{name: text for name, text in typed.items() if name in self.fields})
        self.refresh()

    def _part(self, spec) -> list[w.Widget]:
        if spec.prefilled and spec.id in self.prefilled:
            value = self.prefilled[spec.id]
            html = self.text(f"prefilled-{spec.id}", lambda lang, s=spec, v=value: (
                f'<div style="{_PREFILLED_STYLE}"><b>{esc(s.label.get(lang))}</b><br>'
                f'<span class="lk-services-prefilled-value">{esc(shown_value(s, v, lang))}</span> '
                f'<i>({esc(t(key("form.prefilled"), lang))})</i></div>'), markup=True)
            css(html, "services-prefilled", f"services-prefilled-{spec.id}")
            self._form_widgets.append(html)
            return [html]
        placeholder = _PLACEHOLDERS.get(spec.validator)
        field = self.field(spec.id, spec.label, partial(self._validate, spec),
                           placeholder=key(placeholder) if placeholder else spec.help,
                           required=spec.required)
        parts: list[w.Widget] = [field]
        if spec.choices:
            row = css(w.HBox([self._choice_button(spec, choice) for choice in spec.choices],
                             layout=w.Layout(flex_flow="row wrap")), "services-choices")
            parts.append(row)
        if spec.help is not None:
            parts.append(self.text(f"help-{spec.id}", lambda lang, h=spec.help: (
                f'<small class="lk-services-help-{spec.id}">{esc(h.get(lang))}</small>'), markup=True))
        self._form_widgets.extend(parts)
        return parts

    def _choice_button(self, spec, choice) -> w.Button:
        name = f"choice-{spec.id}-{choice.id}"
        btn = button("services-choice", f"services-{name}", width="auto",
                     on_click=lambda: self.choose(spec.id, choice.id))
        self.buttons[name] = btn
        self._labels.append((btn, "description", lambda lang: choice.label.get(lang)))
        return btn

    def _validate(self, spec, text: str):
        return validate_field(spec, text, today=self.sim.today)

    def _drop_form(self) -> None:
        if self._base is not None:
            count, fields, buttons = self._base
            del self._labels[count:]
            self.fields, self.buttons = fields, buttons
        for widget in [*self._form_widgets, *self.pages, *([self.flow] if self.flow else [])]:
            close_all(widget)
        self._form_widgets, self.pages, self.page_fields, self.flow = [], [], [], None
        self.holder.children = ()

    # -- seams --------------------------------------------------------------------------
    def choose(self, field_id: str, choice_id: str) -> None:
        """Tap a quick-pick button: the choice's label goes into the box (then checked)."""
        spec = self.procedure.field(field_id)
        label = next(c.label for c in spec.choices if c.id == choice_id)
        self.fill(**{field_id: label.get(self.lang)})

    def values(self) -> dict[str, str]:
        """What the form holds: prefilled values and every box as typed."""
        typed = {name: field.state.text for name, field in self.fields.items()
                 if self.procedure and name in self.procedure.field_ids}
        return {**self.prefilled, **typed}

    def next_page(self) -> bool:
        """Tap "Next" (or "Finish" on the last page)."""
        return self.flow.next()

    def _can_leave(self, index: int):
        names = self.page_fields[index]
        if not self.check_fields(*names):
            bad = sum(1 for name in names if self.fields[name].state.valid is False)
            return InputError("application.invalid", count=bad)
        if index < len(self.pages) - 1:
            return True
        check = validate_form(self.procedure, self.values(), today=self.sim.today)
        for field_id, error in check.errors.items():
            if field_id in self.fields:
                show_error(self.fields[field_id], error)
        if check.ok:
            return True
        pages = [i for i, page in enumerate(self.page_fields) if set(page) & set(check.errors)]
        if pages and pages[0] != index:
            self.flow.go(pages[0])  # to the first problem; the message follows it
        return InputError("application.invalid", count=len(check.errors))

    def relabel(self) -> None:
        super().relabel()
        if getattr(self, "flow", None) is not None:
            self.flow.lang = self.lang

    def clear(self) -> None:
        super().clear()
        self._drop_form()
        self.procedure = None

    def close(self) -> None:
        # Pages not on show are outside the widget tree that close_all walks.
        self._drop_form()
        super().close()


SCREENS = (FormScreen,)

__all__ = ["FormScreen", "SCREENS", "show_error", "shown_value"]
