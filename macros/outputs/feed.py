"""`/feed.xml`: an Atom feed of the newest dated trainings and sessions, with absolute links from `site_url`.

Undated items are left out: Atom needs an `updated` time for every entry, and the site never invents one. Each
language has its feed (`/es/feed.xml`), linking its own pages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime

from macros.content import model as m
from macros.content.routes import FEED_PATH
from macros.content.values.dates import PartialDate
from macros.content.words import N_
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.language import ENGLISH, Language
from macros.site.relations import Entry, Relations

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def atom_time(date: PartialDate) -> str:
    """The first moment of the known period: 2017 → 2017-01-01, 2017-03 → 2017-03-01."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _entry(feed: ET.Element, entry: Entry, catalog: m.Catalog, base: str) -> None:
    """One entry; `base` is the language's own root (`https://…/es/`)."""
    assert entry.date is not None
    item = ET.SubElement(feed, f"{{{ATOM}}}entry")
    url = base + entry.path
    title = f"{entry.series.title}: {entry.title}" if entry.series and entry.number else entry.title
    _text(item, "title", title)
    _text(item, "id", url)
    _text(item, "updated", atom_time(entry.date))
    ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
    for person_id in entry.presenters:
        author = ET.SubElement(item, f"{{{ATOM}}}author")
        _text(author, "name", catalog.people[person_id].name)
    for topic_id in entry.topics:
        ET.SubElement(item, f"{{{ATOM}}}category", {"term": topic_id, "label": catalog.topics[topic_id].title})
    if entry.summary:
        _text(item, "summary", " ".join(entry.summary.split()), type="text")


def feed_xml(catalog: m.Catalog, relations: Relations, base: str, now: datetime, language: Language = ENGLISH) -> bytes:
    """The feed document of `language`; `now` is used only when no entry has a date."""
    ET.register_namespace("", ATOM)
    dated = [entry for entry in relations.entries if entry.date][:FEED_SIZE]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language.code})
    base = base + language.prefix
    _text(feed, "title", catalog.site.title)
    _text(feed, "subtitle", language.gettext(N_("New recorded trainings and learning-network sessions")))
    _text(feed, "id", base)
    updated = atom_time(dated[0].date) if dated and dated[0].date else now.strftime("%Y-%m-%dT%H:%M:%SZ")
    _text(feed, "updated", updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": base + FEED_PATH})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", catalog.site.organization)
    for entry in dated:
        _entry(feed, entry, catalog, base)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def feed_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> Iterator[OutputFile]:
    document = feed_xml(catalog, relations, info.site_url, info.now or datetime.now(UTC), info.language)
    yield OutputFile(info.language.path(FEED_PATH), document)
