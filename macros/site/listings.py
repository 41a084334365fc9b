"""What hand-written pages show: indexes, the catalog, schedules, programs, the newest trainings, the help lines.

Each is a pure function of the catalog (of the page's language) rendered through an autoescaped template in that
language; `macros/edge/entry.py` wraps them as mkdocs-macros macros. An unknown id raises `UnknownId`, which fails
the build with the page's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from macros.content import model as m
from macros.content.kinds import BY_NAME, KINDS, Kind
from macros.content.learning import SESSION
from macros.content.plans import downloads
from macros.content.words import N_
from macros.site.facets import Facet, Option, catalog_facets, entry_values, program_facets, program_values
from macros.site.helplines import help_actions
from macros.site.language import ENGLISH, Language
from macros.site.relations import Relations, newest_series
from macros.site.render import render

T = TypeVar("T")


class UnknownId(ValueError):
    """A macro was called with an id no YAML file defines."""


def known(items: Mapping[str, T], item_id: str, call: str) -> T:
    """The item with `item_id`, or an error that lists the ids that do exist."""
    if item_id in items:
        return items[item_id]
    choices = ", ".join(sorted(items)) or "none"
    raise UnknownId(f"{call}({item_id!r}): no such id; known ids: {choices}")


@dataclass(frozen=True)
class TopicGroup:
    """One kind's items on a topic page, in the order `Relations.on_topic` keeps them."""

    kind: Kind
    items: list[Any]


def topic_groups(topic_id: str, relations: Relations) -> list[TopicGroup]:
    """Everything on one topic, by kind in table order; kinds with nothing on the topic are left out."""
    groups = (TopicGroup(kind, relations.topic_items(kind.name, topic_id)) for kind in KINDS if kind.on_topics)
    return [group for group in groups if group.items]


def topic_total(topic_id: str, relations: Relations) -> int:
    return sum(len(group.items) for group in topic_groups(topic_id, relations))


def topic_listing(
    topic_id: str, catalog: m.Catalog, relations: Relations, here: str, language: Language = ENGLISH
) -> str:
    """Everything the site has on one topic, grouped by kind with counts."""
    known(catalog.topics, topic_id, "topic_listing")
    return render("topic_listing.html", here, language, catalog=catalog, groups=topic_groups(topic_id, relations))


def listing(
    kind_name: str,
    catalog: m.Catalog,
    relations: Relations,
    file_sizes: Mapping[str, int],
    here: str,
    *,
    level: int = 2,
    today: date | None = None,
    language: Language = ENGLISH,
) -> str:
    """Every item of a kind, linked, for the section's landing page at `here`; `level` is its sub-heading level."""
    if kind_name not in BY_NAME:
        raise UnknownId(f"listing({kind_name!r}): unknown kind; use one of: {', '.join(BY_NAME)}")
    extra: dict[str, object] = {}  # only what this kind's listing needs
    if kind_name == "series":
        extra["current"], extra["past"] = split_series(catalog, today or date.today())
    elif kind_name == "topic":
        extra["counts"] = {topic_id: topic_total(topic_id, relations) for topic_id in catalog.topics}
    elif kind_name == "action_plan":
        extra["downloads"], extra["file_sizes"] = downloads, file_sizes
    items = sorted(BY_NAME[kind_name].items(catalog).values(), key=lambda item: str(getattr(item, "title", "")))
    context = {"kind": kind_name, "catalog": catalog, "relations": relations, "level": level, "items": items}
    return render("listing.html", here, language, **context, **extra)


def split_series(catalog: m.Catalog, today: date) -> tuple[list[m.Series], list[m.Series]]:
    """Current series (no end, or ending this year or later) and past ones, each newest first."""

    ordered = newest_series(catalog.series.values())
    current = [s for s in ordered if s.end is None or s.end.year >= today.year]
    return current, [s for s in ordered if s not in current]


def catalog_list(catalog: m.Catalog, relations: Relations, here: str, language: Language = ENGLISH) -> str:
    """Every training and session, newest first, with facet filters that work without a server."""
    entries = relations.entries
    return render(
        "catalog.html",
        here,
        language,
        catalog=catalog,
        entries=entries,
        facets=catalog_facets(entries, catalog, language),
        values=entry_values,
    )


def for_your_role(catalog: m.Catalog, relations: Relations, here: str, language: Language = ENGLISH) -> str:
    """A way in for each group of providers: the catalog filtered to their role, with what it holds.

    Only roles some training or session is for, and only when the catalog offers that filter at all (a facet
    with one value has no checkboxes), so every link leads to a non-empty list.
    """
    facets = catalog_facets(relations.entries, catalog, language)
    audience = next(facet for facet in facets if facet.name == "audience")
    options = audience.options if len(audience.options) > 1 else ()
    return render("for_your_role.html", here, language, options=options)


def series_schedule(series_id: str, catalog: m.Catalog, here: str, language: Language = ENGLISH) -> str:
    """The numbered session table of one series, with its calendar file."""
    series = known(catalog.series, series_id, "series_schedule")
    return render("schedule.html", here, language, catalog=catalog, series=series)


def programs_table(topic_id: str | None, catalog: m.Catalog, here: str, language: Language = ENGLISH) -> str:
    """Programs (all, or those on one topic) with their ratings; the scale is explained once, above the table."""
    programs = sorted(catalog.programs.values(), key=lambda p: p.name.casefold())
    if topic_id is not None:
        known(catalog.topics, topic_id, "programs_table")
        programs = [program for program in programs if topic_id in program.topics]
    return render(
        "programs_table.html",
        here,
        language,
        catalog=catalog,
        programs=programs,
        facets=program_facets(programs, catalog, language),
        values=program_values,
        with_filter=topic_id is None,
    )


def latest(count: int, relations: Relations, catalog: m.Catalog, here: str, language: Language = ENGLISH) -> str:
    """The `count` newest dated trainings and sessions, for the home page."""
    if count < 1:
        raise UnknownId(f"latest({count!r}): give a number of trainings, 1 or more")
    newest = [entry for entry in relations.entries if entry.date][:count]
    return render("latest.html", here, language, catalog=catalog, entries=newest)


def help_lines(catalog: m.Catalog, here: str, language: Language = ENGLISH) -> str:
    """The site's lines, crisis lines first, with call, text and chat links that work on a phone.

    Support lines (a callback service after an incident) get their own heading: they are not for a crisis.
    """
    lines = catalog.site.help_lines
    crisis = [line for line in lines if line.kind == "crisis"]
    support = [line for line in lines if line.kind != "crisis"]
    return render("help_lines.html", here, language, site=catalog.site, crisis=crisis, support=support)


def crisis_bar(site: m.Site, language: Language = ENGLISH) -> list[dict[str, Any]]:
    """Each crisis line's name and its call, text and chat links, for the bar the theme shows on every page.

    A person in crisis must not reach a callback service from it: lines not marked `kind: crisis` stay on
    /get-help/. The line is named by its `short_name` (its `name` when it has none), so a second crisis line's
    number is never taken for 988's.
    """
    return [
        {"name": line.short_name or line.name, "links": help_actions(line, language)}
        for line in site.help_lines
        if line.kind == "crisis"
    ]


LEARNING_PARTS = {
    "overview": "learning.html",
    "certificate": "learning_certificate.html",
    "record": "learning_record.html",
}
"""The pages of My learning: the record itself, and the two documents made from it on the device."""
LEARNING_ITEMS = "my-learning/items.json"
"""What the site holds now (titles, addresses, renamed keys): macros/outputs/learning_items.py writes it."""


KEEP_LABELS = {
    "training": N_("Training"),
    "session": N_("Session"),
    "series": N_("Learning network or archive"),
    "program": N_("Evidence-rated program"),
    "service": N_("Support service"),
    "action-plan": N_("Action-plan template"),
}
"""What a provider calls each kind of item My learning keeps, by its key word (macros/content/learning.py)."""


def keep_kinds(language: Language = ENGLISH) -> dict[str, str]:
    """The kinds a person can keep, by the key word, with the name a provider knows them by; a kind marked
    savable in the table of kinds without a label here is a programming error (KeyError)."""
    words = [kind.word for kind in KINDS if kind.savable]
    if "series" in words:
        words.insert(words.index("series") + 1, SESSION)
    return {word: language.gettext(KEEP_LABELS[word]) for word in words}


def learning_facets(language: Language = ENGLISH) -> tuple[Facet, ...]:
    """Kept as (watched, saved) and kind; the years are added by the page's script from the record it reads."""
    say = language.gettext
    kept = (Option("watched", say(N_("Watched")), 0, "w"), Option("saved", say(N_("Saved for later")), 0, "s"))
    labels = keep_kinds(language).items()
    kinds = tuple(Option(word, label, 0, str(index)) for index, (word, label) in enumerate(labels))
    return (Facet("status", say(N_("Kept as")), kept), Facet("kind", say(N_("Kind")), kinds))


def my_learning(
    part: str,
    catalog: m.Catalog,
    relations: Relations,
    here: str,
    language: Language = ENGLISH,
    *,
    prefixes: tuple[str, ...] = (),
) -> str:
    """A page of My learning; the record lives in the browser, so these pages are its frame and its words.
    `prefixes` are the other languages' (`es/`): an address exported from any language's page imports as the same
    item path."""
    if part not in LEARNING_PARTS:
        raise UnknownId(f"my_learning({part!r}): use one of: {', '.join(LEARNING_PARTS)}")
    entries = relations.entries
    watchable = [entry for entry in entries if entry.recording and entry.recording.status == "available"]
    return render(
        LEARNING_PARTS[part],
        here,
        language,
        catalog=catalog,
        site=catalog.site,
        entries=entries,
        watchable=watchable,
        facets=learning_facets(language),
        kinds=keep_kinds(language),
        items_path=LEARNING_ITEMS,
        prefixes=prefixes,
    )
