"""The maintainers' guide quotes validate's real messages: the same mistakes, made again here, must print them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

GUIDE = ROOT / "docs" / "maintainers" / "index.md"
SERIES = "sessions/series/integrating-peer-support-2017.yaml"

BROKEN_TRAINING = """title: no
date: 2017-13
delivery: live online
presenters:
  - leah-haris
summary: "TODO: write the summary"
recording:
  status: available
  url: http://www.youtube.com/watch?v=abc
  duration: 1:30
"""
MISTAKES = {
    "peer-support-basics.yaml": BROKEN_TRAINING,
    "indent.yaml": "title: Broken\n  date: 2020\nsummary: x\n",
    "no-summary.yaml": "title: Missing summary\ndate: 2020\n",
    "My Talk.yaml": "title: A talk\ndate: 2020\nsummary: x\n",
    "tabs.yaml": "title: Tabs\ndate: 2020\nsummary: x\ntopics:\n\t- peer-support\n",
}
MORE_MISTAKES = {
    "peer-support-basics.yaml": "title: Peer support basics\ndate: 2024-05-14\nsummary: How to start.\n"
    "presentr:\n  - leah-harris\nrecording:\n  status: available\n"
    "  url: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
}


TRANSLATION_MISTAKES = {
    "topics/postvention.yaml": 'title: "Posvención"\nsumary: "texto"\naliases: [postvencion]\n',
    "topics/no-such-topic.yaml": 'title: "Nada"\n',
    "series/integrating-peer-support-2017.yaml": (
        'title: "Integrar el apoyo entre pares"\nobjectives:\n  - "Explorar los principios de SAMHSA."\n  - ~\n'
    ),
}
"""The guide's "Translate an item into Spanish" messages, made by these translations (sessions/es/)."""


def _quoted_messages() -> set[str]:
    """Every `sessions/…:line: …` message in the guide's tables, with Markdown's code quotes removed."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.findall(r"^\| `+ ?(sessions/[^` ]+:\d+: .+?) ?`+ \|", text, flags=re.MULTILINE)
    return {match.strip() for match in found}


def _validate(project: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    return result.stderr.splitlines()[:-1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sessions", tmp_path / "sessions")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "sessions" / "trainings").mkdir(exist_ok=True)
    return tmp_path


def _write(project: Path, files: dict[str, str]) -> None:
    folder = project / "sessions" / "trainings"
    for old in folder.glob("*.yaml"):
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_every_message_in_the_guide_is_what_validate_prints(project: Path) -> None:
    printed: list[str] = []
    _write(project, MISTAKES)
    printed += _validate(project)
    _write(project, MORE_MISTAKES)
    printed += _validate(project)
    _write(project, {})
    new = subprocess.run(
        [sys.executable, "-m", "macros", "new", "session", "integrating-peer-support-2017", "Sustaining the change"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert new.returncode == 0, new.stderr
    series = project / SERIES
    series.write_text(series.read_text(encoding="utf-8").replace("- number: 9\n", "- number: 10\n"), encoding="utf-8")
    printed += _validate(project)
    series.write_text(series.read_text(encoding="utf-8").replace("- number: 10\n", "- number: 9\n"), encoding="utf-8")
    for name, text in TRANSLATION_MISTAKES.items():
        (project / "sessions" / "es" / name).write_text(text, encoding="utf-8")
    printed += _validate(project)
    quoted = _quoted_messages()
    assert len(quoted) >= 12
    assert sorted(quoted - set(printed)) == [], "the guide quotes a message validate no longer prints"


def test_the_guide_is_linked_from_the_footer_not_the_menu(shipped_site: Path) -> None:
    """Providers do not need the maintainers' guide in the main menu; every page's footer links it."""
    assert "maintainers/index.md" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    home = (shipped_site / "index.html").read_text(encoding="utf-8")
    footer = home.split('class="md-footer"', 1)[1]
    assert 'href="maintainers/">For maintainers</a>' in footer
    assert "maintainers/" not in home.split('class="md-footer"', 1)[0].split('class="md-nav__list"', 1)[1]


def test_every_import_message_in_the_spreadsheet_guide_is_one_the_import_prints() -> None:
    """The guide's table quotes lines of the golden import reports (tests/publish/test_spreadsheet_import.py)."""
    guide = (ROOT / "docs" / "maintainers" / "spreadsheets.md").read_text(encoding="utf-8")
    quoted = re.findall(r"^\| `(\w+\.(?:xlsx|csv), .+?)` \|", guide, flags=re.MULTILINE)
    printed = {
        line for path in (ROOT / "tests" / "fixtures" / "import").glob("*.expected")
        for line in path.read_text(encoding="utf-8").splitlines()
    }  # fmt: skip
    assert len(quoted) >= 6
    assert [line for line in quoted if line not in printed] == []
