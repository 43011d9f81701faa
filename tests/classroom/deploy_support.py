"""deploy/kubernetes/values.yaml for the tests: its values, its hub extraConfig run on a
config object, and its spawn hook run on a stand-in spawner with the real authenticator."""
from __future__ import annotations

import types
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "kubernetes"


def values() -> dict:
    return yaml.safe_load((DEPLOY / "values.yaml").read_text(encoding="utf-8"))


def hub_extra_config(data: dict | None = None):
    """The traitlets ``Config`` the hub's ``extraConfig`` snippets fill, run in name order
    as the chart runs them."""
    from traitlets.config import Config

    c = Config()
    for name, code in sorted((data or values())["hub"]["extraConfig"].items()):
        exec(compile(code, f"hub.extraConfig.{name}", "exec"), {"c": c})
    return c


def authenticator(data: dict | None = None):
    """The hub's authenticator, configured from ``hub.config`` as the chart does."""
    from traitlets.config import Config

    from literacy_kit.classroom.authenticator import RosterPinAuthenticator

    return RosterPinAuthenticator(config=Config((data or values())["hub"]["config"]))


def spawn(name: str, data: dict | None = None):
    """Run the values' pre-spawn hook for user ``name``; the stand-in spawner it changed
    (KubeSpawner hands the hook a spawner whose ``authenticator`` is the hub's)."""
    data = data or values()
    spawner = types.SimpleNamespace(user=types.SimpleNamespace(name=name), environment={},
                                    default_url="", authenticator=authenticator(data))
    hub_extra_config(data).KubeSpawner.pre_spawn_hook(spawner)
    return spawner
