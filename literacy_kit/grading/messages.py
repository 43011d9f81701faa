"""The messages test cells show, published in every language at once.

A test cell runs when nbgrader autogrades, in one language; the feedback page may be wanted
in another. So :class:`~literacy_kit.grading.Grader` shows each message as ONE
``display_data`` output whose bundle holds::

    text/plain                                  the message in the kernel's language
    application/vnd.literacy-kit.message+json   {"vi": "...", "en": "..."}

JupyterLab, the classic notebook and nbconvert render ``text/plain`` and ignore the
unknown JSON type, so a learner sees the message once, as a print would show it. The
feedback preprocessor :class:`~literacy_kit.grading.feedback_lang.LocalizeMessages` later
picks the language of the page from the JSON. nbgrader reads points only from an
``execute_result`` and failures only from ``error`` and ``stderr`` outputs, so a
``display_data`` changes no grade.

Outside IPython (plain ``python``, pytest) nothing is published and the message is printed
instead, so scripts and tests read it on stdout as before.

>>> show({"vi": "Xin chao", "en": "Hello"}, "en")
Hello
'Hello'
"""
from __future__ import annotations

import sys
from collections.abc import Mapping

from ..i18n import DEFAULT_LANG, LANGS, t

#: MIME type of the bilingual message (a ``+json`` type: nbformat stores it as JSON).
MESSAGE_MIME = "application/vnd.literacy-kit.message+json"


def in_every_language(key: str, **fmt) -> dict[str, str]:
    """``{lang: t(key, lang, **fmt)}`` for every supported language."""
    return {lang: t(key, lang, **fmt) for lang in LANGS}


def _shell():
    """The running IPython shell, or ``None``; never imports IPython itself."""
    ipython = sys.modules.get("IPython")
    get_ipython = getattr(ipython, "get_ipython", None)
    return get_ipython() if get_ipython else None


def show(texts: Mapping[str, str], lang: str) -> str:
    """Show ``texts[lang]`` once and return it; in IPython carry every language along."""
    text = texts.get(lang) or texts.get(DEFAULT_LANG) or next(iter(texts.values()), "")
    shell = _shell()
    if shell is None or getattr(shell, "display_pub", None) is None:
        print(text)
        return text
    from IPython.display import publish_display_data

    publish_display_data({"text/plain": text, MESSAGE_MIME: dict(texts)})
    return text
