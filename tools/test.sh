#!/bin/sh
# Run the whole test suite: creates .venv if missing, installs the test extras and the
# plug-in fixture (a lesson domain from outside the kit, tests/plugin_domain), then runs
# pytest (arguments pass through, e.g. sh tools/test.sh -x -q tests/test_i18n.py;
# the fast tier: sh tools/test.sh -m "not slow").
set -eu
. "$(dirname "$0")/lib.sh"
lk_setup test ".[test]" tests/plugin_domain
exec .venv/bin/python -m pytest "$@"
