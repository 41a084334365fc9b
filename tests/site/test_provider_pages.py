"""What providers see on every page: no maintainer notes, only the scripts a page uses, a real 404 page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

MAINTAINER_PHRASES = (
    "the source",
    "not given in the source",
    "does not give this session a title",
    "from commit",
    "address was not kept",
)
"""Notes meant for whoever keeps the content: they belong in `validate` and on the maintainers' page."""

SCRIPTS = {
    "player.js": ("data-hub-player", "data-hub-seek"),
    "filters.js": ("data-hub-filter",),
    "action-plan.js": ("data-plan-id",),
    "device.js": ("data-plan-id", "data-hub-learn", "data-hub-my-learning"),
    "learning.js": ("data-hub-learn", "data-hub-my-learning"),
    "my-learning.js": ("data-hub-my-learning",),
}
"""Each of the hub's scripts and the hook in a page's HTML that it works on."""


def _provider_pages(site: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site).as_posix()
        if address.startswith(("maintainers/", "search/")):
            continue
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in text:
            pages[address] = text
    return pages


def _visible_text(html: str) -> str:
    body = html.split("<body", 1)[1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body).lower()


@pytest.mark.parametrize("which", ["shipped_site", "fixture_site"])
def test_no_maintainer_notes_on_provider_pages(request: pytest.FixtureRequest, which: str) -> None:
    site: Path = request.getfixturevalue(which)
    for address, html in _provider_pages(site).items():
        text = _visible_text(html)
        for phrase in MAINTAINER_PHRASES:
            assert phrase not in text, f"{address}: {phrase!r}"


@pytest.mark.parametrize("which", ["shipped_site", "fixture_site"])
def test_each_page_loads_only_the_scripts_it_uses_and_defers_them(request: pytest.FixtureRequest, which: str) -> None:
    site: Path = request.getfixturevalue(which)
    used = dict.fromkeys(SCRIPTS, 0)
    for address, html in _provider_pages(site).items():
        head, body = html.split("<body", 1)
        assert not re.search(r'<script src="[./]*javascripts/', head), f"{address}: a script in the head"
        for script, hooks in SCRIPTS.items():
            tag = re.search(rf'<script src="[./]*javascripts/{re.escape(script)}"([^>]*)>', body)
            assert bool(tag) == any(hook in body for hook in hooks), f"{address}: {script}"
            if tag:
                assert "defer" in tag.group(1), f"{address}: {script} blocks rendering"
                used[script] += 1
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "action-plan.js" not in home
    assert "action-plan.css" not in home
    wanted = ("filters.js", "action-plan.js") if which == "shipped_site" else ("player.js", "filters.js")
    wanted += ("device.js", "learning.js", "my-learning.js")
    assert all(used[script] for script in wanted), used


def test_the_404_page_offers_search_the_ways_in_and_help(shipped_site: Path) -> None:
    page = (shipped_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>We could not find that page</h1>" in page
    assert '<label class="md-button" for="__search">Search the hub</label>' in page
    for section in ("trainings/", "networks/", "topics/", "programs/", "services/", "action-plans/", "get-help/"):
        assert f'href="/{section}"' in page, section
    assert 'href="tel:988"' in page


def test_a_person_page_links_to_where_the_person_appears(shipped_site: Path) -> None:
    expert = (shipped_site / "people" / "ginny-sprang" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../topics/secondary-traumatic-stress/"' in expert
    topic = (shipped_site / "topics" / "secondary-traumatic-stress" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../people/ginny-sprang/"' in topic


def test_summaries_in_listings_end_at_a_sentence_or_a_word(shipped_site: Path) -> None:
    topics = (shipped_site / "topics" / "index.html").read_text(encoding="utf-8")
    summaries = re.findall(r'<span class="hub-card__summary">([^<]+)</span>', topics)
    assert summaries
    for summary in summaries:
        assert summary.endswith((".", "…")), summary
        if summary.endswith("…"):
            assert summary[-2].isalnum(), summary
