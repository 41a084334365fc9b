"""What search knows about each built page: its kind and date, its words, the words that mean the same.

The index itself is Pagefind's (macros/publish/search_index.py): a chunked full-text index, so the browser fetches
only the parts a query needs. This module decides what each page contributes. Every word of the page's article
counts, and so do words the page only links to: a recording's transcript file and its WebVTT captions are indexed
as part of the training or session they belong to. Each page carries its kind ("Training", "Person"…) and date
as Pagefind metadata and a `kind` filter. Its words and its title count by its kind's `search_boost`, so the page
*about* a word (the service, the person) outranks pages that mention it. Synonyms (sessions/synonyms.yaml) are
applied by the search box to the query, not to the pages: `synonyms_json` is what it reads.

Each language is its own index: Pagefind splits pages by their `<html lang>`, and the box on a Spanish page loads
the Spanish one, whose kinds and dates are in Spanish (the box translates its kind menu with the same catalog).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.content import model as m
from macros.content.kinds import KINDS
from macros.content.routes import item_path, series_path, session_path
from macros.content.words import N_
from macros.site.language import ENGLISH, Language
from macros.site.transcripts import cues_of

PAGE_KIND = N_("Page")
"""Hand-written pages: section listings, help, the guide for maintainers."""
KIND_WORDS = {
    "topic": N_("Topic"),
    "person": N_("Person"),
    "training": N_("Training"),
    "program": N_("Program"),
    "service": N_("Service"),
    "action_plan": N_("Action plan"),
}
"""What each result says it is; series are a "Learning network" or an "Archive", their sessions a "Session". The
search box lists the same words, translated by the same catalog, in its kind menu (docs/javascripts/search.js)."""
SESSION_WORD = N_("Session")
SERIES_WORDS = {"vln": (N_("Learning network"), N_("virtual learning network")), "archive": (N_("Archive"), "")}
"""A series' kind, and what it is about (weighted with its title), for each kind of series."""
TITLE_WEIGHT = 7.0
"""Pagefind's own weight for an h1."""
MAX_WEIGHT = 10.0
LISTING_BOOST = 0.5
"""Section pages and the home page list items that have pages of their own: the item's page should come first."""
TEXT_SUFFIXES = (".md", ".txt", ".html", ".vtt")
"""Linked files whose words belong to the page: transcripts, and captions with their timings dropped."""
SKIPPED = ("404.html", "search/index.html", "my-learning/certificate/index.html", "my-learning/record/index.html")
"""Pages that are never a search result (in every language): the not-found page, the search page itself, and the
two documents made from a person's own record (My learning, which links them, is found)."""

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_H1_OPEN = re.compile(r"<h1\b")
_TAG = re.compile(r"<[^>]+>")
_REDIRECT = re.compile(r'<meta http-equiv="refresh"', re.I)
_FORM = re.compile(r"<(/?)form\b")
"""Pagefind skips forms; an action plan's prompts and the labels of its choices are in one."""


@dataclass(frozen=True)
class PageLabel:
    """What a result shows besides its title and excerpt, and how the page ranks."""

    kind: str
    date: str = ""
    """Readable (`14 March 2017`); empty for kinds without a date (people, topics, services)."""
    boost: float = 1.0
    """The kind's `search_boost`: 8 for a support service, 1 for a training."""
    files: tuple[str, ...] = ()
    """Files under docs/ (transcripts, captions) whose words are this page's."""
    about: str = ""
    """Words that say what the page is, weighted with its title: "virtual learning network" for a VLN."""


def _recording_files(recording: m.Recording | None) -> tuple[str, ...]:
    if recording is None:
        return ()
    named = (recording.transcript, recording.captions)
    return tuple(path for path in named if path and path.endswith(TEXT_SUFFIXES))


def _series_labels(series: m.Series, boost: float, language: Language) -> Iterator[tuple[str, PageLabel]]:
    say = language.gettext
    word, about = SERIES_WORDS[series.kind]
    span = language.span(series.start, series.end)
    yield series_path(series), PageLabel(say(word), span, boost, about=say(about) if about else "")
    for session in series.sessions:
        label = PageLabel(say(SESSION_WORD), language.date(session.date), 1.0, _recording_files(session.recording))
        yield session_path(series, session), label


def _item_label(kind_name: str, item: object, boost: float, language: Language) -> PageLabel:
    """A training always says when it was held, or that nobody recorded it; people, topics and services have no
    date."""
    word = language.gettext(KIND_WORDS[kind_name])
    if isinstance(item, m.Training):
        return PageLabel(word, language.date(item.date), boost, _recording_files(item.recording))
    if isinstance(item, m.ActionPlan):
        return PageLabel(word, language.date(item.updated), boost)
    return PageLabel(word, "", boost)


def page_labels(catalog: m.Catalog, language: Language = ENGLISH) -> dict[str, PageLabel]:
    """Every generated page's label by address (`people/leah-harris/`, `es/people/leah-harris/`); section pages rank
    below the items they list; other hand-written pages get `PAGE_KIND` when they are indexed."""
    listing = PageLabel(language.gettext(PAGE_KIND), boost=LISTING_BOOST)
    labels: dict[str, PageLabel] = {"": listing}
    for kind in KINDS:
        labels[kind.section_page.removesuffix("index.md")] = listing
        boost = kind.search_boost or 1.0
        if kind.name == "series":
            for series in catalog.series.values():
                labels.update(_series_labels(series, boost, language))
            continue
        for item in kind.items(catalog).values():
            labels[item_path(kind.name, item.id)] = _item_label(kind.name, item, boost, language)
    return {language.path(path): label for path, label in labels.items()}


def caption_text(vtt: str) -> str:
    """The spoken words of a WebVTT file, read by the same parser as the page's caption lines."""
    return " ".join(cue.text for cue in cues_of(vtt))


def file_text(docs_dir: Path, path: str) -> str:
    """A transcript's or caption file's words, as plain text for the index."""
    source = docs_dir / path
    if not source.is_file():
        return ""
    text = source.read_text(encoding="utf-8", errors="replace")
    if path.endswith(".vtt"):
        return caption_text(text)
    return html.unescape(_TAG.sub(" ", text)) if path.endswith(".html") else text


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def synonyms_json(synonyms: Iterable[m.Synonyms], language: str = "en") -> str:
    """The synonym groups of `language` for its search box, which searches every form of a term the query uses and
    merges the results: the excerpt then marks the words the page really has."""
    groups = [list(group.terms) for group in synonyms if group.lang == language]
    return json.dumps(groups, ensure_ascii=False, separators=(",", ":"))


def _weighted(text: str, weight: float) -> str:
    return f'<p data-pagefind-weight="{min(weight, MAX_WEIGHT):g}">{html.escape(text)}</p>'


def body_weight(boost: float) -> float:
    """Every word of a page counts by its kind: 2 on a support service (boost 8), 1 on a training, ½ on a list."""
    return round(1 + (boost - 1) / 7, 2) if boost >= 1 else boost


def title_weight(boost: float) -> float:
    """The title counts by kind too: 10 for a support service, Pagefind's 7 for an h1 on a training or a list."""
    return round(min(MAX_WEIGHT, TITLE_WEIGHT + 3 * (boost - 1) / 7), 2) if boost > 1 else TITLE_WEIGHT


def index_document(page_html: str, label: PageLabel, extra_text: str, language: str = "en") -> str | None:
    """The HTML Pagefind indexes for one built page (never served): its article with the title weighted by kind,
    what the page is about, the linked files' words, and its kind and date, in the page's language (Pagefind keeps
    an index per language). None for a page without an article."""
    if _REDIRECT.search(page_html[:2000]):
        return None
    match = _ARTICLE.search(page_html)
    if match is None:
        return None
    article = _FORM.sub(r"<\1div", match.group(1))
    weight = title_weight(label.boost)
    article = _H1_OPEN.sub(f'<h1 data-pagefind-weight="{weight:g}"', article, count=1)
    parts = [f'<div data-pagefind-weight="{body_weight(label.boost):g}">{article}</div>']
    if label.about:
        parts.append(_weighted(label.about, weight))
    if extra_text:
        parts.append(f"<section>{html.escape(extra_text)}</section>")
    meta = [f"kind:{label.kind}"] + ([f"date:{label.date}"] if label.date else [])
    parts.extend(f'<span data-pagefind-meta="{html.escape(each)}"></span>' for each in meta)
    parts.append(f'<span data-pagefind-filter="kind:{html.escape(label.kind)}"></span>')
    body = "".join(parts)
    return f'<!doctype html><html lang="{language}"><body><main data-pagefind-body>{body}</main></body></html>'


def page_path(relative: str) -> str:
    """`people/leah-harris/index.html` → `people/leah-harris/`, the key of `page_labels`."""
    return relative.removesuffix("index.html")


def index_documents(
    site_dir: Path,
    docs_dir: Path,
    labels: Mapping[str, PageLabel],
    languages: Iterable[Language] = (ENGLISH,),
    only: Language | None = None,
) -> Iterator[tuple[str, str]]:
    """(address, HTML to index) for every page of the built site that can be a result, in a stable order; a page
    under a language's prefix (`es/`) is indexed in that language. With `only`, the pages of that language alone."""
    others = [language for language in languages if language.prefix]
    for source in sorted(site_dir.rglob("*.html")):
        relative = source.relative_to(site_dir).as_posix()
        language = next((each for each in others if relative.startswith(each.prefix)), ENGLISH)
        if only is not None and language.code != only.code:
            continue
        own = relative.removeprefix(language.prefix)
        if own in SKIPPED or own.startswith(("pagefind/", "files/", "admin/")):
            continue
        path = page_path(relative)
        label = labels.get(path, PageLabel(language.gettext(PAGE_KIND)))
        extra = " ".join(file_text(docs_dir, name) for name in label.files)
        document = index_document(source.read_text(encoding="utf-8"), label, extra, language.code)
        if document is not None:
            yield f"/{path}", document
