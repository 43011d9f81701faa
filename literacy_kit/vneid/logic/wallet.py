"""The VNeID document wallet: integrate a health-insurance card, a driving licence...

In the app: "document wallet" -> "integrate information" -> new request. Integrated
documents stand in for the paper ones only on a level-2 account, so the simulation
refuses every request below level 2. All numbers are synthetic and derived from the
account's seed, so a lesson replayed with the same seed shows the same documents.

>>> wallet = DocumentWallet("Nguyen Van A", level_of=lambda: 2, seed=1)
>>> wallet.request_integration("driving_licence").kind
<DocumentKind.DRIVING_LICENCE: 'driving_licence'>
>>> [doc.kind.value for doc in wallet.documents]
['driving_licence']
"""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ...errors import InputError
from ...i18n import DEFAULT_LANG, t

REQUIRED_LEVEL = 2


class DocumentKind(str, Enum):
    """What can be integrated; titles are ``vneid.doc.<value>`` in the catalogs."""

    HEALTH_INSURANCE = "health_insurance"
    DRIVING_LICENCE = "driving_licence"
    VEHICLE_REGISTRATION = "vehicle_registration"
    SOCIAL_INSURANCE = "social_insurance"


# Digits of each synthetic number. Since 2021 the health-insurance card shows the
# 10-digit social-insurance number, so both kinds draw from the same stream.
_NUMBER_DIGITS = {
    DocumentKind.HEALTH_INSURANCE: ("social_insurance", 10),
    DocumentKind.SOCIAL_INSURANCE: ("social_insurance", 10),
    DocumentKind.DRIVING_LICENCE: ("driving_licence", 12),
    DocumentKind.VEHICLE_REGISTRATION: ("vehicle_registration", 6),
}


class WalletError(InputError):
    """A wallet request that cannot go through.

    Codes: ``wallet.unknown_kind`` (``kind``), ``wallet.needs_level2`` (``level``),
    ``wallet.already_integrated`` (``kind``).
    """


@dataclass(frozen=True)
class Document:
    """One integrated document."""

    kind: DocumentKind
    number: str
    holder: str

    def title(self, lang: str = DEFAULT_LANG) -> str:
        """The document's name in ``lang``."""
        return t(f"vneid.doc.{self.kind.value}", lang)


class DocumentWallet:
    """The documents integrated into one account.

    Parameters
    ----------
    holder : str
        The name printed on every document.
    level_of : callable
        Returns the account's current level; read on every request, so an upgrade at
        the police station takes effect at once.
    seed : int or str
        Base of the synthetic document numbers.
    """

    def __init__(self, holder: str, level_of: Callable[[], int], seed: int | str):
        self._holder = holder
        self._level_of = level_of
        self._seed = seed
        self._documents: dict[DocumentKind, Document] = {}

    @property
    def documents(self) -> tuple[Document, ...]:
        """Integrated documents, in the order they were requested."""
        return tuple(self._documents.values())

    def has(self, kind: DocumentKind | str) -> bool:
        """Whether a document of this kind is already in the wallet."""
        return any(doc.kind.value == str(getattr(kind, "value", kind)) for doc in self.documents)

    def request_integration(self, kind: DocumentKind | str) -> Document:
        """Integrate one document; returns it.

        Raises
        ------
        WalletError
            ``wallet.unknown_kind``, ``wallet.needs_level2`` or ``wallet.already_integrated``.
        """
        try:
            chosen = DocumentKind(getattr(kind, "value", kind))
        except ValueError:
            raise WalletError("wallet.unknown_kind", kind=str(kind)) from None
        level = self._level_of()
        if level < REQUIRED_LEVEL:
            raise WalletError("wallet.needs_level2", level=level)
        if chosen in self._documents:
            raise WalletError("wallet.already_integrated", kind=chosen.value)
        stream, digits = _NUMBER_DIGITS[chosen]
        rng = random.Random(f"{self._seed}:{stream}")
        number = f"{rng.randrange(10 ** digits):0{digits}d}"
        document = Document(chosen, number, self._holder)
        self._documents[chosen] = document
        return document
