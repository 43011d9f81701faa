"""How fast the safety domain answers, against the AI domain measured in the same run.

1. Import of the views (a fresh interpreter each time, after ipywidgets and the core are
   loaded): ``literacy_kit.safety.widgets`` (it reads and checks the scenario bank and the
   phone scenarios against their schemas at import) against ``literacy_kit.ai.widgets``.
2. Building the kiosk tile (what a visitor waits for after a tap): safety against AI.
3. Reading messages: ``assess_message`` on every bank text (both languages, NFC, NFD and
   without tone marks) against the AI domain's ``find_personal_data`` on the same texts;
   and ``check_link`` per link.

Usage::

    .venv/bin/python benchmarks/safety_checks.py            # 5 repeats
    .venv/bin/python benchmarks/safety_checks.py --repeat 9
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import unicodedata

IMPORT = ("import time, ipywidgets, literacy_kit.core, literacy_kit.grading, literacy_kit.content;"
          "t = time.perf_counter(); import {module}; print(time.perf_counter() - t)")


def import_seconds(module: str, repeat: int) -> float:
    runs = [float(subprocess.run([sys.executable, "-c", IMPORT.format(module=module)],
                                 capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]
    return statistics.median(runs)


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from literacy_kit.text import strip_marks
    from literacy_kit.ai.logic.personal_data import find_personal_data
    from literacy_kit.ai.widgets.kiosk_tile import tile as ai_tile
    from literacy_kit.safety import assess_message, check_link, default_bank, find_links
    from literacy_kit.safety.widgets.kiosk_tile import tile as safety_tile
    from literacy_kit.testing import close_all

    safety_import = import_seconds("literacy_kit.safety.widgets", args.repeat)
    ai_import = import_seconds("literacy_kit.ai.widgets", args.repeat)
    print(f"import views      safety {safety_import * 1000:7.0f} ms   ai (baseline) "
          f"{ai_import * 1000:7.0f} ms   ratio {safety_import / ai_import:5.2f}")

    def build(tile):
        def run():
            close_all(tile.build("vi"))
        return run

    build(safety_tile)()
    build(ai_tile)()
    safety_build = timed(build(safety_tile), args.repeat)
    ai_build = timed(build(ai_tile), args.repeat)
    print(f"build kiosk tile  safety {safety_build * 1000:7.1f} ms   ai (baseline) "
          f"{ai_build * 1000:7.1f} ms   ratio {safety_build / ai_build:5.2f}")

    texts = [item.text.get(lang) for item in default_bank().items for lang in ("vi", "en")]
    texts = texts + [unicodedata.normalize("NFD", x) for x in texts] + [strip_marks(x) for x in texts]
    assess_message(texts[0])
    find_personal_data(texts[0])
    per_assess = timed(lambda: [assess_message(x) for x in texts], args.repeat) / len(texts)
    per_find = timed(lambda: [find_personal_data(x) for x in texts], args.repeat) / len(texts)
    print(f"read a message    assess_message {per_assess * 1e6:7.0f} us   find_personal_data "
          f"(baseline) {per_find * 1e6:7.0f} us   ratio {per_assess / per_find:5.2f}   "
          f"({len(texts)} texts)")
    links = [x[s:e] for x in texts for s, e in find_links(x)]
    per_link = timed(lambda: [check_link(link) for link in links], args.repeat) / max(1, len(links))
    print(f"check a link      check_link {per_link * 1e6:7.0f} us   ({len(links)} links)")


if __name__ == "__main__":
    main()
