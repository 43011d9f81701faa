"""``literacy-kit kiosk install | uninstall | launch``: the command-line side of
:mod:`~literacy_kit.kiosk.install` and :mod:`~literacy_kit.kiosk.launcher`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..i18n import t
from .install import KioskInstall


def run_action(args: argparse.Namespace, lang: str) -> int:
    if args.action == "launch":
        from .launcher import launch

        url = args.url or f"http://127.0.0.1:{args.port}/"
        return launch(url, args.chromium)
    setup = KioskInstall(root=Path(args.root), port=args.port, lang=args.lang, pool=args.pool,
                         idle_reset=float(args.idle_reset), chromium=args.chromium)
    if setup.live and os.geteuid() != 0:
        print(t("cli.kiosk_needs_root", lang), file=sys.stderr)
        return 1
    if args.action == "install":
        for path in setup.install():
            print(t("cli.kiosk_wrote", lang, path=path))
        return 0
    for path in setup.uninstall():
        print(t("cli.kiosk_removed", lang, path=path))
    return 0
