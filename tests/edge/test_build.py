"""Builds that must fail safely, and content that must stay data: real `mkdocs build --strict` runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import make_project, mkdocs_build
from ..conftest import tree_digest as _digest

NASTY_TITLE = '<script>alert("x")</script> {{ 7*7 }} {% raw %} & </title>'


@pytest.fixture
def built_project(tmp_path: Path) -> tuple[Path, Path, str]:
    """A project with a good site already published, and the site's digest."""
    project = make_project(tmp_path / "project")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site, _digest(site)


def _assert_untouched(site: Path, digest: str) -> None:
    assert _digest(site) == digest
    assert sorted(path.name for path in site.parent.iterdir()) == ["project", "site"], "staging folder left behind"


def test_yaml_text_is_escaped_and_template_code_stays_literal(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    training = project / "sessions" / "trainings" / "nasty.yaml"
    training.write_text(
        f"title: '{NASTY_TITLE}'\ndate: 2020\nsummary: '{{{{ config.site_name }}}} <img src=x onerror=alert(1)>'\n",
        encoding="utf-8",
    )
    site_yaml = project / "sessions" / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text(encoding="utf-8").replace(
            "  - name: Test support line\n",
            "  - name: '<b>Bold</b> {{ 7*7 }}'\n",
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "trainings" / "nasty" / "index.html").read_text(encoding="utf-8")
    assert "Bold" not in page.split('class="hub-banner"', 1)[1].split("</p>", 1)[0], "a support line is not in the bar"
    get_help = (tmp_path / "site" / "get-help" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Bold&lt;/b&gt; {{ 7*7 }}</h3>" in get_help
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; {{ 7*7 }} {% raw %} &amp; &lt;/title&gt;" in page
    assert "{{ config.site_name }} &lt;img src=x onerror=alert(1)&gt;" in page
    assert "49" not in page.split("<title>")[1].split("</title>")[0]
    listing = (tmp_path / "site" / "trainings" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in listing
    assert "<script>alert" not in listing


def test_content_error_fails_with_file_line_and_keeps_the_old_site(built_project: tuple[Path, Path, str]) -> None:
    project, site, digest = built_project
    bad = project / "sessions" / "trainings" / "bad.yaml"
    bad.write_text(
        "title: A talk\ndate: 2020-13\nsummary: x\nhandouts:\n  - title: h\n    status: available\n"
        "    url: javascript:alert(1)\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "sessions/trainings/bad.yaml:2: date: '2020-13' has no month 13" in result.stderr
    assert "sessions/trainings/bad.yaml:7: handouts[0].url: must start with https://" in result.stderr
    assert "Traceback" not in result.stderr
    _assert_untouched(site, digest)


def test_macro_error_fails_and_keeps_the_old_site(built_project: tuple[Path, Path, str]) -> None:
    project, site, digest = built_project
    page = project / "docs" / "people" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('listing("person")', 'listing("peeple")'), encoding="utf-8"
    )
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "listing('peeple'): unknown kind" in result.stderr
    _assert_untouched(site, digest)


def test_strict_warning_fails_and_keeps_the_old_site(built_project: tuple[Path, Path, str]) -> None:
    project, site, digest = built_project
    (project / "docs" / "get-help.md").write_text("# Help\n\n[broken](nowhere.md)\n", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    _assert_untouched(site, digest)


def test_good_rebuild_replaces_the_site(built_project: tuple[Path, Path, str]) -> None:
    project, site, digest = built_project
    person = project / "sessions" / "people" / "grace-hopper.yaml"
    person.write_text("name: Grace Brewster Hopper\n", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert _digest(site) != digest
    assert "Grace Brewster Hopper" in (site / "people" / "grace-hopper" / "index.html").read_text(encoding="utf-8")
    _assert_untouched(site, _digest(site))
