"""One build's state on one object: made in `on_config`, carried on the MkDocs config, dropped when the build ends.

The hook and the macros entry reach it through the config they are both handed, so nothing lives in a module
global and every `mkdocs serve` rebuild (a new config each time) starts clean.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import CountHandler

from macros.content.model import Catalog
from macros.outputs.base import OutputFile
from macros.publish.build import swap_in
from macros.site.relations import Relations, build_relations
from macros.site.search import PageLabel, page_labels

_ATTRIBUTE = "_hub_build"
"""The config attribute that holds the build in progress (MkDocs' own config keeps `_current_page` the same way)."""


@dataclass
class Staging:
    """The site is built into a sibling folder and renamed into place only when the build is good."""

    final: Path
    folder: Path
    warnings: CountHandler
    """MkDocs' own counter of warnings: a strict build with any never replaces the published site."""

    @classmethod
    def beside(cls, final: Path) -> Staging:
        final.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
        warnings = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(warnings)
        return cls(final, folder, warnings)

    @property
    def warned(self) -> bool:
        return sum(self.warnings.counts.values()) > 0

    def publish(self) -> None:
        """Two renames: the finished site takes the place of the published one."""
        swap_in(self.folder, self.final, self.final.with_name(f".{self.final.name}-old"))
        self.close()

    def close(self) -> None:
        """Remove what is left of the staging folder and stop counting; safe to call twice."""
        shutil.rmtree(self.folder, ignore_errors=True)
        logging.getLogger("mkdocs").removeHandler(self.warnings)


@dataclass
class Build:
    """Everything one build computes once: the catalog, its relations, the output files, the search labels."""

    catalog: Catalog
    relations: Relations
    staging: Staging | None = None
    outputs: dict[str, OutputFile] = field(default_factory=dict)
    """Every file besides pages by its path in the site, made once in `on_files`."""
    search_labels: dict[str, PageLabel] = field(default_factory=dict)
    """Kind, date and linked files of every generated page, by address: what search shows and indexes."""

    @classmethod
    def start(cls, catalog: Catalog, staging: Staging | None = None) -> Build:
        build = cls(catalog, build_relations(catalog), staging, search_labels=page_labels(catalog))
        if staging is not None:
            # mkdocs-macros ends a failed build with SystemExit, which skips `on_build_error`: the staging
            # folder goes when this build object does, or at exit at the latest.
            weakref.finalize(build, staging.close)
        return build

    file_sizes: dict[str, int] = field(default_factory=dict)
    """Bytes of every output file by its path: download links show them."""

    def keep_outputs(self, outputs: dict[str, OutputFile]) -> None:
        """The output files, made once per build, and their sizes for the pages that link them."""
        self.outputs = outputs
        self.file_sizes = {path: len(output.content) for path, output in outputs.items()}


def attach(config: object, build: Build) -> None:
    setattr(config, _ATTRIBUTE, build)


def detach(config: object) -> None:
    if hasattr(config, _ATTRIBUTE):
        delattr(config, _ATTRIBUTE)


def build_of(config: object) -> Build:
    """The build in progress for `config`; a clear error when the hook is not listed in mkdocs.yml."""
    build = getattr(config, _ATTRIBUTE, None)
    if not isinstance(build, Build):
        raise RuntimeError("no catalog loaded: is `hooks: [macros/edge/hooks.py]` listed in mkdocs.yml?")
    return build
