"""Files the build writes besides pages (feeds, calendars, downloads, schemas): pure functions of the catalog.

Each producer returns `OutputFile`s; the hook adds them to the site in memory, so nothing generated is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from macros import model as m
from macros.indexes import Indexes


@dataclass(frozen=True)
class OutputFile:
    path: str
    """Address inside the site without a leading slash, e.g. `feed.xml` or `calendar/x.ics`."""
    content: bytes


@dataclass(frozen=True)
class BuildInfo:
    """What producers may need beyond the catalog: the public base address (ends with `/`) and the build time."""

    site_url: str
    now: datetime | None = None
    """When the build ran (from SOURCE_DATE_EPOCH when set, for reproducible files); None means now."""


Producer = Callable[[m.Catalog, Indexes, BuildInfo], Iterable[OutputFile]]


def action_plan_files(catalog: m.Catalog, index: Indexes, info: BuildInfo) -> list[OutputFile]:
    """Each action plan's DOCX, XLSX and CSV, built from the same YAML as its page."""
    return [OutputFile(file.path, file.content) for files in index.plan_files.values() for file in files]


PRODUCERS: list[Producer] = [action_plan_files]
"""Extra producers appended at run time; the built-in ones are listed in `producers()`."""


def producers() -> list[Producer]:
    """Every producer, in order. Imported here, not at the top, because each producer module imports this one."""
    from macros import calendars, editor_schema, feed, redirects  # noqa: PLC0415

    return [feed.feed_files, calendars.calendar_files, editor_schema.schema_files, redirects.redirect_files, *PRODUCERS]


def generate_files(catalog: m.Catalog, index: Indexes, info: BuildInfo) -> list[OutputFile]:
    """Every output file; two producers writing the same path is a programming error."""
    files: dict[str, OutputFile] = {}
    for producer in producers():
        for output in producer(catalog, index, info):
            if output.path in files:
                raise ValueError(f"two outputs claim {output.path}")
            files[output.path] = output
    return list(files.values())
