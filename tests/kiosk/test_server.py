"""The kiosk launcher: runtime folder and Voila settings, checked without a server."""
from __future__ import annotations

import json

from literacy_kit.kiosk.server import kiosk_env, prepare_runtime, voila_command
from literacy_kit.kiosk.settings import ENV_IDLE, ENV_LANG, KioskSettings


def test_runtime_holds_only_the_notebook_and_the_template(tmp_path):
    notebook = prepare_runtime(tmp_path)
    assert [p.name for p in notebook.parent.iterdir()] == ["kiosk.ipynb"]
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert len(cells) == 1
    template = tmp_path / "share/jupyter/voila/templates/lk-kiosk"
    assert (template / "static/lk-kernel-watch.js").is_file()
    assert not (template / "static/fontawesome").exists()   # the light page has no icon font


def test_voila_is_configured_for_a_public_kiosk(tmp_path):
    settings = KioskSettings(idle_reset=90)
    command = voila_command(tmp_path / "kiosk.ipynb", "127.0.0.1", 8866, 2, settings)
    joined = " ".join(command)
    for flag in ("--Voila.ip=127.0.0.1", "--port=8866", "--Voila.port_retries=0",
                 "--strip_sources=True", "--show_tracebacks=False",
                 "--VoilaConfiguration.allow_template_override=NO",
                 "--VoilaConfiguration.allow_theme_override=NO",
                 "--preheat_kernel=True", "--pool_size=2", "--template=lk-kiosk"):
        assert flag in command, flag
    assert "--MappingKernelManager.cull_idle_timeout=" in joined
    assert "--no-browser" in command


def test_no_pool_means_no_preheat(tmp_path):
    command = voila_command(tmp_path / "k.ipynb", "127.0.0.1", 8866, 0, KioskSettings())
    assert not any(arg.startswith("--preheat_kernel") for arg in command)


def test_settings_travel_through_the_environment(tmp_path):
    settings = KioskSettings(lang="en", idle_reset=42)
    env = kiosk_env(tmp_path, settings, base={"JUPYTER_PATH": "/elsewhere"})
    assert env[ENV_LANG] == "en"
    assert env["JUPYTER_PATH"].split(":")[0] == str(tmp_path / "share" / "jupyter")
    restored = KioskSettings.from_env(env)
    assert (restored.lang, restored.idle_reset) == ("en", 42.0)


def test_kiosk_kernels_never_write_new_speech_audio(tmp_path):
    from literacy_kit.speech import SpeechSettings

    env = kiosk_env(tmp_path, KioskSettings(), base={})
    assert SpeechSettings.from_env(env).write_cache is False


def test_bad_environment_values_fall_back_to_defaults():
    settings = KioskSettings.from_env({ENV_LANG: "klingon", ENV_IDLE: "soon"})
    assert (settings.lang, settings.idle_reset) == ("vi", 180.0)
