"""Relations between items (a person's trainings, a topic's items), computed once per build so no page walks
the whole catalog."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from macros.content import model as m
from macros.content.kinds import KINDS, Kind
from macros.content.model import untitled
from macros.content.routes import item_path, session_path
from macros.content.values.dates import PartialDate
from macros.content.words import ENGLISH, Wording


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


def session_entry(series: m.Series, session: m.SeriesSession, words: Wording = ENGLISH) -> Entry:
    """A session inherits its series' topics and audiences, and its facilitators when it names no presenter."""
    return Entry(
        title=untitled(session, words),
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
class Relations:
    """Who links to whom, computed once per build: a person's trainings, a topic's items, a series' templates."""

    entries: list[Entry] = field(default_factory=list)
    """Every recorded training (standalone and series sessions), newest first."""
    by_person: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    facilitated: dict[str, list[m.Series]] = field(default_factory=lambda: defaultdict(list))
    expert_on: dict[str, list[m.Topic]] = field(default_factory=lambda: defaultdict(list))
    """Topics by the id of a person named as their expert."""
    on_topic: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    """Kind name → topic id → the items of that kind on the topic, for kinds with `on_topics`.
    Trainings are listed as entries (series sessions included), newest first; series latest start first;
    action-plan templates by title; the rest in catalog order."""
    archive_trainings: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    plans_by_series: dict[str, list[m.ActionPlan]] = field(default_factory=lambda: defaultdict(list))
    plans_by_service: dict[str, list[m.ActionPlan]] = field(default_factory=lambda: defaultdict(list))

    def topic_items(self, kind_name: str, topic_id: str) -> list[Any]:
        return self.on_topic.get(kind_name, {}).get(topic_id, [])


def newest_series(series: Iterable[m.Series]) -> list[m.Series]:
    """Latest start first; series with no known start last."""
    return sorted(series, key=lambda s: (s.start or PartialDate(0), s.title), reverse=True)


def _listed_on_topics(kind: Kind, catalog: m.Catalog, entries: list[Entry]) -> list[Any]:
    """The items of `kind` in the order a topic page lists them."""
    if kind.name == "training":
        return entries
    items = list(kind.items(catalog).values())
    if kind.name == "series":
        return newest_series(items)
    if kind.name == "action_plan":
        return sorted(items, key=lambda plan: plan.title)
    return items


def _link_experts(catalog: m.Catalog, relations: Relations) -> None:
    """A topic's experts link back to it from their pages."""
    for topic in catalog.topics.values():
        for person in topic.experts:
            relations.expert_on[person].append(topic)


def build_relations(catalog: m.Catalog, words: Wording = ENGLISH) -> Relations:
    """The relations of `catalog`; `words` names what needs naming (an untitled session) in its language."""
    relations = Relations()
    entries = [training_entry(training, catalog) for training in catalog.trainings.values()]
    for series in catalog.series.values():
        entries.extend(session_entry(series, session, words) for session in series.sessions)
        for person in series.facilitators:
            relations.facilitated[person].append(series)
    relations.entries = newest_first(entries)
    _link_experts(catalog, relations)
    for entry in relations.entries:
        for person in entry.presenters:
            relations.by_person[person].append(entry)
        if entry.series and entry.number is None:
            relations.archive_trainings[entry.series.id].append(entry)
    for kind in KINDS:
        if kind.on_topics is None:
            continue
        by_topic: dict[str, list[Any]] = defaultdict(list)
        for item in _listed_on_topics(kind, catalog, relations.entries):
            for topic in item.topics:
                by_topic[topic].append(item)
        relations.on_topic[kind.name] = by_topic
    for plan in sorted(catalog.action_plans.values(), key=lambda plan: plan.title):
        for series_id in plan.series:
            relations.plans_by_series[series_id].append(plan)
        for service_id in plan.services:
            relations.plans_by_service[service_id].append(plan)
    return relations
