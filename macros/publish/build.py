"""`python -m macros build`: a strict build and a link check, then the new site replaces `site/` in one rename.

The build runs in a temporary folder beside `site/`; if MkDocs fails, warns, or a link in the result points
nowhere, the temporary folder is removed and the published `site/` stays byte for byte as it was.
MkDocs runs as a subprocess (`python -m mkdocs build --strict`), exactly as a maintainer would run it, so this
module needs no MkDocs import and a failed build cannot leave state behind in this process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.publish.linkcheck import check_site, summary
from macros.publish.project import site_url

TEMP_PREFIX = ".site-build-"
"""Temporary folders start with this (ignored by git through `.site-*/`)."""


def build_site(config: Path, site: Path, external_report: Path | None) -> int:
    """Build, check, swap; 0 when `site/` was replaced, 1 when it was left alone."""
    config = config.resolve()
    if not config.is_file():
        print(f"{config}: not found; run this in the project folder or pass --config mkdocs.yml", file=sys.stderr)
        return 1
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=site.parent))
    try:
        fresh = temp / "site"
        if not _mkdocs_build(config, fresh):
            print(f"The build failed (see above); {_shown(site)} was not changed.", file=sys.stderr)
            return 1
        report = check_site(fresh, site_url(config))
        for line in summary(report):
            print(line, file=sys.stderr if report.broken else sys.stdout)
        if external_report is not None:
            external_report.parent.mkdir(parents=True, exist_ok=True)
            external_report.write_text(report.external_text(), encoding="utf-8")
            print(f"External addresses listed in {_shown(external_report)}")
        if report.broken:
            print(
                f"Fix the links above (the page and the address are named); {_shown(site)} was not changed.",
                file=sys.stderr,
            )
            return 1
        swap_in(fresh, site, temp / "previous")
        print(f"Published the new site in {_shown(site)}.")
        return 0
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _mkdocs_build(config: Path, target: Path) -> bool:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir"]
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([*command, str(target)], cwd=config.parent, env=environment, check=False)
    return result.returncode == 0 and (target / "index.html").is_file()


def swap_in(fresh: Path, site: Path, previous: Path) -> None:
    """Two renames on one file system, so `site` is never half-written: the old site moves to `previous`
    (removed afterwards), the fresh one takes its place. The build command and the MkDocs hook both use it."""
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    fresh.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + ("/" if path.is_dir() else "")
    except ValueError:
        return path.as_posix()
