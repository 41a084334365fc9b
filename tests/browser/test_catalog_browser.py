"""The catalog's filters in Debian's Chromium: two facets, the count, the address, reload, back, keyboard only."""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Browser, Page

from macros.content.load import load_catalog
from macros.content.model import RATING_LABELS
from macros.site.facets import entry_values
from macros.site.relations import build_relations

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
    assert count.inner_text() == "7 trainings and sessions, 4 with a recording to watch."
    assert len(_visible_titles(page)) == 7

    _tab_to(page, "input[name=topic][value=peer-support]")
    page.keyboard.press("Space")
    assert count.inner_text() == "Showing 6 of 7 trainings and sessions, 3 with a recording to watch."
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
    assert count.inner_text() == "Showing 6 of 7 trainings and sessions, 3 with a recording to watch."


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


def _option_counts(page: Page) -> dict[tuple[str, str], tuple[int, bool]]:
    """(facet, value) → (the count shown beside the option, whether it is disabled)."""
    found = page.evaluate(
        """() => Array.from(document.querySelectorAll("[data-hub-filter-form] input[type=checkbox]")).map(box => [
            box.name, box.value,
            parseInt(box.parentNode.querySelector("[data-hub-option-count]").textContent.slice(1), 10),
            box.disabled])"""
    )
    return {(name, value): (count, disabled) for name, value, count, disabled in found}


def test_each_option_shows_what_choosing_it_lists_computed_from_the_yaml(page: Page, fixture_url: str) -> None:
    content = ROOT / "tests" / "fixtures" / "content"
    catalog = load_catalog(content / "sessions", content / "docs")
    relations = build_relations(catalog)
    expected = Counter(
        (facet, value)
        for entry in relations.entries
        for facet, values in entry_values(entry).items()
        for value in values
    )
    page.goto(f"{fixture_url}trainings/")
    shown = _option_counts(page)
    assert shown, "no options"
    for (facet, value), (count, disabled) in shown.items():
        assert count == expected[(facet, value)], (facet, value)
        assert not disabled
        page.goto(f"{fixture_url}trainings/?{facet}={value}")
        assert len(_visible_titles(page)) == count, (facet, value)


def test_counts_follow_the_choices_and_no_choice_leads_to_an_empty_list(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/")
    page.get_by_role("checkbox", name="Postvention (1)").check()
    counts = _option_counts(page)
    assert counts[("year", "2021")] == (1, False)
    assert counts[("year", "2022")] == (0, True), "an option that would list nothing is disabled"
    assert counts[("topic", "peer-support")][0] == 6, "options of the chosen facet count as alternatives"
    # Walk every enabled option from here: none empties the list.
    for (facet, value), (_count, disabled) in counts.items():
        if disabled:
            continue
        box = page.locator(f"input[name={facet}][value='{value}']")
        box.click()
        assert _visible_titles(page), (facet, value)
        assert not page.locator("[data-hub-empty]").is_visible()
        box.click()


def test_keyword_narrows_and_an_empty_result_offers_to_widen(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/")
    page.get_by_label("Keyword").fill("de-escalation")
    assert _visible_titles(page) == ["De-escalation basics"]
    assert page.url.endswith("trainings/?q=de-escalation")
    assert _option_counts(page)[("topic", "postvention")] == (0, True)
    page.get_by_label("Keyword").fill("no such words anywhere")
    assert _visible_titles(page) == []
    empty = page.locator("[data-hub-empty]")
    assert empty.is_visible()
    empty.get_by_role("button", name="Clear all").click()
    assert len(_visible_titles(page)) == 7
    assert page.get_by_label("Keyword").input_value() == ""


def test_sort_by_title_and_back_to_newest(page: Page, fixture_url: str) -> None:
    page.goto(f"{fixture_url}trainings/")
    newest = _visible_titles(page)
    page.get_by_label("Sort").select_option("az")
    titles = _visible_titles(page)
    assert titles == sorted(newest, key=str.casefold)
    assert page.url.endswith("trainings/?sort=az")
    page.reload()
    assert _visible_titles(page) == titles
    page.get_by_label("Sort").select_option("")
    assert _visible_titles(page) == newest


def test_programs_sort_by_strongest_evidence(page: Page, shipped_url: str) -> None:
    programs = load_catalog(ROOT / "sessions", ROOT / "docs").programs.values()
    scale = list(RATING_LABELS)
    page.goto(f"{shipped_url}programs/")
    page.get_by_label("Sort").select_option("rating")
    names = page.locator("[data-hub-items] > tr > th:first-child").all_inner_texts()
    ratings = {p.name: scale.index(p.rating.value) for p in programs}
    assert [ratings[name] for name in names] == sorted(ratings[name] for name in names)
