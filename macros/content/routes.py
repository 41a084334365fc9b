"""Where each item lives on the site, and relative links between pages (raw HTML is not rewritten by MkDocs)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from macros.content import model as m
from macros.content.kinds import KINDS, Kind, kind


def series_path(series: m.Series) -> str:
    """Learning networks live under networks/, archives under archives/."""
    return f"{'networks' if series.kind == 'vln' else 'archives'}/{series.id}/"


def session_path(series: m.Series, session: m.SeriesSession) -> str:
    return f"{series_path(series)}{session.number}/"


FEED_PATH = "feed.xml"


def calendar_path(series: m.Series) -> str:
    """The iCalendar file of a series' dated sessions."""
    return f"calendar/{series.id}.ics"


def item_path(kind_name: str, item_id: str) -> str:
    """Directory-style path without a leading slash, e.g. `people/leah-harris/`."""
    return f"{kind(kind_name).folder}/{item_id}/"


def page_path(kind_of_item: Kind, item: Any) -> str:
    """An item's own page: a series under networks/ or archives/, any other kind under its folder."""
    return series_path(item) if isinstance(item, m.Series) else item_path(kind_of_item.name, item.id)


def source_uri(path: str) -> str:
    """The virtual Markdown file that MkDocs turns into `path` (directory URLs)."""
    return f"{path}index.md" if path else "index.md"


def relative(from_path: str, to_path: str) -> str:
    """Link from the page at `from_path` to `to_path`, both directory-style, as MkDocs would write it.

    Percent-encoded, so a file named `notes#2 (draft)?.pdf` is one address, not a path, a fragment and a query."""
    start = from_path.rstrip("/") or "."
    target = to_path.rstrip("/") or "."
    link = quote(posixpath.relpath(target, start), safe="/")
    if to_path.endswith("/") and link != ".":
        return link + "/"
    return "./" if link == "." else link


def single_page_kinds(catalog: m.Catalog) -> Iterator[tuple[Kind, Mapping[str, Any]]]:
    """Kinds whose items each have one page at `<folder>/<id>/`, with their items."""
    for each in KINDS:
        if each.page_per_item:
            yield each, each.items(catalog)


def page_paths(catalog: m.Catalog) -> list[str]:
    """Every generated item page (series add their sessions), for alias checks, tests and link checks."""
    paths = [item_path(each.name, item_id) for each, items in single_page_kinds(catalog) for item_id in items]
    for series in catalog.series.values():
        paths.append(series_path(series))
        paths.extend(session_path(series, session) for session in series.sessions)
    return paths
