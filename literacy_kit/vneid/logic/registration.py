"""The level-1 registration as one sequence of steps, each tied to the simulator's screens.

The simulator moves from screen to screen with :func:`next_screen`, the lesson's ordering,
the graded exercise's ordering and the printed step card all use :data:`LEVEL1_STEPS`, so
learners are graded on the sequence they practised (tests check every one of them against
this data).

>>> step_ids()[:3]
('open_register', 'enter_numbers', 'scan_card')
>>> next_screen("welcome"), next_screen("email")
('intro', 'confirm')
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Level1Step:
    """One step a learner takes: its id in orderings, and the screens it covers."""

    id: str
    screens: tuple[str, ...]


LEVEL1_STEPS: tuple[Level1Step, ...] = (
    Level1Step("open_register", ("welcome", "intro")),  # "Register a level-1 account", "I understand"
    Level1Step("enter_numbers", ("id_entry",)),     # personal ID number and phone number
    Level1Step("scan_card", ("card_read",)),        # NFC, or the QR code on the card
    Level1Step("check_info", ("details",)),         # check what the card holds, "Continue"
    Level1Step("portrait", ("portrait",)),          # take (or retake) the portrait
    Level1Step("confirm", ("email", "confirm")),    # optional e-mail, "Confirm and send"
)

#: Every screen of the sequence, from the welcome screen to the confirmation.
SCREENS: tuple[str, ...] = tuple(screen for step in LEVEL1_STEPS for screen in step.screens)

#: The registration screens proper (after the welcome screen).
REGISTRATION_SCREENS: tuple[str, ...] = SCREENS[1:]


#: The activation screens after the approval message, in the order the simulator shows them.
ACTIVATION_SCREENS: tuple[str, ...] = ("activate", "otp", "password", "passcode", "security", "login")


def step_ids() -> tuple[str, ...]:
    """The step ids in the right order."""
    return tuple(step.id for step in LEVEL1_STEPS)


def next_screen(screen: str) -> str:
    """The screen after ``screen`` in the registration (the last one sends the request)."""
    index = SCREENS.index(screen)
    if index + 1 >= len(SCREENS):
        raise ValueError(f"{screen!r} is the last registration screen")
    return SCREENS[index + 1]
