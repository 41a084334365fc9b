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


def producers() -> list[Producer]:
    """Every producer, in order. Imported here, not at the top, because each producer module imports this one."""
    from macros import calendars, editor_schema, feed, plan_files, redirects  # noqa: PLC0415

    return [
        feed.feed_files,
        calendars.calendar_files,
        plan_files.plan_outputs,
        editor_schema.schema_files,
        redirects.redirect_files,
    ]


def generate_files(catalog: m.Catalog, index: Indexes, info: BuildInfo) -> list[OutputFile]:
    """Every output file; two producers writing the same path is a programming error."""
    files: dict[str, OutputFile] = {}
    for producer in producers():
        for output in producer(catalog, index, info):
            if output.path in files:
                raise ValueError(f"two outputs claim {output.path}")
            files[output.path] = output
    return list(files.values())
