"""deploy/kubernetes, validated without helm, docker or a cluster.

helm is not in Debian's archive and no helm program is on PyPI or npm; the Zero to
JupyterHub chart (and its values schema) is on none of them. So: the values parse and name
only things the package has; they use only keys the chart documents
(z2jh_values_subset.schema.yaml); the JupyterHub settings are traits of the real classes; the
hub's extra config runs against a stand-in spawner; the image's pip install and server
settings agree with pyproject.toml, the lock file and the installed packages.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name as canonical

from literacy_kit.i18n import t

from .deploy_support import DEPLOY, ROOT, hub_extra_config, spawn, values


def test_values_parse_and_point_at_real_code():
    data = values()
    auth = data["hub"]["config"]["JupyterHub"]["authenticator_class"]
    module, name = auth.rsplit(".", 1)
    assert hasattr(importlib.import_module(module), name)
    relay = data["hub"]["services"]["classroom-relay"]["command"]
    assert importlib.util.find_spec(relay[2]) is not None
    mounts = data["singleuser"]["storage"]["extraVolumeMounts"]
    assert any(m.get("readOnly") and m["mountPath"].endswith("/outbound") for m in mounts)
    assert any("{username}" in m.get("subPath", "") for m in mounts)
    assert data["cull"]["enabled"] is True


def test_dockerfile_copies_the_learner_notebooks_that_exist():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "literacy_kit/classroom/notebooks/*.ipynb" in text
    assert sorted(p.name for p in (ROOT / "literacy_kit" / "classroom" / "notebooks").glob("*.ipynb")) \
        == ["exercise.ipynb", "home.ipynb"]


SUBSET_SCHEMA = Path(__file__).with_name("z2jh_values_subset.schema.yaml")


def schema_errors(data) -> list[str]:
    schema = yaml.safe_load(SUBSET_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data))


def test_values_use_only_keys_the_chart_documents():
    assert schema_errors(values()) == []


@pytest.mark.parametrize("change, where", [
    (lambda v: v["singleuser"].update(memoryLimit="1G"), "singleuser"),            # invented key
    (lambda v: v["singleuser"]["storage"].update(type="shared"), "singleuser.storage.type"),
    (lambda v: v["cull"].update(timeout="20m"), "cull.timeout"),
    (lambda v: v["hub"]["image"].pop("tag"), "hub.image"),
    (lambda v: v["scheduling"]["userPlaceholder"].update(replica=10), "scheduling.userPlaceholder"),
])
def test_the_key_check_catches_mistakes(change, where):
    data = values()
    change(data)
    assert any(error.startswith(where + ":") for error in schema_errors(data))


def test_hub_config_names_real_traits():
    from jupyterhub.app import JupyterHub
    from jupyterhub.auth import Authenticator

    from literacy_kit.classroom.authenticator import RosterPinAuthenticator

    classes = {"JupyterHub": JupyterHub, "Authenticator": Authenticator,
               "RosterPinAuthenticator": RosterPinAuthenticator}
    config = values()["hub"]["config"]
    assert set(config) <= set(classes)
    unknown = [f"{section}.{key}" for section, settings in config.items() for key in settings
               if key not in classes[section].class_traits(config=True)]
    assert unknown == []


def test_hub_extra_config_finds_the_login_page_and_sends_learners_and_trainers_apart():
    from jupyterhub.spawner import Spawner

    c = hub_extra_config()
    assert "pre_spawn_hook" in Spawner.class_traits(config=True)   # KubeSpawner inherits it
    assert "authenticator" in Spawner.class_traits()                # the hub's, given to each spawner
    trainers = values()["hub"]["config"]["RosterPinAuthenticator"]["trainers"]

    from literacy_kit.classroom.hub_config import TEMPLATES

    assert c.JupyterHub.template_paths == [str(TEMPLATES)] and (TEMPLATES / "login.html").is_file()
    # the server-starting and error pages find their texts in both languages
    texts = c.JupyterHub.template_vars["lk_texts"]
    assert texts["vi"]["hub_starting_title"] == t("classroom.hub_starting_title", "vi")
    assert set(texts["en"]) == set(texts["vi"]) and (TEMPLATES / "spawn_pending.html").is_file()
    learner, trainer = spawn("hv01"), spawn(trainers[0])
    assert learner.default_url == "/voila/render/home.ipynb" and trainer.default_url == "/lab"
    assert learner.environment["LK_CLASSROOM_USER"] == "hv01"
    mounts = {m["mountPath"] for m in values()["singleuser"]["storage"]["extraVolumeMounts"]}
    lane = {learner.environment["LK_CLASSROOM_EXCHANGE"], learner.environment["LK_CLASSROOM_RESULTS"]}
    assert all(any(path.startswith(mount + "/") for mount in mounts) for path in lane)


def runtime_requirements() -> list[Requirement]:
    """pyproject.toml's dependencies, as the installed package declares them (no extras)."""
    from importlib.metadata import requires

    return [Requirement(line) for line in requires("literacy-kit") or [] if "extra ==" not in line]


def requires_python() -> SpecifierSet:
    from importlib.metadata import metadata

    return SpecifierSet(metadata("literacy-kit")["Requires-Python"])


def lock(python: str) -> dict[str, str]:
    """``{normalised name: pinned version}`` of the lock file's lines for that Python."""
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements-lock.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if line and not line.startswith("#"):
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"python_version": python,
                                                         "python_full_version": f"{python}.0"}):
                pins[canonical(req.name)] = str(req.specifier).removeprefix("==")
    return pins


def image_python(dockerfile: str) -> str:
    return re.search(r"^FROM python:(\d+\.\d+)", dockerfile, flags=re.MULTILINE)[1]


def pip_lines(dockerfile: str) -> list[list[str]]:
    """The arguments after ``pip install`` of every RUN line (continuations joined)."""
    joined = re.sub(r"\\\n", " ", dockerfile)
    found = []
    for run in re.findall(r"^RUN (.*)$", joined, flags=re.MULTILINE):
        for command in re.split(r"&&|;", run):
            words = shlex.split(command)
            if words[:2] == ["pip", "install"] or words[1:3] == ["-m", "pip"]:
                found.append(words[words.index("install") + 1:])
    return found


def pip_problems(text: str) -> list[str]:
    """What is wrong with the Dockerfile ``text``'s pip installs (empty: nothing)."""
    lines = pip_lines(text)
    if not lines:
        return ["no pip install of the package"]
    dependencies = {canonical(req.name): req for req in runtime_requirements()}
    problems = []
    for args in lines:
        if "-c" not in args or not args[args.index("-c") + 1].endswith("requirements-lock.txt"):
            problems.append(f"not constrained by the lock file: {args}")
        targets = [a for i, a in enumerate(args) if not a.startswith("-") and args[i - 1] != "-c"]
        for target in targets:
            if target.startswith("/"):   # the source tree: pyproject.toml's ranges, the lock's pins
                if not re.search(rf"^COPY pyproject.toml requirements-lock.txt .*{re.escape(target)}/?$",
                                 text, flags=re.MULTILINE):
                    problems.append(f"{target} is not the copied source tree")
            elif canonical(Requirement(target).name) not in dependencies:
                problems.append(f"{target} is not a dependency in pyproject.toml")
    # every dependency is pinned in the lock for the image's Python, inside pyproject.toml's range
    pins = lock(image_python(text))
    problems += [f"{name}: locked {pins.get(name)}, wanted {req.specifier}"
                 for name, req in dependencies.items()
                 if pins.get(name) is None or pins[name] not in req.specifier]
    return problems


def test_image_installs_the_package_with_the_tested_pins_only():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert pip_problems(text) == []
    extra = text.replace("USER 1000", "RUN pip install --no-cache-dir requests\nUSER 1000")
    assert pip_problems(extra) == ["not constrained by the lock file: ['--no-cache-dir', 'requests']",
                                   "requests is not a dependency in pyproject.toml"]
    unpinned = text.replace("-c /opt/literacy-kit/src/requirements-lock.txt ", "")
    assert len(pip_problems(unpinned)) == 1


def test_image_python_and_server_settings_match_the_package():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert image_python(text) in requires_python()
    # the server config the image writes is valid JSON, and every extension it names exists
    joined = text.replace("\\\n", " ")
    printed = re.search(r"printf '%s\\n' (.*?)\s*> /etc/jupyter/jupyter_server_config.json", joined)
    config = json.loads("".join(shlex.split(printed[1])))
    extensions = config["ServerApp"]["jpserver_extensions"]
    missing = [name for name in extensions if importlib.util.find_spec(name) is None]
    assert missing == [] and extensions["voila.server_extension"] is True
    # the learner's pages as on the classroom's own server (light page, compression, caching)
    from literacy_kit.classroom import page_server

    assert extensions[page_server.EXTENSION] is True
    assert {k: config["VoilaConfiguration"][k] for k in page_server.VOILA_SETTINGS} == page_server.VOILA_SETTINGS
    assert {k: config["ServerApp"][k] for k in page_server.SERVER_SETTINGS} == page_server.SERVER_SETTINGS
    assert extensions["jupyterlab"] is False and config["ServerApp"]["terminals_enabled"] is False
    # the command the chart starts and the image's default are the hub's single-user server
    from importlib.metadata import entry_points

    command = values()["singleuser"]["cmd"]
    assert command in text and [e for e in entry_points(group="console_scripts") if e.name == command]
