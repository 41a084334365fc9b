"""The editor schemas refuse what the build refuses, except an explicit list that only the build can see.

Every golden bad fixture and every hostile case is read as the editor reads it and validated against the
published JSON Schema of its kind. A case the build refuses but the schema accepts must be listed in
BUILD_ONLY with the reason JSON Schema cannot express it; nothing else may differ."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from macros.content.kinds import KINDS
from macros.content.translations import TRANSLATIONS
from macros.outputs.schemas import documents

from ..conftest import FIXTURES
from .hostile_cases import CASES
from .test_hostile import golden, prepare

BUILD_ONLY: dict[str, str] = {
    "dangling-reference": "an id must name an item in another file",
    "duplicate-id": "two files with one id: the schema sees one file at a time",
    "duplicate-key": "the editor's YAML parser flags a repeated key; a parsed document cannot hold one",
    "yaml-duplicate-key-top": "the editor's YAML parser flags a repeated key; a parsed document cannot hold one",
    "yaml-duplicate-key-nested": "the editor's YAML parser flags a repeated key; a parsed document cannot hold one",
    "yaml-duplicate-key-list-item": "the editor's YAML parser flags a repeated key; a parsed document cannot hold one",
    "yaml-duplicate-key-plan-deep": "the editor's YAML parser flags a repeated key; a parsed document cannot hold one",
    "yaml-alias-value": "aliases are resolved before a schema sees the document",
    "yaml-alias-key": "aliases are resolved before a schema sees the document",
    "yaml-alias-bomb-values": "aliases are resolved before a schema sees the document",
    "yaml-alias-bomb-keys": "aliases are resolved before a schema sees the document",
    "yaml-merge-key": "aliases are resolved before a schema sees the document",
    "encoding-latin-1": "the editor decodes the bytes before a schema sees them",
    "encoding-utf-16": "the editor decodes the bytes before a schema sees them",
    "missing-file": "whether a file exists under docs/ is known only on disk",
    "bad-webvtt": "a caption file's contents are known only on disk",
    "file-missing": "whether a file exists under docs/ is known only on disk",
    "file-directory": "whether a file exists under docs/ is known only on disk",
    "file-empty": "a file's size is known only on disk",
    "file-symlink-out-used": "where a symbolic link leads is known only on disk",
    "file-symlink-out-unused": "a symbolic link under docs/ is not in any YAML file",
    "bad-file-name": "the file name (the page address) is not part of the document",
    "session-numbers": "numbering 1, 2, 3… in order compares list items with their positions",
    "yaml-leading-zero-duration": "YAML 1.1 reads 0075 as the number 61 before a schema sees it",
    "yaml-sexagesimal-duration": "YAML 1.1 reads 1:15 as the number 75 before a schema sees it",
    "yaml-timestamp-title": "JSON has no dates: the schema sees the text 2001-01-01, not that it lacked quotes",
    "date-february-30": "the number of days in a month depends on the year (leap years)",
    "reference-missing-person": "an id must name an item in another file",
    "reference-training-in-vln": "the series' kind is in another file",
    "reference-unknown-audience": "an id must name an item in another file",
    "reference-plan-unknown-service": "an id must name an item in another file",
    "vln-as-training-series": "the series' kind is in another file",
}
"""Case → why only the build can refuse it."""


class EditorLoader(yaml.CSafeLoader):
    """Reads YAML 1.1 as the build does (`no` is false, `1:30` is 90), with dates kept as text, as JSON has none."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

SCHEMAS = documents("http://127.0.0.1:8000/")


def schema_for(relative: str) -> dict[str, Any]:
    folder, _, name = relative.partition("/")
    if folder in TRANSLATIONS:  # es/trainings/x.yaml: the schema of a training's translation, `training.es`
        return SCHEMAS[f"{_schema_name(name)}.{folder}"]
    return SCHEMAS[_schema_name(relative)]


def _schema_name(relative: str) -> str:
    folder, _, name = relative.partition("/")
    if not name:
        return folder.removesuffix(".yaml")
    return next(kind.word for kind in KINDS if kind.folder == folder)


def schema_refuses(path: Path, relative: str) -> bool:
    """True when the editor underlines something: a syntax error, or a schema error."""
    data = path.read_bytes()
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(data, Loader=yaml.CSafeLoader)):
            return False  # the document a schema sees has its aliases expanded; see BUILD_ONLY
        document = yaml.load(data.decode("utf-8"), Loader=EditorLoader)
    except (UnicodeDecodeError, yaml.YAMLError):
        return not data.startswith((b"\xff", b"\xfe")) and _decodes(data)
    validator = jsonschema.Draft202012Validator(schema_for(relative))
    try:
        return any(True for _ in validator.iter_errors(document))
    except RecursionError:
        return True  # jsonschema's message quotes a 5,000-deep list; the error it was raising is the refusal


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _golden_fixture_outcomes(tmp_path: Path) -> dict[str, bool]:
    outcomes = {}
    for source in sorted((FIXTURES / "bad").glob("*.yaml")):
        relative = source.read_text(encoding="utf-8").splitlines()[0].removeprefix("# target: ")
        if "/" in relative and relative.split("/")[0] not in {kind.folder for kind in KINDS} | set(TRANSLATIONS):
            continue
        copy = tmp_path / source.name
        shutil.copy(source, copy)
        outcomes[source.stem] = schema_refuses(copy, relative)
    return outcomes


def _hostile_outcomes(tmp_path: Path) -> dict[str, tuple[bool, bool]]:
    """Case → (build refuses, schema refuses)."""
    expected = golden()
    outcomes = {}
    for case in CASES:
        project = tmp_path / case.name
        prepare(case, project)
        outcomes[case.name] = (
            bool(expected[case.name]),
            schema_refuses(project / "sessions" / case.target, case.target),
        )
    return outcomes


def test_the_fixture_content_passes_the_schemas() -> None:
    for path in sorted((FIXTURES / "content" / "sessions").rglob("*.yaml")):
        relative = path.relative_to(FIXTURES / "content" / "sessions").as_posix()
        assert not schema_refuses(path, relative), relative


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, bool]]:
    return _hostile_outcomes(tmp_path_factory.mktemp("hostile"))


def test_only_the_listed_cases_pass_the_schema_and_fail_the_build(
    tmp_path: Path, hostile: dict[str, tuple[bool, bool]]
) -> None:
    missed = {name for name, refused in _golden_fixture_outcomes(tmp_path).items() if not refused}
    missed |= {name for name, (build, schema) in hostile.items() if build and not schema}
    assert missed == set(BUILD_ONLY)


def test_the_schema_refuses_nothing_the_build_accepts(hostile: dict[str, tuple[bool, bool]]) -> None:
    assert {name for name, (build, schema) in hostile.items() if schema and not build} == set()


@pytest.mark.parametrize("value", [False, 12, 3.5, None])
def test_a_value_that_is_not_text_gets_one_clear_message(value: object) -> None:
    errors = list(jsonschema.Draft202012Validator(SCHEMAS["person"]).iter_errors({"name": value}))
    assert [error.message for error in errors] == [f"{value!r} is not of type 'string'"]
