"""Does this message read like a scam? :func:`assess_message` points at the words that say so.

Each warning sign (:data:`FLAGS`) comes with the words that triggered it, as ``(start,
end)`` offsets into the message exactly as given (NFD input included), and an explanation in
the learner's language:

``asks_otp``
    asks to give, read out or forward a code; a genuine OTP message that says never to share
    it is not (a request word right after a negation does not count);
``asks_money``
    a transfer, fee, deposit or loan; ``link``: a link that is not official;
``urgency``, ``threat`` (lock, cut off, fine), ``install_app``, ``prize``, ``secrecy``,
``easy_money`` (easy jobs, commissions, "we get your money back").

The word lists live in ``data/signals.yaml``. A message with no tone marks at all is read
without them ("chuyen khoan" counts as "chuy\u1ec3n kho\u1ea3n"); one with marks is read with them, so
"ng\u00e0y" (day) never reads as "ngay" (at once). ``suspicious`` is true for a code request, an
app to install or a non-official link, or for any two signs together. The sender's name is
kept but never makes a message safe: fake base stations put scam SMS into the real bank's
thread.

>>> report = assess_message("Tai khoan cua ban bi khoa. Doc ma OTP cho nhan vien de mo lai.")
>>> report.suspicious, report.flags
(True, ('asks_otp', 'threat'))
>>> assess_message("Ma OTP cua ban la 482913. KHONG cung cap ma nay cho bat ky ai.").suspicious
False
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import InputError
from ...i18n import DEFAULT_LANG, LANGS, t
from ...keywords import Keywords, MappedText
from ...text import has_marks
from .data_files import read_data
from .links import LinkReport, check_link, find_links

__all__ = ["FLAGS", "STRONG_FLAGS", "MessageReport", "Trigger", "assess_message"]

FLAGS = ("asks_otp", "asks_money", "link", "urgency", "threat", "install_app", "prize",
         "secrecy", "easy_money")
#: One of these alone makes a message suspicious; other signs count from two.
STRONG_FLAGS = frozenset({"asks_otp", "install_app", "link"})
#: How far (characters) a request word may stand from the code it asks for.
OTP_REACH = 40
#: How many words before a request word a negation may stand ("never ask you to share").
NEGATION_WORDS = 3
_CLAUSE_END = re.compile(r"[.!?;\n]")
# A negation reaches no further than its own phrase: "have you got money or not, lend me" asks.
_PHRASE_END = re.compile(r"[.!?;,:\n]")


@dataclass(frozen=True)
class Trigger:
    """Words of the message that raised a flag: ``message[start:end] == text``."""

    flag: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MessageReport:
    """What :func:`assess_message` found.

    Attributes
    ----------
    text : str
        The message as given.
    sender : str or None
        Who the message claims to come from (kept, never trusted).
    flags : tuple of str
        Warning signs found, in the order of :data:`FLAGS`.
    triggers : tuple of Trigger
        Every span that raised a flag, in message order.
    links : tuple of LinkReport
        Every link found in the message, checked with :func:`~.links.check_link`.
    """

    text: str
    sender: str | None
    flags: tuple[str, ...]
    triggers: tuple[Trigger, ...] = ()
    links: tuple[LinkReport, ...] = field(default=())

    @property
    def suspicious(self) -> bool:
        """A strong sign (code request, app to install, non-official link) or any two signs."""
        return bool(STRONG_FLAGS & set(self.flags)) or len(self.flags) >= 2

    def triggers_of(self, flag: str) -> tuple[Trigger, ...]:
        """The spans that raised ``flag``."""
        return tuple(trigger for trigger in self.triggers if trigger.flag == flag)

    def explain(self, flag: str, lang: str = DEFAULT_LANG) -> str:
        """Why ``flag`` is a warning sign, quoting the words that raised it."""
        words = ", ".join(dict.fromkeys(f"\u201c{tr.text}\u201d" for tr in self.triggers_of(flag)))
        return t(f"safety.message.{flag}", lang, words=words)

    def explanations(self, lang: str = DEFAULT_LANG) -> list[str]:
        """One explanation per flag, in order, then a note about the sender's name."""
        lines = [self.explain(flag, lang) for flag in self.flags]
        if self.sender and self.suspicious:
            lines.append(t("safety.message.sender_note", lang, sender=self.sender))
        return lines


@dataclass(frozen=True)
class _Lists:
    flags: dict[str, tuple[Keywords, bool]]
    codes: Keywords
    requests: Keywords
    negations: Keywords
    conditions: Keywords


def _words(entry: dict) -> list[str]:
    return [str(word) for lang in LANGS for word in entry.get(lang) or ()]


@lru_cache(maxsize=2)
def _lists(loose: bool) -> _Lists:
    data = read_data("signals")
    flags = {}
    for name, entry in data["flags"].items():
        flags[name] = (Keywords(_words(entry), loose=loose, exclude=entry.get("exclude") or ()),
                       bool(entry.get("negatable")))
    return _Lists(flags=flags, codes=Keywords(_words(data["code_words"]), loose=loose),
                  requests=Keywords(_words(data["otp_requests"]), loose=loose),
                  negations=Keywords(_words(data["negations"]), loose=loose),
                  conditions=Keywords(_words(data["conditions"]), loose=loose))


def _negated(text: str, start: int, lists: _Lists) -> bool:
    """True when a negation stands shortly before ``start`` in the same clause, and is not
    itself the "if not" of a threat ("n\u1ebfu kh\u00f4ng chuy\u1ec3n ti\u1ec1n...")."""
    ends = [m.end() for m in _PHRASE_END.finditer(text, 0, start)]
    begin = ends[-1] if ends else 0
    words = list(re.finditer(r"\S+", text[begin:start]))
    if len(words) > NEGATION_WORDS + 2:  # negation phrases are up to three words long
        begin += words[-(NEGATION_WORDS + 2)].start()
    window = text[begin:start]
    for neg_start, _neg_end in lists.negations.spans(window):
        if not lists.conditions.ends_at(window, neg_start, reach=12):
            return True
    return False


def _same_clause(text: str, a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    return _CLAUSE_END.search(text, low, high) is None


def _otp_spans(text: str, lists: _Lists) -> list[tuple[int, int]]:
    codes = lists.codes.spans(text)
    found: list[tuple[int, int]] = []
    for start, end in lists.requests.spans(text):
        if _negated(text, start, lists):
            continue
        near = [(s, e) for s, e in codes
                if (e <= start and start - e <= OTP_REACH or s >= end and s - end <= OTP_REACH)
                and _same_clause(text, min(e, start), max(s, end))]
        if near:
            found.append((start, end))
            found.append(min(near, key=lambda span: abs(span[0] - start)))
    return found


def assess_message(text: str, sender: str | None = None) -> MessageReport:
    """Find the warning signs of a scam in a message (SMS, chat, a call's words).

    Parameters
    ----------
    text : str
        The message, in Vietnamese or English, with or without tone marks, NFC or NFD.
    sender : str, optional
        The name or number it appears to come from; shown in the explanation, never trusted.

    Raises
    ------
    InputError
        ``message.empty`` when there is no text at all.

    Examples
    --------
    >>> r = assess_message("Chuc mung! Ban trung thuong 100.000d, nhan qua tai qua-tang.top")
    >>> r.flags
    ('link', 'prize')
    >>> [tr.text for tr in r.triggers_of("link")]
    ['qua-tang.top']
    """
    original = "" if text is None else str(text)
    if not original.strip():
        raise InputError("message.empty")
    mapped = MappedText(original)
    composed = mapped.text
    lists = _lists(not has_marks(composed))
    spans: list[tuple[str, int, int]] = []
    for start, end in _otp_spans(composed, lists):
        spans.append(("asks_otp", start, end))
    for name, (words, negatable) in lists.flags.items():
        for start, end in words.spans(composed):
            if negatable and _negated(composed, start, lists):
                continue
            spans.append((name, start, end))
    triggers = [_trigger(mapped, original, name, start, end) for name, start, end in spans]
    links = []
    for start, end in find_links(original):
        try:
            report = check_link(original[start:end])
        except InputError:
            continue
        links.append(report)
        if not report.official:
            triggers.append(Trigger("link", start, end, original[start:end]))
    triggers = sorted(set(triggers), key=lambda tr: (tr.start, tr.end, FLAGS.index(tr.flag)))
    found = {trigger.flag for trigger in triggers}
    flags = tuple(flag for flag in FLAGS if flag in found)
    clean_sender = None if sender is None else (str(sender).strip() or None)
    return MessageReport(text=original, sender=clean_sender, flags=flags, triggers=tuple(triggers),
                         links=tuple(links))


def _trigger(mapped: MappedText, original: str, name: str, start: int, end: int) -> Trigger:
    begin, finish = mapped.original_span(start, end)
    return Trigger(name, begin, finish, original[begin:finish])
