"""The benchmark's synthetic content must stay valid as the schema grows: built with --strict, as the benchmark does."""

from __future__ import annotations

from pathlib import Path

from benchmarks.baseline import write_baseline
from benchmarks.synthetic import write_english_only, write_project

from ..conftest import mkdocs_build


def test_synthetic_site_builds_strict_with_a_page_per_item(tmp_path: Path) -> None:
    project = tmp_path / "project"
    counts = write_project(project, trainings=100)
    assert len(counts.paths["training"]) == 100
    assert {"topic", "person", "series", "session", "program", "service"} <= set(counts.paths)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    pages = [path for paths in counts.paths.values() for path in paths]
    missing = [path for path in pages if not (project / "site" / path / "index.html").is_file()]
    assert not missing, f"{len(missing)} of {len(pages)} items have no page, e.g. {missing[:3]}"
    missing = [path for path in pages if not (project / "site" / "es" / path / "index.html").is_file()]
    assert not missing, f"{len(missing)} of {len(pages)} items have no Spanish page, e.g. {missing[:3]}"
    spanish = (project / "site" / "es" / "trainings" / "training-00001" / "index.html").read_text(encoding="utf-8")
    assert "(1)</h1>" in spanish
    assert 'lang="es"' in spanish


def test_english_only_variant_has_no_spanish(tmp_path: Path) -> None:
    """`benchmarks.run --languages` compares the site with the same site in English alone."""
    project = tmp_path / "project"
    counts = write_project(project, trainings=20)
    write_english_only(project, tmp_path / "english")
    assert not (tmp_path / "english" / "sessions" / "es").exists()
    assert not (tmp_path / "english" / "docs" / "es").exists()
    result = mkdocs_build(tmp_path / "english", tmp_path / "english" / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "english" / "site" / "es").exists()
    for path in counts.paths["training"]:
        assert (tmp_path / "english" / "site" / path / "index.html").is_file(), path
    home = (tmp_path / "english" / "site" / "index.html").read_text(encoding="utf-8")
    assert "hreflang" not in home


def test_baseline_has_the_same_pages_without_our_hooks_or_macros(tmp_path: Path) -> None:
    """Stock Material with the same pages, English only; its one hook only hands the templates their English words."""
    project = tmp_path / "project"
    counts = write_project(project, trainings=20)
    write_baseline(project, tmp_path / "baseline")
    config = (tmp_path / "baseline" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "macros/edge/hooks.py" not in config
    assert "baseline_hook.py" in config
    assert "macros" not in config.replace("macros/edge", "")
    assert not (tmp_path / "baseline" / "docs" / "es").exists()
    result = mkdocs_build(tmp_path / "baseline", tmp_path / "baseline" / "site")
    assert result.returncode == 0, result.stderr
    for paths in counts.paths.values():
        for path in paths:
            assert (tmp_path / "baseline" / "site" / path / "index.html").is_file(), path
    catalog = (tmp_path / "baseline" / "site" / "trainings" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in catalog
    assert "training-00019/" in catalog
