"""Write requirements-lock.txt from the packages installed in .venv.

Usage: .venv/bin/python tools/lock.py

The lock is ``pip freeze --exclude-editable`` (so literacy-kit itself is left out),
used as a constraints file by tools/kiosk.sh and tools/test.sh. A pin whose release
needs a newer Python than 3.10.0 gets a ``python_full_version`` marker, so Python 3.10
machines (or Debian 12's 3.11.2) resolve their own compatible version instead of failing.
"""
from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path

from packaging.specifiers import SpecifierSet

# Every interpreter we might meet, oldest first (Debian 12 ships 3.11.2, Ubuntu 22.04 3.10.12).
CANDIDATES = [f"3.{minor}.{micro}" for minor in range(10, 16) for micro in range(0, 40)]
HEADER = """\
# Tested versions, used as pip constraints by tools/kiosk.sh and tools/test.sh.
# Regenerate with: .venv/bin/python tools/lock.py
"""


def oldest_supported(name: str) -> str | None:
    """The oldest Python this installed release supports, or None if it supports 3.10.0."""
    try:
        requires = metadata(name).get("Requires-Python")
    except PackageNotFoundError:
        return None
    if not requires:
        return None
    spec = SpecifierSet(requires)
    for version in CANDIDATES:
        if spec.contains(version):
            return None if version == CANDIDATES[0] else version
    return None


def lock_lines(freeze: str) -> list[str]:
    lines = []
    for raw in freeze.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "==" not in line:
            continue
        name = line.split("==")[0]
        if name.lower().replace("_", "-") == "literacy-kit":
            continue
        needed = oldest_supported(name)
        lines.append(f'{line}; python_full_version >= "{needed}"' if needed else line)
    return sorted(lines, key=str.lower)


def main() -> int:
    freeze = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            check=True, capture_output=True, text=True).stdout
    target = Path(__file__).resolve().parent.parent / "requirements-lock.txt"
    target.write_text(HEADER + "\n".join(lock_lines(freeze)) + "\n", encoding="utf-8")
    print(f"wrote {target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
