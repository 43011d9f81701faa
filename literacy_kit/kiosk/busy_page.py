"""The page a visitor gets when too many kiosk pages are waiting for their kernel.

No kernel is taken for it. It says, in Vietnamese first and English second (texts from the
``kiosk`` catalogs), that the kiosk is busy and will load again by itself, and it does so
every :data:`RETRY_SECONDS` seconds (a touchscreen visitor has nothing to retype: the
kiosk page holds nothing before its kernel answers). A "try again now" link does the same.

>>> "lk-kiosk-busy" in busy_page()
True
"""
from __future__ import annotations

from html import escape

from ..i18n import LANGS, t

#: Seconds before the busy page loads the kiosk page again (also the ``Retry-After``).
RETRY_SECONDS = 5

_STYLE = ("body{margin:0;min-height:100vh;display:flex;flex-direction:column;justify-content:center;"
          "gap:2rem;padding:2rem;box-sizing:border-box;font-family:'Noto Sans',sans-serif;"
          "background:#fff;color:#111;text-align:center}"
          ".lk-kiosk-busy-title{font-size:2rem;margin:0 0 .5rem}"
          ".lk-kiosk-busy-text{font-size:1.4rem;margin:0 0 1rem}"
          ".lk-kiosk-busy-retry{display:inline-block;font-size:1.4rem;padding:1rem 2rem;"
          "border-radius:.5rem;background:#0b57d0;color:#fff;text-decoration:none}"
          "section[lang=en]{color:#444}")


def busy_page() -> str:
    """The whole HTML of the busy page, every language the kit speaks (Vietnamese first)."""
    sections = []
    for lang in LANGS:
        sections.append(
            f'<section class="lk-kiosk-busy-message" lang="{lang}">'
            f'<h1 class="lk-kiosk-busy-title">{escape(t("kiosk.busy_title", lang))}</h1>'
            f'<p class="lk-kiosk-busy-text">{escape(t("kiosk.busy_text", lang))}</p>'
            f'<a class="lk-kiosk-busy-retry" href="">{escape(t("kiosk.busy_retry", lang))}</a>'
            "</section>")
    title = escape(t("kiosk.busy_title", LANGS[0]))
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="refresh" content="{RETRY_SECONDS}">'
            f"<title>{title}</title><style>{_STYLE}</style></head>"
            f'<body class="lk-kiosk-busy" role="status">{"".join(sections)}</body></html>\n')
