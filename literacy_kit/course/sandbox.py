"""Fence a grading kernel in before it runs a learner's code.

Autograding executes whatever a submission contains with the trainer's own permissions
(nbgrader's FAQ: it does not protect against unsafe code). Before the kernel starts, the
forked child applies, in this order:

* resource limits: address space, size of any file written, no core dumps;
* a Landlock ruleset (Linux 5.13+, no root needed): the process and everything it starts
  may read the Python installation, the system and this package only, and write only
  the submission's own folder and a private temporary folder. The gradebook, the course's
  sources (the hidden tests), the release and every other learner's folder are out of
  reach, for reading as for writing. Where the kernel has Landlock ABI 6 or later, the
  process also may not send signals to, or reach through abstract Unix sockets, any
  process outside its fence (the learners' servers all run as one user: without this, a
  learner's code could stop another learner's server).

Landlock cannot be undone by the sandboxed code. Where the kernel lacks it,
:func:`apply` reports ``False`` and the grading summary says the fence was partial.
"""
from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38

_EXECUTE, _WRITE_FILE, _READ_FILE, _READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
_READ = _EXECUTE | _READ_FILE | _READ_DIR
#: Rights that apply to a file (not a directory) in a rule.
_FILE_RIGHTS = _EXECUTE | _WRITE_FILE | _READ_FILE | (1 << 14) | (1 << 15)
#: Filesystem rights known to each Landlock ABI version (1: bits 0-12, 2: REFER,
#: 3: TRUNCATE, 5: IOCTL_DEV).
_ABI_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1,
               5: (1 << 16) - 1}


#: Landlock ABI 6 scopes: a fenced process may not connect to abstract Unix sockets made
#: outside its fence, nor send signals to processes outside it (another learner's server,
#: the hub, the grader).
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1 << 0, 1 << 1


class _RulesetAttr(ctypes.Structure):
    # the kernel takes a longer structure whose unknown tail is zero, so older kernels
    # accept it with ``scoped`` left at 0
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The Landlock ABI version of the running kernel, 0 if it has none."""
    if not sys.platform.startswith("linux"):
        return 0
    version = _libc().syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0),
                              ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(int(version), 0)


@dataclass
class Fence:
    """What a grading kernel may touch.

    Parameters
    ----------
    writable : paths the kernel may read and write (the submission, a private temp dir)
    readable : paths it may only read (Python, the system, this package)
    memory_bytes : address-space limit; ``0`` for none
    file_bytes : largest file it may write; ``0`` for none
    listable : folders it may list without reading their files
    """

    writable: list[str] = field(default_factory=list)
    readable: list[str] = field(default_factory=list)
    #: folders whose entries may be listed, but whose files are not readable unless
    #: they are in ``readable`` themselves
    listable: list[str] = field(default_factory=list)
    memory_bytes: int = 4 << 30
    file_bytes: int = 64 << 20


def default_readable() -> list[str]:
    """Python, its packages, the system, this package and the folders of the registered
    domains (a plug-in installed elsewhere, say editable: its catalogs and content), never a
    course or a home."""
    import literacy_kit
    from .. import domains

    paths = {"/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc", "/proc", "/sys",
             "/dev", sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
             str(Path(literacy_kit.__file__).resolve().parent)}
    for domain in domains.registered():
        paths.add(str(domain.root().resolve()))
    for entry in sys.path:
        # site-packages and the standard library, but not a project folder that an
        # editable install or the working directory put on the path
        if entry and ("site-packages" in entry or "dist-packages" in entry
                      or entry.startswith(sys.base_prefix)):
            paths.add(entry)
    return sorted(paths)


def _limit(kind: int, value: int) -> None:
    if value <= 0:
        return
    try:
        _soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError):
        pass


def _add_rule(libc, ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if not os.path.isdir(path):
            rights &= _FILE_RIGHTS
        attr = _PathBeneathAttr(rights, fd)
        libc.syscall(_SYS_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                     ctypes.byref(attr), ctypes.c_uint32(0))
    finally:
        os.close(fd)


def _landlock(readable: Iterable[str], writable: Iterable[str], listable: Iterable[str] = ()) -> bool:
    abi = landlock_abi()
    if abi <= 0:
        return False
    handled = _ABI_RIGHTS.get(abi, _ABI_RIGHTS[5])
    libc = _libc()
    scoped = _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL if abi >= 6 else 0
    attr = _RulesetAttr(handled, 0, scoped)
    ruleset = libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        return False
    try:
        for path in readable:
            _add_rule(libc, ruleset, path, _READ & handled)
        for path in writable:
            _add_rule(libc, ruleset, path, handled)
        for path in listable:
            _add_rule(libc, ruleset, path, _READ_DIR & handled)
        _add_rule(libc, ruleset, os.devnull, (_READ_FILE | _WRITE_FILE) & handled)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        return libc.syscall(_SYS_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) == 0
    finally:
        os.close(ruleset)


def apply(fence: Fence) -> bool:
    """Limit the current process as ``fence`` says; ``True`` if Landlock is in force.

    Call it in a child process just before it runs untrusted code: nothing lifts it.
    """
    _limit(resource.RLIMIT_AS, fence.memory_bytes)
    _limit(resource.RLIMIT_FSIZE, fence.file_bytes)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    # an over-long write fails with an error instead of killing the kernel
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return _landlock(fence.readable, fence.writable, fence.listable)
