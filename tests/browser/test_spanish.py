"""The Spanish pages in Chromium: every page type through axe-core (html-has-lang and valid-lang among its rules) at
phone and desktop width, read after its scripts ran for English left in the interface; the language switch; the
Spanish queries typed into the real search box."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page

from ..chromium import axe_run, downloaded, network_cut
from ..conftest import FIXTURES, ROOT
from ..languages import english_interface_on, visible_text

pytestmark = pytest.mark.browser

PAGES: list[tuple[str, str]] = [
    ("shipped", "es/"),
    ("shipped", "es/trainings/?topic=peer-support"),  # the catalog, a filter applied from the address
    ("shipped", "es/networks/"),
    ("shipped", "es/topics/"),
    ("shipped", "es/programs/"),  # the programs table and its filter
    ("shipped", "es/people/"),
    ("shipped", "es/services/"),
    ("shipped", "es/action-plans/"),
    ("shipped", "es/get-help/"),
    ("shipped", "es/search/?q=posvención"),  # the search page with results
    ("shipped", "es/404.html"),
    ("shipped", "es/networks/integrating-peer-support-2017/"),  # a learning network, translated
    ("shipped", "es/networks/integrating-peer-support-2017/4/"),  # an untitled session
    ("shipped", "es/archives/dmh-restraint-seclusion-prevention/"),  # an archive, in English only
    ("shipped", "es/topics/secondary-traumatic-stress/"),
    ("shipped", "es/people/ginny-sprang/"),
    ("shipped", "es/programs/sanctuary-model/"),
    ("shipped", "es/services/postvention/"),
    ("shipped", "es/action-plans/peer-integration-action-plan/"),  # the form, the downloads
    ("fixture", "es/trainings/de-escalation-basics/"),  # a YouTube recording, translated in part
    ("fixture", "es/trainings/short-clip/"),  # a self-hosted video with captions, in English only
    ("fixture", "es/networks/test-vln/"),  # dated sessions and a calendar
]
"""(which site, page): every kind of page in Spanish."""
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
LANGUAGE_RULES = {"html-has-lang", "html-lang-valid", "valid-lang"}


def _problems(page: Page, base: str, path: str, width: int) -> list[str]:
    seen: list[str] = []
    network_cut(page, seen)
    response = page.goto(base + path, wait_until="networkidle")
    page.unroute("**/*")
    problems = []
    if response is None or response.status != 200:
        problems.append("not served")
    if [url for url in seen if urlsplit(url).hostname != "127.0.0.1"]:
        problems.append("a request left 127.0.0.1")
    if page.evaluate("document.documentElement.lang") != "es":
        problems.append("<html lang> is not es")
    if page.evaluate("document.documentElement.scrollWidth") > width:
        problems.append("scrolls sideways")
    if english := english_interface_on(visible_text(page.content())):
        problems.append(f"English interface words: {english}")
    result = axe_run(page)
    problems += result["found"]
    if missing := LANGUAGE_RULES - set(result["rules"]):
        problems.append(f"axe did not pass {sorted(missing)}")
    return [f"{path} at {width} px: {problem}" for problem in problems]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_spanish_page_type_passes_axe_and_shows_no_english_interface_words(
    page: Page, request: pytest.FixtureRequest, width: str
) -> None:
    """One browser page visits them all (each check batched, so the whole list costs one page's set-up)."""
    size = WIDTHS[width]
    page.set_viewport_size({"width": size[0], "height": size[1]})
    problems = []
    for which, path in PAGES:
        problems += _problems(page, str(request.getfixturevalue(f"{which}_url")), path, size[0])
    assert problems == []


def test_the_language_switch_lands_on_the_same_page(page: Page, shipped_url: str, fixture_url: str) -> None:
    """At phone width, where the header is tightest: Español from an English page, English back."""
    page.set_viewport_size({"width": 360, "height": 740})
    for base, path in [
        (shipped_url, ""),
        (shipped_url, "topics/postvention/"),
        (shipped_url, "networks/integrating-peer-support-2017/3/"),
        (shipped_url, "action-plans/harm-reduction-self-care-plan/"),
        (fixture_url, "trainings/?topic=peer-support"),
    ]:
        page.goto(base + path)
        page.get_by_role("link", name="Español", exact=True).click()
        page.wait_for_load_state()
        landed = urlsplit(page.url).path
        assert landed == urlsplit(base + "es/" + path).path, path
        assert page.evaluate("document.documentElement.lang") == "es"
        page.get_by_role("link", name="English", exact=True).click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path == urlsplit(base + path).path, path
    page.goto(shipped_url + "maintainers/")
    page.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/es/", "the guide is in English only: its switch leads to the Spanish home"


QUERIES: list[dict[str, Any]] = yaml.safe_load((ROOT / "tests" / "search_queries_es.yaml").read_text("utf-8"))
PANEL = "#hub-search-header-panel"


@pytest.fixture(scope="module")
def searched(chromium: Any, shipped_url: str) -> dict[str, list[str]]:
    """Every Spanish query typed into the header box of the Spanish home page, in one browser page: query → the
    result paths in order."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    results = {}
    for entry in QUERIES:
        page.goto(shipped_url + "es/")
        page.keyboard.press("/")
        page.keyboard.type(entry["query"], delay=20)
        page.wait_for_function(
            "([panel, query]) => document.querySelector(`${panel} .hub-search__status`).textContent"
            ".includes(`“${query}”`)",
            arg=[PANEL, entry["query"]],
            timeout=20000,
        )
        links = page.locator(f"{PANEL} .hub-search__results a").all()
        results[entry["query"]] = [urlsplit(str(link.get_attribute("href"))).path for link in links]
        if entry is QUERIES[0]:
            status = page.locator(f"{PANEL} .hub-search__status").inner_text()
            kinds = page.locator(f"{PANEL} select[name=kind] option").all_inner_texts()
            results["(status)"], results["(kinds)"] = [status], kinds
    context.close()
    return results


@pytest.mark.parametrize("entry", QUERIES, ids=[entry["query"] for entry in QUERIES])
def test_spanish_query_finds_the_spanish_page_in_the_top_three(
    searched: dict[str, list[str]], entry: dict[str, Any]
) -> None:
    if entry.get("known_miss"):
        pytest.xfail(entry["known_miss"])
    found = searched[entry["query"]]
    assert entry["expect"] in found[:3], f"{entry['query']!r}: expected {entry['expect']} in the top 3, got {found[:5]}"
    assert all(path.startswith("/es/") for path in found), "a Spanish page searches the Spanish pages"


def test_the_search_box_speaks_spanish(searched: dict[str, list[str]]) -> None:
    assert "resultado" in searched["(status)"][0]
    assert searched["(kinds)"][0] == "Todos los tipos"
    assert any(kind.startswith("Servicio") for kind in searched["(kinds)"]), searched["(kinds)"]


def test_the_first_spanish_search_fetches_the_spanish_index_only(page: Page, shipped_url: str) -> None:
    seen: list[str] = []
    network_cut(page, seen)
    page.goto(shipped_url + "es/", wait_until="networkidle")
    before = len(seen)
    page.keyboard.press("/")
    page.keyboard.type("posvención", delay=20)
    page.wait_for_selector(f"{PANEL} .hub-search__results a")
    page.wait_for_load_state("networkidle")
    searched = seen[before:]
    assert any("/pagefind/index/es_" in url for url in searched), searched
    assert not any("/pagefind/index/en_" in url for url in searched)
    assert any(url.endswith("/pagefind/synonyms.es.json") for url in searched)


RECORD_V1 = FIXTURES / "learning" / "record-v1.json"
"""A record as My learning keeps it (tests/browser/test_my_learning_browser.py reads it too)."""

LEARNING_PAGES = ("es/my-learning/", "es/my-learning/certificate/#training%3Ateam-debrief", "es/my-learning/record/")
"""My learning and the two documents it makes, in Spanish, read with a record in the browser."""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_my_learning_in_spanish_keeps_marks_and_documents_in_spanish(page: Page, fixture_url: str, width: str) -> None:
    """Marked as watched on a Spanish page, then the list, the certificate and the record: Spanish words and dates
    only (the record is kept by key, so what was kept on an English page shows here too), axe, no sideways scroll."""
    size = WIDTHS[width]
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(fixture_url + "es/trainings/team-debrief/")
    page.get_by_role("button", name="Marcar como vista").click()
    page.get_by_label("Fecha en que la vio").fill("2025-03-14")
    page.get_by_label("Fecha en que la vio").dispatch_event("change")
    status = page.locator("[data-keep-status]").inner_text()
    assert "14 de marzo de 2025" in status, status
    assert not english_interface_on(status), status
    problems = []
    for path in LEARNING_PAGES:
        page.goto(fixture_url + path)
        page.reload()  # a new hash alone does not load the page again
        page.locator("[data-learning-list] > li, [data-doc]:not([hidden])").first.wait_for()
        if "record" in path:
            page.get_by_label("Desde").fill("2024-01-01")
            page.get_by_label("Desde").dispatch_event("change")
        text = visible_text(page.content())
        if english := english_interface_on(text):
            problems.append(f"{path}: English interface words: {english}")
        if page.evaluate("document.documentElement.scrollWidth") > size[0]:
            problems.append(f"{path}: scrolls sideways")
        problems += [f"{path}: {found}" for found in axe_run(page)["found"]]
    assert "14 de marzo de 2025" in page.locator("[data-doc-rows]").inner_text()
    assert problems == []


def _imported(page: Page, table: Path) -> dict[str, Any]:
    """What the record holds after `table` is imported into an empty one on this page."""
    page.get_by_role("button", name="Erase my record").click()
    page.set_input_files("#learning-import", table)
    page.locator("[data-learning-status]").filter(has_text=table.name).wait_for()
    items: dict[str, Any] = json.loads(page.evaluate("localStorage.getItem('hub-learning')"))["items"]
    return items


def test_a_record_exported_in_spanish_imports_on_the_english_page(page: Page, fixture_url: str, tmp_path: Path) -> None:
    """The CSV export speaks the page's language (its header and address in Spanish); imported on the English page
    it gives the same record as the English export: the same keys, dates and item paths (no `es/` in them)."""
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(fixture_url + "es/my-learning/")
    page.evaluate(f"localStorage.setItem('hub-learning', {json.dumps(RECORD_V1.read_text(encoding='utf-8'))})")
    page.reload()
    page.locator("[data-learning-list] > li").first.wait_for()
    spanish = downloaded(page, "Exportar para una hoja de cálculo (CSV)", tmp_path / "es")
    assert spanish.read_text(encoding="utf-8-sig").startswith('"Clave","Título","Tipo","Dirección"')
    page.goto(fixture_url + "my-learning/")
    page.locator("[data-learning-list] > li").first.wait_for()
    english = downloaded(page, "Export for a spreadsheet (CSV)", tmp_path / "en")
    from_english = _imported(page, english)
    assert _imported(page, spanish) == from_english
    assert not [item["path"] for item in from_english.values() if item["path"].startswith("es/")]
