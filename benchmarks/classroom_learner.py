"""One simulated learner of the classroom benchmark: a phone's requests, without a browser.

Logs in with the PIN (HTTP, like the login form), asks the hub for the server and waits
for it like the "server starting" page, loads the home page (Voila runs the notebook on
the server while it sends the page), then connects to the page's kernel over the v1
websocket protocol and fetches every widget's state as the page's widget manager does
(:class:`literacy_kit.kiosk.visitor.Visitor`): that is "home shown". Then it closes the
home page (Voila's shutdown beacon), opens the ``vneid`` exercise the same way and taps
answer buttons, timing each tap until the kernel sends the widget's update back.
"""
from __future__ import annotations

import asyncio
import json
import re
import time

KERNEL_RE = re.compile(r'"kernelId"\s*:\s*"([0-9a-fA-F-]{8,})"')


class Failed(RuntimeError):
    """A step a phone would show as an error."""


class Learner:
    """A learner with an id and a PIN at the hub ``base`` (``http://host:port/``)."""

    def __init__(self, base: str, learner: str, pin: str, timeout: float = 120.0):
        import requests

        self.base = base
        self.name = learner
        self.pin = pin
        self.timeout = timeout
        self.session = requests.Session()
        self.times: dict[str, float] = {}
        self.taps: list[float] = []
        #: the step under way, reported with a failure
        self.step = "login"

    # -- HTTP: login, spawn, page ---------------------------------------------------------
    def log_in(self) -> None:
        start = time.perf_counter()
        self.session.get(self.base + "hub/login", timeout=60)
        xsrf = self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf")
        reply = self.session.post(self.base + "hub/login?next=", timeout=120, allow_redirects=False,
                                  data={"username": self.name, "password": self.pin, "_xsrf": xsrf})
        if reply.status_code != 302:
            raise Failed(f"login {reply.status_code}")
        self.times["pin"] = time.perf_counter() - start

    def wait_for_server(self, start: float) -> None:
        """Ask for the server and follow the hub's progress stream until it is ready, as
        the "server starting" page does (its event source, not polling)."""
        reply = self.session.get(self.base + "hub/spawn", timeout=120, allow_redirects=False)
        if reply.status_code not in (200, 302):
            raise Failed(f"spawn {reply.status_code}")
        url = f"{self.base}hub/api/users/{self.name}/server/progress"
        left = max(1.0, self.timeout - (time.perf_counter() - start))
        with self.session.get(url, stream=True, timeout=(30, left),
                              headers={"Accept": "text/event-stream"}) as events:
            if events.status_code != 200:
                raise Failed(f"progress {events.status_code}")
            for raw in events.iter_lines():
                if not raw.startswith(b"data:"):
                    continue
                event = json.loads(raw[5:])
                if event.get("ready"):
                    return
                if event.get("failed"):
                    raise Failed(f"spawn failed: {event.get('message', '')}"[:120])
                if time.perf_counter() - start > self.timeout:
                    break
        raise Failed("server did not start")

    def page(self, path: str) -> str:
        """A Voila page of the learner's server; its kernel id (the page's kernel ran it)."""
        reply = self.session.get(f"{self.base}user/{self.name}/{path}", timeout=self.timeout)
        match = KERNEL_RE.search(reply.text)
        if reply.status_code != 200 or not match:
            raise Failed(f"{path.split('?')[0]}: {reply.status_code}, {len(reply.text)} bytes")
        return match.group(1)

    def cookies(self) -> dict[str, str]:
        """The cookies the phone sends to its server's pages and websockets."""
        mine = f"/user/{self.name}"
        return {cookie.name: cookie.value for cookie in self.session.cookies
                if cookie.path in ("", "/") or cookie.path.startswith(mine)}

    # -- websocket: widgets ---------------------------------------------------------------
    def visitor(self, kernel_id: str):
        from literacy_kit.kiosk.visitor import Visitor

        visitor = Visitor(f"{self.base}user/{self.name}/", timeout=self.timeout)
        visitor.kernel_id = kernel_id
        visitor.cookies = self.cookies()
        return visitor

    async def show(self, kernel_id: str):
        visitor = self.visitor(kernel_id)
        await visitor.connect()
        await visitor.request_states()
        return visitor

    async def _widgets(self, home_kernel: str, taps: int, pause: float, started: float) -> None:
        home = await self.show(home_kernel)
        self.times["home"] = time.perf_counter() - started
        if taps <= 0:
            await home.close()
            return
        self.step = "leaving home"
        await home.shutdown_beacon()       # the phone leaves the home page
        await home.close()
        opened = time.perf_counter()
        self.step = "exercise page"
        kernel = await asyncio.to_thread(self.page, "voila/render/exercise.ipynb?assignment=vneid")
        self.step = "exercise widgets"
        exercise = await self.show(kernel)
        self.times["exercise"] = time.perf_counter() - opened
        self.step = "tapping"
        try:
            options = exercise.find("lk-choice-option")
            if not options:
                raise Failed("no answer buttons in the exercise")
            for index in range(taps):
                await asyncio.sleep(pause)
                model = options[(2 * index) % len(options)]
                tapped = time.perf_counter()
                await exercise.tap(model, wait=30.0)
                waited = time.perf_counter() - tapped
                if waited >= 29.9:
                    raise Failed("a tap got no answer in 30 s")
                self.taps.append(waited)
        finally:
            await exercise.close()

    # -- the whole visit ------------------------------------------------------------------
    def arrive(self, taps: int = 0, pause: float = 1.0) -> dict:
        """Log in, reach the home, then (``taps`` > 0) open the exercise and tap; timings.

        Every figure is seconds from the start of the login, except ``exercise`` (from
        the tap on the card) and ``taps`` (each tap until the screen changed).
        """
        start = time.perf_counter()
        try:
            self.log_in()
            self.step = "server start"
            self.wait_for_server(start)
            self.times["spawn"] = time.perf_counter() - start
            self.step = "home page"
            kernel = self.page("voila/render/home.ipynb")
            self.times["page"] = time.perf_counter() - start
            self.step = "home widgets"
            asyncio.run(asyncio.wait_for(self._widgets(kernel, taps, pause, start), self.timeout))
            return {"ok": True, **self.times, "taps": list(self.taps)}
        except Exception as exc:   # a failure is a figure here, not a crash
            why = f"{self.step}: {type(exc).__name__}: {exc}"[:160]
            return {"ok": False, "why": why, **self.times,
                    "taps": list(self.taps)}
        finally:
            self.session.close()
