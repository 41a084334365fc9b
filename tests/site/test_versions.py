"""What build a visitor sees (date and commit in the footer), and that every page is findable: canonical + sitemap."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from macros.content.load import load_catalog
from macros.content.routes import page_paths
from macros.publish.project import build_date, commit, site_url

from ..conftest import FIXTURES, ROOT

SITE_URL = "http://127.0.0.1:8000/"


def _pages(site: Path) -> dict[str, str]:
    """Every HTML page by its address, except the 404 page (it has no address of its own) and redirects."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        text = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text or path.parent.name == "admin":  # redirects; the editor is no page
            continue
        address = path.parent.relative_to(site).as_posix()
        pages["" if address == "." else f"{address}/"] = text
    return pages


def test_footer_names_the_build_date_and_the_source_names_the_commit(shipped_site: Path, fixture_site: Path) -> None:
    """Providers see when the site was updated; the commit is for maintainers, in the page source only."""
    stamp = re.compile(r'<meta name="hub-build" content="(\d{4}-\d{2}-\d{2}) ([0-9a-f]+|unknown)">')
    for address, text in _pages(shipped_site).items():
        footer = text.split('class="md-footer"', 1)[1]
        if address.startswith("es/"):  # the day in words, in Spanish
            assert re.search(r'<p class="hub-build">Actualizado el \d{1,2} de [a-z]+ de \d{4}\.</p>', footer), address
        else:
            assert re.search(r'<p class="hub-build">Updated \d{4}-\d{2}-\d{2}\.</p>', footer), address
        assert "commit" not in footer
    stamps = set()
    for address, text in _pages(shipped_site).items():
        match = stamp.search(text)
        assert match, address
        stamps.add(match.groups())
    assert len(stamps) == 1, "one build, one stamp"
    (day, built_from), *_ = stamps
    assert day == build_date()
    ancestor = ["git", "merge-base", "--is-ancestor", built_from, "HEAD"]
    assert subprocess.run(ancestor, cwd=ROOT, check=False).returncode == 0, "a commit of this checkout's history"
    fixture = stamp.search((fixture_site / "index.html").read_text(encoding="utf-8"))
    assert fixture
    assert fixture.group(2) == "unknown", "the fixture project is copied outside git"


def test_commit_is_unknown_outside_git(tmp_path: Path) -> None:
    assert commit(tmp_path) == "unknown"
    assert re.fullmatch(r"[0-9a-f]{4,40}", commit(ROOT))


def test_build_date_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date() == "2023-11-14"


def test_site_url_reads_mkdocs_yml_and_env_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site_url(ROOT / "mkdocs.yml").startswith("http")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nsite_url: !ENV [HUB_TEST_URL, 'https://example.org/hub']\n", encoding="utf-8")
    monkeypatch.delenv("HUB_TEST_URL", raising=False)
    assert site_url(config) == "https://example.org/hub/"
    monkeypatch.setenv("HUB_TEST_URL", "https://owner.github.io/repo/")
    assert site_url(config) == "https://owner.github.io/repo/"


@pytest.mark.parametrize("which", ["shipped", "fixture"])
def test_every_page_has_its_canonical_link_and_is_in_the_sitemap(
    which: str, shipped_site: Path, fixture_site: Path
) -> None:
    site = shipped_site if which == "shipped" else fixture_site
    content = ROOT if which == "shipped" else FIXTURES / "content"
    pages = _pages(site)
    generated = page_paths(load_catalog(content / "sessions", content / "docs"))
    assert set(generated) <= set(pages), "every generated item page is built"
    sitemap = set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    wrong = []
    for address, text in pages.items():
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', text)
        if canonical != [f"{SITE_URL}{address}"]:
            wrong.append(f"{address}: canonical {canonical}")
        if f"{SITE_URL}{address}" not in sitemap:
            wrong.append(f"{address}: not in sitemap.xml")
    assert wrong == []
    assert len(sitemap) == len(pages), "the sitemap lists nothing that is not a page"
