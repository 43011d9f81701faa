"""Kiosk kernels without a server: the warm zygote, the runtime's kernelspec, cache rules."""
from __future__ import annotations

import json
import subprocess
import sys

from literacy_kit.i18n import t
from literacy_kit.kiosk.kernels import KERNEL_NAME, PROVISIONER_NAME
from literacy_kit.kiosk.server import prepare_runtime, voila_command
from literacy_kit.kiosk.settings import KioskSettings
from literacy_kit.kiosk.voila_app import HASHED, StaticCacheHeaders


def test_runtime_names_the_forking_kernel(tmp_path):
    notebook = prepare_runtime(tmp_path, "en")
    assert json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == KERNEL_NAME
    spec = json.loads((tmp_path / "share/jupyter/kernels" / KERNEL_NAME / "kernel.json").read_text())
    assert spec["metadata"]["kernel_provisioner"]["provisioner_name"] == PROVISIONER_NAME
    assert spec["argv"][:3] == [sys.executable, "-m", "ipykernel_launcher"]
    notice = (tmp_path / "share/jupyter/voila/templates/lk-kiosk/lk_notice.html.j2").read_text("utf-8")
    assert t("kiosk.restarted", "en") in notice and "hidden" in notice


def test_provisioner_is_registered():
    from jupyter_client.provisioning import KernelProvisionerFactory

    assert PROVISIONER_NAME in KernelProvisionerFactory.instance().get_provisioner_entries()


def test_server_runs_our_voila_with_the_reaping_manager(tmp_path):
    command = voila_command(tmp_path / "k.ipynb", "127.0.0.1", 8866, 2, KioskSettings())
    assert command[1:3] == ["-m", "literacy_kit.kiosk.voila_app"]
    assert any(arg.endswith("literacy_kit.kiosk.kernels.KioskKernelManager") for arg in command)


def test_zygote_warms_up_without_threads_and_answers():
    process = subprocess.run([sys.executable, "-m", "literacy_kit.kiosk.zygote"], input="not json\n",
                             capture_output=True, text=True, timeout=120)
    hello, reply = [json.loads(line) for line in process.stdout.splitlines()]
    assert hello == {"ready": True, "warm": True}
    assert "error" in reply  # a bad request is answered, never a crash


class _Request:
    def __init__(self, path, query=None):
        self.path = path
        self.query_arguments = query or {}


def cache_header(path, status=200, query=None):
    headers = {}
    StaticCacheHeaders(_Request(path, query)).transform_first_chunk(status, headers, b"", True)
    return headers.get("Cache-Control")


def test_cache_rules():
    hashed = "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/327.8166aeb81cf1531ca240.js"
    assert HASHED.search(hashed)
    assert "immutable" in cache_header(hashed)
    assert cache_header("/voila/static/voila.js") == "public, max-age=3600"
    assert cache_header("/voila/static/voila.js", status=304) == "public, max-age=3600"
    assert "immutable" in cache_header("/voila/templates/lk-kiosk/static/index.css", query={"v": [b"ab"]})
    assert cache_header("/") is None                   # the page itself is never cached
    assert cache_header("/voila/static/missing.js", status=404) is None
