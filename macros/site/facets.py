"""Filter facets for the catalog and the programs directory: what each item is tagged with, and the options.

The page lists every item in HTML (readable without JavaScript); each item carries its values as short codes in
one-letter `data-*` attributes (`data-t="0 3"`), which the small filter script reads, so filtering needs no
second copy of the data. Checkboxes keep the readable values for the address (`?topic=peer-support`) and name
their code; the codes keep a 5,000-item catalog under 1.5 MB of HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from macros.content import model as m
from macros.content.words import N_
from macros.site.language import ENGLISH, Language
from macros.site.relations import Entry

UNKNOWN_YEAR = "unknown"
VLN_SESSION = "vln-session"
FORMAT_UNKNOWN = "unspecified"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    code: str
    """Short and unique within the facet: the option's position in base 36."""


@dataclass(frozen=True)
class Facet:
    name: str
    """The query-string key."""
    label: str
    options: tuple[Option, ...]

    @property
    def key(self) -> str:
        """The `data-` attribute suffix: the name's first letter (unique among a page's facets)."""
        return self.name[0]

    @cached_property
    def _codes(self) -> dict[str, str]:
        return {option.value: option.code for option in self.options}

    def encode(self, values: Iterable[str]) -> str:
        return " ".join(self._codes[value] for value in values)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


def entry_values(entry: Entry) -> dict[str, tuple[str, ...]]:
    """The facet values of one training or session, as the `data-*` attributes carry them."""
    is_session = entry.series is not None and entry.number is not None
    fmt = VLN_SESSION if is_session else entry.delivery or FORMAT_UNKNOWN
    available = entry.recording is not None and entry.recording.status == "available"
    return {
        "topic": entry.topics,
        "audience": entry.audiences,
        "format": (fmt,),
        "year": (str(entry.date.year) if entry.date else UNKNOWN_YEAR,),
        "recording": ("yes",) if available else ("no",),
    }


def program_values(program: m.Program) -> dict[str, tuple[str, ...]]:
    return {"rating": (program.rating.value,), "topic": program.topics}


FORMAT_LABELS: dict[str, str] = {
    **m.DELIVERY_LABELS,
    VLN_SESSION: N_("Learning-network session"),
    FORMAT_UNKNOWN: N_("Format not recorded"),
}
RECORDING_LABELS: dict[str, str] = {"yes": N_("Recording to watch"), "no": N_("No recording")}
"""The words of the recording badges."""


def _facet(
    name: str,
    label: str,
    items: Sequence[dict[str, tuple[str, ...]]],
    *,
    labels: Callable[[str], str],
    order: Callable[[str], Any] = str,
    reverse: bool = False,
) -> Facet:
    counts = Counter(value for values in items for value in values[name])
    ordered = sorted(counts, key=order, reverse=reverse)
    options = (Option(value, labels(value), counts[value], _base36(i)) for i, value in enumerate(ordered))
    return Facet(name, label, tuple(options))


def _years_newest_first(value: str) -> tuple[int, str]:
    return (0, "") if value == UNKNOWN_YEAR else (1, value)


def catalog_facets(entries: Iterable[Entry], catalog: m.Catalog, language: Language = ENGLISH) -> tuple[Facet, ...]:
    """Topic, audience, format, year and recording, with only the options some entry has, in `language`."""
    items = [entry_values(entry) for entry in entries]
    say = language.gettext

    def topic(value: str) -> str:
        return catalog.topics[value].title

    def audience(value: str) -> str:
        return catalog.audiences[value].title

    def year(value: str) -> str:
        return language.date(None) if value == UNKNOWN_YEAR else value

    return (
        _facet("topic", say(N_("Topic")), items, labels=topic, order=topic),
        _facet("audience", say(N_("Audience")), items, labels=audience, order=audience),
        _facet(
            "format",
            say(N_("Format")),
            items,
            labels=lambda value: say(FORMAT_LABELS[value]),
            order=list(FORMAT_LABELS).index,
        ),
        _facet("year", say(N_("Year")), items, labels=year, order=_years_newest_first, reverse=True),
        _facet(
            "recording", say(N_("Recording")), items, labels=lambda value: say(RECORDING_LABELS[value]), reverse=True
        ),
    )


def program_facets(
    programs: Iterable[m.Program], catalog: m.Catalog, language: Language = ENGLISH
) -> tuple[Facet, ...]:
    items = [program_values(program) for program in programs]
    scale = list(m.RATING_LABELS)
    say = language.gettext

    def topic(value: str) -> str:
        return catalog.topics[value].title

    return (
        _facet(
            "rating", say(N_("Rating")), items, labels=lambda v: f"{v}: {say(m.RATING_LABELS[v])}", order=scale.index
        ),
        _facet("topic", say(N_("Topic")), items, labels=topic, order=topic),
    )
