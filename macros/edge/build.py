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
from typing import Any

from mkdocs.utils import CountHandler

from macros.content.model import Catalog
from macros.outputs.base import OutputFile
from macros.publish.build import swap_in
from macros.site.language import Language
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
class Edition:
    """One language of the site, computed once per build: its catalog, relations, search labels and file sizes."""

    language: Language
    catalog: Catalog
    relations: Relations
    search_labels: dict[str, PageLabel] = field(default_factory=dict)
    """Kind, date and linked files of every generated page of this language, by address (`es/people/x/`)."""
    file_sizes: dict[str, int] = field(default_factory=dict)
    """Bytes of this language's output files by their path without the language's prefix: download links show them."""

    @classmethod
    def start(cls, language: Language, catalog: Catalog) -> Edition:
        return cls(language, catalog, build_relations(catalog, language), page_labels(catalog, language))


@dataclass
class Build:
    """Everything one build computes once: each language's edition, the output files, the staging folder."""

    editions: dict[str, Edition]
    """By language code, the source language (English) first."""
    staging: Staging | None = None
    outputs: dict[str, OutputFile] = field(default_factory=dict)
    """Every file besides pages by its path in the site, made once in `on_files`."""
    navigations: dict[str, Any] = field(default_factory=dict)
    """The menu of each language but the source's (MkDocs makes the source's from mkdocs.yml)."""
    views: dict[str, Any] = field(default_factory=dict)
    """The config as the theme sees it on each language's pages but the source's (macros/edge/theme.py)."""
    pages: set[str] = field(default_factory=set)
    """Every page's address, to find a page's counterpart in the other language."""

    @classmethod
    def start(cls, editions: list[Edition], staging: Staging | None = None) -> Build:
        build = cls({edition.language.code: edition for edition in editions}, staging)
        if staging is not None:
            # mkdocs-macros ends a failed build with SystemExit, which skips `on_build_error`: the staging
            # folder goes when this build object does, or at exit at the latest.
            weakref.finalize(build, staging.close)
        return build

    @property
    def source(self) -> Edition:
        return next(iter(self.editions.values()))

    @property
    def catalog(self) -> Catalog:
        """The source language's catalog: what is the same in every language (ids, files, dates) is read here."""
        return self.source.catalog

    @property
    def relations(self) -> Relations:
        return self.source.relations

    @property
    def languages(self) -> list[Language]:
        return [edition.language for edition in self.editions.values()]

    @property
    def search_labels(self) -> dict[str, PageLabel]:
        return {path: label for edition in self.editions.values() for path, label in edition.search_labels.items()}

    def edition_at(self, url: str) -> Edition:
        """The edition a page belongs to, by its address: `es/…` is Spanish, the rest English."""
        for edition in self.editions.values():
            if edition.language.prefix and url.startswith(edition.language.prefix):
                return edition
        return self.source

    def keep_outputs(self, outputs: dict[str, OutputFile]) -> None:
        """The output files, made once per build, and each language's sizes for the pages that link them."""
        self.outputs = outputs
        for edition in self.editions.values():
            prefix = edition.language.prefix
            edition.file_sizes = {
                path.removeprefix(prefix): len(output.content)
                for path, output in outputs.items()
                if path.startswith(prefix)
            }

    @property
    def file_sizes(self) -> dict[str, int]:
        return self.source.file_sizes


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
