"""The listing macros on the small fixture catalog: exact items, order, grouping and errors."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from macros.content.kinds import BY_NAME, kind
from macros.content.load import load_catalog
from macros.content.model import Catalog
from macros.content.routes import relative
from macros.site.listings import (
    UnknownId,
    catalog_list,
    for_your_role,
    latest,
    listing,
    programs_table,
    series_schedule,
    split_series,
    topic_groups,
    topic_listing,
)
from macros.site.relations import build_relations

from ..conftest import FIXTURES

CATALOG = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
RELATIONS = build_relations(CATALOG)


def _links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html)


def test_topic_index_groups_everything_on_the_topic_newest_first() -> None:
    html = topic_listing("peer-support", CATALOG, RELATIONS, "topics/")
    entries = [link for link in _links(html) if "/topics/" not in link]
    assert entries == [
        "../trainings/short-clip/",  # 2022
        "../trainings/de-escalation-basics/",  # 2019-04-02
        "../networks/test-vln/2/",  # 2017-02
        "../networks/test-vln/1/",  # 2017-01-12
        "../trainings/undated-talk/",  # undated: after the dated ones
        "../networks/test-vln/3/",
        "../networks/test-vln/",  # the series, in their own group, latest start first
        "../archives/test-archive/",
        "../action-plans/team-check-in/",  # action-plan templates last
    ]
    assert "Trainings and sessions (6)" in html
    assert "Learning networks and archives (2)" in html
    assert "programs/" not in html


def test_topic_groups_list_each_item_once_and_only_items_tagged_with_it() -> None:
    for topic_id in CATALOG.topics:
        groups = {group.kind.name: group.items for group in topic_groups(topic_id, RELATIONS)}
        paths = [entry.path for entry in groups.get("training", [])]
        assert len(paths) == len(set(paths))
        for items in groups.values():
            assert all(topic_id in item.topics for item in items)
    postvention = {group.kind.name: group.items for group in topic_groups("postvention", RELATIONS)}
    assert [p.id for p in postvention["program"]] == ["calm-teams"]
    assert [s.id for s in postvention["service"]] == ["postvention"]


def test_unknown_ids_name_the_call_and_the_known_ids() -> None:
    with pytest.raises(UnknownId, match=r"topic_listing\('nope'\): no such id; known ids: peer-support, postvention"):
        topic_listing("nope", CATALOG, RELATIONS, "")
    with pytest.raises(UnknownId, match=r"series_schedule\('nope'\)"):
        series_schedule("nope", CATALOG, "")
    with pytest.raises(UnknownId, match=r"programs_table\('nope'\)"):
        programs_table("nope", CATALOG, "")
    with pytest.raises(UnknownId, match=r"listing\('nope'\): unknown kind"):
        listing("nope", CATALOG, RELATIONS, {}, "")
    with pytest.raises(UnknownId, match="1 or more"):
        latest(0, RELATIONS, CATALOG, "")


def _decode(html: str) -> dict[str, dict[str, set[str]]]:
    """Each item's facet values as the filter script reads them: one-letter attributes of codes, decoded
    through the checkboxes (name, value, data-code) of the fieldset with that letter."""
    codes: dict[str, dict[str, str]] = {}
    for key, body in re.findall(r'<fieldset class="hub-facet" data-key="(\w)">(.*?)</fieldset>', html, re.S):
        boxes = re.findall(r'name="(\w+)" value="([^"]+)" data-code="(\w+)"', body)
        codes[key] = {code: f"{name}={value}" for name, value, code in boxes}
    items = {}
    card = r'<li class="hub-card"((?: data-\w="[^"]*")+)(?: data-w)?>\s*<a href="([^"]+)"'
    for attributes, path in re.findall(card, html):
        values: set[str] = set()
        for key, text in re.findall(r'data-(\w)="([^"]*)"', attributes):
            values.update(codes[key][code] for code in text.split() if key in codes)
        items[path] = values
    return items


def test_catalog_lists_every_training_and_session_with_its_facets() -> None:
    html = catalog_list(CATALOG, RELATIONS, "trainings/")
    items = _decode(html)
    assert list(items) == [relative("trainings/", entry.path) for entry in RELATIONS.entries]
    assert items["short-clip/"] == {"topic=peer-support", "format=unspecified", "year=2022", "recording=yes"}
    assert items["../networks/test-vln/1/"] == {
        "topic=peer-support", "format=vln-session", "year=2017", "recording=no",
    }  # fmt: skip
    assert "year=unknown" in items["undated-talk/"]
    assert "format=live-online" in items["de-escalation-basics/"]  # one audience in use: no audience facet
    assert '<form class="hub-filters" data-hub-filter-form' in html  # hidden by html.no-js: no dead controls
    assert 'aria-live="polite"' in html


def test_every_item_carries_one_attribute_per_facet_and_codes_are_unique() -> None:
    html = catalog_list(CATALOG, RELATIONS, "trainings/")
    for attributes in re.findall(r"<li class=\"hub-card\"((?: data-\w=\"[^\"]*\")+)", html):
        assert re.findall(r"data-(\w)=", attributes) == ["t", "a", "f", "y", "r"]
    for body in re.findall(r"<fieldset.*?</fieldset>", html, re.S):
        codes = re.findall(r'data-code="(\w+)"', body)
        assert len(codes) == len(set(codes))


def test_catalog_facet_options_carry_counts_and_only_values_in_use() -> None:
    html = catalog_list(CATALOG, RELATIONS, "trainings/")
    years = re.findall(r'name="year" value="([^"]+)"', html)
    assert years == ["2022", "2021", "2019", "2017", "unknown"]
    assert 'value="in-person"' not in html
    assert re.search(
        r'value="peer-support" data-code="\w+"> Peer support <span class="hub-facet__count"[^>]*>\(6\)', html
    )


def test_series_schedule_lists_sessions_and_counts_what_the_calendar_holds() -> None:
    html = series_schedule("test-vln", CATALOG, "networks/test-vln/")
    assert re.findall(r'<th scope="row" data-label="Session"><a href="(\d)/">', html) == ["1", "2", "3"]
    assert "12 January 2017, 12:00" in html
    assert 'href="../../calendar/test-vln.ics"' in html
    assert "1 of 3 sessions; sessions without a known day are listed here but left out of the file" in html


def test_programs_table_explains_the_scale_once_and_filters_by_topic() -> None:
    html = programs_table(None, CATALOG, "programs/")
    assert html.count('id="how-the-rating-scale-works"') == 1
    assert re.search(r'<tr data-r="\w+" data-t="[^"]*">', html)
    assert "data-hub-filter-form" in html
    on_topic = programs_table("peer-support", CATALOG, "topics/peer-support/")
    assert "calm-teams" not in on_topic
    assert "data-hub-filter-form" not in on_topic


def test_for_your_role_is_left_out_when_the_catalog_has_no_audience_filter() -> None:
    """The fixture's entries are all for one audience: no checkbox to filter by, so no role links either."""
    assert for_your_role(CATALOG, RELATIONS, "") == ""


def test_latest_shows_only_dated_entries_newest_first() -> None:
    html = latest(2, RELATIONS, CATALOG, "")
    assert _links(html) == ["trainings/short-clip/", "trainings/team-debrief/"]
    assert "undated-talk" not in latest(10, RELATIONS, CATALOG, "")


def test_series_split_into_current_and_past_by_the_build_date() -> None:
    current, past = split_series(CATALOG, date(2017, 6, 1))
    assert "test-vln" in [s.id for s in current]
    current, past = split_series(CATALOG, date(2026, 1, 1))
    assert "test-vln" in [s.id for s in past]


def test_an_empty_topic_says_so() -> None:
    empty = Catalog(site=CATALOG.site, topics=CATALOG.topics)
    assert "Nothing on this topic yet." in topic_listing("postvention", empty, build_relations(empty), "")


def test_a_kind_without_a_listing_of_its_own_gets_linked_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new kind (here a copy of topics called announcements) is listed before anyone writes a branch for it."""
    new = dataclasses.replace(kind("topic"), name="announcement", folder="announcements")
    monkeypatch.setitem(BY_NAME, "announcement", new)
    html = listing("announcement", CATALOG, RELATIONS, {}, "announcements/")
    for topic in CATALOG.topics.values():
        assert f'<a href="{topic.id}/">{topic.title}</a>' in html
