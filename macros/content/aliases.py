"""Old addresses of renamed items: each alias becomes a redirect page, so links and bookmarks keep working.

Pure functions of the catalog (no MkDocs): the loader reports clashes with file and line, the build writes pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from macros.content import model as m
from macros.content.problems import Problem
from macros.content.routes import item_path, page_paths, series_path, session_path, single_page_kinds
from macros.content.words import ENGLISH, Wording


@dataclass(frozen=True)
class Redirect:
    old: str
    """Directory-style address that used to hold the page, e.g. `trainings/old-id/`."""
    new: str
    title: str
    source: m.Source
    alias: str


def redirects(catalog: m.Catalog, words: Wording = ENGLISH) -> Iterator[Redirect]:
    """Every old address and where it now leads; a series' old address also covers its numbered sessions."""
    for kind, items in single_page_kinds(catalog):
        for item in items.values():
            title = str(getattr(item, "title", None) or item.name)
            for alias in item.aliases:
                yield Redirect(item_path(kind.name, alias), item_path(kind.name, item.id), title, item.source, alias)
    for series in catalog.series.values():
        for alias in series.aliases:
            old = replace(series, id=alias)
            yield Redirect(series_path(old), series_path(series), series.title, series.source, alias)
            for session in series.sessions:
                title = m.untitled(session, words)
                yield Redirect(session_path(old, session), session_path(series, session), title, series.source, alias)


def alias_problems(catalog: m.Catalog, root: Path) -> list[Problem]:
    """An alias may not take the address of a page that exists, nor one that another alias already took."""
    pages = set(page_paths(catalog))
    taken: dict[str, Redirect] = {}
    problems = []
    for redirect in redirects(catalog):
        line = _alias_line(root / redirect.source.file, redirect.alias)
        if redirect.old in pages:
            what = "this item's own id" if redirect.old == redirect.new else f"the page /{redirect.old}"
            message = f"{redirect.alias!r} is {what}, which exists; remove it from aliases"
            problems.append(Problem(redirect.source.file, line, "aliases", message))
        elif redirect.old in taken and taken[redirect.old].source != redirect.source:
            first = taken[redirect.old].source.file
            message = f"{redirect.alias!r} is already an alias in {first}; keep it in one file only"
            problems.append(Problem(redirect.source.file, line, "aliases", message))
        taken.setdefault(redirect.old, redirect)
    return problems


def _alias_line(path: Path, alias: str) -> int:
    """The line of `alias` under `aliases:`, for the error message; 1 when the file cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    start = next((number for number, text in enumerate(lines) if text.startswith("aliases:")), None)
    if start is None:
        return 1
    pattern = re.compile(rf"(?<![a-z0-9-]){re.escape(alias)}(?![a-z0-9-])")
    return next((number + 1 for number in range(start, len(lines)) if pattern.search(lines[number])), start + 1)
