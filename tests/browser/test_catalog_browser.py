"""The catalog's filters in Debian's Chromium: two facets, the count, the address, reload, back, keyboard only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from macros.content.load import load_catalog

from ..conftest import ROOT

pytestmark = pytest.mark.browser


def _visible_titles(page: Page) -> list[str]:
    """Titles of the items in the list. DOM text, not innerText: items use content-visibility: auto, and an
    item not yet painted has no rendered text until the next frame."""
    return [text.strip() for text in page.locator("[data-hub-items] > li:not([hidden]) > a").all_text_contents()]


def _tab_to(page: Page, selector: str) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Tab")


def test_two_facets_by_keyboard_filter_count_and_survive_reload(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/")
    count = page.locator("[data-hub-count]")
    assert count.inner_text() == "7 trainings and sessions, 3 with a recording to watch."
    assert len(_visible_titles(page)) == 7

    _tab_to(page, "input[name=topic][value=peer-support]")
    page.keyboard.press("Space")
    assert count.inner_text() == "Showing 6 of 7 trainings and sessions, 2 with a recording to watch."
    _tab_to(page, "input[name=year][value='2017']")
    page.keyboard.press("Space")
    assert _visible_titles(page) == ["Session 2 (untitled)", "Getting started"]
    assert count.inner_text() == "Showing 2 of 7 trainings and sessions, none with a recording to watch."
    assert page.url.endswith("trainings/?topic=peer-support&year=2017")

    page.reload()
    assert page.locator("input[name=topic][value=peer-support]").is_checked()
    assert page.locator("input[name=year][value='2017']").is_checked()
    assert _visible_titles(page) == ["Session 2 (untitled)", "Getting started"]

    page.go_back()
    assert page.url.endswith("trainings/?topic=peer-support")
    assert not page.locator("input[name=year][value='2017']").is_checked()
    assert count.inner_text() == "Showing 6 of 7 trainings and sessions, 2 with a recording to watch."


def test_values_in_one_facet_widen_and_no_match_says_so(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/?year=2022&year=2021")
    assert _visible_titles(page) == ["A one-second clip", "After a loss on the team"]
    page.goto(f"{fixture_url}trainings/?year=2022&topic=postvention")
    assert _visible_titles(page) == []
    assert page.locator("[data-hub-empty]").is_visible()
    page.locator("[data-hub-empty]").get_by_role("button", name="Clear all").press("Enter")
    page.wait_for_function("document.querySelectorAll('[data-hub-items] > li:not([hidden])').length === 7")
    assert page.url.endswith("/trainings/")


def test_count_is_announced_politely(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/")
    assert page.locator("[data-hub-count]").get_attribute("aria-live") == "polite"
    assert page.locator("form[data-hub-filter-form]").is_visible()


def test_without_javascript_the_full_list_shows_and_no_dead_controls(chromium: Browser, fixture_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{fixture_url}trainings/?topic=postvention")
        assert len(_visible_titles(page)) == 7
        assert not page.locator("form[data-hub-filter-form]").is_visible()
    finally:
        context.close()


def test_programs_filter_by_rating(page: Page, shipped_url: str) -> None:
    programs = load_catalog(ROOT / "sessions", ROOT / "docs").programs.values()
    promising = sorted(p.name for p in programs if p.rating.value == "3")
    assert promising
    page.goto(f"{shipped_url}programs/")
    page.get_by_role("checkbox", name="3: Promising Research Evidence").check()
    rows = page.locator("[data-hub-items] > tr:not([hidden]) > th:first-child")
    assert sorted(rows.all_inner_texts()) == promising
    assert page.locator("[data-hub-count]").inner_text() == f"Showing {len(promising)} of {len(programs)} programs."
    assert page.url.endswith("programs/?rating=3")


def test_on_a_phone_the_facets_open_as_a_drawer_that_shows_the_result_count(page: Page, fixture_url: str) -> None:
    """The open panel covers the screen, so nothing changes out of sight; "Show N results" closes it."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{fixture_url}trainings/?year=2019")
    assert page.evaluate("document.querySelector('.hub-filters__panel').open") is False
    assert page.locator(".hub-filters__panel > summary").inner_text() == "Filters (1 on)"
    page.locator(".hub-filters__panel > summary").click()
    drawer = page.locator("[data-hub-drawer]").bounding_box()
    assert drawer is not None
    assert (drawer["x"], drawer["y"], drawer["width"], drawer["height"]) == (0, 0, 360, 740)
    show = page.get_by_role("button", name="Show 1 result")
    assert show.is_visible()
    page.get_by_role("checkbox", name="2017 (2)").check()
    assert page.get_by_role("button", name="Show 3 results").is_visible()
    page.get_by_role("button", name="Show 3 results").click()
    assert page.evaluate("document.querySelector('.hub-filters__panel').open") is False
    assert page.evaluate("document.activeElement.hasAttribute('data-hub-count')")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
