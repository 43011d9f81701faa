"""Is this the real public-service portal? Checks an address the way a careful user would.

Official: ``https://dichvucong.gov.vn`` and its subdomains, and the provincial portals
named ``dichvucong.<province>.gov.vn``. Everything else gets a reason, checked in
this order (the first that applies wins):

=====================  ============================================================
reason                 example
=====================  ============================================================
``empty``              nothing typed
``invalid``            ``javascript:alert(1)``, ``ftp://...``, spaces in the name
``userinfo``           ``https://dichvucong.gov.vn@login.example`` (the real host is
                       after the ``@``)
``homograph``          letters from another script (Cyrillic "\\u0441", "\\u043e") or
                       ``xn--`` names: they look the same and are not
``not_https``          ``http://dichvucong.gov.vn``: the real portal always uses https
``extra_suffix``       ``dichvucong.gov.vn.xyz``: the real name followed by another domain
``hyphen_trick``       ``dichvucong-gov.vn``: a dot replaced by a hyphen
``lookalike_spelling`` ``dichvuc0ng.gov.vn``, ``dichvucongg.vn``: a letter or two changed
``fake_gov``           ``dvc-gov.com``, ``dichvucong.com.vn``: uses the name outside gov.vn
``other_government``   ``bacninh.gov.vn``: a government site, but not the portal
``unrelated``          anything else
=====================  ============================================================

``verdict.reason`` is the short id above; its text is the catalog entry
``services.address.<reason>`` (:attr:`AddressVerdict.reason_key`, :meth:`AddressVerdict.message`).
Addresses of made-up lookalike sites that a simulation shows as links end in the
reserved top-level domain ``.example``, so that no click can reach a real site.

>>> check_portal_address("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html").official
True
>>> check_portal_address("dichvuc0ng.gov.vn").reason
'lookalike_spelling'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ...i18n import DEFAULT_LANG, t

__all__ = ["AddressVerdict", "OFFICIAL_HOST", "REASONS", "check_portal_address"]

OFFICIAL_HOST = "dichvucong.gov.vn"
REASONS = ("official", "official_provincial", "empty", "invalid", "userinfo", "homograph",
           "not_https", "extra_suffix", "hyphen_trick", "lookalike_spelling", "fake_gov",
           "other_government", "unrelated")
_NAME = "dichvucong"
_PROVINCIAL = re.compile(r"dichvucong\.[a-z0-9-]+\.gov\.vn")
_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*")
_HINTS = ("dichvucong", "dvc", "gov", "congdichvu", "dichvu")
# Digits and letter pairs that pass for letters at a glance.
_SKELETON = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "i"), ("l", "i"), ("3", "e"),
             ("5", "s"), ("-", ""))


@dataclass(frozen=True)
class AddressVerdict:
    """What :func:`check_portal_address` found: ``official`` and why (``reason``)."""

    official: bool
    reason: str
    host: str = ""

    @property
    def reason_key(self) -> str:
        return f"services.address.{self.reason}"

    @property
    def government(self) -> bool:
        """True when the host is really under ``gov.vn`` (whatever the verdict)."""
        return self.host.isascii() and (self.host + ".").endswith(".gov.vn.")

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.reason_key, lang, host=self.host)


def _skeleton(label: str) -> str:
    for old, new in _SKELETON:
        label = label.replace(old, new)
    return label


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _split(text: str) -> tuple[str, str, bool] | None:
    """(scheme, host, had user info) of a typed address, or None if it is not one."""
    scheme, rest = "", text
    if "://" in text:
        scheme, rest = text.split("://", 1)
        scheme = scheme.lower()
        if scheme not in ("http", "https"):
            return None
    netloc = re.split(r"[/?#\\]", rest, maxsplit=1)[0]
    userinfo = "@" in netloc
    host = netloc.rsplit("@", 1)[-1]
    host = re.sub(r":[0-9]*$", "", host).lower().rstrip(".")
    if not host or (not scheme and ":" in host):
        return None  # "javascript:..." and other schemes without slashes
    return scheme, host, userinfo


def _looks_like_name(label: str) -> bool:
    if label == _NAME or abs(len(label) - len(_NAME)) > 2:
        return False
    return _skeleton(label) == _skeleton(_NAME) or _distance(label, _NAME) <= 2


def check_portal_address(text: str | None) -> AddressVerdict:
    """Say whether ``text`` is the official public-service portal, and if not, why.

    Examples
    --------
    >>> [check_portal_address(a).reason for a in ("http://dichvucong.gov.vn",
    ...     "dichvucong.gov.vn.xyz", "dichvucong-gov.vn", "dvc-gov.com")]
    ['not_https', 'extra_suffix', 'hyphen_trick', 'fake_gov']
    """
    cleaned = "".join(ch for ch in unicodedata.normalize("NFC", text or "")
                      if unicodedata.category(ch) != "Cf").strip()
    if not cleaned:
        return AddressVerdict(False, "empty")
    parts = _split(cleaned) if not any(ch.isspace() for ch in cleaned) else None
    if parts is None:
        return AddressVerdict(False, "invalid")
    scheme, host, userinfo = parts
    if userinfo:
        return AddressVerdict(False, "userinfo", host)
    labels = host.split(".")
    if not host.isascii() or any(label.startswith("xn--") for label in labels):
        return AddressVerdict(False, "homograph", host)
    if not _HOST.fullmatch(host):
        return AddressVerdict(False, "invalid", host)
    if host == OFFICIAL_HOST or host.endswith("." + OFFICIAL_HOST) or _PROVINCIAL.fullmatch(host):
        if scheme == "http":
            return AddressVerdict(False, "not_https", host)
        provincial = bool(_PROVINCIAL.fullmatch(host)) and not host.endswith(OFFICIAL_HOST)
        return AddressVerdict(True, "official_provincial" if provincial else "official", host)
    under_gov = host == "gov.vn" or host.endswith(".gov.vn")
    if not under_gov and ".gov.vn." in f".{host}.":
        return AddressVerdict(False, "extra_suffix", host)
    if not under_gov and ".gov.vn." in "." + host.replace("-", ".") + ".":
        return AddressVerdict(False, "hyphen_trick", host)
    if any(_looks_like_name(label) for label in labels[:-1] or labels):
        return AddressVerdict(False, "lookalike_spelling", host)
    if under_gov:
        return AddressVerdict(False, "other_government", host)
    if any(hint in label for label in labels[:-1] for hint in _HINTS):
        return AddressVerdict(False, "fake_gov", host)
    return AddressVerdict(False, "unrelated", host)
