"""A renamed item keeps its old address: `aliases:` writes a redirect page there, checked in a real build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from macros.publish.linkcheck import broken_links

from ..conftest import make_project, mkdocs_build

SITE_URL = "http://127.0.0.1:8000/"


def _rename(project: Path, folder: str, old: str, new: str) -> None:
    """What a maintainer does: rename the file, keep the old id as an alias, fix references to it."""
    content = project / "sessions"
    for path in content.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f"- {old}\n", f"- {new}\n"), encoding="utf-8")
    source = content / folder / f"{old}.yaml"
    text = source.read_text(encoding="utf-8")
    source.unlink()
    (content / folder / f"{new}.yaml").write_text(f"{text.rstrip()}\naliases:\n  - {old}\n", encoding="utf-8")
    translation = content / "es" / folder / f"{old}.yaml"
    if translation.is_file():  # its Spanish goes with it, under the new name
        translation.rename(translation.with_name(f"{new}.yaml"))


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("renamed") / "project")
    _rename(project, "trainings", "team-debrief", "team-debriefing")
    _rename(project, "series", "test-vln", "test-network")
    _rename(project, "action-plans", "team-check-in", "team-check-in-plan")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_old_training_address_redirects_to_the_new_one(renamed_site: Path) -> None:
    page = (renamed_site / "trainings" / "team-debrief" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../team-debriefing/">' in page
    assert f'<link rel="canonical" href="{SITE_URL}trainings/team-debriefing/">' in page
    assert '<a href="../team-debriefing/">After a loss on the team</a>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert (renamed_site / "trainings" / "team-debriefing" / "index.html").is_file()


def test_old_series_address_redirects_with_its_sessions(renamed_site: Path) -> None:
    page = (renamed_site / "networks" / "test-vln" / "index.html").read_text(encoding="utf-8")
    assert 'url=../test-network/"' in page
    session = (renamed_site / "networks" / "test-vln" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../test-network/2/"' in session
    assert "Session 2 (untitled)" in session


def test_old_spanish_addresses_redirect_in_spanish(renamed_site: Path) -> None:
    """Each language keeps its old addresses: /es/networks/test-vln/2/ leads to /es/networks/test-network/2/."""
    page = (renamed_site / "es" / "networks" / "test-vln" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert 'url=../test-network/"' in page
    assert "Esta página se movió" in page
    assert '<a href="../test-network/">Red de aprendizaje de prueba</a>' in page
    session = (renamed_site / "es" / "networks" / "test-vln" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'url=../../test-network/2/"' in session
    assert "Sesión 2 (sin título)" in session
    plan = (renamed_site / "es" / "action-plans" / "team-check-in" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}es/action-plans/team-check-in-plan/">' in plan


def test_redirects_resolve_and_stay_out_of_the_sitemap(renamed_site: Path) -> None:
    assert broken_links(renamed_site, SITE_URL) == []
    sitemap = (renamed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}trainings/team-debriefing/</loc>" in sitemap
    assert "trainings/team-debrief/<" not in sitemap
    assert "networks/test-vln/" not in sitemap


def _validate(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )


def test_alias_that_takes_an_existing_address_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    training = project / "sessions" / "trainings" / "team-debrief.yaml"
    training.write_text(training.read_text(encoding="utf-8") + "aliases:\n  - old-name\n  - short-clip\n")
    other = project / "sessions" / "trainings" / "undated-talk.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "aliases: [old-name]\n")
    result = _validate(project)
    assert result.returncode == 1
    lines = training.read_text(encoding="utf-8").count("\n")
    assert result.stderr.splitlines() == [
        f"sessions/trainings/team-debrief.yaml:{lines}: aliases: 'short-clip' is the page /trainings/short-clip/, "
        "which exists; remove it from aliases",
        f"sessions/trainings/undated-talk.yaml:{other.read_text(encoding='utf-8').count(chr(10))}: aliases: "
        "'old-name' is already an alias in sessions/trainings/team-debrief.yaml; keep it in one file only",
        "2 problems in the content; nothing was published.",
    ]


def test_old_action_plan_address_redirects(renamed_site: Path) -> None:
    page = (renamed_site / "action-plans" / "team-check-in" / "index.html").read_text(encoding="utf-8")
    assert 'url=../team-check-in-plan/"' in page
    assert (renamed_site / "action-plans" / "team-check-in-plan" / "index.html").is_file()
