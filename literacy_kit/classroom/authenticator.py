"""Log in with the learner id and the PIN printed on a card: a JupyterHub Authenticator.

The roster (``roster.json``, from ``course roster import``) says who exists; the PIN file
(:mod:`.pins`) says whether the PIN is right and whether the id is locked. A refused login
raises a :class:`LoginRefused` whose text JupyterHub's login page shows in place of its
own English one, in the page's language (Vietnamese unless the learner tapped
"English"); nobody ever sees a traceback. Ids are matched ignoring case and Unicode form,
and the hub then knows the learner by the roster's own spelling (which is also the
nbgrader student id).
"""
from __future__ import annotations

import asyncio
import unicodedata
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.handlers.login import LoginHandler
from tornado import web
from traitlets import Integer, List, Unicode

from ..course.course_dir import CourseDir
from ..course.errors import CourseError
from ..course.roster import load_roster
from ..i18n import DEFAULT_LANG, LANGS, catalog, normalize_lang, t
from .pins import PinStore
from .state import ClassroomState

LANG_COOKIE = "lk-lang"


class LoginRefused(web.HTTPError):
    """A refused login; ``log_message`` is the translated text shown on the login form."""

    def __init__(self, key: str, lang: str, **fmt):
        text = t(f"classroom.{key}", lang, **fmt)
        super().__init__(403, f"login refused: {key}")
        # JupyterHub shows this instead of its own (English) message
        self.jupyterhub_message = text
        self.key = key


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip().casefold()


def login_texts(lang: str) -> dict[str, str]:
    """Every ``classroom.login_*`` string of ``lang``, for the login page template."""
    prefix = "classroom.login_"
    keys = [key for key in catalog(DEFAULT_LANG) if key.startswith(prefix)]
    return {key[len(prefix):]: t(key, lang) for key in keys}


class ClassroomLoginHandler(LoginHandler):
    """JupyterHub's login page, with the classroom's texts in the chosen language."""

    def page_lang(self) -> str:
        asked = self.get_argument("lang", default="")
        if asked in LANGS:
            self.set_cookie(LANG_COOKIE, asked, path=self.hub.base_url)
            return asked
        cookie = self.get_cookie(LANG_COOKIE, default="")
        return cookie if cookie in LANGS else self.authenticator.default_lang

    def _render(self, login_error=None, username=None, **kwargs):
        lang = self.page_lang()
        other = "en" if lang == "vi" else "vi"
        return super()._render(login_error=login_error, username=username, lk=login_texts(lang),
                               lk_lang=lang, lk_other=other,
                               lk_expired=bool(self.get_argument("next", default="")),
                               **kwargs)


class RosterPinAuthenticator(Authenticator):
    """Learners and trainers of the course roster, each with a PIN from a login card."""

    course_root = Unicode("", config=True, help="The nbgrader course folder (holds roster.json).")
    trainers = List(Unicode(), config=True, help="Roster ids that get admin rights and JupyterLab.")
    max_failures = Integer(5, config=True, help="Wrong PINs in a row before an id is locked.")
    default_lang = Unicode(DEFAULT_LANG, config=True, help="Language of the login page: vi or en.")

    def _course(self) -> CourseDir:
        return CourseDir(Path(self.course_root))

    def _roster_ids(self) -> dict[str, str]:
        try:
            ids = list(load_roster(self._course()))
        except CourseError:
            ids = []
        ids += list(self.trainers)
        return {_fold(learner): learner for learner in ids}

    def normalize_username(self, username: str) -> str:
        # The roster's spelling is the nbgrader student id; JupyterHub would lowercase it.
        folded = _fold(username)
        return self._roster_ids().get(folded, folded)

    def get_handlers(self, app):
        return [("/login", ClassroomLoginHandler)]

    def store(self) -> PinStore:
        return PinStore(ClassroomState(self._course()).pins, max_failures=self.max_failures)

    async def authenticate(self, handler, data):
        lang = normalize_lang((data or {}).get("lang") or handler.get_cookie(LANG_COOKIE, default="")
                              or self.default_lang)
        typed = (data or {}).get("username", "")
        pin = (data or {}).get("password", "")
        if not _fold(typed) or not pin.strip():
            raise LoginRefused("login_empty", lang)
        learner = self._roster_ids().get(_fold(typed))
        if learner is None:
            shown = unicodedata.normalize("NFC", typed.strip())[:40]
            raise LoginRefused("login_unknown_id", lang, id=shown)
        result = await asyncio.to_thread(self.store().check, learner, pin)
        if result.status == "locked":
            self.log.warning("classroom: %s is locked after wrong PINs", learner)
            raise LoginRefused("login_locked", lang)
        if result.status == "no_pin":
            raise LoginRefused("login_no_pin", lang)
        if not result.ok:
            raise LoginRefused("login_wrong_pin", lang, remaining=result.remaining)
        return {"name": learner, "admin": learner in self.trainers}
