"""One page per item of every kind in macros/content/kinds.py, and one per series session."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from macros.content import model as m
from macros.content import plans
from macros.content.kinds import KINDS
from macros.content.learning import Keepable, keepables
from macros.content.model import untitled
from macros.content.plans import downloads
from macros.content.routes import item_path, series_path, session_path, source_uri
from macros.content.values.text import Untranslated
from macros.site.language import ENGLISH, Language
from macros.site.listings import topic_groups
from macros.site.relations import Relations
from macros.site.render import render
from macros.site.transcripts import caption_cues

_ID = re.compile(r'\sid="([^"]+)"')
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml writes the same front matter six times faster: 0.66 s of CPU less per 6,000 pages."""


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    """Directory-style address without a leading slash."""
    title: str
    html: str
    untranslated: bool = False
    """On a page in another language: no translation gives a word of its item, so its text is all in English."""

    @property
    def src_uri(self) -> str:
        return source_uri(self.path)

    @property
    def title_lang(self) -> str:
        """`en` when the title is English on a page in another language (no translation gives it), else ``."""
        return "en" if isinstance(self.title, Untranslated) else ""

    @property
    def anchor_ids(self) -> set[str]:
        """Every `id` in the page, so links to `page/#anchor` can be checked without parsing the HTML again."""
        return {html.unescape(found) for found in _ID.findall(self.html)}

    def markdown(self) -> str:
        """As a Markdown file (the benchmark's baseline writes these): front matter plus one raw HTML block.

        The title is stored HTML-escaped because themes print `page.title` without escaping.
        """
        meta = {"title": str(escape(self.title)), "render_macros": False}
        return f"---\n{yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)}---\n\n{self.html}\n"


def _page(template: str, path: str, page_title: str, inputs: PageInputs, key: str, **context: object) -> GeneratedPage:
    """`template` as the page at `path` (without the language's prefix) in the inputs' language, for the item `key`
    (`kind:id`)."""
    here = inputs.language.path(path)
    html = render(template, here, inputs.language, catalog=inputs.catalog, **context)
    return GeneratedPage(here, page_title, html, key in inputs.catalog.untranslated)


@dataclass(frozen=True)
class PageInputs:
    """What item pages are made from: the catalog, its relations, and the sizes of the files the outputs made."""

    catalog: m.Catalog
    relations: Relations
    file_sizes: Mapping[str, int]
    """Bytes of each output file by its path in the site: download links show them."""
    docs_dir: Path | None = None
    """Where recordings' `.vtt` files are, for their timestamped transcripts; None leaves them out."""
    language: Language = ENGLISH
    """The pages' language: the catalog's, the interface's, the addresses' prefix."""
    sources: m.Catalog | None = None
    """The English catalog, when `catalog` is a translation: what a form's choices keep as their value."""

    @cached_property
    def keep(self) -> dict[str, Keepable]:
        """What a person can save (or mark as watched) in My learning, by page address: the page's controls."""
        return {each.path: each for each in keepables(self.catalog, self.language)}


def _series_pages(series: m.Series, inputs: PageInputs) -> Iterator[GeneratedPage]:
    relations, words = inputs.relations, inputs.language
    path = series_path(series)
    members = relations.archive_trainings.get(series.id, [])
    templates = relations.plans_by_series.get(series.id, [])
    key, keep = f"series:{series.id}", inputs.keep
    yield _page(
        "series.html",
        path,
        series.title,
        inputs,
        key,
        item=series,
        members=members,
        plans=templates,
        keep=keep.get(path),
    )
    sessions = series.sessions
    for position, session in enumerate(sessions):
        previous = sessions[position - 1] if position else None
        following = sessions[position + 1] if position + 1 < len(sessions) else None
        yield _page(
            "session.html",
            session_path(series, session),
            untitled(session, words),
            inputs,
            key,
            item=session,
            series=series,
            title=untitled(session, words),
            previous=previous,
            previous_title=untitled(previous, words) if previous else "",
            next=following,
            next_title=untitled(following, words) if following else "",
            cues=caption_cues(session.recording, inputs.docs_dir),
            keep=keep.get(session_path(series, session)),
        )


def _training(item: m.Training, inputs: PageInputs) -> dict[str, object]:
    return {
        "series": inputs.catalog.series.get(item.series or ""),
        "cues": caption_cues(item.recording, inputs.docs_dir),
    }


def _person(item: m.Person, inputs: PageInputs) -> dict[str, object]:
    relations = inputs.relations
    return {
        "entries": relations.by_person.get(item.id, []),
        "facilitated": relations.facilitated.get(item.id, []),
        "expert_on": relations.expert_on.get(item.id, []),
    }


def _topic(item: m.Topic, inputs: PageInputs) -> dict[str, object]:
    return {"groups": topic_groups(item.id, inputs.relations)}


def _service(item: m.Service, inputs: PageInputs) -> dict[str, object]:
    return {"plans": inputs.relations.plans_by_service.get(item.id, [])}


def _action_plan(item: m.ActionPlan, inputs: PageInputs) -> dict[str, object]:
    source = (inputs.sources or inputs.catalog).action_plans[item.id]
    return {
        "files": downloads(item),
        "file_sizes": inputs.file_sizes,
        "keys": plans,
        "answers_format": plans.ANSWERS_FORMAT,
        "source": source,
    }


PAGE_CONTEXT: dict[str, Callable[[Any, PageInputs], dict[str, object]]] = {
    "training": _training,
    "person": _person,
    "topic": _topic,
    "service": _service,
    "action_plan": _action_plan,
}
"""What a kind's template needs besides the item; a kind not named here gets the item and the catalog only.
Series make their own pages and their sessions' (`_series_pages`)."""


def generate_pages(inputs: PageInputs) -> list[GeneratedPage]:
    """Render every item page once, in the inputs' language; a function of the catalog, its relations, the output
    files' sizes and the caption files under `docs_dir`."""
    catalog = inputs.catalog
    pages: list[GeneratedPage] = []
    for kind in KINDS:
        if kind.name == "series":
            for series in catalog.series.values():
                pages.extend(_series_pages(series, inputs))
            continue
        for item in kind.items(catalog).values():
            title = getattr(item, "title", None) or item.name
            context = PAGE_CONTEXT[kind.name](item, inputs) if kind.name in PAGE_CONTEXT else {}
            path, key = item_path(kind.name, item.id), f"{kind.name}:{item.id}"
            context["keep"] = inputs.keep.get(path)
            pages.append(_page(kind.template, path, title, inputs, key, item=item, **context))
    return pages
