"""Search: what each page gives Pagefind's index (full text, linked transcripts and captions, kind, date,
synonyms), and what the built sites serve (the index, no Material search, the box on every page)."""

from __future__ import annotations

import json
from pathlib import Path

from macros.content import model as m
from macros.content.load import load_catalog
from macros.site.search import (
    LISTING_BOOST,
    PAGE_KIND,
    PageLabel,
    caption_text,
    index_document,
    page_labels,
    synonyms_json,
)

from ..conftest import FIXTURES, ROOT, pagefind_fragments

VTT = """WEBVTT

NOTE spoken words only

1
00:00:00.000 --> 00:00:02.000
<v Ada>Welcome to the debrief.

00:00:02.000 --> 00:00:04.000 align:start
We talk about vicarious trauma.
"""
ARTICLE = (
    '<html><body><article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>'
)


def test_caption_text_keeps_the_spoken_words_only() -> None:
    assert caption_text(VTT) == "Welcome to the debrief. We talk about vicarious trauma."


def test_index_document_weights_by_kind_and_carries_kind_date_and_linked_text() -> None:
    page = ARTICLE.format(title="Postvention services", text="Signs &amp; <b>care</b>.")
    document = index_document(page, PageLabel("Service", "", 8.0, about="after a critical incident"), "words <x>")
    assert document is not None
    assert '<h1 data-pagefind-weight="10">Postvention services</h1>' in document
    assert '<div data-pagefind-weight="2">' in document, "every word of a service counts double"
    assert '<p data-pagefind-weight="10">after a critical incident</p>' in document
    assert '<span data-pagefind-meta="kind:Service"></span>' in document
    assert 'data-pagefind-filter="kind:Service"' in document
    assert "words &lt;x&gt;" in document
    dated = index_document(page, PageLabel("Training", "14 March 2017"), "")
    assert dated is not None
    assert '<span data-pagefind-meta="kind:Training"></span><span data-pagefind-meta="date:14 March 2017">' in dated
    assert '<h1 data-pagefind-weight="7">' in dated, "a training's title weighs as Pagefind weighs any h1"
    listing = index_document(page, PageLabel(PAGE_KIND, boost=LISTING_BOOST), "")
    assert listing is not None
    assert '<div data-pagefind-weight="0.5">' in listing


def test_synonyms_json_lists_the_groups() -> None:
    groups = [m.Synonyms(terms=("VLN", "virtual learning network")), m.Synonyms(terms=("R&S", "restraint"))]
    assert json.loads(synonyms_json(groups)) == [["VLN", "virtual learning network"], ["R&S", "restraint"]]


def test_pages_without_an_article_and_redirects_are_not_indexed() -> None:
    assert index_document("<html><body>nothing</body></html>", PageLabel(PAGE_KIND), "") is None
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=../new/"></head>' + ARTICLE.format(
        title="Moved", text="x"
    )
    assert index_document(redirect, PageLabel(PAGE_KIND), "") is None


def test_page_labels_name_every_kind_and_list_linked_transcripts() -> None:
    catalog = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
    labels = page_labels(catalog)
    assert labels["trainings/team-debrief/"].files == ("files/team-debrief.vtt",)
    assert labels["trainings/de-escalation-basics/"].date == "2 April 2019"
    assert labels["trainings/"] == PageLabel(PAGE_KIND, boost=LISTING_BOOST)
    kinds = {label.kind for label in labels.values()}
    assert {"Training", "Session", "Learning network", "Person", "Topic", "Program", "Service", "Action plan"} <= kinds


def test_shipped_synonyms_load_and_have_real_terms() -> None:
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs", root=ROOT)
    terms = {term for group in catalog.synonyms for term in group.terms}
    assert {"VLN", "STS", "TIC", "R&S", "CRM", "Community Resiliency Model"} <= terms


def test_built_site_has_pagefind_full_text_and_no_material_search(fixture_site: Path, shipped_site: Path) -> None:
    for site in (fixture_site, shipped_site):
        assert not (site / "search" / "search_index.json").exists(), "one search only"
        assert (site / "pagefind" / "pagefind.js").is_file()
        assert not list((site / "pagefind").glob("pagefind-*ui*")), "Pagefind's own UIs are not shipped"
        groups = json.loads((site / "pagefind" / "synonyms.json").read_text(encoding="utf-8"))
        assert ["VLN", "virtual learning network"] in groups
    fragments = {fragment["url"]: fragment for fragment in pagefind_fragments(fixture_site)}
    debrief = fragments["/trainings/team-debrief/"]
    assert debrief["meta"]["kind"] == "Training"
    vtt = (FIXTURES / "content" / "docs" / "files" / "team-debrief.vtt").read_text(encoding="utf-8")
    spoken = caption_text(vtt).split()
    assert " ".join(spoken[:4]) in debrief["content"], "caption text is indexed with its training"
    assert "/search/" not in fragments
    assert "/404.html" not in fragments


def test_every_page_has_the_search_box_in_its_header(shipped_site: Path) -> None:
    for path in sorted(shipped_site.rglob("*.html")):
        if "pagefind" in path.parts or "admin" in path.parts:
            continue  # the index's own files; the editor's page has its own header
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        assert 'role="search"' in text, path
        assert 'for="hub-search-header"' in text, path
        assert "javascripts/search.js" in text, path
