"""Voila's own server with three changes for a kiosk on weak hardware.

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

Everything else (handlers, kernel manager with its preheated pool, security settings) is
Voila's. Run as ``python -m literacy_kit.kiosk.voila_app`` with Voila's own options.
"""
from __future__ import annotations

import re

from tornado.web import OutputTransform
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from ..voila_templates import install as install_template_cache
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


class KioskPageHandler(TornadoVoilaHandler):
    """Voila's page handler; the response also sets the ``_xsrf`` cookie for the beacon."""

    async def prepare(self):
        result = super().prepare()
        if result is not None:
            await result
        self.xsrf_token  # noqa: B018 - reading it sets the cookie


class KioskVoila(Voila):
    """Voila with compression, cache headers, the XSRF cookie and a warm kernel zygote."""

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
