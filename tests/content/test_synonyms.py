"""sessions/synonyms.yaml is content like any other: checked at load, every mistake named with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content.load import load_catalog
from macros.content.problems import ContentError

from ..conftest import FIXTURES


def _load_with(tmp_path: Path, synonyms: str | None) -> object:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    path = tmp_path / "content" / "sessions" / "synonyms.yaml"
    if synonyms is None:
        path.unlink()
    else:
        path.write_text(synonyms, encoding="utf-8")
    return load_catalog(tmp_path / "content" / "sessions", tmp_path / "content" / "docs", root=tmp_path / "content")


def test_groups_load_with_their_lines(tmp_path: Path) -> None:
    catalog = _load_with(tmp_path, 'synonyms:\n  - terms: ["VLN", "virtual learning network"]\n  - terms: [a, b]\n')
    groups = catalog.synonyms  # type: ignore[attr-defined]
    assert [(group.terms, group.line) for group in groups] == [
        (("VLN", "virtual learning network"), 2),
        (("a", "b"), 3),
    ]


def test_the_file_is_optional(tmp_path: Path) -> None:
    assert _load_with(tmp_path, None).synonyms == ()  # type: ignore[attr-defined]


def test_mistakes_are_reported_with_file_line_and_fix(tmp_path: Path) -> None:
    text = (
        "synonyms:\n"
        '  - terms: ["STS", "secondary traumatic stress"]\n'
        '  - terms: ["VLN"]\n'
        '  - terms: ["sts", "compassion fatigue"]\n'
        '  - terms: ["TIC", "tic"]\n'
        "  - terms: [1, two]\n"
    )
    with pytest.raises(ContentError) as caught:
        _load_with(tmp_path, text)
    report = caught.value.report()
    assert "sessions/synonyms.yaml:3: synonyms[1].terms: " in report, report
    assert "at least 2" in report.split("synonyms.yaml:3:")[1].splitlines()[0]
    assert "sessions/synonyms.yaml:5: synonyms[3].terms: 'tic' is listed twice in this group; keep one" in report
    assert "sessions/synonyms.yaml:6: synonyms[4].terms[0]: " in report
    assert "Traceback" not in report


def test_a_term_in_two_groups_names_both_lines(tmp_path: Path) -> None:
    text = 'synonyms:\n  - terms: ["STS", "secondary traumatic stress"]\n  - terms: ["sts", "compassion fatigue"]\n'
    with pytest.raises(ContentError) as caught:
        _load_with(tmp_path, text)
    assert caught.value.report().splitlines()[0] == (
        "sessions/synonyms.yaml:3: synonyms[1].terms: 'sts' is already in the group on line 2; keep it in one group "
        "(merge the two groups if they mean the same)"
    )
