"""`python -m macros build`: strict build, link check, then one swap; any failure leaves `site/` as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.publish.linkcheck import check_site

from ..conftest import make_project, mkdocs_build
from ..conftest import tree_digest as _digest


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", "build"], cwd=project, capture_output=True, text=True, check=False
    )


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, str]:
    """A project whose site/ was published by the build command, and that site's digest."""
    project = make_project(tmp_path / "project")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert "Published the new site in site/." in result.stdout
    return project, _digest(project / "site")


def _leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith("."))


def _break_a_link(project: Path) -> None:
    """Raw HTML links are not seen by MkDocs' own validation; only the link check can catch them."""
    page = project / "docs" / "get-help.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n<p><a href="../no-such-page/">gone</a> <a href="#no-such-anchor">here</a></p>\n',
        encoding="utf-8",
    )


def test_build_publishes_and_leaves_no_temporary_folder(published: tuple[Path, str]) -> None:
    project, _ = published
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "people" / "grace-hopper" / "index.html").is_file()
    assert _leftovers(project) == []
    report = (project / "build" / "external-links.txt").read_text(encoding="utf-8")
    assert "https://988lifeline.org" in report
    assert "    get-help/index.html" in report


def test_broken_link_fails_the_build_and_keeps_the_old_site(published: tuple[Path, str]) -> None:
    project, digest = published
    _break_a_link(project)
    result = _build(project)
    assert result.returncode == 1
    assert "get-help/index.html: ../no-such-page/ (no such page or file)" in result.stderr
    assert "get-help/index.html: #no-such-anchor (no anchor #no-such-anchor on that page)" in result.stderr
    assert "site/ was not changed" in result.stderr
    assert _digest(project / "site") == digest
    assert _leftovers(project) == []


def test_content_error_fails_the_build_and_keeps_the_old_site(published: tuple[Path, str]) -> None:
    project, digest = published
    (project / "sessions" / "people" / "broken.yaml").write_text("name: [not, text]\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode == 1
    assert "sessions/people/broken.yaml:1: name: must be a single value" in result.stderr
    assert _digest(project / "site") == digest
    assert _leftovers(project) == []


def test_good_rebuild_replaces_the_site(published: tuple[Path, str]) -> None:
    project, digest = published
    (project / "sessions" / "people" / "grace-hopper.yaml").write_text("name: Grace B. Hopper\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert _digest(project / "site") != digest
    assert "Grace B. Hopper" in (project / "site" / "people" / "grace-hopper" / "index.html").read_text("utf-8")
    assert _leftovers(project) == []


def test_link_check_names_each_broken_link_and_lists_external_ones(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _break_a_link(project)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, "MkDocs alone does not see raw HTML links: " + result.stderr
    report = check_site(site, "http://127.0.0.1:8000/")
    assert [str(problem) for problem in report.broken] == [
        "get-help/index.html: ../no-such-page/ (no such page or file)",
        "get-help/index.html: #no-such-anchor (no anchor #no-such-anchor on that page)",
    ]
    assert "https://988lifeline.org" in report.external
    assert not any(url.startswith("http://127.0.0.1:8000/") for url in report.external), "own pages are internal"
    assert report.pages > 20


def test_deploy_address_from_site_url_reaches_every_page(tmp_path: Path) -> None:
    """The deploy workflow passes the Pages address (with its /repo/ base path) as SITE_URL."""
    project = make_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"SITE_URL": "https://owner.github.io/hub"},
    )
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "people" / "grace-hopper" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://owner.github.io/hub/people/grace-hopper/">' in page
    assert "<loc>https://owner.github.io/hub/people/grace-hopper/</loc>" in (site / "sitemap.xml").read_text("utf-8")
    assert '"$id": "https://owner.github.io/hub/schema/training.json"' in (site / "schema" / "training.json").read_text(
        "utf-8"
    )
    assert "/hub/assets/" in (site / "404.html").read_text(encoding="utf-8"), "the 404 page links from the server root"
