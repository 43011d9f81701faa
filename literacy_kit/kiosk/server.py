"""Start the kiosk: a real Voila server on loopback serving only the kiosk notebook.

The launcher lays out a private runtime folder (the notebook alone, plus the
``lk-kiosk`` Voila template, which extends the kit's light page ``lk-page``), then runs
Voila with settings fit for a public touchscreen.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from html import escape

from .. import page
from ..i18n import LANGS, t
from .claims import CLAIM_GRACE, MAX_UNCLAIMED
from .kernels import KERNEL_NAME, PROVISIONER_NAME
from .settings import KioskSettings

HERE = Path(__file__).parent
TEMPLATE_NAME = "lk-kiosk"
NOTEBOOK_NAME = "kiosk.ipynb"
# The light page loads no JupyterLab extension; should the page ever be Voila's own again,
# only the widget manager is needed (nbgrader, RISE, ... add requests and startup time).
PAGE_EXTENSIONS = ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]


def prepare_runtime(root: Path, lang: str = "vi") -> Path:
    """Lay out the runtime folder under ``root``; returns the notebook's path.

    ``lang`` is the kiosk's starting language, the one of the notice a visitor sees when
    the page comes back after its kernel died.
    """
    template = root / "share" / "jupyter" / "voila" / "templates" / TEMPLATE_NAME
    (template / "static").mkdir(parents=True, exist_ok=True)
    for name in ("conf.json", "index.html.j2"):
        shutil.copy2(HERE / "template" / name, template / name)
    shutil.copy2(HERE / "template" / "static" / "lk-kernel-watch.js", template / "static")
    _write_notice(template / "lk_notice.html.j2", lang)
    _write_kernelspec(root / "share" / "jupyter" / "kernels" / KERNEL_NAME)
    notebook_dir = root / "notebook"
    notebook_dir.mkdir(exist_ok=True)
    notebook = json.loads((HERE / "notebook" / NOTEBOOK_NAME).read_text(encoding="utf-8"))
    notebook["metadata"]["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3 (kiosk)",
                                          "language": "python"}
    (notebook_dir / NOTEBOOK_NAME).write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return notebook_dir / NOTEBOOK_NAME


def _write_kernelspec(folder: Path) -> None:
    """The kiosk's kernel: ipykernel of this Python, forked by the kiosk provisioner."""
    folder.mkdir(parents=True, exist_ok=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (kiosk)", "language": "python",
            "metadata": {"kernel_provisioner": {"provisioner_name": PROVISIONER_NAME}}}
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")


def _write_notice(path: Path, lang: str) -> None:
    """The page's hidden "the kiosk restarted" notice, in the starting language."""
    lang = lang if lang in LANGS else "vi"
    text = escape(t("kiosk.restarted", lang), quote=False)
    path.write_text(f'<div class="lk-kiosk-restart-notice" role="status" lang="{lang}" hidden>'
                    f"{text}</div>\n", encoding="utf-8")


def voila_command(notebook: Path, host: str, port: int, pool: int,
                  settings: KioskSettings) -> list[str]:
    """The Voila command line for a public kiosk."""
    cull_idle = max(120, int(settings.idle_reset) + 60)
    command = [
        sys.executable, "-m", "literacy_kit.kiosk.voila_app", str(notebook),
        "--no-browser",
        f"--Voila.ip={host}",
        f"--port={port}",
        "--Voila.port_retries=0",
        f"--template={TEMPLATE_NAME}",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
        f"--VoilaConfiguration.extension_allowlist={PAGE_EXTENSIONS!r}",
        # The page needs no file next to the notebook: refuse every /voila/files/ path.
        "--VoilaConfiguration.file_allowlist=['(?!)']",
        "--VoilaConfiguration.file_denylist=['.*']",
        f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
        "--MappingKernelManager.cull_interval=30",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.multi_kernel_manager_class="
        "literacy_kit.kiosk.kernels.KioskKernelManager",
        # v1 protocol and well-formed frames only (see kiosk/websocket_guard.py)
        "--Voila.kernel_websocket_connection_class="
        "literacy_kit.kiosk.websocket_guard.KioskWebsocketConnection",
        # a kernel handed to a page that never connects ends soon; few such at once
        f"--KioskKernelManager.claim_grace={settings.claim_grace!r}",
        f"--KioskKernelManager.max_unclaimed={settings.max_unclaimed}",
        f"--KioskKernelManager.claim_wait={settings.claim_wait!r}",
    ]
    if pool > 0:
        command += ["--preheat_kernel=True", f"--pool_size={pool}"]
    return command


def kiosk_env(root: Path, settings: KioskSettings, base: dict | None = None) -> dict[str, str]:
    """Environment for Voila and its kernels: the runtime template path and the kiosk settings."""
    env = dict(os.environ if base is None else base)
    data_dir = str(root / "share" / "jupyter")
    # the runtime template first, then the light page it extends
    env["JUPYTER_PATH"] = os.pathsep.join((data_dir, page.jupyter_path(env.get("JUPYTER_PATH"))))
    env.update(settings.to_env())
    # Kernels of a public kiosk must not write IPython history of what visitors did,
    # nor speech audio of screens they filled in (prewarmed audio is still played).
    env["IPYTHONDIR"] = str(root / "ipython")
    env["LK_SPEECH_WRITE_CACHE"] = "0"
    # a touchscreen with no keyboard: every text field gets an on-screen one
    env["LK_ONSCREEN_KEYBOARD"] = "1"
    return env


def serve(host: str = "127.0.0.1", port: int = 8866, lang: str = "vi",
          idle_reset: float = 180.0, pool: int = 1, claim_grace: float = CLAIM_GRACE,
          max_unclaimed: int = MAX_UNCLAIMED) -> int:
    """Run the kiosk until interrupted; returns Voila's exit code."""
    settings = KioskSettings(lang=lang, idle_reset=idle_reset, claim_grace=claim_grace,
                             max_unclaimed=max_unclaimed)
    with tempfile.TemporaryDirectory(prefix="literacy-kit-kiosk-") as tmp:
        root = Path(tmp)
        notebook = prepare_runtime(root, settings.lang)
        _write_ipython_config(root / "ipython")
        signal.signal(signal.SIGTERM, _exit_on_term)
        process = subprocess.Popen(voila_command(notebook, host, port, pool, settings),
                                   env=kiosk_env(root, settings), start_new_session=True)
        try:
            return process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            _stop(process)


def _exit_on_term(signum, frame):
    raise SystemExit(0)


def _write_ipython_config(ipython_dir: Path) -> None:
    profile = ipython_dir / "profile_default"
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "ipython_kernel_config.py").write_text(
        "c.HistoryManager.enabled = False\n", encoding="utf-8")


def _stop(process: subprocess.Popen, grace: float = 5.0) -> None:
    """Stop Voila and every kernel it started (they share its process group)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
