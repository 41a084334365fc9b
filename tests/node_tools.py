"""Test-only tools from npm (package.json): axe-core for WCAG checks and the Nu HTML Checker (vnu-jar)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "run `npm ci --ignore-scripts` in the project folder (needs Node.js); the README's test command does"


def require(path: Path) -> Path:
    """`path` from node_modules, or skip the test saying how to install it (CI turns the skip into a failure)."""
    if not path.is_file():
        pytest.skip(f"{path.relative_to(ROOT)} is missing: {NPM_HINT}")
    return path


def java() -> str:
    """The `java` that runs vnu.jar (Java 11 or newer), or skip saying what is missing."""
    found = shutil.which("java")
    if found is None:
        pytest.skip("no `java` found: install a Java runtime (17 or newer) to run the Nu HTML Checker")
    return found
