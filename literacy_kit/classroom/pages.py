"""What the learner's two Voila notebooks call: ``home_page()`` and ``exercise_page()``
(then ``.finish()`` in the exercise notebook's second cell).

Both read the page's query string (``?lang=en``, ``?assignment=NAME``) from Voila and the
classroom's ``LK_CLASSROOM_*`` variables from the spawner.
"""
from __future__ import annotations

import os
from urllib.parse import parse_qs

from ..i18n import normalize_lang
from .learner import LearnerEnv


def query() -> dict[str, str]:
    """The page's query string as ``{name: first value}`` (empty outside Voila)."""
    raw = os.environ.get("QUERY_STRING", "")
    return {key: values[0] for key, values in parse_qs(raw).items() if values}


def page_lang(params: dict[str, str]) -> str:
    return normalize_lang(params.get("lang") or os.environ.get("LK_CLASSROOM_LANG"))


def _quiet_errors() -> None:
    """A failing cell of an exercise shows our one-line message, not a traceback."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((Exception,), lambda *args, **kwargs: None)


def restart_notice(lang: str) -> None:
    """Put the page's hidden "opened again" notice in the page (plain HTML, no widget): the
    template's kernel watch shows it after it reloaded the page (``lk-class-watch.js``)."""
    import html

    from IPython.display import HTML, display

    from ..i18n import t

    display(HTML(f'<div class="lk-class-restart-notice" role="status" hidden>'
                 f'{html.escape(t("classroom.restart_notice", lang))}</div>'))


def home_page():
    """Display the learner's home (cards of released assignments)."""
    from IPython.display import display

    from .home_view import HomeView

    params = query()
    restart_notice(page_lang(params))
    env = LearnerEnv.from_env()
    view = HomeView(env, lang=page_lang(params), name=os.environ.get("LK_CLASSROOM_NAME", ""))
    display(view)
    return view


def exercise_page():
    """Display the head of the exercise named in ``?assignment=`` and its first question;
    the notebook's next cell calls ``finish()`` on the returned page for the rest and the
    hand-in bar (see :class:`.exercise_view.ExercisePage`)."""
    from .exercise_view import ExercisePage

    params = query()
    _quiet_errors()
    restart_notice(page_lang(params))
    page = ExercisePage(LearnerEnv.from_env(), params.get("assignment", ""), lang=page_lang(params))
    page.start()
    return page
