"""Golden bad-input cases: each fixtures/bad/<case>.yaml is dropped into a valid tree; its .expected is the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.load import load_catalog
from macros.content.problems import ContentError

from ..conftest import FIXTURES

CASES = sorted(path.stem for path in (FIXTURES / "bad").glob("*.yaml"))


def _report_for(case: str, tmp_path: Path) -> list[str]:
    source = (FIXTURES / "bad" / f"{case}.yaml").read_text(encoding="utf-8")
    target = source.splitlines()[0].removeprefix("# target: ")
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    destination = tmp_path / "sessions" / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(source, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path / "sessions", tmp_path / "docs", root=tmp_path)
    return caught.value.report().splitlines()


@pytest.mark.parametrize("case", CASES)
def test_bad_input_reports_exactly_the_expected_lines(case: str, tmp_path: Path) -> None:
    expected = (FIXTURES / "bad" / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert _report_for(case, tmp_path) == expected


def test_every_case_has_its_expected_file() -> None:
    assert CASES
    for case in CASES:
        assert (FIXTURES / "bad" / f"{case}.expected").is_file(), case
