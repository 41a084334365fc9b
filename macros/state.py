"""The catalog of the build in progress, shared by the hook module and the macros entry point."""

from __future__ import annotations

from dataclasses import dataclass

from macros.indexes import Indexes, build_indexes
from macros.model import Catalog


@dataclass(frozen=True)
class Build:
    catalog: Catalog
    index: Indexes


_current: list[Build] = []


def start(catalog: Catalog) -> Build:
    """Called once per build (and per `mkdocs serve` rebuild) after the YAML is loaded."""
    build = Build(catalog, build_indexes(catalog))
    _current[:] = [build]
    return build


def current() -> Build:
    if not _current:
        raise RuntimeError("no catalog loaded: is `hooks: [macros/hooks.py]` listed in mkdocs.yml before use?")
    return _current[0]
