"""`python -m macros validate`, run as a maintainer runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ..conftest import FIXTURES, ROOT


def _validate(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_shipped_content_is_valid_and_counted() -> None:
    result = _validate(ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 7 topics, ")
    assert "13 programs" in result.stdout
    assert "8 series sessions" in result.stdout


def test_bad_content_exits_1_with_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    shutil.copy(FIXTURES / "bad" / "javascript-url.yaml", tmp_path / "sessions" / "trainings" / "new-training.yaml")
    shutil.copy(FIXTURES / "bad" / "missing-file.yaml", tmp_path / "sessions" / "trainings" / "other.yaml")
    result = _validate(tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "sessions/trainings/new-training.yaml:8: handouts[0].url: must start with https:// (found 'javascript:')",
        "sessions/trainings/other.yaml:8: slides.file: docs/files/not-there.pdf does not exist; "
        "add the file or correct the path",
        "2 problems in the content; nothing was published.",
    ]
    assert "Traceback" not in result.stderr


def test_a_broken_file_is_reported_once_not_again_where_it_is_named(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    archive = tmp_path / "sessions" / "series" / "test-archive.yaml"
    archive.write_text(archive.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    result = _validate(tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("sessions/series/test-archive.yaml:")
    assert "colour: unknown field" in lines[0]
    assert "no series has the id" not in result.stderr  # de-escalation-basics names the archive
    assert lines[1:] == ["1 problem in the content; nothing was published."]


def test_github_format_puts_each_problem_on_its_line(tmp_path: Path) -> None:
    """The pull-request workflow runs this; GitHub shows each `::error` line on the file and line it names."""
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    shutil.copy(FIXTURES / "bad" / "javascript-url.yaml", tmp_path / "sessions" / "trainings" / "new-training.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate", "--format", "github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=sessions/trainings/new-training.yaml,line=8::handouts[0].url: must start with https:// "
        "(found 'javascript:')",
    ]
    assert result.stderr.splitlines()[-1] == "1 problem in the content; nothing was published."


def test_workflow_runs_validate_with_github_annotations() -> None:
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "python -m macros validate --format github" in workflow
