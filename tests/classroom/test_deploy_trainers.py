"""deploy/kubernetes/values.yaml names the trainers once: ``RosterPinAuthenticator.trainers``.

The hub's spawn hook asks the hub's authenticator who the trainers are (and the
authenticator makes them hub admins at each login: tests/classroom/test_authenticator.py),
so a province changing its trainers edits one list and JupyterLab and admin rights follow.
"""
from __future__ import annotations

from .deploy_support import DEPLOY, spawn, values


def with_trainers(trainers: list[str]) -> dict:
    data = values()
    data["hub"]["config"]["RosterPinAuthenticator"]["trainers"] = trainers
    return data


def test_the_spawn_hook_follows_the_authenticators_trainer_list():
    data = with_trainers(["gv07"])
    assert spawn("gv07", data).default_url == "/lab"
    for learner in ("gv01", "hv01"):   # gv01: the trainer of the shipped values, not any more
        assert spawn(learner, data).default_url == "/voila/render/home.ipynb"


def test_each_trainer_id_is_written_once():
    text = (DEPLOY / "values.yaml").read_text(encoding="utf-8")
    trainers = values()["hub"]["config"]["RosterPinAuthenticator"]["trainers"]
    assert trainers and {name: text.count(name) for name in trainers} == {name: 1 for name in trainers}
    assert "admin_users" not in values()["hub"]["config"].get("Authenticator", {})

