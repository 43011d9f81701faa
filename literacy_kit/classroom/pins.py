"""Learners' PINs, stored hashed, with a wrong-PIN counter that locks an id.

``pins.json`` maps a learner id to ``{"hash", "failures", "locked", "issued"}``. A PIN is
never stored or logged in clear: it exists only on the printed card. The hash is scrypt
with a per-PIN salt (standard library); a 6-digit PIN is still guessable offline from a
stolen file in minutes, which is why the file stays on the trainer's machine and the hub
locks an id after ``max_failures`` wrong PINs in a row: online guessing is what the lock
stops. Every change is a read-modify-write under an exclusive file lock, written
atomically, so the hub and a trainer's ``classroom unlock`` never lose each other's update.

The cost, scrypt N=2^14, r=8, p=1 (16 MiB, 0.05-0.1 s of one core here), is the usual
interactive one, chosen knowing what it buys: with 10^4 to 10^6 possible PINs no
affordable cost protects a stolen file (a million guesses are a day of one core), and
online the lock allows 5 guesses (a 5 in a million chance with 6 digits) whatever the
cost. A dearer hash would only slow a class logging in at once (30 hashes), a cheaper one
would save about a second of CPU per class; the hub hashes outside the file lock, in a
thread, so logins do not queue behind each other.

>>> import tempfile, pathlib
>>> store = PinStore(pathlib.Path(tempfile.mkdtemp()) / "pins.json", max_failures=2)
>>> pin = store.issue(["hv01"])["hv01"]
>>> store.check("hv01", pin).ok
True
>>> [store.check("hv01", "x").status for _ in range(3)]
['wrong', 'locked', 'locked']
"""
from __future__ import annotations

import datetime
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_N, _R, _P = 1 << 14, 8, 1


def _hash(pin: str, salt: bytes) -> str:
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def _matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def clean_pin(text: str) -> str:
    """What a learner typed, as digits: NFKC (full-width digits), spaces and dashes dropped."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-.")


@dataclass
class PinCheck:
    """The outcome of one login attempt: ``ok``, ``wrong``, ``locked`` or ``no_pin``."""

    status: str
    remaining: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class PinStore:
    """The PIN file of a classroom."""

    def __init__(self, path: Path, max_failures: int = 5, digits: int = 6):
        self.path = Path(path)
        self.max_failures = max_failures
        self.digits = digits

    # -- file access ---------------------------------------------------------------------
    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".pins-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @contextmanager
    def _locked(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                data = self._read()
                before = json.dumps(data, sort_keys=True)
                yield data
                # a right PIN with no failures to clear changes nothing: no write, no fsync
                if json.dumps(data, sort_keys=True) != before:
                    self._write(data)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # -- what the trainer does -----------------------------------------------------------
    def issue(self, learners: Iterable[str], reissue: bool = False) -> dict[str, str]:
        """New PINs for ``learners`` who have none (or all of them with ``reissue``).

        Returns ``{id: pin}`` of the PINs made now, the only time they exist in clear.
        """
        made: dict[str, str] = {}
        now = datetime.datetime.now().isoformat(timespec="seconds")
        with self._locked() as data:
            for learner in learners:
                if learner in data and not reissue:
                    continue
                pin = "".join(secrets.choice("0123456789") for _ in range(self.digits))
                data[learner] = {"hash": _hash(pin, secrets.token_bytes(16)), "failures": 0,
                                 "locked": False, "issued": now}
                made[learner] = pin
        return made

    def unlock(self, learner: str) -> bool:
        """Clear the counter and the lock of ``learner``; ``False`` if they have no PIN."""
        with self._locked() as data:
            if learner not in data:
                return False
            data[learner]["failures"] = 0
            data[learner]["locked"] = False
            return True

    def status(self) -> dict[str, dict]:
        """``{id: {"failures", "locked", "issued"}}`` (no hashes)."""
        return {learner: {k: v for k, v in entry.items() if k != "hash"}
                for learner, entry in self._read().items()}

    # -- what the hub does ---------------------------------------------------------------
    def check(self, learner: str, pin: str) -> PinCheck:
        """Check one attempt, counting it: a locked id is refused even with the right PIN.

        The hash is computed outside the file lock (it is the slow part), so a class
        logging in at once is not checked one learner after another.
        """
        pin = clean_pin(pin)
        entry = self._read().get(learner)
        if entry is None:
            return PinCheck("no_pin")
        if entry.get("locked"):
            return PinCheck("locked")
        stored = str(entry.get("hash", ""))
        right = _matches(pin, stored)
        with self._locked() as data:
            entry = data.get(learner)
            if entry is None:
                return PinCheck("no_pin")
            if entry.get("locked"):
                return PinCheck("locked")
            if str(entry.get("hash", "")) != stored:   # reissued meanwhile: check again
                right = _matches(pin, str(entry.get("hash", "")))
            if right:
                entry["failures"] = 0
                return PinCheck("ok")
            entry["failures"] = int(entry.get("failures", 0)) + 1
            if entry["failures"] >= self.max_failures:
                entry["locked"] = True
                return PinCheck("locked")
            return PinCheck("wrong", self.max_failures - entry["failures"])
