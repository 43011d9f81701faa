"""The papers beside the simulated phone: the (synthetic) account to log in with, and the
family's documents to copy into the forms.

Everything here is made up and marked so (a "simulation" mark). The learner copies from it as they
would from the real papers on the table: the mother's VNeID login, the birth notice of the
newborn, the father's ID card, the landlord's details for a temporary-residence request.

>>> from datetime import date
>>> from literacy_kit.services.logic.family import fake_family
>>> from literacy_kit.vneid.logic.citizen import fake_citizen
>>> family = fake_family(5, today=date(2025, 9, 1))
>>> view = PapersView(family, family.mother, fake_citizen("5:landlord"), "Demo@2025vn",
...                   "582731", lang="en")
>>> family.child.full_name in view.family_html.value
True
"""
from __future__ import annotations

from ...core._parts import esc, html_box
from ...core.base import LangView, css
from ...i18n import t
from ...vneid.logic.citizen import Citizen
from ..logic.dates import format_date
from ..logic.family import Family
from ..logic.procedures import get_procedure
from .screens_base import key

_BOX_STYLE = ("border:2px solid #1a237e;border-radius:12px;background:#e8eaf6;color:#1a1a1a;"
              "padding:8px 12px;margin-bottom:8px;max-width:420px;line-height:1.4")
_MARK_STYLE = ("display:inline-block;background:#fff3cd;color:#5d4037;border:2px solid #5d4037;"
               "border-radius:4px;padding:0 6px;font-weight:bold")
_VALUE_STYLE = "font-weight:bold"


def _line(label: str, value: str, name: str) -> str:
    return (f'<div><span style="color:#37474f">{esc(label)}:</span> '
            f'<span class="lk-services-paper-{name}" style="{_VALUE_STYLE}">{esc(value)}</span></div>')


def _box(title: str, body: str, name: str) -> str:
    return (f'<div class="lk-services-paper lk-services-paper-box-{name}" style="{_BOX_STYLE}">'
            f'<div style="font-weight:bold">{esc(title)}</div>{body}</div>')


def choice_label(procedure_id: str, field_id: str, choice_id: str, lang: str) -> str:
    """The label of a choice of a procedure's field (the id itself if unknown)."""
    spec = get_procedure(procedure_id).field(field_id)
    return next((c.label.get(lang) for c in spec.choices if c.id == choice_id), choice_id)


class PapersView(LangView):
    """The account card and the family's papers.

    CSS classes: ``lk-services-papers`` (the view), ``lk-services-papers-mark``,
    ``lk-services-paper-box-<account|child|mother|father|landlord>``, and one
    ``lk-services-paper-<item>`` per value (``cccd``, ``password``, ``passcode``,
    ``child_name``, ``child_birth_date``, ``mother_cccd``...).
    """

    def __init__(self, family: Family, citizen: Citizen, landlord: Citizen, password: str,
                 passcode: str, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.family, self.citizen, self.landlord = family, citizen, landlord
        self.password, self.passcode = password, passcode
        css(self, "services-papers")
        self.mark = html_box("services-papers-mark")
        self.account_html = html_box("services-papers-account")
        self.family_html = html_box("services-papers-family")
        self.children = [self.mark, self.account_html, self.family_html]
        # A fixed width: otherwise the longest line sets the width and the papers wrap
        # below the phone, out of sight while the visitor types.
        self.layout.margin = "0 0 0 16px"
        self.layout.width = "440px"
        self.layout.max_width = "100%"
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "family_html"):
            return
        lang, person, family = self.lang, self.citizen, self.family
        child, mother, father, landlord = family.child, family.mother, family.father, self.landlord

        def label(name: str) -> str:
            return t(key(f"papers.{name}"), lang)

        self.mark.value = (f'<p><span style="{_MARK_STYLE}">{esc(label("mark"))}</span> '
                           f'{esc(label("hint"))}</p>')
        self.account_html.value = _box(label("account"), "".join([
            _line(label("name"), person.full_name, "account_name"),
            _line(label("cccd"), person.cccd, "cccd"),
            _line(label("password"), self.password, "password"),
            _line(label("passcode"), self.passcode, "passcode")]), "account")
        sex = choice_label("newborn", "child_sex", child.sex.value, lang)
        ethnicity = choice_label("newborn", "child_ethnicity", family.ethnicity, lang)
        boxes = [
            _box(label("birth_notice"), "".join([
                _line(label("child_name"), child.full_name, "child_name"),
                _line(label("sex"), sex, "child_sex"),
                _line(label("birth_date"), format_date(child.date_of_birth), "child_birth_date"),
                _line(label("birth_place"), child.place_of_birth, "child_birth_place"),
                _line(label("ethnicity"), ethnicity, "child_ethnicity"),
                _line(label("mother"), mother.full_name, "child_mother")]), "child"),
            _box(label("mother_card"), "".join([
                _line(label("name"), mother.full_name, "mother_name"),
                _line(label("birth_date"), format_date(mother.date_of_birth), "mother_birth_date"),
                _line(label("cccd"), mother.cccd, "mother_cccd"),
                _line(label("address"), family.address, "address")]), "mother"),
            _box(label("father_card"), "".join([
                _line(label("name"), father.full_name, "father_name"),
                _line(label("birth_date"), format_date(father.date_of_birth), "father_birth_date"),
                _line(label("cccd"), father.cccd, "father_cccd"),
                _line(label("head"), father.full_name, "head_name")]), "father"),
            _box(label("landlord"), "".join([
                _line(label("name"), landlord.full_name, "landlord_name"),
                _line(label("cccd"), landlord.cccd, "landlord_cccd"),
                _line(label("rented_address"), landlord.address, "landlord_address")]), "landlord"),
            _box(label("files"), f"<div>{esc(label('files_note'))}</div>", "files"),
        ]
        self.family_html.value = "".join(boxes)


__all__ = ["PapersView", "choice_label"]
