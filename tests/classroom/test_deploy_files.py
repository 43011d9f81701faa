"""deploy/kubernetes: the Helm values parse and name only things the package has."""
from __future__ import annotations

import importlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "kubernetes"


def test_values_parse_and_point_at_real_code():
    values = yaml.safe_load((DEPLOY / "values.yaml").read_text(encoding="utf-8"))
    auth = values["hub"]["config"]["JupyterHub"]["authenticator_class"]
    module, name = auth.rsplit(".", 1)
    assert hasattr(importlib.import_module(module), name)
    relay = values["hub"]["services"]["classroom-relay"]["command"]
    assert importlib.util.find_spec(relay[2]) is not None
    mounts = values["singleuser"]["storage"]["extraVolumeMounts"]
    assert any(m.get("readOnly") and m["mountPath"].endswith("/outbound") for m in mounts)
    assert any("{username}" in m.get("subPath", "") for m in mounts)
    assert values["cull"]["enabled"] is True


def test_dockerfile_copies_the_learner_notebooks_that_exist():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "literacy_kit/classroom/notebooks/*.ipynb" in text
    assert sorted(p.name for p in (ROOT / "literacy_kit" / "classroom" / "notebooks").glob("*.ipynb")) \
        == ["exercise.ipynb", "home.ipynb"]
