"""The Atom feed and the series calendars: real XML and real iCalendar, parsed back with their own parsers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar

from macros.content.load import load_catalog
from macros.outputs.base import BuildInfo
from macros.outputs.calendars import series_calendar
from macros.outputs.feed import ATOM, feed_xml
from macros.site.relations import build_relations

from ..conftest import FIXTURES, ROOT

CATALOG = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
BASE = "https://hub.example.org/"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
NS = {"a": ATOM}


def test_feed_lists_dated_entries_newest_first_with_absolute_links() -> None:
    feed = ET.fromstring(feed_xml(CATALOG, build_relations(CATALOG), BASE, NOW))
    links = [link.get("href") for link in feed.findall("a:entry/a:link", NS)]
    assert links == [
        f"{BASE}trainings/short-clip/",
        f"{BASE}trainings/team-debrief/",
        f"{BASE}trainings/de-escalation-basics/",
        f"{BASE}networks/test-vln/2/",
        f"{BASE}networks/test-vln/1/",
    ]
    assert feed.findtext("a:updated", namespaces=NS) == "2022-01-01T00:00:00Z"
    assert feed.find("a:link[@rel='self']", NS).get("href") == f"{BASE}feed.xml"  # type: ignore[union-attr]
    first = feed.findall("a:entry", NS)[2]
    assert first.findtext("a:title", namespaces=NS) == "De-escalation basics"
    assert first.findtext("a:author/a:name", namespaces=NS) == "Ada Lovelace"
    assert first.findtext("a:updated", namespaces=NS) == "2019-04-02T00:00:00Z"


def test_feed_escapes_text_and_stays_well_formed(tmp_path: Path) -> None:
    catalog = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
    training = next(iter(catalog.trainings.values()))
    object.__setattr__(training, "title", "<script>alert(1)</script> & {{ x }}")
    feed = feed_xml(catalog, build_relations(catalog), BASE, NOW)
    assert b"<script>" not in feed
    titles = [t.text for t in ET.fromstring(feed).iter(f"{{{ATOM}}}title")]
    assert "<script>alert(1)</script> & {{ x }}" in titles


def test_a_feed_with_no_dated_entry_uses_the_build_time() -> None:
    shipped = load_catalog(ROOT / "sessions", ROOT / "docs")
    feed = ET.fromstring(feed_xml(shipped, build_relations(shipped), BASE, NOW))
    if not any(entry.date for entry in build_relations(shipped).entries):
        assert feed.findtext("a:updated", namespaces=NS) == "2026-11-22T12:00:00Z"
        assert feed.findall("a:entry", NS) == []


def test_calendar_has_one_event_per_dated_session_in_the_site_time_zone() -> None:
    series = CATALOG.series["test-vln"]
    calendar = Calendar.from_ical(series_calendar(series, CATALOG.site, BuildInfo(BASE, NOW)))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["uid"]) == "test-vln-session-1@hub.example.org"
    assert event.decoded("dtstamp") == NOW
    start = event.decoded("dtstart")
    assert (start.year, start.month, start.day, start.hour) == (2017, 1, 12, 12)
    assert str(start.tzinfo) == "America/New_York"
    assert event.decoded("dtend") - start == __import__("datetime").timedelta(minutes=60)
    assert str(event["url"]) == f"{BASE}networks/test-vln/1/"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert "2 of 3 sessions have no known day" in str(calendar["x-wr-caldesc"])


def test_a_day_without_a_time_is_an_all_day_event() -> None:
    catalog = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
    series = catalog.series["test-vln"]
    first = series.sessions[0]
    object.__setattr__(first, "time", None)
    calendar = Calendar.from_ical(series_calendar(series, catalog.site, BuildInfo(BASE, NOW)))
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("dtstart") == date(2017, 1, 12)
    assert event.decoded("dtend") == date(2017, 1, 13)


def test_a_series_with_no_dated_session_gets_no_calendar_and_no_link(shipped_site: Path) -> None:
    """RFC 5545 needs at least one component: 8 sessions with no known day make no file and no offer."""
    assert not (shipped_site / "calendar" / "integrating-peer-support-2017.ics").exists()
    page = (shipped_site / "networks" / "integrating-peer-support-2017" / "index.html").read_text(encoding="utf-8")
    assert ".ics" not in page
    assert "calendar" not in page.split('id="sessions"', 1)[1].split("</section>", 1)[0].lower()


def test_built_site_serves_feed_and_calendar_and_links_them(fixture_site: Path) -> None:
    feed = ET.parse(fixture_site / "feed.xml").getroot()
    assert feed.tag == f"{{{ATOM}}}feed"
    assert len(feed.findall("a:entry", NS)) == 5
    ics = Calendar.from_ical((fixture_site / "calendar" / "test-vln.ics").read_bytes())
    assert len(list(ics.walk("VEVENT"))) == 1
    series_page = (fixture_site / "networks" / "test-vln" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../calendar/test-vln.ics"' in series_page
    for page in fixture_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        redirect = 'http-equiv="refresh"' in text  # an old address of a renamed item (calm-teams-program)
        if "<head>" in text and page.parent.name != "admin" and not redirect:  # the editor is not a page of the site
            assert 'type="application/atom+xml"' in text, page
