"""My learning's pages and controls in the built sites: where a control is and is not, credit only where named."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..conftest import pagefind_fragments


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_shipped_my_learning_says_why_nothing_can_be_marked_yet(shipped_site: Path) -> None:
    page = _text(_html(shipped_site, "my-learning"))
    assert "Why nothing can be marked as watched yet:" in page
    assert "None of the 8 trainings and sessions here has a recording to watch on this site yet" in page
    assert "On a shared or clinic computer:" in page
    assert 'href="my-learning/"' in _html(shipped_site, "")  # in the menu


def test_a_watched_control_only_where_there_is_something_to_watch(shipped_site: Path, fixture_site: Path) -> None:
    for page in shipped_site.rglob("index.html"):
        assert "data-keep-watch" not in page.read_text(encoding="utf-8"), page
    session = _html(shipped_site, "networks/integrating-peer-support-2017/1")
    assert 'data-hub-learn="session:integrating-peer-support-2017/1"' in session
    assert "data-keep-save" in session
    clip = _html(fixture_site, "trainings/short-clip")
    assert 'data-minutes="1"' in clip
    assert "data-keep-watch" in clip
    own = _html(fixture_site, "networks/test-vln/3")
    assert "data-keep-watch" in own
    assert "data-minutes" not in own
    assert '<label for="keep-minutes">How long you watched, in minutes</label>' in own
    assert "data-keep-watch" not in _html(fixture_site, "trainings/undated-talk")
    assert "data-hub-learn" not in _html(fixture_site, "topics/peer-support")


def test_credit_is_shown_where_named_and_never_implied(fixture_site: Path) -> None:
    debrief = _html(fixture_site, "trainings/team-debrief")
    text = _text(debrief)
    assert "Credit offered 0.75 CE hours for social workers Offered by Example Board of Continuing Education" in text
    assert '<a href="https://ce.example.org/evaluations/team-debrief" rel="noopener">' in debrief
    assert "The board asks for its evaluation within a year of watching." in text
    assert "This site does not award credit or keep attendance." in text
    other = _text(_html(fixture_site, "trainings/de-escalation-basics")).lower()
    assert "credit" not in other


def test_the_documents_are_not_search_results(fixture_site: Path) -> None:
    urls = {fragment["url"] for fragment in pagefind_fragments(fixture_site)}
    assert "/my-learning/" in urls
    assert not {"/my-learning/certificate/", "/my-learning/record/"} & urls
