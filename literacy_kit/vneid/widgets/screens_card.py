"""The synthetic ID card shown beside the phone, so the learner can copy its numbers.

>>> from literacy_kit.vneid.logic.citizen import fake_citizen
>>> from literacy_kit.vneid.widgets.screens_card import IdCardView
>>> person = fake_citizen(seed=3)
>>> card = IdCardView(person, lang="en")
>>> person.cccd in card.card_html.value
True
"""
from __future__ import annotations

from ...core._parts import esc, html_box
from ...core.base import LangView, css
from ...i18n import t
from ..logic.citizen import Citizen
from ..logic.phone import parse_phone
from ..logic.provinces import province

# Inline styles keep the card readable without a stylesheet of its own (the kiosk page
# loads only the core and kiosk sheets). Colours: dark text on a pale card, contrast > 7:1.
_CARD_STYLE = ("border:2px solid #1a237e;border-radius:12px;background:#e8eaf6;color:#1a1a1a;"
               "padding:10px 14px;max-width:420px;line-height:1.4")
_MARK_STYLE = ("display:inline-block;background:#fff3cd;color:#5d4037;border:2px solid #5d4037;"
               "border-radius:4px;padding:0 6px;font-weight:bold")
_NUMBER_STYLE = "font-size:1.3em;font-weight:bold;letter-spacing:0.08em;font-family:monospace"


def birth_text(citizen: Citizen) -> str:
    """Date of birth as written on Vietnamese cards: ``dd/mm/yyyy``."""
    return citizen.date_of_birth.strftime("%d/%m/%Y")


def sex_text(citizen: Citizen, lang: str) -> str:
    """The citizen's sex in ``lang``."""
    return t(f"vneid.card.sex_{citizen.sex.value}", lang)


def origin_text(citizen: Citizen, lang: str) -> str:
    """Province of the birth registration (digits 1-3 of the number) in ``lang``."""
    place = province(citizen.province_code)
    return place.name.get(lang) if place is not None else citizen.province_code


def grouped_phone(citizen: Citizen) -> str:
    """The citizen's phone number written in groups (``0912 345 678``)."""
    return parse_phone(citizen.phone).grouped


class IdCardView(LangView):
    """A plain, clearly-marked sample ID card plus the learner's (made-up) phone number.

    CSS classes: ``lk-vneid-card-panel`` (the view), ``lk-vneid-card`` (the card),
    ``lk-vneid-card-number``, ``lk-vneid-card-name``, ``lk-vneid-card-birth``,
    ``lk-vneid-card-phone`` (spans inside the HTML), ``lk-vneid-card-hint``.
    """

    def __init__(self, citizen: Citizen, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.citizen = citizen
        css(self, "vneid-card-panel")
        self.card_html = html_box("vneid-card")
        self.phone_html = html_box("vneid-card-phone-box")
        self.hint = html_box("vneid-card-hint")
        self.children = [self.card_html, self.phone_html, self.hint]
        self.lang = lang
        self.relabel()

    def relabel(self) -> None:
        if not hasattr(self, "hint"):
            return
        lang, person = self.lang, self.citizen

        def line(key: str, value: str, name: str) -> str:
            return (f'<div><span style="color:#37474f">{esc(t(f"vneid.card.{key}", lang))}:</span> '
                    f'<span class="lk-vneid-card-{name}" style="font-weight:bold">{esc(value)}</span></div>')

        self.card_html.value = (
            f'<div style="{_CARD_STYLE}">'
            f'<div style="font-weight:bold;text-align:center">{esc(t("vneid.card.heading", lang))}</div>'
            f'<div style="text-align:center;margin:4px 0"><span style="{_MARK_STYLE}">'
            f'{esc(t("vneid.card.sample", lang))}</span></div>'
            f'<div>{esc(t("vneid.card.number", lang))}:</div>'
            f'<div class="lk-vneid-card-number" style="{_NUMBER_STYLE}">{esc(person.cccd)}</div>'
            + line("name", person.full_name, "name")
            + line("birth_date", birth_text(person), "birth")
            + line("sex", sex_text(person, lang), "sex")
            + line("nationality", t("vneid.card.nationality_vn", lang), "nationality")
            + line("origin", origin_text(person, lang), "origin")
            + line("residence", person.address, "residence")
            + "</div>")
        self.phone_html.value = (
            f'<div style="margin-top:8px">{esc(t("vneid.card.phone", lang))}: '
            f'<span class="lk-vneid-card-phone" style="{_NUMBER_STYLE}">'
            f'{esc(grouped_phone(person))}</span></div>')
        self.hint.value = f"<p>{esc(t('vneid.card.hint', lang))}</p>"
