#!/bin/sh
# Install literacy_kit from this folder on a machine without Internet (written by
# `literacy-kit bundle`). Usage: sh install.sh [TARGET] [--kiosk]
#   TARGET   where the virtual environment goes (default /opt/literacy-kit)
#   --kiosk  also set the machine up to boot into the kiosk (needs root)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET=/opt/literacy-kit
KIOSK=no
for arg in "$@"; do
    case "$arg" in
        --kiosk) KIOSK=yes ;;
        *) TARGET=$arg ;;
    esac
done
PYTHON=${PYTHON:-python3}
say() { printf '%s\n' "$*" >&2; }

if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
    say "Thiếu python3-venv / python3-venv is missing: see debian-packages.txt and README.txt"
    exit 1
fi
say "==> $PYTHON -m venv $TARGET/venv"
"$PYTHON" -m venv "$TARGET/venv"
say "==> pip install --no-index (wheels from $HERE/wheels)"
"$TARGET/venv/bin/python" -m pip install --quiet --no-index --find-links "$HERE/wheels" literacy-kit
if [ -d "$HERE/speech" ]; then
    mkdir -p "$TARGET/speech"
    cp -R "$HERE/speech/." "$TARGET/speech/"
fi
if [ "$KIOSK" = yes ]; then
    "$TARGET/venv/bin/literacy-kit" kiosk install
    if [ -d "$HERE/speech" ]; then
        mkdir -p /var/lib/literacy-kit/speech
        cp -R "$HERE/speech/." /var/lib/literacy-kit/speech/
        chown -R lk-kiosk:lk-kiosk /var/lib/literacy-kit
    fi
fi
say "Xong / Done: $TARGET/venv/bin/literacy-kit kiosk"
