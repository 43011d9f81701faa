"""The simulated bank app's rules: scenarios, the name look-up, PIN and face check, outcomes.

A :class:`BankSession` follows one scenario of ``data/bank_app.yaml``. In a payment
scenario the learner scans the shop's sticker (the QR image is made and decoded for real),
sees the recipient's name the bank looks up, types an amount where the QR has none, and
either pays (PIN, plus a face check above 10 million dong) or refuses. In a message
scenario (a "mistaken" transfer, a fake screenshot, a refund "agent") the learner picks
an action. Every scenario ends with an outcome: the right action or not.

>>> session = BankSession("swapped_sticker")
>>> session.scan().bank.short, session.recipient
('MBBank', 'NGUYEN VAN TUAN')
>>> session.refuse()
'right'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...errors import InputError
from .money import parse_amount
from .qr_image import qr_png, read_vietqr
from .vietqr import VietQR, vietqr_payload

_DATA = Path(__file__).parent.parent / "data" / "bank_app.yaml"
SCREENS = ("situation", "confirm", "pin", "face", "outcome")
PAY, REFUSE = "pay", "refuse"


class BankAppError(InputError):
    """A step the simulated bank app refuses.

    Codes: ``payments.bank.no_amount``, ``payments.bank.wrong_pin``,
    ``payments.bank.not_enough`` (``balance``), ``payments.bank.not_now``.
    """


@dataclass(frozen=True)
class Scenario:
    """One scenario: ``kind`` ``"pay"`` (scan and pay) or ``"message"`` (choose an action)."""

    id: str
    kind: str
    right: str
    owner: str = ""
    sticker: dict | None = None
    agreed: int | None = None
    actions: tuple[str, ...] = (PAY, REFUSE)
    details: dict | None = None

    def payload(self) -> str | None:
        """The VietQR payload printed on the shop's sticker (pay scenarios)."""
        if self.sticker is None:
            return None
        s = self.sticker
        return vietqr_payload(s["bin"], s["account"], s.get("amount"), s.get("purpose"))

    def sticker_png(self) -> bytes | None:
        """The sticker as a PNG picture (what the phone's camera sees)."""
        payload = self.payload()
        return sticker_png(payload, 5) if payload else None


@lru_cache(maxsize=64)
def sticker_png(payload: str, scale: int) -> bytes:
    """A sticker's picture, made once per payload (segno takes ~20 ms; see benchmarks)."""
    return qr_png(payload, scale=scale)


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def scenarios() -> dict[str, Scenario]:
    """Every scenario by id, in the data file's order."""
    found = {}
    for entry in _data()["scenarios"]:
        kind = entry["kind"]
        actions = tuple(entry.get("actions", (PAY, REFUSE)))
        if entry["right"] not in actions:
            raise ValueError(f"{_DATA.name}: {entry['id']}: right action not among the actions")
        found[entry["id"]] = Scenario(
            id=entry["id"], kind=kind, right=entry["right"],
            owner=entry.get("shop", {}).get("owner", ""), sticker=entry.get("sticker"),
            agreed=entry.get("agreed"), actions=actions,
            details={k: v for k, v in entry.items() if k in ("incoming", "screenshot")} or None)
    return found


def face_check_above() -> int:
    """Transfers above this many dong need a face check (Decision 2345/QD-NHNN)."""
    return int(_data()["face_check_above"])


def needs_face_check(amount: int) -> bool:
    return amount > face_check_above()


def simulated_pin() -> str:
    """The PIN of the simulated account, shown on screen (never a real one)."""
    return str(_data()["pin"])


@dataclass(frozen=True)
class Stall:
    """A market stall: its owner and the sticker on it (bank BIN and account)."""

    id: str
    sign: str
    owner: str
    bin: str
    account: str

    def payload(self) -> str:
        return vietqr_payload(self.bin, self.account)

    def sticker_png(self) -> bytes:
        return sticker_png(self.payload(), 4)


def stalls() -> tuple[Stall, ...]:
    """The market row of the "pay the right shop" activity."""
    return tuple(Stall(e["id"], e["sign"], e["owner"], e["bin"], e["account"]) for e in _data()["stalls"])


def scan_sticker(png: bytes) -> tuple[VietQR, str | None]:
    """What the bank app shows for a sticker's picture: the decoded QR and the holder's name."""
    qr = read_vietqr(png)
    return qr, holder_name(qr.bin, qr.account)


def holder_name(bin_: str, account: str) -> str | None:
    """The account holder's name, as the bank looks it up before a transfer (simulated)."""
    for entry in _data()["accounts"]:
        if entry["bin"] == bin_ and entry["number"] == account:
            return entry["holder"]
    return None


class BankSession:
    """One run through a scenario; pure state, driven by the simulator's buttons."""

    def __init__(self, scenario_id: str, balance: int | None = None):
        self.scenario = scenarios()[scenario_id]
        self.balance = int(_data()["balance"] if balance is None else balance)
        self.screen = "situation"
        self.qr: VietQR | None = None
        self.recipient: str | None = None
        self.amount: int | None = None
        self.action: str | None = None
        self.outcome: str | None = None

    @property
    def amount_fixed(self) -> bool:
        """True when the QR carries the amount (the payer cannot change it)."""
        return self.qr is not None and self.qr.amount is not None

    def _expect(self, *screens: str) -> None:
        if self.screen not in screens:
            raise BankAppError("payments.bank.not_now")

    def scan(self) -> VietQR:
        """Point the camera at the sticker: decode its picture and look the name up."""
        self._expect("situation")
        png = self.scenario.sticker_png()
        if png is None:
            raise BankAppError("payments.bank.not_now")
        self.qr = read_vietqr(png)
        self.recipient = holder_name(self.qr.bin, self.qr.account)
        self.amount = self.qr.amount
        self.screen = "confirm"
        return self.qr

    def set_amount(self, text: str) -> int:
        """Type the amount (QRs without one); raises ``InvalidAmount`` with a clear code."""
        self._expect("confirm")
        if self.amount_fixed:
            raise BankAppError("payments.bank.not_now")
        self.amount = parse_amount(text)
        return self.amount

    def pay(self) -> str:
        """Confirm the transfer: next the PIN screen."""
        self._expect("confirm")
        if self.amount is None:
            raise BankAppError("payments.bank.no_amount")
        if self.amount > self.balance:
            raise BankAppError("payments.bank.not_enough", balance=self.balance)
        self.screen = "pin"
        return self.screen

    def enter_pin(self, pin: str) -> str:
        """The PIN; above the limit the face check follows, else the money goes."""
        self._expect("pin")
        if str(pin).strip() != simulated_pin():
            raise BankAppError("payments.bank.wrong_pin")
        if needs_face_check(self.amount):
            self.screen = "face"
            return self.screen
        return self._finish(PAY)

    def face_check(self) -> str:
        """The face check passed: the transfer goes."""
        self._expect("face")
        return self._finish(PAY)

    def refuse(self) -> str:
        """Cancel the payment (a name that does not match, an amount that changed...)."""
        self._expect("situation", "confirm", "pin", "face")
        return self._finish(REFUSE)

    def choose(self, action: str) -> str:
        """Pick an action of a message scenario."""
        self._expect("situation")
        if action not in self.scenario.actions or action in (PAY, REFUSE):
            raise BankAppError("payments.bank.not_now")
        return self._finish(action)

    def _finish(self, action: str) -> str:
        if action == PAY:
            self.balance -= self.amount
        self.action = action
        self.outcome = "right" if action == self.scenario.right else "wrong"
        self.screen = "outcome"
        return self.outcome
