"""What a visitor's browser does with a built site: the catalog filter's reaction time and the first search's bytes.

Debian's Chromium through Playwright, the site served on 127.0.0.1 (the test suite's own plumbing), no network.
"""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.chromium import CHROMIUM_ARGS, chromium_path, serve

FILTER_SCRIPT = """
async (name) => {
  const boxes = [...document.querySelectorAll(`[data-hub-filter-form] input[name="${name}"]`)];
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const times = [];
  for (let round = 0; round < 10; round++) {
    const box = boxes[round % boxes.length];
    const start = performance.now();
    box.click();                       // the change handler filters synchronously
    document.body.offsetHeight;        // style and layout of the changed list
    await frame();                     // until the updated list is painted
    times.push(performance.now() - start);
    box.click();
    await frame();
  }
  return times;
}
"""


SEARCH_SCRIPT = """
async ([query, typed]) => {
  // Types `query` into the header's box a letter at a time (`typed` ms apart, as a person types, or all at
  // once with 0) and returns the time from the last letter to the results painted on screen.
  const input = document.querySelector("#hub-search-header");
  const status = document.querySelector("#hub-search-header-panel .hub-search__status");
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  input.focus();
  const letters = typed ? query.length : 1;
  let start = 0;
  for (let end = typed ? 1 : query.length; end <= query.length; end++) {
    if (typed) await pause(typed);
    start = performance.now();
    input.value = query.slice(0, end);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  while (!status.textContent.includes(`“${query}”`)) await pause(2);
  await frame();                     // until the results are painted
  return performance.now() - start;
}
"""
TYPING_MS = 120
"""Between letters: a quick typist on a phone or a keyboard."""
WARM_QUERIES = ("burnout", "peer support", "Riefer", "trauma", "overdose", "VLN", "session", "harm reduction",
                "secondary traumatic stress", "recovery")  # fmt: skip


@dataclass(frozen=True)
class BrowserFigures:
    filter_ms: list[float]
    """Ten measurements of ticking one topic box on the catalog until the next painted frame."""
    items: int
    first_search: dict[str, int]
    """Every file the browser fetched for the first search, gzip-compressed size in bytes."""
    cold_ms: list[float]
    """First search on a fresh page (nothing cached), typed a letter at a time: from the last letter to painted
    results. Pagefind's files start loading when the box gets focus, as they do for a person."""
    instant_ms: list[float]
    """First search on a fresh page with the whole query arriving at once (pasted): nothing loaded before."""
    warm_ms: list[float]
    """Later searches on the same page, one per query in WARM_QUERIES, pasted."""
    spanish_search: dict[str, int]
    """The first search on the Spanish home page ("posvención", typed): every file fetched, gzip bytes; empty on a
    site without Spanish pages."""
    spanish_ms: list[float]

    @property
    def filter_median(self) -> float:
        return float(statistics.median(self.filter_ms)) if self.filter_ms else float("nan")

    @property
    def first_ms(self) -> float:
        return float(statistics.median(self.cold_ms)) if self.cold_ms else float("nan")

    @property
    def instant_median(self) -> float:
        return float(statistics.median(self.instant_ms)) if self.instant_ms else float("nan")

    @property
    def warm_median(self) -> float:
        return float(statistics.median(self.warm_ms)) if self.warm_ms else float("nan")


def _first_search(
    page: Page, url: str, typed: int, home: str = "", query: str = "postvention"
) -> tuple[dict[str, int], float]:
    """Type `query` into the header's box on a fresh page (the home page under `home`: "es/" for the Spanish one):
    what it fetched (gzip) and how long it took."""
    fetched: dict[str, int] = {}

    def record(response: object) -> None:
        address = str(getattr(response, "url", ""))
        if "/pagefind/" in address or "search" in address or "messages." in address or "i18n" in address:
            fetched[address.removeprefix(url)] = len(gzip.compress(response.body(), 6))  # type: ignore[attr-defined]

    page.on("response", record)
    page.goto(url + home)
    page.wait_for_load_state("networkidle")
    elapsed = float(page.evaluate(SEARCH_SCRIPT, [query, typed]))
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return fetched, elapsed


def _warm_searches(page: Page) -> list[float]:
    return [float(page.evaluate(SEARCH_SCRIPT, [query, 0])) for query in WARM_QUERIES]


def measure(site: Path, fresh_pages: int = 5) -> BrowserFigures:
    """Open the catalog of a built site and its search in headless Chromium; no assertion, only figures."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium: install it with `apt-get install chromium` or set HUB_CHROMIUM")
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(f"{url}trainings/")
            page.wait_for_selector("[data-hub-filter-form]:not([hidden])", timeout=60000)
            items = int(page.evaluate("document.querySelectorAll('[data-hub-items] > *').length"))
            times = [float(value) for value in page.evaluate(FILTER_SCRIPT, "topic")]
            cold: list[float] = []
            instant: list[float] = []
            for _ in range(fresh_pages):
                for typed, times_of in ((TYPING_MS, cold), (0, instant)):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})  # an empty cache
                    searched, elapsed = _first_search(context.new_page(), url, typed)
                    times_of.append(elapsed)
                    warm = _warm_searches(context.pages[0])
                    context.close()
            spanish: dict[str, int] = {}
            spanish_ms: list[float] = []
            if (site / "es" / "index.html").is_file():
                for _ in range(fresh_pages):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    spanish, elapsed = _first_search(context.new_page(), url, TYPING_MS, "es/", "posvención")
                    spanish_ms.append(elapsed)
                    context.close()
        finally:
            browser.close()
    return BrowserFigures(
        filter_ms=times,
        items=items,
        first_search=searched,
        cold_ms=cold,
        instant_ms=instant,
        warm_ms=warm,
        spanish_search=spanish,
        spanish_ms=spanish_ms,
    )
