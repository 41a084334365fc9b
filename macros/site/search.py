"""A compact search index: one short entry per item page with what people search for, not every word on it.

Material's search loads `search/search_index.json` whole into the browser on the first page view. Indexing every
word of 5,000 item pages makes that 17 MB (3.1 MB gzip); one entry per item page with its title, people, topics,
year and the start of its summary keeps the site's whole index near 2 MB (under 500 KB gzip) while a presenter's
surname, a program's name or a topic still finds the page. Hand-written pages keep Material's own entries, with
long listing sections cut short (each listed item has its own entry). Material's search UI is unchanged.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.content import model as m
from macros.content.kinds import KINDS
from macros.content.routes import item_path, series_path, session_path
from macros.content.values.dates import PartialDate

SUMMARY_CHARS = 90
"""The first words of a summary: enough to recognize the item in the result list."""
OTHER_TEXT_CHARS = 600
"""Hand-written sections longer than this are listings; the listed items are indexed on their own."""
SESSION_BOOST = 1.0
"""A series session weighs as a training. Each kind's weight is its `search_boost` in macros/content/kinds.py:
where one word matches many pages, the page that is about it comes first (the postvention service before the
trainings that mention postvention, a presenter's page before their trainings)."""


@dataclass(frozen=True)
class SearchEntry:
    location: str
    """Directory-style page address, as Material writes it (no leading slash)."""
    title: str
    text: str
    boost: float

    def as_json(self) -> dict[str, Any]:
        """Material puts title and text into the result list as HTML, so both are escaped here, as its parser does."""
        entry: dict[str, Any] = {"location": self.location, "title": _html(self.title), "text": _html(self.text)}
        if self.boost != 1.0:
            entry["boost"] = self.boost
        return entry


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _cut_html(text: str, limit: int) -> str:
    """An excerpt of Material's indexed HTML that never ends inside a tag."""
    cut = excerpt(text, limit)
    if cut.rfind("<") > cut.rfind(">"):
        cut = cut[: cut.rfind("<")].rstrip() + " …"
    return cut


def excerpt(text: str | None, limit: int = SUMMARY_CHARS) -> str:
    """The first words of `text`, cut at a word boundary, on one line."""
    words = " ".join((text or "").split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0] + " …"


def _join(*parts: str | None) -> str:
    return " · ".join(part for part in parts if part)


def _names(catalog: m.Catalog, ids: Iterable[str]) -> str:
    return ", ".join(catalog.people[pid].name for pid in ids if pid in catalog.people)


def _topics(catalog: m.Catalog, ids: Iterable[str]) -> str:
    return ", ".join(catalog.topics[tid].title for tid in ids if tid in catalog.topics)


def _year(date: PartialDate | None) -> str:
    return str(date) if date else ""


def _series_entries(
    catalog: m.Catalog, series: m.Series, titles: Mapping[str, str], boost: float
) -> Iterator[SearchEntry]:
    path = series_path(series)
    people = _names(catalog, series.facilitators)
    text = _join(people, _topics(catalog, series.topics), excerpt(series.summary))
    yield SearchEntry(path, titles.get(path, series.title), text, boost)
    for session in series.sessions:
        here = session_path(series, session)
        presenters = _names(catalog, session.presenters) or people
        text = _join(series.title, _year(session.date), presenters, excerpt(session.summary))
        yield SearchEntry(here, titles.get(here, session.title or series.title), text, SESSION_BOOST)


def _training(catalog: m.Catalog, training: m.Training) -> str:
    series = catalog.series.get(training.series or "")
    return _join(
        _year(training.date), _names(catalog, training.presenters), _topics(catalog, training.topics),
        series.title if series else None, excerpt(training.summary),
    )  # fmt: skip


def _person(catalog: m.Catalog, person: m.Person) -> str:
    return _join(person.credentials, person.role, person.affiliation)


def _summary(catalog: m.Catalog, item: Any) -> str:
    """The first words of the item's summary: the entry of a kind with nothing more to say."""
    return excerpt(getattr(item, "summary", None))


def _program(catalog: m.Catalog, program: m.Program) -> str:
    return _join(_topics(catalog, program.topics), excerpt(program.summary))


def _service(catalog: m.Catalog, service: m.Service) -> str:
    return _join(service.provider, _topics(catalog, service.topics), excerpt(service.summary))


ENTRY_TEXT: dict[str, Callable[[m.Catalog, Any], str]] = {
    "training": _training,
    "person": _person,
    "program": _program,
    "service": _service,
}
"""The words of a kind's compact entry besides its title (`_summary` for a kind not named here); series, with
their sessions, are `_series_entries`."""


def item_entries(catalog: m.Catalog, titles: Mapping[str, str]) -> list[SearchEntry]:
    """One entry per item page of every kind with a `search_boost`; `titles` are the generated pages' own titles
    by address, so both always agree."""
    entries: list[SearchEntry] = []
    for kind in KINDS:
        if kind.search_boost is None:
            continue
        if kind.name == "series":
            for series in catalog.series.values():
                entries.extend(_series_entries(catalog, series, titles, kind.search_boost))
            continue
        for item in kind.items(catalog).values():
            path = item_path(kind.name, item.id)
            text = ENTRY_TEXT.get(kind.name, _summary)(catalog, item)
            entries.append(SearchEntry(path, titles.get(path, path), text, kind.search_boost))
    return [entry for entry in entries if entry.location in titles]


def compact(index: dict[str, Any], entries: list[SearchEntry]) -> dict[str, Any]:
    """Material's index with our entries for item pages and the other pages' long sections cut short."""
    ours = {entry.location for entry in entries}
    kept = []
    for doc in index.get("docs", []):
        page = str(doc.get("location", "")).split("#", 1)[0]
        if page in ours:
            continue
        long = len(doc.get("text", "")) > OTHER_TEXT_CHARS
        kept.append({**doc, "text": _cut_html(doc["text"], OTHER_TEXT_CHARS)} if long else doc)
    return {**index, "docs": kept + [entry.as_json() for entry in entries]}


def rewrite_index(site_dir: Path, entries: list[SearchEntry]) -> None:
    """Replace the item pages' entries in the search index Material has just written (if search is enabled)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    data = json.dumps(compact(index, entries), ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
