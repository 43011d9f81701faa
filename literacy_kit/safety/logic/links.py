"""Is this link safe to tap? :func:`check_link` reads a link the way a careful person would.

It takes what people paste or type (no scheme, spaces, capitals, a trailing dot, a port)
and reports:

* ``official``: the host is a Vietnamese government host (under ``gov.vn``) or on the
  official list of ``data/links.yaml``;
* ``flags``, from :data:`FLAGS`: ``lookalike`` (an official or bank name used outside its
  real domain), ``punycode`` (an internationalised or ``xn--`` host: letters that only look
  Latin), ``ip_host``, ``shortener``, ``userinfo`` (``dichvucong.gov.vn@other.host``: the
  real host is after the ``@``), ``not_https``, ``apk`` (an app download);
* ``site``: the host as a person should read it, from the right: the part that says who
  owns the site (``xacthuc-tk.top`` in ``vietcombank.com.vn.xacthuc-tk.top``);
* an explanation per flag in the learner's language (:meth:`LinkReport.explain`).

Text that is no link at all raises :class:`~literacy_kit.errors.InputError` with code
``link.empty`` or ``link.not_a_link``; nothing else is ever raised. Nothing here opens a
connection: it reads text only.

Why own code and not ``urllib.parse`` alone: people type links without a scheme, with
spaces around the dots and with Unicode letters, which ``urlsplit`` reads as a path.
The owner of a host is found from a short list of second-level suffixes in the data file
(``com.vn``, ``gov.vn``...) rather than the full public-suffix list, which would have to be
downloaded or vendored; the list covers the hosts learners meet here.

>>> report = check_link("https://vietcombank.com.vn.xacthuc-tk.top/login")
>>> report.official, report.flags, report.site, report.brand_name("en")
(False, ('lookalike',), 'xacthuc-tk.top', 'Vietcombank')
>>> check_link("DichVuCong.gov.vn.").official
True
"""
from __future__ import annotations

import difflib
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ...errors import InputError
from ...i18n import DEFAULT_LANG, normalize_lang, t
from .data_files import read_data

__all__ = ["FLAGS", "LinkReport", "check_link", "find_links"]

FLAGS = ("lookalike", "punycode", "ip_host", "shortener", "userinfo", "not_https", "apk")

# A link inside running text: a scheme, or a host-like run ending in a letter TLD.
_LINK_IN_TEXT = re.compile(
    r"(?:(?<![\w@.-])(?:https?://)\S+)"
    r"|(?:(?<![\w@/.-])(?:[\w-]+(?:@[\w-]+)?\.)+(?:[^\W\d_]{2,}|xn--[\w-]+)\.?"
    r"(?::\d{1,5})?(?:[/?#]\S*)?)",
    re.IGNORECASE)
_TRAILING = ".,;:!?)]}>\"'\u201d\u2019\u00bb"
_LEADING = "([{<\"'\u201c\u2018\u00ab"
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))", re.IGNORECASE)
_LABEL = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$")
# Letters and pairs that pass for others at a glance (for names spelt to deceive).
_GLYPHS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("i", "l"), ("3", "e"),
           ("5", "s"), ("4", "a"))


@dataclass(frozen=True)
class LinkReport:
    """What :func:`check_link` found about one link.

    Attributes
    ----------
    text : str
        The link as it was read (spaces and wrapping punctuation removed).
    host : str
        The host, lower case, no port, no trailing dot; Unicode letters shown as such.
    ascii_host : str
        The host as the phone really looks it up (``xn--`` form for Unicode letters).
    site : str
        Who owns the host: its last two labels (three after ``com.vn``, ``gov.vn``...).
    official : bool
        Under ``gov.vn`` or on the official list (whatever the flags say).
    flags : tuple of str
        Warning signs from :data:`FLAGS`, in that order.
    brand : str
        The key (``data/links.yaml``) of the official or bank name a ``lookalike`` borrows,
        ``"gov.vn"`` for the state's own suffix, empty otherwise; see :meth:`brand_name`.
    scheme : str
        ``"http"``, ``"https"`` or ``""`` when none was typed.
    """

    text: str
    host: str
    ascii_host: str
    site: str
    official: bool
    flags: tuple[str, ...] = ()
    brand: str = ""
    scheme: str = ""

    @property
    def risky(self) -> bool:
        """True when any warning sign was found."""
        return bool(self.flags)

    def explain(self, flag: str, lang: str = DEFAULT_LANG) -> str:
        """Why ``flag`` is a warning sign here, in ``lang``."""
        return t(f"safety.link.{flag}", lang, host=self.host, site=self.site,
                 brand=self.brand_name(lang))

    def brand_name(self, lang: str = DEFAULT_LANG) -> str:
        """The borrowed name as people know it (``"Vietcombank"``), in ``lang``."""
        name = _lists()["names"].get(self.brand, self.brand)
        return name.get(normalize_lang(lang), name["vi"]) if isinstance(name, dict) else name

    def explanations(self, lang: str = DEFAULT_LANG) -> list[str]:
        """One explanation per flag, in order."""
        return [self.explain(flag, lang) for flag in self.flags]

    def verdict(self, lang: str = DEFAULT_LANG) -> str:
        """A one-line summary: official, warning signs, or unknown site."""
        if self.flags:
            key = "safety.link.verdict_risky"
        elif self.official:
            key = "safety.link.verdict_official"
        else:
            key = "safety.link.verdict_unknown"
        return t(key, lang, host=self.host, site=self.site, count=len(self.flags))


@lru_cache(maxsize=1)
def _lists() -> dict:
    data = read_data("links")
    return {
        "second_level": frozenset(data["second_level"]),
        "official": tuple(entry["host"] for entry in data["official"]),
        "brands": tuple((b["word"], tuple(b["domains"])) for b in data["brands"]),
        "names": {b["word"]: b["name"] for b in data["brands"]},
        "shorteners": frozenset(data["shorteners"]),
        "text_tlds": frozenset(data["text_tlds"]),
    }


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch.isspace())
    text = text.strip()
    # People put spaces around dots and slashes ("dichvucong . gov . vn").
    text = re.sub(r"\s*([./:@])\s*", r"\1", text)
    return text.strip(_LEADING + " ").rstrip(_TRAILING + " ").strip()


def find_links(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every link-like run in ``text`` (offsets into ``text`` as given).

    Examples
    --------
    >>> msg = "Bam vao bit.ly/abc ngay."
    >>> [msg[s:e] for s, e in find_links(msg)]
    ['bit.ly/abc']
    """
    spans = []
    for match in _LINK_IN_TEXT.finditer(text or ""):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        parsed = _parse(text[start:end]) if end > start else None
        if parsed is not None and (parsed[0] or _looks_linked(parsed)):
            spans.append((start, end))
    return spans


def _looks_linked(parsed) -> bool:
    """A scheme-less run of text is a link when its top-level domain is a common one and
    it is not an e-mail address (a user name, a host and no path)."""
    _scheme, host, userinfo, path = parsed
    if userinfo and not path:
        return False
    tld = host.rsplit(".", 1)[-1]
    return _ip(host) is None and (tld in _lists()["text_tlds"] or tld.startswith("xn--"))


def _split_host(netloc: str) -> tuple[str, bool] | None:
    userinfo = "@" in netloc
    host = netloc.rsplit("@", 1)[-1]
    if host.startswith("["):
        inside, _, after = host[1:].partition("]")
        if after and not re.fullmatch(r":\d{0,5}", after):
            return None
        return inside, userinfo
    host = re.sub(r":\d{0,5}$", "", host)
    return host.rstrip(".").lower(), userinfo


def _parse(text: str):
    """``(scheme, host, userinfo, path)`` of a typed link, or ``None`` if it is none."""
    scheme = ""
    match = re.match(r"(?i)^(https?)://", text)
    if match:
        scheme, rest = match.group(1).lower(), text[match.end():]
    elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) or _OTHER_SCHEME.match(text):
        return None  # ftp://, javascript:, mailto:, tel: ... are not web links
    else:
        rest = text
    if any(ch.isspace() for ch in rest):
        return None
    netloc, _, path = _cut(rest)
    parts = _split_host(netloc)
    if parts is None:
        return None
    host, userinfo = parts
    if not host:
        return None
    if _ip(host) is not None:
        return scheme, host, userinfo, path
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    tld = labels[-1]
    if not (tld.startswith("xn--") or (len(tld) >= 2 and all(ch.isalpha() for ch in tld))):
        return None
    return scheme, host, userinfo, path


def _cut(rest: str) -> tuple[str, str, str]:
    match = re.search(r"[/?#\\]", rest)
    if match is None:
        return rest, "", ""
    return rest[:match.start()], match.group(), rest[match.start():]


def _ip(host: str):
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _to_ascii(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append("xn--" + label.encode("punycode").decode("ascii"))
        except (UnicodeError, ValueError):
            labels.append(label)
    return ".".join(labels)


def _to_unicode(host: str) -> str:
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
                continue
            except (UnicodeError, ValueError):
                pass
        labels.append(label)
    return ".".join(labels)


def _site(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _lists()["second_level"]:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _skeleton(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(ch for ch in word if not unicodedata.combining(ch))
    for old, new in _GLYPHS:
        word = word.replace(old, new)
    return word


def _borrowed_brand(ascii_host: str, shown_host: str) -> str:
    """The key of an official or bank name the host shows outside its real domains."""
    tokens = [tok for tok in re.split(r"[.-]", shown_host) if tok]
    skeletons = [_skeleton(tok) for tok in tokens]
    text = "".join(tokens)
    for word, domains in _lists()["brands"]:
        if any(_under(ascii_host, domain) for domain in domains):
            continue
        word_skeleton = _skeleton(word)
        if word in tokens or word_skeleton in skeletons:
            return word
        if len(word) >= 6 and (word in text or any(
                word in tok or difflib.SequenceMatcher(None, _skeleton(tok), word_skeleton).ratio() >= 0.86
                for tok in tokens)):
            return word
    # "gov.vn" written into a host that is not under gov.vn: dichvucong-gov.vn, x.gov.vn.com.
    if not _under(ascii_host, "gov.vn") and re.search(r"(^|[.-])gov[.-]vn([.-]|$)", shown_host):
        return "gov.vn"
    return ""


def check_link(text: str) -> LinkReport:
    """Read a link and report whether it is official and which warning signs it shows.

    Parameters
    ----------
    text : str
        A link as pasted or typed; surrounding spaces, quotes and brackets are ignored.
        When the text holds words around a link, the first link in it is read.

    Raises
    ------
    InputError
        ``link.empty`` for nothing at all, ``link.not_a_link`` for text with no link in it.

    Examples
    --------
    >>> check_link("http://bit.ly/qua-tang").flags
    ('shortener', 'not_https')
    >>> check_link("dichvucong.gov.vn@203.0.113.5/app.apk").flags
    ('ip_host', 'userinfo', 'apk')
    """
    raw = "" if text is None else str(text)
    cleaned = _clean(raw)
    if not cleaned:
        raise InputError("link.empty")
    parsed = _parse(cleaned)
    if parsed is None:
        spans = find_links(cleaned)
        if not spans:
            raise InputError("link.not_a_link")
        start, end = spans[0]
        cleaned = cleaned[start:end]
        parsed = _parse(cleaned)
        if parsed is None:  # pragma: no cover - find_links only keeps parsable runs
            raise InputError("link.not_a_link")
    scheme, host, userinfo, path = parsed
    return _report(cleaned, scheme, host, userinfo, path)


def _report(text: str, scheme: str, host: str, userinfo: bool, path: str) -> LinkReport:
    lists = _lists()
    ip = _ip(host)
    if ip is not None:
        ascii_host = shown = site = str(ip)
        brand = ""
    else:
        ascii_host = _to_ascii(host)
        shown = _to_unicode(host)
        site = _site(shown)
        brand = _borrowed_brand(ascii_host, shown)
    official = ip is None and (_under(ascii_host, "gov.vn") or
                               any(_under(ascii_host, entry) for entry in lists["official"]))
    checks = {
        "lookalike": bool(brand),
        "punycode": ip is None and (not host.isascii() or "xn--" in ascii_host),
        "ip_host": ip is not None,
        "shortener": ip is None and any(_under(ascii_host, s) for s in lists["shorteners"]),
        "userinfo": userinfo,
        "not_https": scheme == "http",
        "apk": bool(re.search(r"\.apk(?:$|[?#&/])", path.lower())),
    }
    flags = tuple(flag for flag in FLAGS if checks[flag])
    return LinkReport(text=text, host=shown, ascii_host=ascii_host, site=site, official=official,
                      flags=flags, brand=brand, scheme=scheme)
