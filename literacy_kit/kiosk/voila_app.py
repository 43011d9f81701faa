"""Voila's own server with a few changes for a public kiosk on weak hardware.

* Responses are compressed (Voila sets ``tornado_settings`` after it has built its
  application, too late for Tornado's ``compress_response``, so it is set here).
* Static files carry cache headers: files with a content hash in their name or in their
  ``?v=`` are kept for a year; the others for an hour, then revalidated with their ETag
  (a 304 has no body).
* Page templates are compiled once per server, not once per visitor: Voila builds a
  new Jinja environment for every page, and compiling its ~15 templates cost about
  0.3 s of the server's single thread per visitor, which queued bursts of visitors.
* The page response sets the ``_xsrf`` cookie. Voila's page sends that cookie's value
  with its shutdown beacon; without the cookie the server refused the beacon (403) and
  every reload left a kernel behind. XSRF checking stays on.
* Each page request holds a place in the kernel manager's :class:`~.claims.Claims` until
  its page connects to the kernel it was handed: a kernel no page connects to is shut
  down after a short grace, and a request beyond the bound waits, then gets a short
  "busy" page (:mod:`.busy_page`) instead of a kernel.

Everything else (handlers, kernel manager with its preheated pool, security settings) is
Voila's. Run as ``python -m literacy_kit.kiosk.voila_app`` with Voila's own options.
"""
from __future__ import annotations

import re

from jupyter_core.utils import ensure_async
from tornado.web import OutputTransform, authenticated
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from ..voila_templates import install as install_template_cache
from .busy_page import RETRY_SECONDS, busy_page
from .claims import Claims, Place
from .kernels import close_zygote, zygote

#: URL prefixes of files that never change while the server runs.
STATIC_PREFIXES = ("/voila/static/", "/voila/labextensions/", "/voila/templates/")
#: A file name with a content hash in it (webpack's ``name.0123abcd….js``).
HASHED = re.compile(r"[.\-_][0-9a-f]{16,}\.[a-z0-9]+$")
YEAR, HOUR = 365 * 24 * 3600, 3600


class StaticCacheHeaders(OutputTransform):
    """Cache-Control for static files (a Tornado output transform, so every handler gets it)."""

    def __init__(self, request):
        super().__init__(request)
        path = request.path
        self._static = any(prefix in path for prefix in STATIC_PREFIXES)
        # a content hash in the name, or in the ``?v=`` Voila and JupyterLab add to URLs
        self._hashed = bool(HASHED.search(path)) or "v" in getattr(request, "query_arguments", {})

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        if self._static and status_code in (200, 304):
            if self._hashed:
                headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
            else:
                headers["Cache-Control"] = f"public, max-age={HOUR}"
        return status_code, headers, chunk


class HandOver:
    """The kernel manager as one page request sees it: the kernel it hands to the page
    (from the pool, or started for it) is recorded in the request's place."""

    def __init__(self, manager, claims: Claims, place: Place):
        self._manager, self._claims, self._place = manager, claims, place

    def __getattr__(self, name):
        return getattr(self._manager, name)

    async def start_kernel(self, **kwargs):
        kernel_id = await ensure_async(self._manager.start_kernel(**kwargs))
        self._claims.bind(self._place, kernel_id)
        return kernel_id

    async def get_rendered_notebook(self, **kwargs):
        render_task, rendered_cache, kernel_id = await self._manager.get_rendered_notebook(**kwargs)
        self._claims.bind(self._place, kernel_id)
        return render_task, rendered_cache, kernel_id


class KioskPageHandler(TornadoVoilaHandler):
    """Voila's page handler; the response also sets the ``_xsrf`` cookie for the beacon,
    and each request holds a place until its page connects to its kernel."""

    _place: Place | None = None

    async def prepare(self):
        result = super().prepare()
        if result is not None:
            await result
        self.xsrf_token  # noqa: B018 - reading it sets the cookie

    @property
    def kernel_manager(self):
        manager = super().kernel_manager
        if self._place is None:
            return manager
        return HandOver(manager, manager.claims, self._place)

    @authenticated
    async def get(self, path=None):
        claims: Claims | None = getattr(super().kernel_manager, "claims", None)
        if claims is None:
            return await super().get(path)
        place = await claims.take()
        if place is None:
            self._busy()
            return None
        self._place = place
        try:
            return await super().get(path)
        finally:
            self._place = None
            claims.request_over(place)

    def _busy(self) -> None:
        """Too many pages wait for their kernel: a page that tries again by itself."""
        self.set_status(503)
        self.set_header("Retry-After", str(RETRY_SECONDS))
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-cache, no-store, must-revalidate")
        self.finish(busy_page())


class KioskVoila(Voila):
    """Voila with compression, cache headers, the XSRF cookie, a warm kernel zygote and a
    bound on kernels handed to pages that never connect."""

    def init_settings(self):
        settings = super().init_settings()
        settings["compress_response"] = True
        return settings

    def init_handlers(self):
        self.app.add_transform(StaticCacheHeaders)
        handlers = []
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            if handler is TornadoVoilaHandler:
                handler = KioskPageHandler
            elif pattern.endswith("/voila/labextensions/(.*)") and rest:
                # Voila marks every extension file "no-cache"; the headers above decide.
                rest = [{**rest[0], "no_cache_paths": []}]
            handlers.append((pattern, handler, *rest))
        return handlers

    def start(self):
        install_template_cache()
        zygote()  # pay the kiosk's imports once, before the pool fills
        try:
            super().start()
        finally:
            close_zygote()


main = KioskVoila.launch_instance

if __name__ == "__main__":
    main()
