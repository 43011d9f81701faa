"""What every screen of a phone simulator shares: a title, labelled parts and a message line.

A screen is a small :class:`~literacy_kit.core.LangView` shown inside a simulator's phone.
It holds no domain logic: its buttons call the simulator's seams (``sim.submit()``...),
which talk to the domain's state machine and move between screens. Texts come from a
catalog area and a content bundle of the domain, so relabelling is a matter of reading
them again in the new language; what the learner typed stays in the fields.

A domain subclasses :class:`SimScreen` once, naming its CSS ``prefix``, its catalog
``area`` and its screens ``bundle`` (see ``vneid/widgets/screens_base.py``).
"""
from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from ..content import Localized, Page, load
from ..errors import InputError
from ..i18n import LANGS, t
from ._parts import button, esc, html_box
from .base import LangView, css
from .feedback import FeedbackPanel
from .field_keyboard import guess_kind, keyboards_on
from .form_field import FormField


def localized(key: str) -> Localized:
    """A catalog key in every language, for widgets that take a :class:`Localized`."""
    texts = {lang: t(key, lang) for lang in LANGS}
    return Localized(vi=texts["vi"], en=texts["en"])


def paragraphs(page: Page, lang: str) -> str:
    """The body of a content page as escaped ``<p>`` paragraphs."""
    return "".join(f"<p>{esc(text.get(lang))}</p>" for text in page.body)


def fact_rows(pairs: list[tuple[str, str]], name: str, prefix: str) -> str:
    """Label/value pairs as a small two-column table (values escaped here)."""
    cells = "".join(f'<tr><th style="text-align:left;padding:2px 8px 2px 0;vertical-align:top">'
                    f'{esc(label)}</th><td class="lk-{prefix}-fact">{esc(value)}</td></tr>'
                    for label, value in pairs)
    return f'<table class="lk-{name}" style="border-collapse:collapse">{cells}</table>'


class SimScreen(LangView):
    """Base of every simulator screen.

    Subclasses set ``key`` (also the CSS suffix: ``lk-<prefix>-screen-<key>``), build their
    parts in :meth:`build` with :meth:`text`, :meth:`field` and :meth:`action`, and draw
    texts that depend on the simulation through callables given to :meth:`text`: every
    text is produced again on each relabel, which also happens whenever the screen is
    shown or :meth:`refresh` is called. :meth:`render` handles the rest (visibility).

    CSS classes: ``lk-<prefix>-screen`` and ``lk-<prefix>-screen-<key>`` on the screen,
    ``lk-<prefix>-title``, ``lk-<prefix>-message`` (a :class:`FeedbackPanel`),
    ``lk-<prefix>-field-<name>`` on each form field, ``lk-<prefix>-<name>`` on each button
    (plus ``lk-<prefix>-button``).
    """

    key = "screen"
    #: CSS prefix of the simulator's classes (``"vneid"``: ``lk-vneid-screen``...).
    prefix = "sim"
    #: Catalog area of the screen titles (``<area>.<key>.title``).
    area = "core"
    #: Content bundle holding the longer screen texts (:meth:`page_text`).
    bundle = ""

    def __init__(self, sim, lang: str = "vi", **kwargs):
        super().__init__(**kwargs)
        self.sim = sim
        self.fields: dict[str, FormField] = {}
        self.buttons: dict[str, w.Button] = {}
        self._labels: list[tuple[w.Widget, str, Callable[[str], str]]] = []
        css(self, f"{self.prefix}-screen", f"{self.prefix}-screen-{self.key}")
        self.layout.width = "100%"
        self.title_html = html_box(f"{self.prefix}-title")
        self.message = css(FeedbackPanel(lang=lang), f"{self.prefix}-message")
        body = self.build()
        self.children = [self.title_html, *body, self.message]
        self.lang = lang
        self.relabel()

    # -- for subclasses -----------------------------------------------------------------
    def build(self) -> list[w.Widget]:  # pragma: no cover - overridden
        """Create the screen's parts; return them in display order."""
        return []

    def render(self) -> None:
        """Adjust what texts alone cannot (which buttons show...); default: nothing."""

    def title(self, lang: str) -> str:
        """The screen title (default: catalog key ``<area>.<key>.title``)."""
        return t(f"{self.area}.{self.key}.title", lang)

    def text(self, name: str, source: str | Callable[[str], str], markup: bool = False) -> w.HTML:
        """An ``HTML`` part (class ``lk-<prefix>-<key>-<name>``) relabelled from a catalog
        key or from ``source(lang)``; ``markup=True`` means the callable returns safe HTML."""
        widget = html_box(f"{self.prefix}-{self.key}-{name}")
        if isinstance(source, str):
            catalog_key = source
            produce = lambda lang: f"<p>{esc(t(catalog_key, lang))}</p>"  # noqa: E731
        elif markup:
            produce = source
        else:
            fn = source
            produce = lambda lang: f"<p>{esc(fn(lang))}</p>"  # noqa: E731
        self._labels.append((widget, "value", produce))
        return widget

    def page_text(self, name: str, page_id: str) -> w.HTML:
        """An ``HTML`` part holding the paragraphs of a page of the screens bundle."""
        page = load(self.bundle).pages[page_id]
        return self.text(name, lambda lang: paragraphs(page, lang), markup=True)

    def field(self, name: str, label: str | Localized, validator: Callable[[str], object] | None = None,
              placeholder: str | Localized | None = None, required: bool = True,
              secret: bool = False, keyboard: str | None = "auto") -> FormField:
        """A :class:`FormField` (class ``lk-<prefix>-field-<name>``); ``label`` and
        ``placeholder`` are catalog keys or :class:`Localized` texts. With on-screen
        keyboards on, ``keyboard="auto"`` gives a keypad to fields named like numbers."""
        label = localized(label) if isinstance(label, str) else label
        placeholder = localized(placeholder) if isinstance(placeholder, str) else placeholder
        if keyboard == "auto" and keyboards_on():
            keyboard = guess_kind(name)
        widget = css(FormField(label, validator, required=required, placeholder=placeholder,
                               lang=self.lang, secret=secret, keyboard=keyboard),
                     f"{self.prefix}-field", f"{self.prefix}-field-{name}")
        self.fields[name] = widget
        return widget

    def action(self, name: str, label: str | Callable[[str], str], on_click: Callable[[], object],
               style: str = "") -> w.Button:
        """A touch-sized button (classes ``lk-<prefix>-button``, ``lk-<prefix>-<name>``)
        labelled from a catalog key or from ``label(lang)``."""
        btn = button(f"{self.prefix}-button", f"{self.prefix}-{name}", on_click=on_click, width="100%")
        btn.button_style = style
        self.buttons[name] = btn
        produce = label if callable(label) else (lambda lang: t(label, lang))
        self._labels.append((btn, "description", produce))
        return btn

    # -- what the simulator calls ---------------------------------------------------------
    def typed(self, name: str) -> str:
        """The text exactly as typed in field ``name``."""
        return self.fields[name].state.text

    def fill(self, **texts: str) -> None:
        """Type into fields by name, as a learner would (each one is checked as it commits)."""
        for name, text in texts.items():
            field = self.fields[name]
            field.input.value = text
            if field.state.text != text:
                # Same text as before: the widget sent no change, so commit it by hand.
                field.state.text = text
                field.validate()

    def _same(self, text: str, other: str, code: str,
              key: Callable[[str], object] = str) -> str:
        """Validator of a "type it again" box: the same text as field ``other`` (after ``key``)."""
        if key(text) != key(self.typed(other)):
            raise InputError(code)
        return text

    def check_fields(self, *names: str) -> bool:
        """Check every named field (all of them by default); True when all passed."""
        results = [self.fields[name].validate() for name in (names or self.fields)]
        return all(results)

    def fail(self, error: InputError) -> None:
        """Show a friendly message for ``error``; typed values are left alone."""
        self.say("error", f"errors.{error.code}", **error.params)

    def say(self, kind: str, catalog_key: str, /, **params) -> None:
        """Show a catalog message of ``kind`` (info, success, warning, error).

        ``kind`` and ``catalog_key`` are positional-only, so a message parameter called
        ``kind`` (``wallet.already_integrated`` has one) is passed on as a format value.
        """
        self.message.show(kind, catalog_key, **params)

    def on_show(self) -> None:
        """Called each time the simulator brings this screen up: stale messages go."""
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        """Draw the screen again from the simulator's current state."""
        self.relabel()

    def clear(self) -> None:
        """Forget everything typed here (kiosk privacy, restarting the simulation)."""
        for field in self.fields.values():
            field.clear()
        self.message.clear()

    def relabel(self) -> None:
        if not hasattr(self, "message"):
            return  # traits set while the screen is being built
        lang = self.lang
        self.title_html.value = f"<h3 style=\"margin:4px 0\">{esc(self.title(lang))}</h3>"
        for widget, attr, produce in self._labels:
            setattr(widget, attr, produce(lang))
        for child in (self.message, *self.fields.values()):
            child.lang = lang
        self.render()
