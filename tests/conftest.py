"""Shared fixtures: a small valid content tree, golden bad-input cases, and one real built site per session."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings
from playwright.sync_api import sync_playwright

from .chromium import CHROMIUM_ARGS, INSTALL_HINT, chromium_path, serve
from .office import INSTALL_HINT as OFFICE_HINT
from .office import office_tools

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(target: Path, content: Path = FIXTURES / "content") -> Path:
    """A buildable project: the real mkdocs.yml, overrides and hand-written docs, with `content`'s YAML and files."""
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("files"))
    shutil.copytree(content / "docs" / "files", target / "docs" / "files")
    shutil.copytree(content / "sessions", target / "sessions")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - macros/edge/hooks.py", f"  - {(ROOT / 'macros' / 'edge' / 'hooks.py').as_posix()}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def tree_digest(folder: Path) -> str:
    """One hash of every path and byte under `folder`: equal digests mean an untouched site."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def differing_files(first: Path, second: Path) -> list[str]:
    """Every path, relative and sorted, that is in only one of two trees or whose bytes differ between them."""
    files = {path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file()}
    files |= {path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file()}
    return sorted(
        name
        for name in files
        if not ((first / name).is_file() and (second / name).is_file())
        or (first / name).read_bytes() != (second / name).read_bytes()
    )


def mkdocs_build(
    project: Path,
    site: Path,
    *extra: str,
    engine: Sequence[str] = ("-m", "mkdocs"),
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` as a maintainer would; `engine` is what follows `python` (`-m properdocs`
    for the other engine), `env` adds to the environment (SOURCE_DATE_EPOCH)."""
    return subprocess.run(
        [
            sys.executable,
            *engine,
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
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project), **(env or {})},
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


SOURCE_DATE_EPOCH = "1700000000"
"""14 November 2023, 22:13:20 UTC: the time the reproducible builds are stamped with."""
ANOTHER_DAY = "1485907200"
"""1 February 2017: the clock of the second of two reproducible builds, so that whatever reads the clock instead of
SOURCE_DATE_EPOCH differs (the fixture's learning network, ended March 2017, is current that day and past today)."""
ON_ANOTHER_DAY = (
    "import runpy, sys, time_machine; time_machine.travel(float(sys.argv.pop(1)), tick=True).start(); "
    "runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)"
)
"""`python -c` this, the time, then MkDocs' arguments: MkDocs run with every clock of Python set to that time."""


def built_site(project: Path, engine: Sequence[str] = ("-m", "mkdocs"), **env: str) -> Path:
    """`project` built with --strict into `project/site`, stamped with SOURCE_DATE_EPOCH."""
    site = project / "site"
    result = mkdocs_build(project, site, engine=engine, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **env})
    assert result.returncode == 0, result.stderr
    return site


def copy_in_reverse(source: Path, target: Path) -> Path:
    """`source` copied file by file in reverse order of their names, so every folder is written in another order."""
    for path in sorted(source.rglob("*"), reverse=True):
        if path.is_file():
            copy = target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
    return target


@pytest.fixture(scope="session")
def epoch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content built with SOURCE_DATE_EPOCH set."""
    return built_site(make_project(tmp_path_factory.mktemp("epoch-project")))


@pytest.fixture(scope="session")
def epoch_site_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The same build again, as on another machine: on another file system where there is one (/dev/shm, a tmpfs,
    lists a folder in the order its files were made; ext4 by a hash of their names), files made in reverse order,
    temporary files there too, and every clock set to another day."""
    shm, base = Path("/dev/shm"), tmp_path_factory.getbasetemp()
    elsewhere = shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != base.stat().st_dev
    folder = Path(tempfile.mkdtemp(prefix="hub-elsewhere-", dir=shm if elsewhere else base))
    try:
        project = copy_in_reverse(make_project(tmp_path_factory.mktemp("epoch-source")), folder / "project")
        yield built_site(project, ("-c", ON_ANOTHER_DAY, ANOTHER_DAY), TMPDIR=str(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content built by ProperDocs, the maintained fork of MkDocs, with SOURCE_DATE_EPOCH set."""
    return built_site(make_project(tmp_path_factory.mktemp("properdocs-project")), ("-m", "properdocs"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Chromium (or LibreOffice) the browser (or office) tests are skipped, saying how to install it;
    CI sets HUB_REQUIRE_BROWSER=1 and HUB_REQUIRE_OFFICE=1."""
    missing = []
    if chromium_path() is None:
        missing.append(("browser", pytest.mark.skip(reason=f"no Chromium found: {INSTALL_HINT}")))
    if office_tools() is None:
        missing.append(("office", pytest.mark.skip(reason=f"no LibreOffice or poppler found: {OFFICE_HINT}")))
    for item in items:
        for marker, skip in missing:
            if marker in item.keywords:
                item.add_marker(skip)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI (HUB_REQUIRE_BROWSER=1) a skipped browser test fails the run: the checks it stands for did not run."""
    reporter: Any = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:  # a pytest-xdist worker: the controller, which gets every report, decides
        return
    for marker, variable in (("browser", "HUB_REQUIRE_BROWSER"), ("office", "HUB_REQUIRE_OFFICE")):
        if os.environ.get(variable) != "1":
            continue
        skipped = [report for report in reporter.stats.get("skipped", []) if marker in report.keywords]
        if skipped:
            reporter.write_line(f"{variable}=1 but {len(skipped)} {marker} test(s) were skipped", red=True)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole run."""
    path = chromium_path()
    if path is None:
        pytest.skip(f"no Chromium found: {INSTALL_HINT}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shipped_url(shipped_site: Path) -> Iterator[str]:
    """The shipped site served on 127.0.0.1."""
    with serve(shipped_site) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site served on 127.0.0.1."""
    with serve(fixture_site) as url:
        yield url


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser context per test (its own localStorage), so tests never see each other's state."""
    context = chromium.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def pagefind_fragments(site: Path) -> list[dict[str, Any]]:
    """Every page Pagefind indexed, as stored (one gzip fragment per page: url, content, meta, filters)."""
    fragments = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragments.append(json.loads(data))
    return fragments


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


settings.register_profile("ci", max_examples=5, deadline=None, database=None, print_blob=True)
settings.register_profile("long", max_examples=400, deadline=None, print_blob=True)
settings.load_profile("long" if os.environ.get("HUB_FUZZ") == "long" else "ci")
"""Property tests (tests/content/test_fuzz_fields.py): a bounded run in CI, a long one with HUB_FUZZ=long."""
