"""The editor schemas: published with the site, satisfied by every shipped file, and in step with the loader."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.content.kinds import KINDS
from macros.content.load import load_catalog
from macros.content.problems import ContentError
from macros.content.scaffold import new_item
from macros.content.translations import TRANSLATIONS
from macros.outputs.schemas import documents, encoded

from ..conftest import FIXTURES, ROOT

SITE_URL = "http://127.0.0.1:8000/"


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as the YAML language server does for dates (text, not date objects)."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(documents(SITE_URL)[name])


def _schema_for(content: Path, path: Path) -> str:
    if path.parent == content:
        return path.stem
    folder = path.relative_to(content).parts[0]
    if folder in TRANSLATIONS:  # sessions/es/trainings/x.yaml: the Spanish of a training, `training.es`
        return f"{_schema_for(content / folder, path)}.{folder}"
    return next(kind.word for kind in KINDS if kind.folder == folder)


def _errors(name: str, value: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in _validator(name).iter_errors(value)
    ]


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    schemas = documents(SITE_URL)
    originals = {kind.word for kind in KINDS} | {"site", "audiences", "synonyms"}
    assert set(schemas) == originals | {f"{name}.es" for name in originals - {"synonyms"}}
    for name, document in schemas.items():
        Draft202012Validator.check_schema(document)
        assert document["$id"] == f"{SITE_URL}schema/{name}.json"


def test_schemas_are_published_under_schema(shipped_site: Path) -> None:
    for name, document in documents(SITE_URL).items():
        assert (shipped_site / "schema" / f"{name}.json").read_bytes() == encoded(document)


@pytest.mark.parametrize("content", [ROOT / "sessions", FIXTURES / "content" / "sessions"], ids=["shipped", "fixture"])
def test_every_content_file_satisfies_its_schema(content: Path) -> None:
    files = sorted(content.rglob("*.yaml"))
    assert len(files) > 8
    problems = {
        path.relative_to(content).as_posix(): errors
        for path in files
        if (errors := _errors(_schema_for(content, path), _read(path)))
    }
    assert problems == {}


TRAINING = "title: A talk\ndate: 2020-05\nsummary: What it covers.\n"
AGREE_VALID = {
    "minimal": TRAINING,
    "year only": TRAINING.replace("2020-05", "2020"),
    "full date": TRAINING.replace("2020-05", "2020-05-14"),
    "date unknown": TRAINING.replace("2020-05", "unknown"),
    "people and topics": TRAINING + "presenters: [ada-lovelace]\ntopics: [peer-support]\n",
    "choice": TRAINING + "delivery: live-online\n",
    "recording not kept": TRAINING + "recording:\n  status: unavailable\n  note: Not kept.\n",
    "block text": TRAINING + "content_note: |\n  First paragraph.\n\n  Second.\n",
}
AGREE_INVALID = {
    "missing title": "date: 2020\nsummary: x\n",
    "misspelled field": TRAINING + "titel: x\n",
    "title on two lines": TRAINING.replace("A talk", '"A\\ntalk"'),
    "month 13": TRAINING.replace("2020-05", "2020-13"),
    "unknown choice": TRAINING + "delivery: webinar\n",
    "list written as text": TRAINING + "presenters: ada-lovelace\n",
    "id with capitals": TRAINING + "presenters: [Ada Lovelace]\n",
    "listed twice": TRAINING + "topics: [peer-support, peer-support]\n",
    "number as title": TRAINING.replace("A talk", "2020"),
    "yes as title": TRAINING.replace("A talk", "yes"),
    "empty summary": TRAINING.replace("What it covers.", '""'),
    "placeholder left": TRAINING.replace("What it covers.", '"TODO: write the summary"'),
    "http address": TRAINING + "handouts:\n  - title: h\n    status: available\n    url: http://example.org/h.pdf\n",
    "minutes as text": TRAINING + "recording:\n  status: unavailable\n  duration: ninety\n",
    "recording as text": TRAINING + "recording: on youtube\n",
    "available without a place": TRAINING + "slides:\n  title: s\n  status: available\n",
}
SCHEMA_ONLY_ACCEPTS = {
    "no such person": TRAINING + "presenters: [ada-lovelase]\n",
    "no such file": TRAINING + "slides:\n  title: s\n  status: available\n  file: files/not-there.pdf\n",
    "30 February": TRAINING.replace("2020-05", "2020-02-30"),
}
"""What only `validate` can know: ids and files that exist, real calendar days (the full list is in
tests/content/test_schema_agreement.py)."""


def _loader_accepts(tmp_path: Path, text: str) -> bool:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(FIXTURES / "content", content)
    (content / "sessions" / "trainings" / "sample.yaml").write_text(text, encoding="utf-8")
    try:
        load_catalog(content / "sessions", content / "docs", root=content)
    except ContentError:
        return False
    return True


@pytest.mark.parametrize("text", AGREE_VALID.values(), ids=AGREE_VALID.keys())
def test_schema_and_loader_both_accept(tmp_path: Path, text: str) -> None:
    assert _errors("training", yaml.load(text, Loader=EditorLoader)) == []
    assert _loader_accepts(tmp_path, text)


@pytest.mark.parametrize("text", AGREE_INVALID.values(), ids=AGREE_INVALID.keys())
def test_schema_and_loader_both_refuse(tmp_path: Path, text: str) -> None:
    assert _errors("training", yaml.load(text, Loader=EditorLoader)) != []
    assert not _loader_accepts(tmp_path, text)


@pytest.mark.parametrize("text", SCHEMA_ONLY_ACCEPTS.values(), ids=SCHEMA_ONLY_ACCEPTS.keys())
def test_what_only_validate_can_refuse(tmp_path: Path, text: str) -> None:
    assert _errors("training", yaml.load(text, Loader=EditorLoader)) == []
    assert not _loader_accepts(tmp_path, text)


@pytest.mark.parametrize("kind", [kind.word for kind in KINDS])
def test_scaffold_is_flagged_by_the_schema_until_filled(tmp_path: Path, kind: str) -> None:
    written = new_item(tmp_path, kind, "A new item", SITE_URL, date(2024, 5, 14))
    text = written.path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SITE_URL}schema/{kind}.json"
    has_placeholder = re.search(r"(?m)^[^#\n]*TODO", text) is not None
    assert bool(_errors(kind, yaml.load(text, Loader=EditorLoader))) == has_placeholder
    filled = text.replace('"TODO: ', '"Filled: ')
    for line in filled.splitlines():
        if ": TODO  # " in line and "one of: " in line:
            option = line.split("one of: ")[1].split(",")[0].strip()
            filled = filled.replace(line, line.replace(": TODO  #", f": {option}  #"))
    assert _errors(kind, yaml.load(filled, Loader=EditorLoader)) == []
    assert json.loads(encoded(documents(SITE_URL)[kind]))["title"].endswith(f"({kind})")
