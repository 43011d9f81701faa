"""Voila's page templates compiled once per process, not once per page.

Voila builds a new Jinja environment, and so compiles its ~15 templates again, for every
page it renders: about 0.3 s of the server's one thread per page on this machine. Here
the compiled code is kept in memory (:data:`TEMPLATE_CODE`, keyed by Jinja on template
name, file and source checksum) and shared by every environment of the process:
:func:`install` makes Voila's renderer use :class:`SharedCodeExporter`, and
:func:`warm` compiles a template's files ahead, in a process that then forks (the
classroom zygote), so no forked server compiles them at all.
"""
from __future__ import annotations

from jinja2 import BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory, keyed by Jinja on name and source checksum."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CODE = MemoryBytecodeCache()


def _exporter_class():
    from voila.exporter import VoilaExporter

    class SharedCodeExporter(VoilaExporter):
        """Voila's exporter whose Jinja environments share :data:`TEMPLATE_CODE`."""

        def _create_environment(self):
            environment = super()._create_environment()
            environment.bytecode_cache = TEMPLATE_CODE
            return environment

    return SharedCodeExporter


SharedCodeExporter = _exporter_class()


def install(exporter=SharedCodeExporter) -> None:
    """Make Voila's page renderer (which names its exporter class at module level) use
    ``exporter``."""
    import voila.notebook_renderer

    voila.notebook_renderer.VoilaExporter = exporter


def warm(template: str = "lab") -> int:
    """Compile every template file Voila's ``template`` can use into :data:`TEMPLATE_CODE`;
    how many. A file that does not compile is left for the page to report."""
    from voila.paths import collect_template_paths

    exporter = SharedCodeExporter(template_paths=collect_template_paths(["voila", "nbconvert"], template),
                                  template_name=template)
    environment = exporter.environment
    compiled = 0
    for name in environment.list_templates(extensions=("j2", "tpl", "html")):
        try:
            environment.get_template(name)
            compiled += 1
        except Exception:  # noqa: BLE001 - not every file is a template of this one
            pass
    return compiled
