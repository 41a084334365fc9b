"""Finding things on the built sites: topic pages hold exactly what is tagged, the catalog and home page list it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content.load import load_catalog
from macros.content.model import Catalog

from ..conftest import FIXTURES, ROOT, make_project, mkdocs_build


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _expected_on_topic(catalog: Catalog, topic_id: str) -> set[str]:
    """Addresses of every item tagged with the topic, computed from the YAML, not from the indexes."""
    paths = {f"trainings/{t.id}/" for t in catalog.trainings.values() if topic_id in t.topics}
    for series in catalog.series.values():
        if topic_id in series.topics:
            base = f"{'networks' if series.kind == 'vln' else 'archives'}/{series.id}/"
            paths.add(base)
            paths.update(f"{base}{session.number}/" for session in series.sessions)
    paths.update(f"programs/{p.id}/" for p in catalog.programs.values() if topic_id in p.topics)
    paths.update(f"services/{s.id}/" for s in catalog.services.values() if topic_id in s.topics)
    paths.update(f"action-plans/{p.id}/" for p in catalog.action_plans.values() if topic_id in p.topics)
    return paths


def _linked_items(html: str) -> list[str]:
    """Item links inside the topic's groups, made site-absolute (topic pages sit two levels deep)."""
    body = html[html.index('<article class="hub-item hub-topic">') :]
    body = body[: body.index("</article>")]
    if 'id="reading"' in body:
        body = body[: body.index('id="reading"')]
    links = re.findall(r'href="\.\./\.\./([a-z-]+/[^"#]+)"', body)
    return [link for link in links if not link.startswith(("topics/", "files/", "people/"))]


@pytest.mark.parametrize(("project", "site_fixture"), [(ROOT, "shipped_site"), (FIXTURES / "content", "fixture_site")])
def test_every_topic_page_lists_exactly_its_items_once(
    project: Path, site_fixture: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    catalog = load_catalog(project / "sessions", project / "docs")
    for topic_id in catalog.topics:
        links = _linked_items(_html(site, f"topics/{topic_id}"))
        links = [link for link in links if link != "programs/"]  # the rating-scale explanation
        assert len(links) == len(set(links)), topic_id
        assert set(links) == _expected_on_topic(catalog, topic_id), topic_id


def test_topics_page_lists_every_topic_with_its_count(shipped_site: Path) -> None:
    page = _html(shipped_site, "topics")
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs")
    for topic_id in catalog.topics:
        assert f'href="{topic_id}/"' in page
    stress = re.search(r'href="secondary-traumatic-stress/"[^>]*>[^<]+</a> <span[^>]*>(\d+) items', page)
    assert stress is not None
    assert int(stress.group(1)) >= 13  # the thirteen CEBC programs at least


def test_catalog_page_lists_every_session_without_javascript(shipped_site: Path) -> None:
    page = _html(shipped_site, "trainings")
    items = re.findall(r'<li class="hub-card" data-t="[^"]*"[^>]*>\s*<a href="([^"]+)"', page)
    assert len(items) == 8
    assert items[0] == "../networks/integrating-peer-support-2017/1/"
    assert '<form class="hub-filters" data-hub-filter-form' in page
    assert "javascripts/filters.js" in page


def test_programs_page_has_the_scale_once_and_a_rating_filter(shipped_site: Path) -> None:
    page = _html(shipped_site, "programs")
    assert page.count('id="how-the-rating-scale-works"') == 1
    assert len(re.findall(r"<tr data-r=", page)) == 13
    assert 'name="rating" value="NR"' in page
    assert '<table class="hub-stack hub-programs__table">\n<caption>Programs and their ratings' in page


def test_an_unknown_id_in_a_macro_call_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    page = project / "docs" / "topics" / "extra.md"
    page.write_text('---\nrender_macros: true\n---\n\n# Extra\n\n{{ topic_listing("no-such-topic") }}\n')
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/topics/extra.md: topic_listing('no-such-topic'): no such id; known ids: peer-support" in result.stderr
    assert not (tmp_path / "site").exists()


def test_series_page_links_its_calendar_and_says_what_is_left_out(shipped_site: Path, fixture_site: Path) -> None:
    page = _html(shipped_site, "networks/integrating-peer-support-2017")
    assert ".ics" not in page, "no session has a known day: no calendar is offered"
    assert '<table class="hub-stack">\n<caption>The 8 sessions of' in page
    fixture = _html(fixture_site, "networks/test-vln")
    assert 'href="../../calendar/test-vln.ics"' in fixture
    assert "1 of 3 sessions; sessions without a known day are listed here but left out of the file" in fixture


def test_a_topic_page_opens_with_links_to_each_group_and_its_count(fixture_site: Path) -> None:
    page = _html(fixture_site, "topics/peer-support")
    jump = re.search(r'<nav class="hub-jump" aria-label="On this topic">(.*?)</nav>', page, re.S)
    assert jump is not None
    links = re.findall(r'<a href="#([a-z-]+)">([^<]+)</a>', jump.group(1))
    assert links == [
        ("trainings", "6 trainings and sessions, 3 with a recording to watch"),
        ("series", "2 learning networks and archives"),
        ("action-plans", "1 action-plan template"),
    ]
    for anchor, _ in links:
        assert f'id="{anchor}"' in page
    assert page.index('class="hub-jump"') < page.index('<h2 id="trainings"')
