"""Test tiers: which tests are slow, found from what they use, and a guard that keeps it true.

A test is *slow* when it starts nbgrader, a server (Voila, JupyterLab, the kiosk), a
notebook kernel, Chromium or espeak-ng. Nobody lists slow tests by hand:

* :func:`slow_reason` reads the code of the test function, of every fixture it uses and of
  every helper in ``tests/`` they call (transitively, through their source), and finds the
  programs and libraries that start such processes (:data:`PROGRAMS`, :data:`STARTERS`);
* the ``notebook`` and ``browser`` markers imply slow;
* :class:`Guard` patches :class:`subprocess.Popen`: a test *not* marked slow that starts one
  of :data:`PROGRAMS` (or ``python -m`` one of :data:`PYTHON_MODULES`) fails loudly, in the
  fast tier and in the full run alike, so a slow test the reading missed cannot hide in the
  fast tier.

:class:`Tiers` is the pytest plug-in ``tests/conftest.py`` registers; ``sh tools/test.sh -m
"not slow"`` is the fast tier. Docstring examples (``--doctest-modules``) are read the same
way, with the docstring's prose: one that names a slow program is slow.
"""
from __future__ import annotations

import ast
import inspect
import os
import shlex
import subprocess
import threading
import types
from functools import lru_cache
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
_hookimpl = pytest.hookimpl

#: Programs whose start makes a test slow (compared with a command's base name).
PROGRAMS = frozenset({
    "nbgrader", "voila", "jupyter", "jupyter-lab", "jupyter-server", "jupyter-notebook",
    "jupyter-nbconvert", "jupyter-execute", "jupyterhub", "configurable-http-proxy",
    "chromium", "chromium-browser", "chrome", "headless_shell", "espeak-ng", "espeak",
    "literacy-kit",
})
#: Questions to a program that answer at once without doing its slow work: every widget
#: with a read-aloud button asks ``espeak-ng --version`` whether speech is available.
PROBES = {"espeak-ng": ("--version", "--voices"), "espeak": ("--version", "--voices"),
          # `literacy-kit doctor` asks JupyterHub's proxy whether it can start at all
          "configurable-http-proxy": ("--version",)}
#: Modules whose ``python -m`` start makes a test slow (kernels, servers, the CLI).
PYTHON_MODULES = frozenset({
    "ipykernel_launcher", "ipykernel", "nbgrader", "voila", "jupyter", "jupyterlab",
    "jupyter_server", "notebook", "nbclient", "nbconvert", "jupyterhub", "literacy_kit",
    "literacy_kit.cli",
})
#: Names of library entry points that start a kernel or a browser in-process.
STARTERS = frozenset({
    "sync_playwright", "async_playwright", "NotebookClient", "ExecutePreprocessor",
    "KernelManager", "AsyncKernelManager", "MultiKernelManager", "start_new_kernel",
    "start_new_async_kernel", "launch_kernel", "run_kernel",
})


def command_reason(args, executable=None) -> str | None:
    """Why starting ``args`` is slow (the program's name), or ``None``.

    >>> command_reason(["/usr/bin/espeak-ng", "-v", "vi"])
    'espeak-ng'
    >>> command_reason(["/venv/bin/python", "-m", "ipykernel_launcher", "-f", "k.json"])
    'python -m ipykernel_launcher'
    >>> command_reason("nbgrader autograde vneid")
    'nbgrader'
    >>> command_reason(["git", "status"]) is None
    True
    >>> command_reason(["espeak-ng", "--version"]) is None     # a probe, not a synthesis
    True
    """
    if isinstance(args, (str, bytes, os.PathLike)):
        text = os.fsdecode(args)
        try:
            argv = shlex.split(text)
        except ValueError:
            argv = text.split()
    else:
        argv = [os.fsdecode(a) for a in args]
    if executable is not None:
        argv = [os.fsdecode(executable), *argv[1:]]
    for position, word in enumerate(argv):
        name = os.path.basename(word)
        if name in PROBES and argv[position + 1:] and all(
                arg.startswith(PROBES[name]) for arg in argv[position + 1:]):
            return None                              # asks the version or the voices: instant
        if name in PROGRAMS:
            return name
        if word == "-m" and position + 1 < len(argv) and argv[position + 1] in PYTHON_MODULES:
            return f"python -m {argv[position + 1]}"
        if word == "run-driver":                     # Playwright's driver, which starts Chromium
            return "playwright driver"
    return None


# -- reading the code ------------------------------------------------------------------

@lru_cache(maxsize=None)
def _tree(path: str) -> ast.Module | None:
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return None


def _in_tests(path: str | None, roots=(TESTS,)) -> bool:
    """Whether ``path`` is test code (read transitively), not the kit or a library."""
    return bool(path) and any(Path(path).resolve().is_relative_to(root) for root in roots)


def _string_program(value: str) -> str | None:
    """The slow program a string constant names (a path, a command line, a shell script)."""
    for word in value.split():
        word = word.strip("\"'`()[],;:.!?")
        if os.path.basename(word) in PROGRAMS and not word.endswith((".py", ".ipynb")):
            return os.path.basename(word)
    return None


#: Calls that start a process: ``module.function``, or the function's name alone.
SPAWNS = {"subprocess": {"Popen", "run", "check_output", "check_call", "call"},
          "os": {"system", "execv", "execvp", "posix_spawn", "posix_spawnp"},
          "asyncio": {"create_subprocess_exec", "create_subprocess_shell"},
          "pexpect": {"spawn", "run"}}
SPAWN_NAMES = frozenset({"Popen", "check_output", "check_call", "create_subprocess_exec"})


class _Unit:
    """What one piece of code does, read without running it."""

    def __init__(self) -> None:
        self.reason: str | None = None     # certain on its own (a starter, ``python -m``, which())
        self.spawns = False                # calls subprocess & co.
        self.programs: set[str] = set()    # slow programs named in strings
        self.names: set[str] = set()       # names referenced, to read next

    def verdict(self) -> str | None:
        if self.reason:
            return self.reason
        if self.spawns and self.programs:
            return f"starts {sorted(self.programs)[0]}"
        return None

    def read(self, node: ast.AST) -> None:
        docstrings = {id(body[0].value) for sub in ast.walk(node)
                      if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                      and (body := sub.body) and isinstance(body[0], ast.Expr)
                      and isinstance(body[0].value, ast.Constant)}
        for sub in ast.walk(node):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in docstrings:
                program = _string_program(sub.value)
                if program:
                    self.programs.add(program)
            elif isinstance(sub, (ast.List, ast.Tuple)):
                words = [e.value for e in sub.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                for first, second in zip(words, words[1:]):
                    if first == "-m" and second in PYTHON_MODULES:
                        self.reason = self.reason or f"runs python -m {second}"
            elif isinstance(sub, ast.Call):
                function = sub.func
                called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                module = getattr(getattr(function, "value", None), "id", None)
                if (called in SPAWNS.get(module, ()) if isinstance(function, ast.Attribute)
                        else called in SPAWN_NAMES):
                    self.spawns = True
                if called == "which":
                    for argument in sub.args:
                        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                            program = _string_program(argument.value)
                            if program:
                                self.reason = self.reason or f"looks for {program}"
            elif isinstance(sub, ast.Name):
                if sub.id in STARTERS:
                    self.reason = self.reason or f"uses {sub.id}"
                self.names.add(sub.id)
            elif isinstance(sub, ast.Attribute):
                if sub.attr in STARTERS:
                    self.reason = self.reason or f"uses {sub.attr}"
                if isinstance(sub.value, ast.Name):
                    self.names.add(f"{sub.value.id}.{sub.attr}")
            elif isinstance(sub, ast.alias) and sub.name.split(".")[-1] in STARTERS:
                self.reason = self.reason or f"imports {sub.name}"


def _definition(obj, roots=(TESTS,)) -> tuple[str, ast.AST] | None:
    """The file and AST node of a function or class defined under ``tests/``."""
    obj = inspect.unwrap(obj) if callable(obj) else obj
    try:
        path = inspect.getsourcefile(obj)
    except TypeError:
        return None
    if not _in_tests(path, roots):
        return None
    tree = _tree(path)
    if tree is None:
        return None
    code = getattr(obj, "__code__", None)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and code is not None:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if node.name == obj.__name__ and code.co_firstlineno in (first, node.lineno):
                return path, node
        elif isinstance(node, ast.ClassDef) and isinstance(obj, type) and node.name == obj.__name__:
            return path, node
    return None


def _module_assignments(path: str) -> dict[str, ast.AST]:
    tree = _tree(path)
    found: dict[str, ast.AST] = {}
    for node in tree.body if tree else ():
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        found[name.id] = node
    return found


class _Reader:
    """Reads code transitively; remembers what it has read (one per collection)."""

    def __init__(self, roots=(TESTS,)) -> None:
        self.roots = tuple(Path(root).resolve() for root in roots)
        self.seen: dict[tuple[str, int], str | None] = {}

    def reason_of(self, obj, namespace: dict | None = None) -> str | None:
        found = _definition(obj, self.roots)
        if found is None:
            return None
        path, node = found
        key = (path, node.lineno)
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = None                          # a cycle reads as fast
        if namespace is None:
            function = inspect.unwrap(obj) if callable(obj) else obj
            namespace = getattr(function, "__globals__", None) or vars(inspect.getmodule(obj) or types)
        reason = self._read(path, node, namespace, set())
        self.seen[key] = reason
        return reason

    def _read(self, path: str, node: ast.AST, namespace: dict, done: set[str]) -> str | None:
        unit = _Unit()
        unit.read(node)
        assignments = _module_assignments(path)
        pending = sorted(unit.names)
        while pending:                   # module-level constants count as part of the code
            name = pending.pop()
            if name in assignments and name not in done:
                done.add(name)
                before = set(unit.names)
                unit.read(assignments[name])
                pending.extend(sorted(unit.names - before))
        if unit.verdict():
            return unit.verdict()
        for name in sorted(unit.names):
            head, _, attr = name.partition(".")
            if head in assignments or name in done:
                continue
            done.add(name)
            target = namespace.get(head)
            if attr and isinstance(target, types.ModuleType):
                if not _in_tests(getattr(target, "__file__", None), self.roots):
                    continue
                target = getattr(target, attr, None)
            elif attr:
                continue
            if target is None or not (inspect.isfunction(target) or inspect.isclass(target)):
                continue
            reason = self.reason_of(target)
            if reason:
                return f"{name}: {reason}"
        return None


def slow_reason(item, reader: _Reader | None = None) -> str | None:
    """Why a collected test is slow, or ``None``: its markers, its code, its fixtures."""
    for marker in ("notebook", "browser"):
        if item.get_closest_marker(marker):
            return f"marked {marker}"
    reader = reader or _Reader()
    test = getattr(item, "dtest", None)                # a docstring example (--doctest-modules)
    if test is not None:
        return _doctest_reason(test)
    function = getattr(item, "obj", None)
    if inspect.isfunction(function) or inspect.ismethod(function):
        reason = reader.reason_of(function)
        if reason:
            return f"{item.name}: {reason}"
    info = getattr(item, "_fixtureinfo", None)
    for name, definitions in sorted((info.name2fixturedefs if info else {}).items()):
        for definition in definitions:
            reason = reader.reason_of(definition.func)
            if reason:
                return f"fixture {name}: {reason}"
    return None


def _doctest_reason(test) -> str | None:
    """A docstring whose text names a slow program (its prose says what the example runs)."""
    program = _string_program(test.docstring or "")
    if program:
        return f"{test.name}: its docstring names {program}"
    unit = _Unit()
    for example in test.examples:
        try:
            unit.read(ast.parse(example.source))
        except SyntaxError:
            continue
    return unit.verdict()


def mark_slow(items, roots=(TESTS,)) -> dict[str, str]:
    """Add the ``slow`` marker to every slow item; returns ``{nodeid: reason}``.

    ``roots`` are the folders of test code (helpers there are read too).
    """
    reader = _Reader(roots)
    marked = {}
    for item in items:
        reason = slow_reason(item, reader)
        if reason:
            item.add_marker(pytest.mark.slow)
            item.user_properties.append(("slow_reason", reason))
            marked[item.nodeid] = reason
    return marked


# -- the guard -----------------------------------------------------------------------

class SlowProcessError(RuntimeError):
    """A test not marked slow started a slow process."""


class Guard:
    """Refuse slow processes to tests that are not marked slow (installed once per run)."""

    def __init__(self) -> None:
        self.item = None
        self.violations: list[str] = []
        self._lock = threading.Lock()
        self._original = None

    def install(self) -> None:
        if self._original is not None:
            return
        original = self._original = subprocess.Popen.__init__
        guard = self

        def __init__(popen, args, *rest, **options):
            guard.check(args, options.get("executable"))
            original(popen, args, *rest, **options)

        subprocess.Popen.__init__ = __init__

    def uninstall(self) -> None:
        if self._original is not None:
            subprocess.Popen.__init__ = self._original
            self._original = None

    def check(self, args, executable=None) -> None:
        item = self.item
        if item is None or item.get_closest_marker("slow"):
            return
        reason = command_reason(args, executable)
        if reason is None:
            return
        message = (f"{item.nodeid} starts {reason} but is not marked slow. tests/tiers.py did not "
                   f"see it in the test's code, fixtures or helpers: name the program or the "
                   f"starter there, or mark the test @pytest.mark.notebook / @pytest.mark.browser.")
        with self._lock:
            self.violations.append(message)
        raise SlowProcessError(message)

    def take(self) -> list[str]:
        with self._lock:
            found, self.violations = self.violations, []
        return found


class Tiers:
    """The pytest plug-in: marks slow tests, runs the guard, closes doctests' widgets.

    Its hooks are global, so they also see the doctests of ``literacy_kit/``.
    """

    def __init__(self, roots=(TESTS,)) -> None:
        self.roots = roots
        self.guard = Guard()

    def pytest_configure(self, config) -> None:
        self.guard.install()

    def pytest_unconfigure(self, config) -> None:
        self.guard.uninstall()

    def pytest_collection_modifyitems(self, config, items) -> None:
        mark_slow(items, self.roots)

    @_hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        """The guard knows which test runs; a docstring example's widgets are closed after it."""
        self.guard.item = item
        doctest = getattr(item, "dtest", None) is not None
        before = set(_open_widgets()) if doctest else set()
        try:
            return (yield)
        finally:
            self.guard.item = None
            if doctest:
                for key, widget in list(_open_widgets().items()):
                    if key not in before:
                        widget.close()

    @_hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        """A test not marked slow that started a slow process fails, even if its code caught
        the :class:`SlowProcessError`."""
        report = yield
        violations = self.guard.take()
        if violations and report.passed:
            report.outcome = "failed"
            report.longrepr = "\n".join(violations)
        return report


def _open_widgets() -> dict:
    import sys

    module = sys.modules.get("ipywidgets.widgets.widget")
    return dict(getattr(module, "_instances", {})) if module else {}
