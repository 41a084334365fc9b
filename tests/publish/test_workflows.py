"""The GitHub Actions workflows: valid against GitHub's workflow schema, and holding to the publishing rules.

The lint is check-jsonschema with the GitHub workflow schema it ships (from SchemaStore): pure Python from PyPI,
so it runs offline. actionlint checks more (expressions, shell), but its PyPI wrappers download a binary from
GitHub at install time or ship one from a personal fork; the rules below cover what matters most here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _lint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def _load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_workflow_passes_the_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert [path.name for path in files] == ["ci.yml", "deploy.yml"]
    result = _lint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on: ubuntu-24.04", "run-on: ubuntu-24.04", 1), encoding="utf-8")
    result = _lint(broken)
    assert result.returncode == 1
    assert "run-on" in result.stdout or "runs-on" in result.stdout


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_actions_are_pinned_to_commits_with_the_version_named(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert PINNED.match(action), f"{name}: {action} is not pinned to a full commit SHA"
        assert re.fullmatch(r" # v\d+(\.\d+){0,2}", comment), f"{name}: {action} needs a `# vX.Y.Z` comment"


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_least_privilege_and_cached_dependencies(name: str) -> None:
    workflow = _load(name)
    assert workflow["permissions"] == {"contents": "read"}
    for job_name, job in workflow["jobs"].items():
        allowed = {"pages": "write", "id-token": "write"} if job_name == "deploy" else None
        assert job.get("permissions") == allowed, job_name
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/setup-python@"):
            assert step["with"]["cache"] == "pip"
            assert "requirements.lock" in step["with"]["cache-dependency-path"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_pull_requests_run_the_readme_checks_and_attach_the_site() -> None:
    workflow = _load("ci.yml")
    assert "pull_request" in workflow["on"]
    runs = [step.get("run", "") for step in _steps(workflow)]
    assert "bash .ci/run" in runs
    assert ".venv/bin/python -m macros build" in runs
    upload = next(step for step in _steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert "site/" in upload["with"]["path"]


def test_main_deploys_to_pages_after_the_checks_one_at_a_time() -> None:
    workflow = _load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = workflow["jobs"]
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    actions = [step.get("uses", "").split("@")[0] for step in _steps(workflow)]
    for official in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert official in actions
    build_steps = jobs["build"]["steps"]
    publish = next(step for step in build_steps if step.get("run") == ".venv/bin/python -m macros build")
    assert publish["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert "bash .ci/run" in [step.get("run") for step in jobs["test"]["steps"]]
