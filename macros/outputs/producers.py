"""Every file the build writes besides pages, from one list of producers (each a pure function of the catalog)."""

from __future__ import annotations

from macros.content import model as m
from macros.outputs import calendars, catalog_sheets, cms, feed, learning_items, plan_files, redirects, schemas
from macros.outputs.base import BuildInfo, OutputFile, Producer
from macros.site.relations import Relations

PER_LANGUAGE: tuple[Producer, ...] = (
    feed.feed_files,
    calendars.calendar_files,
    plan_files.plan_outputs,
    redirects.redirect_files,
    learning_items.learning_files,
)
"""Files a reader reads: one set per language, under the language's prefix."""
ONCE: tuple[Producer, ...] = (schemas.schema_files, cms.cms_files, catalog_sheets.template_files)
"""Files for maintainers' tools, in English only: made with the source language."""


def generate_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> dict[str, OutputFile]:
    """Every output file of `info.language` by its path in the site (and the maintainers' files with the source
    language); two producers writing the same path is a programming error."""
    files: dict[str, OutputFile] = {}
    for producer in PER_LANGUAGE + (ONCE if info.language.is_source else ()):
        for output in producer(catalog, relations, info):
            if output.path in files:
                raise ValueError(f"two outputs claim {output.path}")
            files[output.path] = output
    return files
