"""Where each item lives on the site, and relative links between pages (raw HTML is not rewritten by MkDocs)."""

from __future__ import annotations

import posixpath

from macros import model as m

SECTION = {
    "training": "trainings",
    "person": "people",
    "topic": "topics",
    "program": "programs",
    "service": "services",
    "action_plan": "action-plans",
}


def series_path(series: m.Series) -> str:
    """Learning networks live under networks/, archives under archives/."""
    return f"{'networks' if series.kind == 'vln' else 'archives'}/{series.id}/"


def session_path(series: m.Series, session: m.SeriesSession) -> str:
    return f"{series_path(series)}{session.number}/"


FEED_PATH = "feed.xml"


def calendar_path(series: m.Series) -> str:
    """The iCalendar file of a series' dated sessions."""
    return f"calendar/{series.id}.ics"


def item_path(kind: str, item_id: str) -> str:
    """Directory-style path without a leading slash, e.g. `people/leah-harris/`."""
    return f"{SECTION[kind]}/{item_id}/"


def source_uri(path: str) -> str:
    """The virtual Markdown file that MkDocs turns into `path` (directory URLs)."""
    return f"{path}index.md" if path else "index.md"


def relative(from_path: str, to_path: str) -> str:
    """Link from the page at `from_path` to `to_path`, both directory-style, as MkDocs would write it."""
    start = from_path.rstrip("/") or "."
    target = to_path.rstrip("/") or "."
    link = posixpath.relpath(target, start)
    if to_path.endswith("/") and link != ".":
        return link + "/"
    return "./" if link == "." else link
