"""The field inventory, read from the specs: every field of every kind, and where each stands in a content tree.

The generated hostile suite (tests/publish/test_every_field.py) and the property tests
(tests/content/test_fuzz_fields.py) take their fields from here, so a field added to `macros/content/specs.py`
is tried without anyone writing a case. Content is read as plain data with every scalar kept as the string
written (YAML's BaseLoader), changed slot by slot, and written back with PyYAML's emitter, which quotes
whatever needs quoting. Translations (sessions/es/…) are owners of their own, with the text part of the kind's
spec, so every translatable field is tried in Spanish too (`training@es:title`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.content import spec as s
from macros.content.kinds import KINDS, SINGLE_FILES
from macros.content.load import load_catalog
from macros.content.problems import ContentError, Problem
from macros.content.translations import TRANSLATED_FILES, TRANSLATIONS, text_part


@dataclass(frozen=True)
class Owner:
    """A kind of content file: the items of a kind (`trainings/*.yaml`) or one single file (`site.yaml`)."""

    name: str
    pattern: str
    spec: s.Obj


def _translated(spec: s.Obj) -> s.Obj:
    part = text_part(spec)
    assert isinstance(part, s.Obj)
    return part


OWNERS: tuple[Owner, ...] = (
    *(Owner(kind.name, f"{kind.folder}/*.yaml", kind.spec) for kind in KINDS),
    *(Owner(name.removesuffix(".yaml"), name, spec) for name, spec in SINGLE_FILES.items()),
    *(
        Owner(f"{kind.name}@{language}", f"{language}/{kind.folder}/*.yaml", _translated(kind.spec))
        for language in TRANSLATIONS
        for kind in KINDS
    ),
    *(
        Owner(f"{name.removesuffix('.yaml')}@{language}", f"{language}/{name}", _translated(spec))
        for language in TRANSLATIONS
        for name, spec in TRANSLATED_FILES.items()
    ),
)


@dataclass(frozen=True)
class FieldPath:
    """One leaf field: `training:recording.note`, `series:sessions[].title`, `site:help_lines[].name`."""

    owner: str
    path: str
    spec: s.Spec

    @property
    def name(self) -> str:
        return f"{self.owner}:{self.path}"

    @property
    def is_text(self) -> bool:
        """Free text, the fields every payload family is tried in; other types are values with a shape."""
        return type(self.spec) is s.Text


def _leaves(spec: s.Spec, prefix: str) -> Iterator[tuple[str, s.Spec]]:
    if isinstance(spec, s.Obj):
        for name, declared in spec.fields.items():
            yield from _leaves(declared.spec, f"{prefix}.{name}" if prefix else name)
    elif isinstance(spec, s.ListOf):
        yield from _leaves(spec.item, f"{prefix}[]")
    else:
        yield prefix, spec


def field_paths() -> list[FieldPath]:
    """Every leaf field of every owner, in spec order."""
    return [FieldPath(owner.name, path, leaf) for owner in OWNERS for path, leaf in _leaves(owner.spec, "")]


@dataclass
class Slot:
    """One place a field's value stands in one file: `container[key]`."""

    field: FieldPath
    file: str
    """Relative to sessions/."""
    container: Any
    key: str | int

    @property
    def value(self) -> Any:
        return self.container[self.key]

    @value.setter
    def value(self, new: Any) -> None:
        self.container[self.key] = new


def _mirror(data: Any, spec: s.Spec, language: str) -> Any:
    """The text of `data` that `spec` (a text part) names, each value marked with the language; None when none."""
    if isinstance(spec, s.Obj) and isinstance(data, dict):
        kept = {}
        for name, declared in spec.fields.items():
            if name in data and (value := _mirror(data[name], declared.spec, language)) is not None:
                kept[name] = value
        return kept or None
    if isinstance(spec, s.ListOf) and isinstance(data, list):
        # an item with no text is written `- {}`, which keeps it English (a None would come back as the text "null")
        return [_mirror(item, spec.item, language) or {} for item in data]
    return f"{data} ({language})" if isinstance(data, str) else None


def _slots(data: Any, spec: s.Spec, owner: str, file: str, path: str) -> Iterator[Slot]:
    """Every scalar under `data` that `spec` gives a field to, depth first."""
    if isinstance(spec, s.Obj) and isinstance(data, dict):
        for name, declared in spec.fields.items():
            if name not in data:
                continue
            where = f"{path}.{name}" if path else name
            if isinstance(declared.spec, (s.Obj, s.ListOf)):
                yield from _slots(data[name], declared.spec, owner, file, where)
            elif isinstance(data[name], str):
                yield Slot(FieldPath(owner, where, declared.spec), file, data, name)
    elif isinstance(spec, s.ListOf) and isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(spec.item, (s.Obj, s.ListOf)):
                yield from _slots(item, spec.item, owner, file, f"{path}[]")
            elif isinstance(item, str):
                yield Slot(FieldPath(owner, f"{path}[]", spec.item), file, data, index)


class Content:
    """A content folder's YAML as plain data (every scalar the string written), file by file."""

    def __init__(self, files: dict[str, Any]) -> None:
        self.files = files

    @classmethod
    def read(cls, sessions: Path) -> Content:
        files = {}
        for owner in OWNERS:
            for path in sorted(sessions.glob(owner.pattern)):
                files[path.relative_to(sessions).as_posix()] = yaml.load(
                    path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader
                )
        return cls(files)

    def owner_of(self, file: str) -> Owner:
        """The owner whose pattern matches most of the path: `es/trainings/x.yaml` is a translation, not a training
        (a relative pattern matches from the right)."""
        return max((owner for owner in OWNERS if Path(file).match(owner.pattern)), key=lambda owner: len(owner.pattern))

    def slots(self) -> list[Slot]:
        found = []
        for file, data in self.files.items():
            owner = self.owner_of(file)
            found += _slots(data, owner.spec, owner.name, file, "")
        return found

    def write(self, sessions: Path) -> None:
        """Every file as YAML: one line per scalar (no folding), quoted where YAML 1.1 would read it otherwise."""
        for file, data in self.files.items():
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000_000)
            (sessions / file).write_text(text, encoding="utf-8")

    def ids(self, kind: str) -> list[str]:
        """The ids of `kind` in this content (file names; audiences from audiences.yaml)."""
        if kind == "audience":
            return [item["id"] for item in self.files["audiences.yaml"]["audiences"]]
        owner = next(owner for owner in OWNERS if owner.name == kind)
        return [Path(file).stem for file in self.files if self.owner_of(file) is owner]

    def translate(self, language: str, keep_english: set[str]) -> None:
        """A translation of every file but `keep_english`, giving each text field a value of its own (the English
        one with ` (es)` after it), so every translatable field stands in a translation, and a few stay English."""
        for file, data in list(self.files.items()):
            owner = self.owner_of(file)
            if "@" in owner.name or file in keep_english:
                continue
            part = next((each for each in OWNERS if each.name == f"{owner.name}@{language}"), None)
            translated = _mirror(data, part.spec, language) if part is not None else None
            if translated is not None:
                self.files[f"{language}/{file}"] = translated


@dataclass(frozen=True)
class Project:
    """A buildable project folder (see tests/conftest.py: make_project) whose sessions/ holds `content`."""

    root: Path

    @property
    def sessions(self) -> Path:
        return self.root / "sessions"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def problems(self, content: Content) -> list[Problem]:
        """Write `content` and load it: the loader's problems, [] when it is accepted."""
        content.write(self.sessions)
        try:
            load_catalog(self.sessions, self.docs, root=self.root)
        except ContentError as error:
            return list(error.problems)
        return []


def copy_project(source: Path, target: Path) -> Project:
    shutil.copytree(source, target, symlinks=True)
    return Project(target)


def samples(spec: s.Spec, content: Content, docs: Path) -> list[Any]:
    """Valid-looking values for `spec` in this content, first choice first: what a missing field is filled with.

    A mapping's required choices are varied one at a time (a resource's `status: coming-soon` needs no file)."""
    if isinstance(spec, s.Obj):
        options = {
            name: samples(declared.spec, content, docs) for name, declared in spec.fields.items() if declared.required
        }
        first = {name: values[0] for name, values in options.items()}
        return [first] + [first | {name: value} for name, values in options.items() for value in values[1:]]
    if isinstance(spec, s.ListOf):
        return [[value] for value in samples(spec.item, content, docs)]
    if isinstance(spec, s.Ref):
        return content.ids(spec.kind)[:1]
    if isinstance(spec, s.Choice):
        return list(spec.options)
    if isinstance(spec, s.LocalFile):
        files = sorted(docs.glob(f"{spec.prefix}*"))
        fitting = [f"{spec.prefix}{path.name}" for path in files if not spec.suffixes or path.suffix in spec.suffixes]
        return fitting[:1] + list(spec.keywords)
    return [SAMPLES.get(type(spec), "Sample text")]


SAMPLES: dict[type, str] = {
    s.Text: "Sample text",
    s.Identifier: "sample-id",
    s.Integer: "1",
    s.Date: "2017-03",
    s.Url: "https://example.org/sample",
    s.Email: "office@example.org",
    s.Phone: "617-555-0100",
    s.Doi: "10.1000/sample",
}


def _containers(data: Any, spec: s.Spec, parts: list[str]) -> Iterator[tuple[dict[str, Any], s.Obj]]:
    """Every mapping in `data` that holds the field named by `parts` (the last part), with its spec."""
    if not parts:
        return
    if isinstance(spec, s.ListOf) and isinstance(data, list):
        for item in data:
            yield from _containers(item, spec.item, parts)
        return
    if not (isinstance(spec, s.Obj) and isinstance(data, dict)):
        return
    name = parts[0].removesuffix("[]")
    if len(parts) == 1:
        yield data, spec
    elif name in data:
        yield from _containers(data[name], spec.fields[name].spec, parts[1:])


def fill_missing(content: Content, project: Project) -> list[str]:
    """Give every field the content lacks a sample value where one loads cleanly; the fields that found no place.

    Each missing field is tried in each mapping that could hold it, first to last (its parent made first when
    no item has one); a try that the loader refuses (a rule across fields) is undone.
    """
    unplaced = []
    for field in field_paths():
        if "@" in field.owner:
            continue  # a translation's fields: Content.translate writes them from the English ones
        present = {slot.field.name for slot in content.slots()}
        if field.name not in present and not _place(field.owner, field.path.split("."), content, project):
            unplaced.append(field.name)
    content.write(project.sessions)
    return unplaced


def _place(owner_name: str, parts: list[str], content: Content, project: Project) -> bool:
    """Put a sample of the field at `parts` into the first mapping that takes it cleanly."""
    owner = next(owner for owner in OWNERS if owner.name == owner_name)
    name = parts[-1].removesuffix("[]")
    holders = [
        (container, spec)
        for file, data in content.files.items()
        if content.owner_of(file) is owner
        for container, spec in _containers(data, owner.spec, parts)
    ]
    if not holders and len(parts) > 1:
        return _place(owner_name, parts[:-1], content, project) and _place(owner_name, parts, content, project)
    for container, spec in holders:
        if name in container:
            return True
        for value in samples(spec.fields[name].spec, content, project.docs):
            container[name] = value
            if not project.problems(content):
                return True
            del container[name]
    return False
