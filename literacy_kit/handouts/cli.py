"""``literacy-kit handouts``: write every handout as a PDF into a folder.

Exit status: 0 written, 2 a file the trainer can fix (bad contacts file, unwritable
folder), with the message in ``--lang``; never a traceback.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="literacy-kit")
>>> register(parser.add_subparsers(dest="command"), "en")
>>> args = parser.parse_args(["handouts", "--out", "in", "--lang", "en"])
>>> args.out, args.lang
('in', 'en')
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..i18n import DEFAULT_LANG, LANGS, normalize_lang, t
from .errors import HandoutError

DEFAULT_OUT = "handouts"


def register(subparsers, lang: str = DEFAULT_LANG) -> None:
    """Add the ``handouts`` command to the top-level subparsers."""
    def tr(key: str) -> str:
        return t(f"handouts.{key}", lang).replace("%", "%%")

    sub = subparsers.add_parser("handouts", help=tr("command_help"), description=tr("command_help"))
    sub.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=tr("out_help"))
    sub.add_argument("--contacts", default=None, metavar="FILE.yaml", help=tr("contacts_help"))
    sub.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=tr("lang_help"))


def run(args: argparse.Namespace, lang: str) -> int:
    from ..progress import TextProgress
    from .build import make_handouts

    lang = normalize_lang(lang)
    out = Path(args.out).expanduser().resolve()
    started = time.monotonic()
    bars: list[TextProgress] = []

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(TextProgress(total))
        bars[0].update(done, time.monotonic() - started)

    try:
        written = make_handouts(out, lang, args.contacts, progress=progress)
    except HandoutError as exc:
        print(f"literacy-kit handouts: {exc.message(lang)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(t("handouts.cannot_write", lang, path=out, error=exc.strerror or exc), file=sys.stderr)
        return 2
    for bar in bars:
        bar.finish()
    print(t("handouts.written", lang, count=len(written), path=out))
    for path in written:
        print(f"  {path.name}")
    return 0
