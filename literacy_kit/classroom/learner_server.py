"""Start a learner's Jupyter server inside the fence: ``python -m literacy_kit.classroom.learner_server``.

The spawner passes the fence in ``LK_CLASSROOM_FENCE`` (JSON: ``writable``, ``readable``,
``memory_mb``). This process applies it with the same Landlock code that fences grading
kernels (:mod:`literacy_kit.course.sandbox`), then becomes ``jupyterhub-singleuser``;
Landlock and the limits are inherited by the server and every kernel it starts, and
nothing the learner runs can lift them. The learner's server can then read Python, the
system, this package and the released assignments, and write only the learner's own
home and exchange lane: not another learner's files, not the course's ``source/``, not
the gradebook, not anyone's submissions.
"""
from __future__ import annotations

import json
import os
import sys

from ..course import sandbox

FENCE_ENV = "LK_CLASSROOM_FENCE"
FENCED_ENV = "LK_CLASSROOM_FENCED"


def fence_from_env(environ=os.environ) -> sandbox.Fence:
    spec = json.loads(environ.get(FENCE_ENV, "{}"))
    return sandbox.Fence(writable=list(spec.get("writable", [])),
                         readable=sandbox.default_readable() + list(spec.get("readable", [])),
                         memory_bytes=int(spec.get("memory_mb", 0)) << 20,
                         file_bytes=64 << 20)


def enter_fence() -> bool:
    """Fence this process in as ``LK_CLASSROOM_FENCE`` says (the fence is then inherited by
    everything it starts); ``True`` if Landlock is in force. Also used by the forked
    servers of :mod:`.zygote`."""
    fenced = sandbox.apply(fence_from_env())
    os.environ.pop(FENCE_ENV, None)
    os.environ[FENCED_ENV] = "1" if fenced else "0"
    if not fenced:
        print("literacy-kit classroom: this Linux kernel has no Landlock; the learner's server "
              "runs without the file fence", file=sys.stderr)
    return fenced


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    enter_fence()
    os.execv(sys.executable, [sys.executable, "-m", "jupyterhub.singleuser", *argv])


if __name__ == "__main__":  # pragma: no cover
    main()
