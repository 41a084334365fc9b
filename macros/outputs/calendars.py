"""`/calendar/<series>.ics`: one RFC 5545 event per session whose day is known, built with `icalendar`.

A session known only by its month stays on the series page and out of the file; the calendar's description
says how many were left out, so nobody mistakes a gap for a cancelled session. A series with no session on a
known day gets no file at all: RFC 5545 requires at least one component, and an empty calendar helps nobody.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from macros.content import model as m
from macros.content.model import untitled
from macros.content.routes import calendar_path, session_path
from macros.content.words import N_
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.relations import Relations


def _when(session: m.SeriesSession, zone: ZoneInfo | None) -> tuple[date | datetime, date | datetime]:
    """All-day when only the day is known; a timed event in the site's zone when the start time is known."""
    assert session.date is not None
    day = date(session.date.year, session.date.month, session.date.day)
    if session.time is None:
        return day, day + timedelta(days=1)
    hours, minutes = (int(part) for part in session.time.split(":"))
    start = datetime.combine(day, time(hours, minutes), tzinfo=zone)
    return start, start + timedelta(minutes=session.duration or 60)


def _event(series: m.Series, session: m.SeriesSession, info: BuildInfo, zone: ZoneInfo | None) -> Event:
    event = Event()
    host = urlsplit(info.site_url).hostname or "learning-hub"
    event.add("uid", f"{series.id}-session-{session.number}@{host}")
    event.add("dtstamp", info.now or datetime.now(UTC))
    start, end = _when(session, zone)
    event.add("dtstart", start)
    if session.time is None or session.duration:
        event.add("dtend", end)
    words = info.language
    summary = words.gettext(N_("%(series)s: session %(number)s: %(title)s"))
    event.add(
        "summary", summary % {"series": series.title, "number": session.number, "title": untitled(session, words)}
    )
    url = info.site_url + words.path(session_path(series, session))
    description = " ".join((session.summary or "").split())
    event.add("description", f"{description}\n\n{url}".strip())
    event.add("url", url)
    return event


def series_calendar(series: m.Series, site: m.Site, info: BuildInfo) -> bytes:
    zone = ZoneInfo(site.timezone) if site.timezone else None
    dated = [s for s in series.sessions if s.date is not None and s.date.has_day]
    calendar = Calendar()
    calendar.add("prodid", f"-//{site.organization}//{site.title}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", series.title)
    if site.timezone:
        calendar.add("x-wr-timezone", site.timezone)
    left_out = len(series.sessions) - len(dated)
    say = info.language.gettext
    note = say(N_("Sessions of %(series)s with a known day.")) % {"series": series.title}
    if left_out:
        note += " " + say(N_("%(left_out)s of %(total)s sessions have no known day and are not in this file.")) % {
            "left_out": left_out,
            "total": len(series.sessions),
        }
    calendar.add("x-wr-caldesc", note)
    for session in dated:
        calendar.add_component(_event(series, session, info, zone))
    if dated:
        # Only the rules for the years the sessions span, not 1970 to 2038: the file stays small.
        years = [s.date.year for s in dated if s.date]
        calendar.add_missing_timezones(first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1))
    return bytes(calendar.to_ical())


def has_calendar(series: m.Series) -> bool:
    """Whether the series gets a calendar file: only when at least one session has a known day."""
    return any(s.date is not None and s.date.has_day for s in series.sessions)


def calendar_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> Iterator[OutputFile]:
    for series in catalog.series.values():
        if has_calendar(series):
            yield OutputFile(info.language.path(calendar_path(series)), series_calendar(series, catalog.site, info))
