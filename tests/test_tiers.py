"""The test tiers: slow tests are marked from what they use, and the guard catches the rest."""
from __future__ import annotations

import textwrap

import pytest

import tiers

CONFTEST = """
import pytest
import tiers


def pytest_configure(config):
    config.pluginmanager.register(tiers.Tiers(roots=[config.rootpath]), "literacy-kit-tiers")


class Server:
    def __init__(self):
        self.command = ["voila", "--no-browser"]

    def start(self):
        import subprocess
        return subprocess.Popen(self.command)


@pytest.fixture(scope="session")
def server():
    return Server().start()


@pytest.fixture
def uses_server(server):
    return server
"""

HELPERS = '''
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def run_grader(*args):
    return subprocess.run([str(BIN / "nbgrader"), *args], check=True)


def grade_twice():
    run_grader("autograde")
    run_grader("autograde")
'''

TESTS = '''
import pytest
from tiers_demo_helpers import grade_twice


def test_plain():
    assert 1 + 1 == 2


def test_with_a_server_fixture(server):
    pass


def test_with_a_fixture_that_uses_it(uses_server):
    pass


def test_through_a_helper():
    grade_twice()


def test_a_kernel():
    from nbclient import NotebookClient


def test_the_cli_as_a_module():
    import subprocess, sys
    subprocess.run([sys.executable, "-m", "literacy_kit.cli", "kiosk"])


@pytest.mark.notebook
def test_marked_by_hand():
    pass
'''


@pytest.fixture
def suite(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(tiers_demo_helpers=HELPERS, test_tiers_demo=TESTS)
    pytester.makeini('[pytest]\nmarkers =\n    slow: s\n    notebook: n\n    browser: b\n')
    return pytester


def test_tests_using_slow_fixtures_helpers_or_starters_are_marked_slow(suite):
    result = suite.runpytest("-m", "slow", "--collect-only", "-q")
    collected = {line.split("::")[1] for line in result.outlines if "::" in line}
    assert collected == {"test_with_a_server_fixture", "test_with_a_fixture_that_uses_it",
                         "test_through_a_helper", "test_a_kernel", "test_the_cli_as_a_module",
                         "test_marked_by_hand"}


def test_the_fast_tier_runs_only_the_rest(suite):
    result = suite.runpytest("-m", "not slow")
    result.assert_outcomes(passed=1, deselected=6)


SNEAKY = '''
import subprocess


def test_starts_a_program_it_does_not_name():
    program = "".join(["nb", "grader"])
    subprocess.run([program, "--version"])


def test_hides_the_refusal():
    program = "".join(["esp", "eak-ng"])
    try:
        subprocess.run([program, "-w", "out.wav", "hello"])
    except Exception:
        pass


def test_asks_the_version_only():
    program = "".join(["esp", "eak-ng"])
    try:
        subprocess.run([program, "--version"], capture_output=True)
    except FileNotFoundError:
        pass
'''


def test_an_unmarked_test_that_starts_a_slow_program_fails_loudly(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_tiers_sneaky=SNEAKY)
    pytester.makeini('[pytest]\nmarkers =\n    slow: s\n')
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2, passed=1)
    result.stdout.fnmatch_lines(["*test_starts_a_program_it_does_not_name starts nbgrader but is not marked slow*",
                                 "*test_hides_the_refusal starts espeak-ng but is not marked slow*"])


def test_docstring_examples_are_read_with_their_prose(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(tiers_demo_speech=textwrap.dedent('''
        """Speech with espeak-ng.

        >>> 1 + 1
        2
        """


        def double(x):
            """Twice ``x``.

            >>> double(2)
            4
            """
            return 2 * x
        '''))
    pytester.makeini('[pytest]\nmarkers =\n    slow: s\n')
    result = pytester.runpytest("--doctest-modules", "-m", "not slow", "-v")
    result.assert_outcomes(passed=1, deselected=1)
    result.stdout.fnmatch_lines(["*tiers_demo_speech.double PASSED*"])


def test_the_suites_own_servers_browsers_and_graders_read_as_slow(request):
    import course_support
    import support

    conftest = request.config.pluginmanager.get_plugin(str(tiers.TESTS / "conftest.py"))
    reader = tiers._Reader()
    assert "literacy-kit" in reader.reason_of(support.KioskServer)
    assert "nbgrader" in reader.reason_of(course_support.graded_course)
    assert "sync_playwright" in reader.reason_of(conftest.chromium)
    assert reader.reason_of(conftest.keep) is None
