"""The zip library the action-plan page uses is served from the site itself, and is exactly the pinned npm package.

It is vendored (docs/javascripts/vendor/) so `mkdocs serve` works on a machine that never ran npm; this test,
run after `npm ci`, keeps the copy identical to the version package.json and package-lock.json pin.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import ROOT

VENDOR = ROOT / "docs" / "javascripts" / "vendor"
PACKAGE = ROOT / "node_modules" / "fflate"


def test_fflate_is_the_pinned_package_byte_for_byte_with_its_licence() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["fflate"]
    locked = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/fflate"]
    assert locked["version"] == pinned
    assert PACKAGE.is_dir(), "run `npm ci --ignore-scripts --no-audit --no-fund` first (the README's test command does)"
    installed = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned
    assert (VENDOR / "fflate.min.js").read_bytes() == (PACKAGE / "umd" / "index.js").read_bytes()
    assert (VENDOR / "fflate.LICENSE.txt").read_bytes() == (PACKAGE / "LICENSE").read_bytes()


def test_the_zip_library_is_loaded_only_by_the_action_plan_script(shipped_site: Path) -> None:
    """Not on every page: mkdocs.yml does not list it; action-plan.js loads it on the first download."""
    assert "fflate" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert (shipped_site / "javascripts" / "vendor" / "fflate.min.js").is_file()
    assert (shipped_site / "javascripts" / "vendor" / "fflate.LICENSE.txt").is_file()
    pages = [path for path in shipped_site.rglob("*.html") if "fflate" in path.read_text(encoding="utf-8")]
    assert pages == []
    assert '"vendor/fflate.min.js"' in (ROOT / "docs" / "javascripts" / "action-plan.js").read_text(encoding="utf-8")
