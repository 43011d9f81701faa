"""Shared steps for the public-services simulator tests: find, type, tap, and a whole filing.

A learner's way (find widgets by their ``lk-services-*`` classes, type, tap) and the
simulator's seams both live here, so the widget tests, the simulator tests and the nbgrader
round trip drive the same screens the same way.
"""
from __future__ import annotations

from datetime import date

import ipywidgets as w

from literacy_kit.testing import find, find_one

TODAY = date(2025, 9, 15)
FILES = {"birth_certificate": "giay_chung_sinh.jpg",
         "marriage_certificate": "giay_chung_nhan_ket_hon.pdf"}


def box(view, field: str) -> w.Text:
    """The text box of field ``field`` on the screen on show."""
    holder = find_one(view.current, css=f"lk-services-field-{field}")
    return find_one(holder, w.Text, css="lk-field-input")


def type_into(view, field: str, text: str) -> None:
    box(view, field).value = text


def tap(view, name: str) -> None:
    """Tap the visible button ``lk-services-<name>`` anywhere in the simulator."""
    find_one(view, w.Button, css=f"lk-services-{name}", visible_only=True).click()


def tap_next(view) -> None:
    """The form's "Next" / "Finish" button."""
    find_one(view.current, w.Button, css="lk-flow-next", visible_only=True).click()


def field_message(view, field: str) -> str:
    holder = find_one(view.current, css=f"lk-services-field-{field}")
    return find_one(holder, css="lk-field-message").value


def form_texts(family, drop: tuple[str, ...] = ()) -> dict[str, str]:
    """What the learner types into the newborn form's boxes: the family's papers."""
    values = family.newborn_values()
    return {key: value for key, value in values.items() if key not in drop}


def file_newborn(sim, values: dict[str, str] | None = None, files: dict[str, str] = FILES,
                 submit: bool = True) -> bool:
    """Log in, find the newborn procedure, fill, attach, review, (submit) through the seams."""
    assert sim.log_in(sim.citizen.cccd, sim.password)
    assert sim.search("khai sinh")[0] == "newborn"
    sim.open_procedure("newborn")
    assert sim.file_online()
    form = sim.screen("form")
    typed = values if values is not None else form_texts(sim.family)
    sim.fill_form(**{key: text for key, text in typed.items() if key in form.fields})
    if not sim.finish_form():
        return False
    for doc_id, name in files.items():
        sim.attach(doc_id, name)
    if not sim.documents_continue():
        return False
    sim.open_payment()
    return sim.submit() if submit else True


def visible_buttons(view) -> list[str]:
    return [b.description for b in find(view.current, w.Button, visible_only=True)]
