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


@dataclass(frozen=True)
class BrowserFigures:
    filter_ms: list[float]
    """Ten measurements of ticking one topic box on the catalog until the next painted frame."""
    items: int
    first_search: dict[str, int]
    """Every file the browser fetched for the first search, gzip-compressed size in bytes."""

    @property
    def filter_median(self) -> float:
        return float(statistics.median(self.filter_ms)) if self.filter_ms else float("nan")


def _first_search(page: Page, url: str) -> dict[str, int]:
    fetched: dict[str, int] = {}

    def record(response: object) -> None:
        address = str(getattr(response, "url", ""))
        if "search" in address:
            fetched[address.removeprefix(url)] = len(gzip.compress(response.body(), 6))  # type: ignore[attr-defined]

    page.on("response", record)
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type("postvention")
    page.wait_for_selector(".md-search-result__item a", timeout=60000)
    return fetched


def measure(site: Path) -> BrowserFigures:
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
            searched = _first_search(browser.new_page(), url)
        finally:
            browser.close()
    return BrowserFigures(filter_ms=times, items=items, first_search=searched)
