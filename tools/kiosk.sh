#!/bin/sh
# Start the kiosk: creates .venv if missing, installs the package, then runs
# "literacy-kit kiosk" (options pass through, e.g. sh tools/kiosk.sh --lang en).
set -eu
. "$(dirname "$0")/lib.sh"
lk_setup kiosk "."
exec .venv/bin/literacy-kit kiosk "$@"
