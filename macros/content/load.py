"""YAML files → a checked Catalog, or a ContentError listing every problem with its file and line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from macros.content import model as m
from macros.content.aliases import alias_problems
from macros.content.check import INVALID, Checker, Reference
from macros.content.kinds import KINDS, SINGLE_FILES, Kind
from macros.content.problems import ContentError, Problem
from macros.content.spec import Obj
from macros.content.translations import (
    SOURCE,
    TRANSLATED_FILES,
    TRANSLATIONS,
    Translation,
    TranslationReader,
    translate_catalog,
)
from macros.content.values.ids import is_id, slugify
from macros.content.values.suggest import closest

YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml composes about six times faster and keeps the same line numbers."""
MAX_FILE_BYTES = 1_000_000
"""The largest content file read: the biggest real one is a few kilobytes, so anything near this is a mistake."""


class Loader:
    """Loads every file, collecting problems, then resolves references between items."""

    def __init__(self, content_dir: Path, docs_dir: Path, root: Path | None = None) -> None:
        self.content_dir = content_dir
        self.docs_dir = docs_dir
        self.root = root if root is not None else content_dir.parent
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.items: dict[str, dict[str, Any]] = {kind.name: {} for kind in KINDS}
        self.broken: dict[str, set[str]] = {kind.name: set() for kind in KINDS}
        """Ids whose file exists but has errors: references to them are not reported a second time."""
        self.unread_lists: set[str] = set()
        """Kinds listed in one file that has errors (audiences): references to them are not checked either."""
        self.duplicated: dict[str, set[str]] = {kind.name: set() for kind in KINDS}
        """Ids given by two files: which English a translation translates is not known until one is renamed."""
        self.translations: dict[str, Translation] = {}
        """Every language's translations under sessions/<language>/, checked against the English they translate."""
        self.site: m.Site | None = None
        self.audiences: dict[str, m.Audience] = {}

    def label(self, path: Path) -> str:
        """The path a maintainer recognizes: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def compose(self, path: Path, empty_is_nothing: bool = False) -> tuple[Checker, yaml.Node | None]:
        """The file's YAML node, or None with the reason among the checker's problems. `empty_is_nothing`: a file of
        comments only (a translation just started with `new translation`) holds nothing, and is no problem."""
        checker = Checker(self.label(path), self.docs_dir, self.root)
        if path.stat().st_size > MAX_FILE_BYTES:
            checker.problems.append(
                Problem(
                    checker.file,
                    1,
                    "",
                    f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; "
                    "one item's text is far smaller: check that this is the right file",
                )
            )
            return checker, None
        try:
            text = path.read_text(encoding="utf-8")
            node = yaml.compose(text, Loader=YAML_LOADER)
        except UnicodeDecodeError as error:
            line = path.read_bytes()[: error.start].count(b"\n") + 1
            checker.problems.append(Problem(checker.file, line, "", "is not UTF-8 text; save it as UTF-8"))
            return checker, None
        except RecursionError:
            checker.problems.append(Problem(checker.file, 1, "", "is nested too deeply to read; no item needs this"))
            return checker, None
        except yaml.MarkedYAMLError as error:
            checker.problems.append(_syntax_problem(checker.file, error))
            return checker, None
        except yaml.reader.ReaderError as error:
            checker.problems.append(_unreadable_character(checker.file, text, error))
            return checker, None
        if node is None and not empty_is_nothing:
            checker.problems.append(Problem(checker.file, 1, "", "is empty; see the README for what this file holds"))
        elif alias := _first_alias(checker.file, text):
            checker.problems.append(alias)
            return checker, None
        return checker, node

    def check_file(self, path: Path, spec: Obj) -> tuple[Checker, Any]:
        checker, node = self.compose(path)
        value = checker.check(node, spec, "") if node is not None else INVALID
        self.problems.extend(checker.problems)
        self.references.extend(checker.references)
        return checker, value

    def load_kind(self, kind: Kind) -> None:
        folder = self.content_dir / kind.folder
        if not folder.is_dir():
            return
        first_seen: dict[str, str] = {}
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            if path.suffix not in (".yaml", ".yml"):
                self.problems.append(
                    Problem(
                        self.label(path), 1, "", f"is not a .yaml file; only YAML belongs in sessions/{kind.folder}/"
                    )
                )
                continue
            item_id = path.stem
            checker, values = self.check_file(path, kind.spec)
            if not is_id(item_id):
                suggestion = slugify(item_id)
                self.problems.append(
                    Problem(
                        checker.file,
                        1,
                        "",
                        f"file name {path.name!r} becomes the page address; rename it to {suggestion}.yaml",
                    )
                )
                continue
            if item_id in first_seen:
                self.duplicated[kind.name].add(item_id)
                self.problems.append(
                    Problem(
                        checker.file,
                        1,
                        "",
                        f"a {kind.name} with id {item_id!r} already exists in {first_seen[item_id]}; "
                        "rename one of the files",
                    )
                )
                continue
            first_seen[item_id] = checker.file
            if values is INVALID:
                self.broken[kind.name].add(item_id)
            else:
                self.items[kind.name][item_id] = kind.model(id=item_id, source=m.Source(checker.file, 1), **values)

    def load_single(self, name: str) -> Any:
        path = self.content_dir / name
        if not path.is_file():
            self.problems.append(Problem(self.label(path), 1, "", f"is missing; create sessions/{name}"))
            return INVALID
        return self.check_file(path, SINGLE_FILES[name])[1]

    def load_audiences(self) -> dict[str, m.Audience]:
        path = self.content_dir / "audiences.yaml"
        values = self.load_single("audiences.yaml")
        audiences: dict[str, m.Audience] = {}
        if values is INVALID:
            self.unread_lists.add("audience")
            return audiences
        for index, entry in enumerate(values["audiences"]):
            if entry["id"] in audiences:
                self.problems.append(
                    Problem(self.label(path), 1, f"audiences[{index}].id", f"{entry['id']!r} is listed twice; keep one")
                )
            audiences[entry["id"]] = m.Audience(**entry)
        return audiences

    def load_synonyms(self) -> tuple[m.Synonyms, ...]:
        """Optional: without sessions/synonyms.yaml search matches words only as written."""
        path = self.content_dir / "synonyms.yaml"
        if not path.is_file():
            return ()
        checker, node = self.compose(path)
        values: Any = checker.check(node, SINGLE_FILES["synonyms.yaml"], "") if node is not None else INVALID
        self.problems.extend(checker.problems)
        if values is INVALID or node is None:
            return ()
        groups = tuple(
            m.Synonyms(terms=tuple(group["terms"]), line=item.start_mark.line + 1, lang=group.get("lang", "en"))
            for group, item in zip(values["synonyms"], _list_items(node, "synonyms"), strict=True)
        )
        self.problems.extend(_repeated_terms(self.label(path), groups))
        return groups

    def load_site(self) -> m.Site | None:
        values = self.load_single("site.yaml")
        return None if values is INVALID else m.Site(**values)

    def report_outside_links(self) -> None:
        """A symbolic link under docs/ leading out of the project would publish whatever it points to."""
        if not self.docs_dir.is_dir():
            return
        project = self.root.resolve()
        for folder, directories, files in os.walk(self.docs_dir):
            for name in sorted([*directories, *files]):
                link = Path(folder) / name
                if link.is_symlink() and not link.resolve().is_relative_to(project):
                    where = link.relative_to(self.root).as_posix() if link.is_relative_to(self.root) else str(link)
                    self.problems.append(
                        Problem(where, 1, "", "is a shortcut (symbolic link) to something outside the project, "
                                "which would be published; replace it with a copy of the file, or remove it")
                    )  # fmt: skip

    def report_strays(self) -> None:
        """A file or folder the loader would silently skip is almost always a mistake."""
        known = {kind.folder for kind in KINDS} | set(SINGLE_FILES) | set(TRANSLATIONS)
        for entry in sorted(self.content_dir.iterdir()):
            if entry.name not in known and not entry.name.startswith("."):
                what = ", ".join(sorted(known))
                self.problems.append(
                    Problem(self.label(entry), 1, "", f"is not a known kind of content; use one of: {what}")
                )

    def resolve_references(self, ids: dict[str, set[str]]) -> None:
        for ref in self.references:
            known = ids[ref.kind]
            if ref.id in known or ref.id in self.broken.get(ref.kind, ()) or ref.kind in self.unread_lists:
                continue  # a broken file's own errors are reported; a second message elsewhere would mislead
            close = closest(ref.id, sorted(known))
            hint = f"; did you mean {close[0]!r}?" if close else f"; add it under sessions/{_folder(ref.kind)}"
            self.problems.append(Problem(ref.file, ref.line, ref.field, f"no {ref.kind} has the id {ref.id!r}{hint}"))

    def check_training_series(self, catalog: m.Catalog) -> None:
        """A training may join an archive; a learning network's recordings are its numbered sessions."""
        lines = {(ref.file, ref.field): ref.line for ref in self.references}
        for training in catalog.trainings.values():
            series = catalog.series.get(training.series or "")
            if series and series.kind != "archive":
                line = lines.get((training.source.file, "series"), 1)
                self.problems.append(
                    Problem(
                        training.source.file,
                        line,
                        "series",
                        f"{series.id!r} is a learning network; add this as one of its sessions instead",
                    )
                )

    def load_translations(self, language: str) -> None:
        """sessions/<language>/: the same folders and files as sessions/, each file translating its English one."""
        base = self.content_dir / language
        if not base.is_dir():
            return
        translation = self.translations.setdefault(language, Translation(language))
        folders = {kind.folder: kind for kind in KINDS}
        for entry in sorted(base.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and entry.name in folders:
                for path in sorted(entry.rglob("*")):
                    if path.is_file():
                        self.load_item_translation(folders[entry.name], path, translation)
            elif entry.is_file() and entry.name in TRANSLATED_FILES:
                self.load_file_translation(entry, translation)
            else:
                known = ", ".join([*sorted(folders), *TRANSLATED_FILES])
                self.problems.append(
                    Problem(self.label(entry), 1, "", f"is not the translation of a content folder or file; "
                            f"sessions/{language}/ holds the same names as sessions/: {known}")
                )  # fmt: skip

    def load_item_translation(self, kind: Kind, path: Path, translation: Translation) -> None:
        item_id = path.stem
        english = self.items[kind.name].get(item_id)
        is_yaml = path.suffix in (".yaml", ".yml")
        if is_yaml and (item_id in self.broken[kind.name] or item_id in self.duplicated[kind.name]):
            return  # the English file's own problems are reported; checking against it would mislead
        if not is_yaml or english is None:
            close = closest(item_id, self.items[kind.name])
            hint = f"; did you mean {close[0]}.yaml?" if close else "; name it after the English file it translates"
            english_path = f"sessions/{kind.folder}/{item_id}.yaml"
            self.problems.append(
                Problem(self.label(path), 1, "", f"translates {english_path}, which does not exist{hint}")
            )
            return
        checker, node = self.compose(path, empty_is_nothing=True)
        reader = TranslationReader(checker, translation.language, english.source.file)
        values = reader.read(node, kind.spec, english) if node is not None else _nothing(checker)
        self.problems.extend(checker.problems)
        if values is not INVALID:
            translation.items.setdefault(kind.name, {})[item_id] = values

    def load_file_translation(self, path: Path, translation: Translation) -> None:
        english = self.site if path.name == "site.yaml" else {"audiences": tuple(self.audiences.values())}
        if english is None or (path.name == "audiences.yaml" and "audience" in self.unread_lists):
            return  # the English file has problems of its own, reported with it
        checker, node = self.compose(path, empty_is_nothing=True)
        reader = TranslationReader(checker, translation.language, f"sessions/{path.name}")
        values = reader.read(node, TRANSLATED_FILES[path.name], english) if node is not None else _nothing(checker)
        self.problems.extend(checker.problems)
        if values is not INVALID:
            translation.files[path.name] = values

    def load(self) -> m.Catalog:
        if not self.content_dir.is_dir():
            raise ContentError([Problem(self.label(self.content_dir), 1, "", "folder not found")])
        self.report_strays()
        self.report_outside_links()
        site = self.site = self.load_site()
        audiences = self.audiences = self.load_audiences()
        synonyms = self.load_synonyms()
        for kind in KINDS:
            self.load_kind(kind)
        for language in TRANSLATIONS:
            self.load_translations(language)
        ids = {name: set(items) for name, items in self.items.items()} | {"audience": set(audiences)}
        self.resolve_references(ids)
        if site is None or self.problems:
            raise ContentError(self.problems)
        kinds: dict[str, Any] = {kind.catalog_field: self.items[kind.name] for kind in KINDS}
        catalog = m.Catalog(site=site, audiences=audiences, synonyms=synonyms, **kinds)
        self.check_training_series(catalog)
        self.problems.extend(alias_problems(catalog, self.root))
        if self.problems:
            raise ContentError(self.problems)
        return catalog


def _nothing(checker: Checker) -> Any:
    """A translation that could not be read is INVALID (its problems are the checker's); one with nothing yet is {}."""
    return INVALID if checker.problems else {}


def _syntax_problem(file: str, error: yaml.MarkedYAMLError) -> Problem:
    """YAML's own message, with the line where the broken construct starts when that differs."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    detail = error.problem or "cannot be read"
    if error.context and error.context_mark:
        detail += f" ({error.context} that starts on line {error.context_mark.line + 1})"
    return Problem(file, line, "", f"YAML syntax: {detail}; check indentation and quotes")


def _unreadable_character(file: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A NUL, ESC or other control character pasted in from Word, a PDF or an email: where it is and what to do."""
    line = text.count("\n", 0, error.position) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Problem(
        file, line, "", f"holds the invisible control character U+{code:04X}, which YAML does not allow; "
        "delete it (retype the line if you cannot see it)"
    )  # fmt: skip


def _first_alias(file: str, text: str) -> Problem | None:
    """YAML anchors and aliases (`&name`, `*name`, `<<: *name`) are refused: each file says what it means in full.

    An alias repeats a node without copying it, so a few lines can stand for billions of values (an alias bomb),
    and a key that is an alias cannot be named in a message."""
    if "*" not in text:
        return None
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, yaml.AliasEvent):
            name = event.anchor
            fix = "write the value out in full at each place it is needed"
            line = event.start_mark.line + 1 if event.start_mark else 1
            return Problem(file, line, "", f"repeats a value with the YAML alias *{name} (anchor &{name}); {fix}")
    return None


def _list_items(node: yaml.Node, key: str) -> list[yaml.Node]:
    """The item nodes of the list under `key` of a checked mapping: each item's own line."""
    for name, value in node.value:
        if name.value == key:
            return list(value.value)
    return []


def _repeated_terms(file: str, groups: tuple[m.Synonyms, ...]) -> list[Problem]:
    """A term in two groups of one language would join them silently; the maintainer decides which group it belongs
    to. Each language's search has its own groups, so "VLN" may stand in an English group and in a Spanish one."""
    first: dict[tuple[str, str], int] = {}
    problems = []
    for number, group in enumerate(groups):
        for term in group.terms:
            key = (group.lang, term.casefold())
            if key in first:
                problems.append(
                    Problem(
                        file, group.line, f"synonyms[{number}].terms",
                        f"{term!r} is already in the group on line {first[key]}; keep it in one group "
                        "(merge the two groups if they mean the same)",
                    )
                )  # fmt: skip
            first.setdefault(key, group.line)
    return problems


def _folder(kind: str) -> str:
    return next((k.folder for k in KINDS if k.name == kind), "audiences.yaml")


def load_catalog(
    content_dir: str | os.PathLike[str], docs_dir: str | os.PathLike[str], root: str | os.PathLike[str] | None = None
) -> m.Catalog:
    """Load and check all content, translations included; raise ContentError with every problem at once."""
    return Loader(Path(content_dir), Path(docs_dir), Path(root) if root is not None else None).load()


def load_catalogs(
    content_dir: str | os.PathLike[str],
    docs_dir: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    languages: tuple[str, ...] = (SOURCE,),
) -> dict[str, m.Catalog]:
    """The catalog in each of `languages` (English first); every translation is checked whichever are asked for."""
    loader = Loader(Path(content_dir), Path(docs_dir), Path(root) if root is not None else None)
    english = loader.load()
    return {
        language: english
        if language == SOURCE
        else translate_catalog(english, loader.translations.get(language, Translation(language)))
        for language in languages
    }
