"""The real site, built with `mkdocs build --strict`: every item has its page, and the pages link up."""

from __future__ import annotations

import re
from pathlib import Path

from macros.content.load import load_catalog
from macros.content.routes import page_paths
from macros.publish.linkcheck import HtmlPage as Page
from macros.publish.linkcheck import broken_links

from ..conftest import FIXTURES, ROOT


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_every_shipped_item_has_its_page(shipped_site: Path) -> None:
    catalog = load_catalog(ROOT / "sessions", ROOT / "docs")
    paths = page_paths(catalog)
    assert len(paths) == 7 + 3 + 2 + 8 + 13 + 2 + 4
    missing = [path for path in paths if not (shipped_site / path / "index.html").is_file()]
    assert missing == []


def test_every_fixture_item_has_its_page(fixture_site: Path) -> None:
    catalog = load_catalog(FIXTURES / "content" / "sessions", FIXTURES / "content" / "docs")
    missing = [path for path in page_paths(catalog) if not (fixture_site / path / "index.html").is_file()]
    assert missing == []


def test_no_link_or_anchor_is_broken(shipped_site: Path, fixture_site: Path) -> None:
    assert broken_links(shipped_site) == []
    assert broken_links(fixture_site) == []


def test_every_page_has_one_h1_and_the_help_lines(shipped_site: Path) -> None:
    pages = list(shipped_site.rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        if path.parent.name in ("search", "admin") or "404" in path.parts:  # admin/: the editor, not a page
            continue
        text = path.read_text(encoding="utf-8")
        page = Page(text)
        assert len(page.h1) == 1, path
        banner = text.split('class="hub-banner"', 1)[1].split("</p>", 1)[0]
        assert 'href="tel:988"' in banner, path  # one tap to 988 on every page
        assert 'href="sms:988"' in banner, path
        assert re.findall(r'href="tel:(\d+)"', banner) == ["988"], "the crisis bar offers crisis lines only"
        if path.parent.name != "get-help":
            assert re.search(r'href="[./]*get-help/"', text), path


def test_home_page_shows_help_and_what_the_site_holds(shipped_site: Path) -> None:
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    ways_in = home.split('aria-label="Ways in"', 1)[1].split("</ul>", 1)[0]
    for section in ("trainings/", "networks/", "programs/", "services/", "action-plans/"):
        assert f'href="{section}"' in ways_in, section
    roles = re.findall(r'<a href="trainings/\?audience=([a-z-]+)">[^<]+</a> <span class="hub-meta">(\d+) ', home)
    assert roles == [(role, "8") for role in ("organization-leaders", "peer-workers", "supervisors-and-managers")]
    assert 'href="networks/integrating-peer-support-2017/"' in home
    assert home.index('id="current"') < home.index('id="past"') < home.index("integrating-peer-support-2017")
    assert "No training or session on this site has a known date yet" in home  # the shipped sessions have none
    assert 'href="topics/secondary-traumatic-stress/"' in home
    assert '<a class="hub-banner__call" href="tel:988">Call 988</a>' in home


def test_series_lists_its_eight_sessions_in_order(shipped_site: Path) -> None:
    page = _html(shipped_site, "networks/integrating-peer-support-2017")
    numbers = re.findall(r'href="(\d+)/"', page)
    assert numbers == [str(n) for n in range(1, 9)]
    assert "Session 4 (untitled)" in page
    assert "Laying the Groundwork" in page
    for anchor in ("purpose", "background", "how-it-works", "objectives", "teams", "facilitators", "resources"):
        assert f'id="{anchor}"' in page, anchor
    assert page.count(">No recording</span>") == 8  # one phrase for "no recording", as a badge
    assert page.count(">No slides</td>") == 8


def test_untitled_session_says_so_and_invents_nothing(shipped_site: Path) -> None:
    page = _html(shipped_site, "networks/integrating-peer-support-2017/4")
    assert Page(page).h1 == ["Session 4 (untitled)"]
    assert "the source" not in page.lower()  # a maintainer's note, not words for providers
    assert "Date not recorded" in page


def test_people_topics_and_programs_link_to_each_other(shipped_site: Path) -> None:
    person = _html(shipped_site, "people/leah-harris")
    assert 'href="../../networks/integrating-peer-support-2017/"' in person
    topic = _html(shipped_site, "topics/secondary-traumatic-stress")
    assert len(re.findall(r'href="\.\./\.\./programs/[a-z]', topic)) == 13
    assert "doi.org/10.1093/sw/52.1.63" in topic
    program = _html(shipped_site, "programs/community-resiliency-model")
    rating = '<span class="hub-rating-badge">3</span> <strong>Scientific rating: Promising Research Evidence</strong>'
    assert rating in program
    assert 'href="../../topics/secondary-traumatic-stress/"' in program


def test_no_personal_email_is_published(shipped_site: Path) -> None:
    for path in shipped_site.rglob("*.html"):
        assert "nasmhpd.org" not in path.read_text(encoding="utf-8"), path


def test_item_pages_stay_out_of_the_navigation(shipped_site: Path) -> None:
    page = _html(shipped_site, "programs/sanctuary-model")
    assert "programs/ce-cert" not in page
    assert "people/leah-harris" not in page
    assert len(page.encode()) < 40_000


def test_fixture_training_links_presenter_files_and_archive(fixture_site: Path) -> None:
    page = _html(fixture_site, "trainings/de-escalation-basics")
    assert 'href="../../people/ada-lovelace/"' in page
    assert 'href="../../files/slides.pdf"' in page
    assert "(PDF, " in page
    assert 'href="../../archives/test-archive/"' in page
    assert "2 April 2019" in page
    assert page.index("Content note") < page.index('id="recording"')
    archive = _html(fixture_site, "archives/test-archive")
    assert 'href="../../trainings/de-escalation-basics/"' in archive
