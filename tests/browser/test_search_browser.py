"""Search through the real search box in Chromium: the queries people type find the right page in the top three,
the box works by keyboard and screen reader, results say what they are, and nothing leaves 127.0.0.1."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page

from ..chromium import axe_run, network_cut
from ..conftest import ROOT

pytestmark = pytest.mark.browser

QUERIES: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
SHARED: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "search_queries_shared.yaml").read_text(encoding="utf-8")
)
BOX = "#hub-search-header"
PANEL = "#hub-search-header-panel"


def _type_in_header(page: Page, query: str) -> list[str]:
    """Press "/", type the query as a person does, and return the result paths in order, once shown."""
    page.keyboard.press("/")
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        "([panel, query]) => document.querySelector(`${panel} .hub-search__status`).textContent.includes(`“${query}”`)",
        arg=[PANEL, query],
        timeout=20000,
    )
    links = page.locator(f"{PANEL} .hub-search__results a").all()
    return [urlsplit(str(link.get_attribute("href"))).path for link in links]


def _check(page: Page, base: str, entry: dict[str, Any]) -> None:
    if entry.get("known_miss"):
        pytest.xfail(entry["known_miss"])
    page.goto(base)
    paths = [path.removeprefix(urlsplit(base).path.rstrip("/")) for path in _type_in_header(page, entry["query"])]
    assert entry["expect"] in paths[:3], f"{entry['query']!r}: expected {entry['expect']} in the top 3, got {paths[:5]}"


@pytest.mark.parametrize("entry", QUERIES, ids=[f"{q['site']}:{q['query']}" for q in QUERIES])
def test_query_finds_the_page_in_the_top_three(
    page: Page, request: pytest.FixtureRequest, entry: dict[str, Any]
) -> None:
    _check(page, str(request.getfixturevalue(f"{entry['site']}_url")), entry)


@pytest.mark.parametrize("entry", SHARED, ids=[q["query"] for q in SHARED])
def test_shared_query_finds_the_page_in_the_top_three(page: Page, shipped_url: str, entry: dict[str, Any]) -> None:
    _check(page, shipped_url, entry)


def test_search_sends_no_request_beyond_the_site(page: Page, shipped_url: str) -> None:
    seen: list[str] = []
    network_cut(page, seen)
    page.goto(shipped_url, wait_until="networkidle")
    before = len(seen)
    assert _type_in_header(page, "burnout")
    page.wait_for_load_state("networkidle")
    searched = seen[before:]
    assert [url for url in seen if urlsplit(url).hostname != "127.0.0.1"] == []
    assert any("/pagefind/pagefind.js" in url for url in searched), "the index is the site's own"
    assert any(".pf_index" in url for url in searched)
    assert any(".pf_fragment" in url for url in searched)


def test_results_say_kind_and_date_and_can_be_narrowed_to_a_kind(
    page: Page, shipped_url: str, fixture_url: str
) -> None:
    page.goto(fixture_url)
    _type_in_header(page, "Getting started")
    assert page.locator(f"{PANEL} .hub-search__meta").first.inner_text() == "Session · 12 January 2017"
    page.goto(shipped_url)
    _type_in_header(page, "Laying the Groundwork")
    assert page.locator(f"{PANEL} .hub-search__meta").first.inner_text() == "Session · Date not recorded"
    page.locator(BOX).fill("")
    page.evaluate("document.activeElement.blur()")
    _type_in_header(page, "peer support")
    metas = page.locator(f"{PANEL} .hub-search__meta").all_inner_texts()
    assert metas
    kinds = {"Training", "Session", "Learning network", "Archive", "Program", "Service", "Topic", "Person",
             "Action plan", "Page"}  # fmt: skip
    assert all(meta.split(" · ")[0] in kinds for meta in metas), metas
    kind = page.locator(f"{PANEL} select[name=kind]")
    options = kind.locator("option").all_inner_texts()
    assert options[0] == "All kinds"
    assert any(option.startswith("Session (") for option in options), options
    kind.select_option("Person")
    page.wait_for_function(
        "(panel) => document.querySelector(`${panel} .hub-search__status`).textContent.includes('(Person)')",
        arg=PANEL,
    )
    metas = page.locator(f"{PANEL} .hub-search__meta").all_inner_texts()
    assert metas
    assert set(metas) == {"Person"}


def test_keyboard_slash_arrows_and_escape(page: Page, shipped_url: str) -> None:
    page.goto(shipped_url)
    _type_in_header(page, "Sprang")
    assert page.evaluate("document.activeElement.id") == BOX[1:]
    assert page.locator(PANEL).is_visible()
    page.keyboard.press("ArrowDown")
    first = page.locator(f"{PANEL} .hub-search__results a").first
    assert page.evaluate("document.activeElement.href") == first.evaluate("a => a.href")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == BOX[1:], "up from the first result returns to the box"
    page.keyboard.press("Escape")
    assert page.locator(PANEL).is_hidden()
    assert page.locator(BOX).input_value() == "Sprang", "Escape closes the results and keeps the words"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/people/ginny-sprang/")


def test_enter_opens_the_search_page_with_the_query(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    _type_in_header(page, "Ada")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Ada")
    page.wait_for_selector(".hub-search--page .hub-search__results a")
    assert page.locator(".hub-search--page .hub-search__input").input_value() == "Ada"
    assert (
        "/people/ada-lovelace/" in page.locator(".hub-search--page .hub-search__results a").first.get_attribute("href")
        or ""
    )


@pytest.mark.parametrize("path", ["search/?q=burnout", "search/?q=VLN&kind=Learning+network"])
def test_search_page_with_results_passes_axe(page: Page, shipped_url: str, path: str) -> None:
    page.goto(shipped_url + path)
    page.wait_for_selector(".hub-search--page .hub-search__results a")
    if "kind=" in path:
        assert page.locator(".hub-search--page select[name=kind]").input_value() == "Learning network"
        assert set(page.locator(".hub-search--page .hub-search__meta").all_inner_texts()) == {
            "Learning network · January 2017 – September 2017"
        }
    assert axe_run(page)["found"] == []


def test_open_header_results_pass_axe(page: Page, shipped_url: str) -> None:
    page.goto(shipped_url)
    _type_in_header(page, "postvention")
    assert axe_run(page)["found"] == []


def test_phone_header_links_to_a_search_page_that_fits(page: Page, shipped_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(shipped_url)
    assert page.locator(BOX).is_hidden()
    page.get_by_role("link", name="Search", exact=True).click()
    page.wait_for_url("**/search/")
    assert page.evaluate("document.activeElement.id") == "hub-search-page"
    page.keyboard.type("burnout")
    page.wait_for_selector(".hub-search--page .hub-search__results a")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert "q=burnout" in page.url, "the address keeps the query, so back and reload show the same results"
