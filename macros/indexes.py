"""Reverse links between items, computed once per build so no page walks the whole catalog."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from macros import model as m
from macros.dates import PartialDate
from macros.model import untitled
from macros.routes import item_path, series_path, session_path


@dataclass(frozen=True)
class Entry:
    """One recorded training as a listing shows it: a standalone training or a session of a series."""

    title: str
    path: str
    date: PartialDate | None
    presenters: tuple[str, ...]
    topics: tuple[str, ...]
    audiences: tuple[str, ...]
    recording: m.Recording | None
    series: m.Series | None = None
    number: int | None = None
    delivery: m.Delivery | None = None
    summary: str | None = None


def training_entry(training: m.Training, catalog: m.Catalog) -> Entry:
    series = catalog.series.get(training.series or "")
    return Entry(
        title=training.title,
        path=item_path("training", training.id),
        date=training.date,
        presenters=training.presenters,
        topics=training.topics,
        audiences=training.audiences,
        recording=training.recording,
        series=series,
        delivery=training.delivery,
        summary=training.summary,
    )


def session_entry(series: m.Series, session: m.SeriesSession) -> Entry:
    """A session inherits its series' topics and audiences, and its facilitators when it names no presenter."""
    return Entry(
        title=untitled(session),
        path=session_path(series, session),
        date=session.date,
        presenters=session.presenters or series.facilitators,
        topics=series.topics,
        audiences=series.audiences,
        recording=session.recording,
        series=series,
        number=session.number,
        summary=session.summary,
    )


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Newest dated entries first; undated ones after, in series order."""

    def key(entry: Entry) -> tuple[bool, PartialDate, str]:
        return (entry.date is not None, entry.date or PartialDate(0), entry.series.title if entry.series else "")

    dated = sorted((entry for entry in entries if entry.date), key=key, reverse=True)
    return dated + [entry for entry in entries if not entry.date]


@dataclass
class Indexes:
    entries: list[Entry] = field(default_factory=list)
    """Every recorded training (standalone and series sessions), newest first."""
    by_person: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    facilitated: dict[str, list[m.Series]] = field(default_factory=lambda: defaultdict(list))
    by_topic: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    series_by_topic: dict[str, list[m.Series]] = field(default_factory=lambda: defaultdict(list))
    programs_by_topic: dict[str, list[m.Program]] = field(default_factory=lambda: defaultdict(list))
    services_by_topic: dict[str, list[m.Service]] = field(default_factory=lambda: defaultdict(list))
    archive_trainings: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    plans_by_topic: dict[str, list[m.ActionPlan]] = field(default_factory=lambda: defaultdict(list))
    """Action-plan templates that declare the topic, in title order."""
    plans_by_series: dict[str, list[m.ActionPlan]] = field(default_factory=lambda: defaultdict(list))
    plans_by_service: dict[str, list[m.ActionPlan]] = field(default_factory=lambda: defaultdict(list))


def build_indexes(catalog: m.Catalog) -> Indexes:
    index = Indexes()
    entries = [training_entry(training, catalog) for training in catalog.trainings.values()]
    for series in catalog.series.values():
        entries.extend(session_entry(series, session) for session in series.sessions)
        for person in series.facilitators:
            index.facilitated[person].append(series)
        for topic in series.topics:
            index.series_by_topic[topic].append(series)
    index.entries = newest_first(entries)
    for entry in index.entries:
        for person in entry.presenters:
            index.by_person[person].append(entry)
        for topic in entry.topics:
            index.by_topic[topic].append(entry)
        if entry.series and entry.number is None:
            index.archive_trainings[entry.series.id].append(entry)
    for program in catalog.programs.values():
        for topic in program.topics:
            index.programs_by_topic[topic].append(program)
    for service in catalog.services.values():
        for topic in service.topics:
            index.services_by_topic[topic].append(service)
    _index_plans(catalog, index)
    return index


def _index_plans(catalog: m.Catalog, index: Indexes) -> None:
    """Plans by the topics, series and services they declare, in title order."""
    for plan in sorted(catalog.action_plans.values(), key=lambda plan: plan.title):
        for topic in plan.topics:
            index.plans_by_topic[topic].append(plan)
        for series_id in plan.series:
            index.plans_by_series[series_id].append(plan)
        for service_id in plan.services:
            index.plans_by_service[service_id].append(plan)


def single_page_kinds(catalog: m.Catalog) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    """Kinds whose items each have one page at `<section>/<id>/` (series add their sessions), with the items."""
    return (
        ("training", catalog.trainings),
        ("person", catalog.people),
        ("topic", catalog.topics),
        ("program", catalog.programs),
        ("service", catalog.services),
        ("action_plan", catalog.action_plans),
    )


def page_paths(catalog: m.Catalog) -> list[str]:
    """Every generated item page, for tests and link checks."""
    paths = [item_path(kind, item_id) for kind, items in single_page_kinds(catalog) for item_id in items]
    for series in catalog.series.values():
        paths.append(series_path(series))
        paths.extend(session_path(series, session) for session in series.sessions)
    return paths
