#!/bin/sh
# Run the whole test suite: creates .venv if missing, installs the test extras,
# then runs pytest (arguments pass through, e.g. sh tools/test.sh -x -q tests/test_i18n.py).
set -eu
. "$(dirname "$0")/lib.sh"
lk_setup test ".[test]"
exec .venv/bin/python -m pytest "$@"
