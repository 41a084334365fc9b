"""Two builds in one process, as `mkdocs serve` runs them: the second sees the edit and nothing of the first."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from macros.edge.build import build_of

from ..conftest import make_project
from ..site.test_search import pagefind_fragments


def _build(project: Path, site: Path) -> MkDocsConfig:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return config


def _search_titles(site: Path) -> set[str]:
    return {str(fragment["meta"]["title"]) for fragment in pagefind_fragments(site)}


def test_a_second_build_in_the_same_process_sees_the_change_and_starts_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = make_project(tmp_path / "project")
    site = tmp_path / "site"
    training = project / "sessions" / "trainings" / "de-escalation-basics.yaml"
    page = site / "trainings" / "de-escalation-basics" / "index.html"

    first = _build(project, site)
    assert "<h1>De-escalation basics</h1>" in page.read_text(encoding="utf-8")
    assert "De-escalation basics" in _search_titles(site)
    with pytest.raises(RuntimeError, match="no catalog loaded"):
        build_of(first)  # the build object went with the build

    training.write_text(
        training.read_text(encoding="utf-8").replace("title: De-escalation basics", "title: Calming a tense moment"),
        encoding="utf-8",
    )
    second = _build(project, site)
    html = page.read_text(encoding="utf-8")
    assert "<h1>Calming a tense moment</h1>" in html
    assert "De-escalation basics" not in html
    assert "Calming a tense moment" in _search_titles(site)
    assert "De-escalation basics" not in _search_titles(site)
    catalog = (site / "trainings" / "index.html").read_text(encoding="utf-8")
    assert "Calming a tense moment" in catalog
    assert "De-escalation basics" not in catalog
    with pytest.raises(RuntimeError, match="no catalog loaded"):
        build_of(second)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"], "staging folder left behind"
