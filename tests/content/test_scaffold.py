"""`python -m macros new`: a skeleton for every kind that validates once its TODOs are filled, and never overwrites."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.content.scaffold import kind_names
from macros.content.values.ids import slugify

from ..conftest import FIXTURES, ROOT

KINDS = [kind for kind in kind_names() if kind not in ("session", "translation")]
FOLDERS = {
    "topic": "topics",
    "person": "people",
    "training": "trainings",
    "series": "series",
    "program": "programs",
    "service": "services",
    "action-plan": "action-plans",
}


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture content with the real mkdocs.yml (for site_url)."""
    shutil.copytree(FIXTURES / "content", tmp_path, dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _fill(text: str) -> str:
    """What a maintainer does, done mechanically: real text for every "TODO: …", the first listed choice for TODO."""
    text = re.sub(r'"TODO:[^"\n]*"', '"Filled in by hand."', text)
    return re.sub(r"(?m)^(\s*[\w-]+: )TODO(  # .*one of: )([^,\s]+)", r"\g<1>\g<3>\g<2>\g<3>", text)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"/" for p in folder.rglob("*")}


def test_every_kind_is_offered() -> None:
    assert set(KINDS) == set(FOLDERS), "a new kind needs a scaffold test and a row in the maintainers' guide"


@pytest.mark.parametrize("kind", KINDS)
def test_skeleton_validates_after_filling_and_not_before(project: Path, kind: str) -> None:
    result = _run(project, "new", kind, "Peer Support: Part 2 (2024)")
    assert result.returncode == 0, result.stderr
    path = project / "sessions" / FOLDERS[kind] / "peer-support-part-2-2024.yaml"
    assert f"Wrote sessions/{FOLDERS[kind]}/peer-support-part-2-2024.yaml" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=http://127.0.0.1:8000/schema/{kind}.json\n")
    assert 'Peer Support: Part 2 (2024)"' in text
    before = _run(project, "validate")
    if re.search(r"(?m)^[^#\n]*TODO", text):
        assert before.returncode == 1
        problems = before.stderr.splitlines()[:-1]
        assert problems, before.stderr
        assert all(line.startswith(f"sessions/{FOLDERS[kind]}/peer-support-part-2-2024.yaml:") for line in problems)
        assert all("placeholder" in line or "'TODO' is not allowed" in line for line in problems)
    path.write_text(_fill(text), encoding="utf-8")
    after = _run(project, "validate")
    assert after.returncode == 0, after.stderr


def test_existing_file_is_never_overwritten(project: Path) -> None:
    target = project / "sessions" / "people" / "ada-lovelace.yaml"
    before = target.read_bytes()
    result = _run(project, "new", "person", "Ada Lovelace")
    assert result.returncode == 1
    assert "sessions/people/ada-lovelace.yaml already exists, so the id 'ada-lovelace' is taken" in result.stderr
    assert "nothing was written" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "training", ""), "the title is empty"),
        (("new", "training", "   "), "the title is empty"),
        (("new", "training", "%%% !!!"), "the title '%%% !!!' has no letters or digits"),
        (("new", "training", "★☆"), "has no letters or digits"),
        (("new", "webinar", "Peer support"), "invalid choice: 'webinar'"),
        (("new", "training"), 'write it like: python -m macros new training "Title"'),
        (("new", "session", "test-vln"), 'write it like: python -m macros new session SERIES-ID "Title"'),
        (
            ("new", "session", "test-vn", "Wrap-up"),
            "test-vn.yaml does not exist; did you mean 'test-vln'?",
        ),
        (("new", "session", "test-vln", "%%%"), "has no letters or digits"),
    ],
)
def test_bad_input_says_why_and_writes_nothing(project: Path, args: tuple[str, ...], message: str) -> None:
    before = _files(project)
    result = _run(project, *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(project) == before


def test_session_is_appended_to_the_series_and_validates(project: Path) -> None:
    series = project / "sessions" / "series" / "test-vln.yaml"
    original = series.read_text(encoding="utf-8")
    result = _run(project, "new", "session", "test-vln", "Wrap-up: what's next")
    assert result.returncode == 0, result.stderr
    assert "session 4 added" in result.stdout
    text = series.read_text(encoding="utf-8")
    assert text.startswith(original), "the lines already there are kept as they were"
    assert '  - number: 4\n    title: "Wrap-up: what\'s next"\n' in text
    assert _run(project, "validate").returncode == 0
    assert _run(project, "new", "session", "test-vln", "Another").returncode == 0
    assert "  - number: 5\n" in series.read_text(encoding="utf-8")
    assert _run(project, "validate").returncode == 0


def test_a_new_session_keeps_the_series_translation_in_step(project: Path) -> None:
    """The Spanish file lists one item per English session: the new one gets an empty item, shown in English."""
    spanish = project / "sessions" / "es" / "series" / "test-vln.yaml"
    original = spanish.read_text(encoding="utf-8")
    result = _run(project, "new", "session", "test-vln", "Wrap-up")
    assert result.returncode == 0, result.stderr
    assert "sessions/es/series/test-vln.yaml" in result.stdout
    assert spanish.read_text(encoding="utf-8") == original + "  - ~  # session 4: not translated yet\n"
    assert _run(project, "validate").returncode == 0


def test_session_goes_inside_the_list_when_other_fields_follow(project: Path) -> None:
    series = project / "sessions" / "series" / "test-vln.yaml"
    series.write_text(series.read_text(encoding="utf-8") + "# Contact for the network\nstatus_note: Ongoing.\n")
    assert _run(project, "new", "session", "test-vln", "Added").returncode == 0
    text = series.read_text(encoding="utf-8")
    assert text.index("- number: 4") < text.index("# Contact for the network") < text.index("status_note: Ongoing.")
    assert _run(project, "validate").returncode == 0


def test_first_session_starts_the_list(project: Path) -> None:
    assert _run(project, "new", "series", "New Network").returncode == 0
    series = project / "sessions" / "series" / "new-network.yaml"
    series.write_text(_fill(series.read_text(encoding="utf-8")), encoding="utf-8")
    result = _run(project, "new", "session", "new-network", "Kick-off")
    assert result.returncode == 0, result.stderr
    assert 'sessions:\n  - number: 1\n    title: "Kick-off"\n' in series.read_text(encoding="utf-8")
    assert _run(project, "validate").returncode == 0


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Peer Support: Part 2 (2024)", "peer-support-part-2-2024"),
        ("Café — Équipe", "cafe-equipe"),
        ("  --Trauma-informed   care--  ", "trauma-informed-care"),
        ("%%%", ""),
        ("word " * 30, ("word-" * 12).rstrip("-")),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_a_translation_starts_as_the_english_text_to_uncomment_and_translate(project: Path) -> None:
    """`new translation KIND ID`: the English item's text fields in its shape, commented out; untouched it validates
    (nothing is translated yet), an uncommented TODO is refused until it is Spanish, and then it is shown."""
    result = _run(project, "new", "translation", "training", "team-debrief")
    assert result.returncode == 0, result.stderr
    path = project / "sessions" / "es" / "trainings" / "team-debrief.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=http://127.0.0.1:8000/schema/training.es.json\n")
    assert "# title: 'TODO: After a loss on the team'\n" in text
    assert "# content_note: |-\n#   TODO: This recording discusses" in text
    assert "date" not in text.split("validate\n", 1)[1], "only text: the date holds in every language"
    assert _run(project, "validate").returncode == 0
    commented = "# title: 'TODO: After a loss on the team'"
    path.write_text(text.replace(commented, commented.removeprefix("# ")))
    refused = _run(project, "validate")
    assert "sessions/es/trainings/team-debrief.yaml:6: title: still holds the placeholder" in refused.stderr
    path.write_text(text.replace(commented, "title: 'Después de una pérdida'"))
    assert _run(project, "validate").returncode == 0
    again = _run(project, "new", "translation", "training", "team-debrief")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    unknown = _run(project, "new", "translation", "training", "team-debrif")
    assert "did you mean 'team-debrief'?" in unknown.stderr
