"""Shared fixtures: a small valid content tree, golden bad-input cases, and one real built site per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(target: Path, content: Path = FIXTURES / "content") -> Path:
    """A buildable project: the real mkdocs.yml, overrides and hand-written docs, with `content`'s YAML and files."""
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("files"))
    shutil.copytree(content / "docs" / "files", target / "docs" / "files")
    shutil.copytree(content / "sessions", target / "sessions")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - macros/hooks.py", f"  - {(ROOT / 'macros' / 'hooks.py').as_posix()}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` as a maintainer would."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)},
    )


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content, built once with --strict."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The richer test content (trainings with files, a dated VLN), built once with --strict."""
    project = make_project(tmp_path_factory.mktemp("fixture-project"))
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site
