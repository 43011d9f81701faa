"""Boot a Debian mini-PC into the kiosk: ``literacy-kit kiosk install`` / ``uninstall``.

Writes, from the templates in ``system/``:

* ``literacy-kit-kiosk.service``: the server, as a dedicated unprivileged user, restarted
  on failure, started on boot;
* ``literacy-kit-kiosk-display.service``: the touchscreen, the ``cage`` compositor on tty1
  running :mod:`~literacy_kit.kiosk.launcher` (waits for the server, opens Chromium in
  kiosk mode, watches both);
* ``/etc/chromium/policies/managed/literacy-kit-kiosk.json``: Chromium's enforced policy
  (no DevTools, downloads, translate or password prompts, nothing kept, only the kiosk's
  address allowed).

``root`` writes everything below another folder and runs nothing (for tests and for
preparing an image); otherwise the user is created and systemd told.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SYSTEM = Path(__file__).parent / "system"
SERVER_UNIT = "literacy-kit-kiosk.service"
DISPLAY_UNIT = "literacy-kit-kiosk-display.service"
POLICY_NAME = "literacy-kit-kiosk.json"
UNIT_DIR = Path("etc/systemd/system")
POLICY_DIR = Path("etc/chromium/policies/managed")
#: Debian packages the kiosk machine needs (the bundle lists them too).
DEBIAN_PACKAGES = ("chromium", "cage", "fonts-noto-core", "fonts-noto-mono", "espeak-ng",
                   "python3-venv")


@dataclass
class KioskInstall:
    """What gets written where; :meth:`files` renders, :meth:`install` writes and enables."""

    root: Path = Path("/")
    user: str = "lk-kiosk"
    port: int = 8866
    lang: str = "vi"
    pool: int = 2
    idle_reset: float = 180.0
    state_dir: str = "/var/lib/literacy-kit"
    literacy_kit: str = field(default_factory=lambda: str(Path(sys.executable).with_name("literacy-kit")))
    chromium: str = field(default_factory=lambda: shutil.which("chromium") or "/usr/bin/chromium")
    cage: str = field(default_factory=lambda: shutil.which("cage") or "/usr/bin/cage")

    @property
    def values(self) -> dict[str, str]:
        return {"user": self.user, "port": str(self.port), "lang": self.lang, "pool": str(self.pool),
                "idle_reset": f"{self.idle_reset:g}", "state_dir": self.state_dir,
                "speech_cache": f"{self.state_dir}/speech", "literacy_kit": self.literacy_kit,
                "chromium": self.chromium, "cage": self.cage}

    def render(self, template: str) -> str:
        text = (SYSTEM / template).read_text(encoding="utf-8")
        for key, value in self.values.items():
            text = text.replace("{" + key + "}", value)
        return text

    def files(self) -> dict[Path, str]:
        """Path below :attr:`root` → contents."""
        policy = json.loads(self.render("chromium-policy.json"))
        return {UNIT_DIR / SERVER_UNIT: self.render(SERVER_UNIT),
                UNIT_DIR / DISPLAY_UNIT: self.render(DISPLAY_UNIT),
                POLICY_DIR / POLICY_NAME: json.dumps(policy, indent=2) + "\n"}

    @property
    def live(self) -> bool:
        return Path(self.root).resolve() == Path("/")

    def install(self, run=subprocess.run) -> list[Path]:
        """Write the files; on the live system also create the user and enable the units."""
        written = []
        for relative, text in self.files().items():
            path = Path(self.root) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            os.chmod(path, 0o644)
            written.append(path)
        state = Path(self.root) / self.state_dir.lstrip("/")
        state.mkdir(parents=True, exist_ok=True)
        if self.live:
            if run(["id", "-u", self.user], capture_output=True).returncode != 0:
                run(["useradd", "--system", "--home-dir", self.state_dir, "--shell",
                     "/usr/sbin/nologin", "--groups", "video,input,render", self.user], check=True)
            run(["chown", "-R", f"{self.user}:{self.user}", self.state_dir], check=True)
            run(["systemctl", "daemon-reload"], check=True)
            run(["systemctl", "enable", "--now", SERVER_UNIT], check=True)
            run(["systemctl", "enable", DISPLAY_UNIT], check=True)
            run(["systemctl", "set-default", "graphical.target"], check=True)
        return written

    def uninstall(self, run=subprocess.run) -> list[Path]:
        """Stop and disable the units, remove the files (the user and its folder stay)."""
        if self.live:
            run(["systemctl", "disable", "--now", DISPLAY_UNIT, SERVER_UNIT], check=False)
        removed = []
        for relative in self.files():
            path = Path(self.root) / relative
            if path.exists():
                path.unlink()
                removed.append(path)
        if self.live:
            run(["systemctl", "daemon-reload"], check=False)
        return removed


def service_state(unit: str = SERVER_UNIT, run=subprocess.run) -> str:
    """``active``, ``inactive``, ``failed``… as systemd says; ``not-installed`` or ``no-systemd``."""
    if not shutil.which("systemctl"):
        return "no-systemd"
    if not (Path("/") / UNIT_DIR / unit).exists():
        return "not-installed"
    result = run(["systemctl", "is-active", unit], capture_output=True, text=True)
    return (result.stdout or "").strip() or "unknown"
