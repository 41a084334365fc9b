"""Every hostile case gives exactly its golden report (file:line: field: what is wrong and the fix), or none.

The loader runs in-process on a copy of the fixture content with one small change; nothing is built here
(tests/publish/test_hostile_publish.py builds the accepted payloads once, together)."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

from macros.content.load import load_catalog
from macros.content.problems import ContentError

from ..conftest import FIXTURES
from .hostile_cases import CASES, Case

GOLDEN = FIXTURES / "hostile.expected"
LINE = re.compile(r"^(sessions|docs)/[^:]+:[0-9]+: ")


def prepare(case: Case, project: Path) -> None:
    """A copy of the fixture content with the case's one change, its files and its symbolic links."""
    shutil.copytree(FIXTURES / "content", project, dirs_exist_ok=True, symlinks=True)
    target = project / "sessions" / case.target
    changed = case.edit(target.read_text(encoding="utf-8"))
    if isinstance(changed, bytes):
        target.write_bytes(changed)
    else:
        target.write_text(changed, encoding="utf-8")
    for name, content in case.files.items():
        path = project / "docs" / name
        if name.endswith("/"):
            path.mkdir(parents=True)
        else:
            path.write_bytes(content)
    for name, pointed in case.links.items():
        os.symlink(pointed, project / "docs" / name)


def report(case: Case, project: Path) -> list[str]:
    """The report lines without the final count; [] when the content is accepted."""
    prepare(case, project)
    try:
        load_catalog(project / "sessions", project / "docs", root=project)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def golden() -> dict[str, list[str]]:
    """`== case` headers, each followed by its report lines (none: accepted)."""
    cases: dict[str, list[str]] = {}
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            cases[line[3:]] = []
        elif line:
            cases[next(reversed(cases))].append(line)
    return cases


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case_gives_its_golden_report(case: Case, tmp_path: Path) -> None:
    started = time.monotonic()
    lines = report(case, tmp_path)
    assert time.monotonic() - started < 5, "a small file must never make validate slow"
    assert lines == golden()[case.name]
    for line in lines:
        assert LINE.match(line), line
        assert len(line) < 400, "a message is one readable line"


def test_every_case_is_in_the_golden_file_and_named_once() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
    assert list(golden()) == names
    assert len(CASES) >= 80
