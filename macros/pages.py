"""One page per item: trainings, series, sessions, people, topics, programs and services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import escape

from macros import model as m
from macros import plans
from macros.indexes import Indexes, build_indexes
from macros.listings import topic_groups
from macros.model import untitled
from macros.plan_files import plan_files
from macros.render import render
from macros.routes import item_path, series_path, session_path, source_uri

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml writes the same front matter six times faster: 0.66 s of CPU less per 6,000 pages."""


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    """Directory-style address without a leading slash."""
    title: str
    html: str

    @property
    def src_uri(self) -> str:
        return source_uri(self.path)

    def markdown(self) -> str:
        """Front matter plus one raw HTML block: no YAML text is ever read as Markdown or template code.

        The title is stored HTML-escaped because themes print `page.title` without escaping.
        """
        meta = {"title": str(escape(self.title)), "render_macros": False}
        return f"---\n{yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---\n\n{self.html}\n"


def _page(template: str, path: str, page_title: str, catalog: m.Catalog, **context: object) -> GeneratedPage:
    html = render(template, path, catalog=catalog, **context)
    return GeneratedPage(path, page_title, html)


def _series_pages(catalog: m.Catalog, index: Indexes, series: m.Series) -> Iterator[GeneratedPage]:
    path = series_path(series)
    members = index.archive_trainings.get(series.id, [])
    templates = index.plans_by_series.get(series.id, [])
    yield _page("series.html", path, series.title, catalog, item=series, members=members, plans=templates)
    sessions = series.sessions
    for position, session in enumerate(sessions):
        previous = sessions[position - 1] if position else None
        following = sessions[position + 1] if position + 1 < len(sessions) else None
        yield _page(
            "session.html",
            session_path(series, session),
            untitled(session),
            catalog,
            item=session,
            series=series,
            title=untitled(session),
            previous=previous,
            previous_title=untitled(previous) if previous else "",
            next=following,
            next_title=untitled(following) if following else "",
        )


def _item_page(kind: str, item_id: str, title: str, catalog: m.Catalog, **context: object) -> GeneratedPage:
    return _page(f"{kind}.html", item_path(kind, item_id), title, catalog, **context)


def _person_page(catalog: m.Catalog, index: Indexes, person: m.Person) -> GeneratedPage:
    return _item_page(
        "person", person.id, person.name, catalog, item=person,
        entries=index.by_person.get(person.id, []),
        facilitated=index.facilitated.get(person.id, []),
    )  # fmt: skip


def _topic_page(catalog: m.Catalog, index: Indexes, topic: m.Topic) -> GeneratedPage:
    return _item_page("topic", topic.id, topic.title, catalog, item=topic, groups=topic_groups(topic.id, index))


def generate_pages(catalog: m.Catalog, index: Indexes | None = None) -> list[GeneratedPage]:
    """Render every item page once; pure function of the catalog."""
    index = index or build_indexes(catalog)
    pages = [
        _item_page("training", item.id, item.title, catalog, item=item, series=catalog.series.get(item.series or ""))
        for item in catalog.trainings.values()
    ]
    for series in catalog.series.values():
        pages.extend(_series_pages(catalog, index, series))
    pages.extend(_person_page(catalog, index, person) for person in catalog.people.values())
    pages.extend(_topic_page(catalog, index, topic) for topic in catalog.topics.values())
    pages.extend(_item_page("program", p.id, p.name, catalog, item=p) for p in catalog.programs.values())
    pages.extend(
        _item_page("service", s.id, s.title, catalog, item=s, plans=index.plans_by_service.get(s.id, []))
        for s in catalog.services.values()
    )
    pages.extend(
        _item_page(
            "action_plan",
            plan.id,
            plan.title,
            catalog,
            item=plan,
            files=plan_files(plan),
            keys=plans,
            answers_format=plans.ANSWERS_FORMAT,
        )
        for plan in catalog.action_plans.values()
    )
    return pages
