#!/bin/sh
# Run the whole test suite: creates .venv if missing, installs the test extras and the
# plug-in fixture (a lesson domain from outside the kit, tests/plugin_domain), then runs
# pytest (arguments pass through, e.g. sh tools/test.sh -x -q tests/test_i18n.py;
# the fast tier: sh tools/test.sh -m "not slow").
# Without arguments (CI) the whole suite runs on two workers, a test file per worker: a
# serial run keeps one of two cores idle while it waits for servers, kernels and browsers.
set -eu
. "$(dirname "$0")/lib.sh"
lk_setup test ".[test]" tests/plugin_domain
if [ $# -eq 0 ]; then
    set -- -n "${LK_TEST_WORKERS:-2}" --dist loadfile
fi
exec .venv/bin/python -m pytest "$@"
