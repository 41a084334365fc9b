"""WCAG 2.1 AA in a real browser (axe-core in Debian's Chromium), valid HTML (Nu HTML Checker), and no request
leaving 127.0.0.1 on any page: the site works with the network cut.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..chromium import axe_run, network_cut
from ..node_tools import VNU, java, require

pytestmark = pytest.mark.browser

PAGES: list[tuple[str, str]] = [
    ("shipped", ""),
    ("shipped", "networks/"),  # section listings
    ("shipped", "topics/"),
    ("shipped", "programs/"),  # the programs table, stacked on a phone, with its filter
    ("shipped", "people/"),
    ("shipped", "services/"),
    ("shipped", "action-plans/"),
    ("shipped", "maintainers/"),
    ("fixture", "trainings/"),  # the catalog as cards
    ("fixture", "networks/test-vln/"),  # a series with a dated session and its calendar
    ("shipped", "people/ginny-sprang/"),  # a topic expert
    ("shipped", "404.html"),
    ("fixture", "trainings/team-debrief/"),  # Vimeo recording, content note, transcript
    ("fixture", "trainings/de-escalation-basics/"),  # YouTube recording, slides and handouts
    ("fixture", "trainings/short-clip/"),  # self-hosted WebM with WebVTT captions
    ("shipped", "networks/integrating-peer-support-2017/"),  # a series (learning network)
    ("shipped", "networks/integrating-peer-support-2017/1/"),  # one of its sessions
    ("shipped", "archives/dmh-restraint-seclusion-prevention/"),  # a series (archive)
    ("shipped", "topics/postvention/"),
    ("shipped", "people/leah-harris/"),
    ("shipped", "programs/sanctuary-model/"),
    ("shipped", "services/postvention/"),
    ("shipped", "get-help/"),
    ("shipped", "my-learning/"),  # empty, saying why nothing can be marked yet (with items: test_my_learning_browser)
    ("shipped", "action-plans/peer-integration-action-plan/"),  # an action plan (form, downloads)
    ("shipped", "trainings/?topic=peer-support"),  # the catalog with a filter applied from the address
    ("fixture", "trainings/?topic=peer-support&year=2017"),  # two facets, some items hidden
]
"""(which site, page path): every kind of page, and the catalog with a filter applied."""
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


def _site(request: pytest.FixtureRequest, which: str) -> str:
    return str(request.getfixturevalue(f"{which}_url"))


def _no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("which", "path"), PAGES, ids=[f"{w}:{p or 'home'}" for w, p in PAGES])
def test_page_passes_axe_fits_the_screen_with_no_third_party_request(
    page: Page, request: pytest.FixtureRequest, which: str, path: str, width: str
) -> None:
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    seen: list[str] = []
    network_cut(page, seen)
    response = page.goto(_site(request, which) + path, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    assert [url for url in seen if urlsplit(url).hostname != "127.0.0.1"] == []
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == "en"
    assert _no_sideways_scroll(page), "the page scrolls sideways"
    if "?" in path:
        assert page.locator("input[name=topic]:checked").count() == 1, "the filter in the address was not applied"
    violations = axe_run(page)
    assert violations["found"] == []
    assert violations["passed"] > 10


def test_the_open_filter_drawer_passes_axe_on_a_phone(page: Page, fixture_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(fixture_url + "trainings/", wait_until="networkidle")
    page.locator(".hub-filters__panel > summary").click()
    expect(page.locator("[data-hub-drawer]")).to_be_visible()  # waits for the drawer, as a person would
    assert _no_sideways_scroll(page)
    violations = axe_run(page)
    assert violations["found"] == []


def test_tables_are_stacked_on_a_phone_with_their_row_labels(page: Page, shipped_url: str) -> None:
    """Every cell of the session and programs tables shows its column's name on a phone, and nothing is cut."""
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("networks/integrating-peer-support-2017/", "programs/"):
        page.goto(shipped_url + path, wait_until="networkidle")
        cells = page.evaluate(
            """() => Array.from(document.querySelectorAll("table.hub-stack tbody tr > *")).map(cell => {
                const box = cell.getBoundingClientRect();
                return {label: getComputedStyle(cell, "::before").content, right: box.right,
                        visible: box.width > 0 && getComputedStyle(cell).display !== "none"};
            })"""
        )
        assert cells, path
        assert all(cell["visible"] and cell["label"] not in ("none", "normal", '""') for cell in cells), path
        assert max(cell["right"] for cell in cells) <= 360, path
        assert _no_sideways_scroll(page), path


@pytest.mark.parametrize("path", ["topics/postvention/", "get-help/"], ids=["generated", "hand-written"])
def test_skip_link_is_first_in_tab_order_with_visible_focus(page: Page, shipped_url: str, path: str) -> None:
    page.goto(shipped_url + path)
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => { const el = document.activeElement; const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {cls: el.className, text: el.textContent.trim(), outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), visible: box.height > 0 && box.top >= 0}; }"""
    )
    assert "md-skip" in first["cls"]
    assert first["text"] == "Skip to content"
    assert first["visible"]
    assert first["outline"] != "none"
    assert first["width"] >= 2
    assert page.locator("a.md-skip").count() == 1
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


def test_links_in_text_are_underlined_and_focus_is_visible(page: Page, fixture_url: str) -> None:
    """axe accepts a link told apart by colour alone (3:1 against the text); we underline every link in text."""
    page.goto(fixture_url + "trainings/team-debrief/")
    plain = page.evaluate(
        """() => Array.from(document.querySelectorAll(".md-content p a, .md-content li a"))
            .filter(a => !getComputedStyle(a).textDecorationLine.includes("underline")).map(a => a.outerHTML)"""
    )
    assert plain == []
    link = page.locator(".hub-content-note a").first
    link.focus()
    style = link.evaluate("el => [getComputedStyle(el).outlineStyle, parseFloat(getComputedStyle(el).outlineWidth)]")
    assert style[0] != "none"
    assert style[1] >= 2


def test_help_link_is_on_every_page(page: Page, shipped_url: str) -> None:
    for _which, path in [entry for entry in PAGES if entry[0] == "shipped"]:
        page.goto(shipped_url + path)
        link = page.locator(".md-banner a", has_text="All help lines")
        assert link.count() == 1, path
        assert link.evaluate("a => new URL(a.href).pathname") == "/get-help/", path


_KNOWN_MATERIAL_MESSAGES = ("Attribute “autocomplete” is only allowed when the input type is",)
"""Material for MkDocs writes `autocomplete="off"` on its checkbox toggles (navigation drawer, search) so that
browsers do not restore their open/closed state on back navigation; HTML allows the attribute only on
text-like inputs. This is the only message filtered, and only on an <input type="checkbox">."""


def _vnu_errors(site: Path) -> list[str]:
    result = subprocess.run(
        [java(), "-jar", str(require(VNU)), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = []
    for message in messages:
        text = str(message.get("message", ""))
        extract = str(message.get("extract", ""))
        if text.startswith(_KNOWN_MATERIAL_MESSAGES) and 'type="checkbox"' in extract:
            continue
        errors.append(f"{message.get('url', '')}:{message.get('lastLine', '?')}: {text}")
    return errors


def test_nu_html_checker_finds_no_errors(shipped_site: Path, fixture_site: Path) -> None:
    assert _vnu_errors(shipped_site) == []
    assert _vnu_errors(fixture_site) == []
