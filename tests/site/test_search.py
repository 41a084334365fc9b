"""Search: one compact entry per item page, escaped like Material's own, and the right page first in the browser."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from macros.site.search import OTHER_TEXT_CHARS, SearchEntry, compact, excerpt


def _index(site: Path) -> list[dict[str, object]]:
    docs: list[dict[str, object]] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))[
        "docs"
    ]
    return docs


def test_excerpt_cuts_at_a_word_and_says_so() -> None:
    assert excerpt("short  text\non lines") == "short text on lines"
    cut = excerpt("word " * 40, 22)
    assert cut == "word word word word …"


def test_compact_replaces_item_pages_and_cuts_long_listings() -> None:
    index = {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "people/ada/", "title": "Ada", "text": "every word"},
            {"location": "people/ada/#bio", "title": "Bio", "text": "more words"},
            {"location": "trainings/", "title": "Trainings", "text": "<ul><li>x</li>" + " <li>item</li>" * 200},
            {"location": "get-help/", "title": "Get help", "text": "Call 988."},
        ],
    }
    ours = [SearchEntry("people/ada/", "Ada <Lovelace>", "Trainer & author", 4.0)]
    result = compact(index, ours)
    assert result["config"] == {"lang": ["en"]}
    by_location = {doc["location"]: doc for doc in result["docs"]}
    assert sorted(by_location) == ["get-help/", "people/ada/", "trainings/"]
    assert by_location["people/ada/"] == {
        "location": "people/ada/",
        "title": "Ada &lt;Lovelace&gt;",
        "text": "Trainer &amp; author",
        "boost": 4.0,
    }
    listing = str(by_location["trainings/"]["text"])
    assert len(listing) <= OTHER_TEXT_CHARS + 2
    assert listing.endswith("…")
    assert listing.rfind("<") < listing.rfind(">")
    assert by_location["get-help/"]["text"] == "Call 988."


def test_every_item_page_has_exactly_one_compact_entry(fixture_site: Path) -> None:
    docs = _index(fixture_site)
    locations = [str(doc["location"]) for doc in docs]
    for page in ("trainings/de-escalation-basics/", "people/ada-lovelace/", "networks/test-vln/1/"):
        assert locations.count(page) == 1, page
        assert not [loc for loc in locations if loc.startswith(f"{page}#")], f"{page} still has section entries"
    training = next(doc for doc in docs if doc["location"] == "trainings/de-escalation-basics/")
    assert "Ada Lovelace" in str(training["text"])
    assert "2 April 2019" in str(training["text"])
    assert any(loc.startswith("get-help/") for loc in locations), "hand-written pages keep Material's entries"


def _search(page: Page, url: str, query: str) -> list[str]:
    """Open Material's search with the keyboard, type, and return the result links in order."""
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    links = page.query_selector_all(".md-search-result__item > a")
    return [urlsplit(str(link.get_attribute("href"))).path.lstrip("/") for link in links]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Riefer", "people/melody-riefer/"),
        ("Sprang", "people/ginny-sprang/"),
        ("Sanctuary Model", "programs/sanctuary-model/"),
        ("postvention", "services/postvention/"),
    ],
)
def test_search_finds_the_right_page_first(page: Page, shipped_url: str, query: str, first: str) -> None:
    results = _search(page, shipped_url, query)
    assert results, f"no result for {query!r}"
    assert results[0] == first, f"{query!r}: first result {results[0]}, expected {first}; all: {results[:5]}"
