"""The domain registry: every lesson domain is a plug-in found through an entry point.

A domain package (inside ``literacy_kit`` or anywhere else) exports one :class:`Domain`
in its ``pyproject.toml``::

    [project.entry-points."literacy_kit.domains"]
    vneid = "literacy_kit.vneid.plugin:domain"

Generic code (core, grading, course, kiosk, speech, content, i18n, the CLI) never imports
a domain package: it asks this registry for the folders of the domains' catalogs and
content, their kiosk tiles, the graded items :class:`~literacy_kit.grading.Exercise` can
build, the modules grading kernels preload and the label on certificates. A domain that
fails to load is skipped and a translated warning is logged, never silently.

The :class:`Domain` object itself is cheap: it names modules as ``"module:attribute"``
strings, imported only when a tile opens or an item is built, so reading a catalog never
imports ipywidgets.

>>> [d.key for d in registered()][:3]
['vneid', 'services', 'ai']
>>> find("vneid").exercises
('vneid',)
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

ENTRY_POINT_GROUP = "literacy_kit.domains"

log = logging.getLogger("literacy_kit.domains")


def resolve(ref: str):
    """Import ``"package.module:attribute"`` and return the attribute."""
    module_name, _, attribute = ref.partition(":")
    target = importlib.import_module(module_name)
    for part in filter(None, attribute.split(".")):
        target = getattr(target, part)
    return target


@dataclass(frozen=True)
class Domain:
    """Everything generic code needs to know about one lesson domain.

    Parameters
    ----------
    key : str
        The domain's one name, the same across package, lesson, exercise, content,
        catalog, tile and tests (``"vneid"``).
    package : str
        The importable package that holds its ``catalogs/<lang>/*.json`` and
        ``content/*.yaml`` folders.
    title : str
        Catalog key of the domain's title (``"vneid.domain_title"``).
    certificate_label : str
        Catalog key of the module's name on completion slips and in reports.
    tiles : tuple of str
        ``"module:attribute"`` of each kiosk :class:`~literacy_kit.kiosk.tiles.Tile`.
    simulators : tuple of str
        ``"module:class"`` of each :class:`~literacy_kit.core.sim_host.SimHost` subclass,
        built as ``cls(lang=..., seed=...)`` (generic tests walk them all).
    graded_items : mapping of str to str
        Item kind -> ``"module:function"``; the function is called as
        ``function(exercise, key, **options)`` and returns a graded item, saving and
        restoring its own state through ``exercise.track``.
    preload : tuple of str
        Modules a grading kernel imports ahead of time (logic and widgets the exercise uses).
    lesson : str
        The lesson notebook's name in ``lessons/`` (without ``.ipynb``).
    exercises : tuple of str
        nbgrader assignment names of this domain.
    order : int
        Position among the domains (kiosk home, reports).
    folder : Path, optional
        Where ``catalogs/`` and ``content/`` live; default: the package's folder.
    step_cards : tuple of str
        ``"module:function"`` of functions returning the domain's printed step cards
        (:class:`~literacy_kit.handouts.StepCard`), built from its simulator's own data.
    """

    key: str
    package: str
    title: str
    certificate_label: str
    tiles: tuple[str, ...] = ()
    simulators: tuple[str, ...] = ()
    graded_items: Mapping[str, str] = field(default_factory=dict)
    preload: tuple[str, ...] = ()
    lesson: str = ""
    exercises: tuple[str, ...] = ()
    order: int = 100
    folder: Path | None = None
    step_cards: tuple[str, ...] = ()

    def root(self) -> Path:
        """The folder of the domain's data (found without importing the package)."""
        if self.folder is not None:
            return Path(self.folder)
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError(self.package)
        return Path(next(iter(spec.submodule_search_locations)))

    def catalog_dir(self, lang: str) -> Path:
        return self.root() / "catalogs" / lang

    def content_dir(self) -> Path:
        return self.root() / "content"

    def graded_builder(self, kind: str) -> Callable:
        return resolve(self.graded_items[kind])


_registry: list[Domain] | None = None
_failures: list[tuple[str, str]] = []


def _load(group: str) -> tuple[list[Domain], list[tuple[str, str]]]:
    found: dict[str, Domain] = {}
    failures = []
    for entry in entry_points(group=group):
        try:
            domain = entry.load()
            if not isinstance(domain, Domain):
                raise TypeError(f"{entry.value} is not a Domain")
            domain.root()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must not take the kit down
            failures.append((entry.name, f"{type(exc).__name__}: {exc}"))
            continue
        found.setdefault(domain.key, domain)
    return sorted(found.values(), key=lambda d: (d.order, d.key)), failures


def registered() -> list[Domain]:
    """Every domain that loaded, in display order (broken ones skipped and logged)."""
    global _registry
    if _registry is None:
        _registry, failures = _load(ENTRY_POINT_GROUP)
        _failures[:] = failures
        for name, reason in failures:  # after _registry is set: t() reads the catalogs
            from .i18n import DEFAULT_LANG, t

            log.warning(t("errors.plugin_failed", DEFAULT_LANG, name=name, reason=reason))
    return list(_registry)


def failures() -> list[tuple[str, str]]:
    """``(entry point name, reason)`` of every plug-in that failed to load."""
    registered()
    return list(_failures)


def reload() -> list[Domain]:
    """Forget the registry (tests; a plug-in installed while running)."""
    global _registry
    _registry = None
    from . import i18n

    i18n.catalog.cache_clear()
    return registered()


def find(key: str) -> Domain | None:
    """The domain named ``key``, or ``None``."""
    return next((d for d in registered() if d.key == key), None)


def for_exercise(name: str) -> Domain | None:
    """The domain that owns nbgrader assignment ``name``, or ``None``."""
    return next((d for d in registered() if name in d.exercises), None)


def graded_builder(kind: str) -> Callable | None:
    """The builder of graded item kind ``kind`` from whichever domain declares it."""
    for domain in registered():
        if kind in domain.graded_items:
            return domain.graded_builder(kind)
    return None


def preload_modules() -> tuple[str, ...]:
    """Modules the grading kernels import ahead of time, from every domain."""
    names: list[str] = []
    for domain in registered():
        for name in (domain.package, *domain.preload):
            if name not in names:
                names.append(name)
    return tuple(names)
