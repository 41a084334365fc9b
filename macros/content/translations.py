"""Translations: the words of an English file's text fields in another language, in a file of the same shape.

`sessions/es/trainings/peer-support-basics.yaml` translates `sessions/trainings/peer-support-basics.yaml`: the same
path under `sessions/<language>/`. It holds text fields only (an id, a date, an address or a choice is never
translated: the English file's value holds in every language), under the English file's names, and each list has one
item per English item, in the same order; an empty item (`- ~`) keeps that one in English. Any text a translation
leaves out is shown in English and marked so (`Untranslated`), never mixed in silently.

Why this shape: Decap CMS 3.16.3 (the editor at /admin/) stores a second locale only by suffixing every locale
(`multiple_files`: x.en.yaml and x.es.yaml) or by giving every locale a folder (`multiple_folders`: en/x.yaml,
es/x.yaml); neither keeps the English files where maintainers, the scaffold and the spreadsheet tools expect them.
Here the English stays as it is and each language gets one folder mirroring sessions/, which the editor edits as a
collection per kind (macros/outputs/cms.py).
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.content import model as m
from macros.content import spec as s
from macros.content import specs
from macros.content.check import INVALID, Checker
from macros.content.kinds import KINDS
from macros.content.values.text import Untranslated

SOURCE = "en"
"""The language every content file is written in first."""
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "es": "Spanish"}
"""Every language the site can be built in, named in English for messages to maintainers."""
TRANSLATIONS: tuple[str, ...] = ("es",)
"""Languages a translation may be written in: each has a folder sessions/<code>/ and a message catalog."""
TRANSLATED_FILES: dict[str, s.Obj] = {"site.yaml": specs.SITE, "audiences.yaml": specs.AUDIENCES}
"""Single files that have a translation (synonyms.yaml keeps every language's groups itself, with `lang:`)."""


def text_part(spec: s.Spec) -> s.Spec | None:
    """What a translation of `spec` may give: its translatable text fields in the same shape, every one optional, its
    lists allowing empty items; None when `spec` holds no such text. The JSON Schemas and the editor use it too."""
    if isinstance(spec, s.Text):
        return spec if spec.translatable else None
    if isinstance(spec, s.ListOf):
        item = text_part(spec.item)
        return None if item is None else s.ListOf(item=item, doc=spec.doc, empty_items=True)
    if isinstance(spec, s.Obj):
        fields = {name: s.Field(part) for name, declared in spec.fields.items() if (part := text_part(declared.spec))}
        return s.Obj(fields=fields, doc=spec.doc) if fields else None
    return None


def holds_text(spec: s.Spec) -> bool:
    """Whether `spec` has a translatable text field anywhere inside."""
    if isinstance(spec, s.Text):
        return spec.translatable
    if isinstance(spec, s.ListOf):
        return holds_text(spec.item)
    if isinstance(spec, s.Obj):
        return any(holds_text(declared.spec) for declared in spec.fields.values())
    return False


@dataclass
class Translation:
    """One language's translations as read: the values of each item by kind and id, and of the single files."""

    language: str
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Kind name → item id → its translated values (a mapping shaped like the English file, text only)."""
    files: dict[str, Any] = field(default_factory=dict)
    """`site.yaml` and `audiences.yaml` → their translated values."""

    def count(self) -> int:
        return sum(len(items) for items in self.items.values()) + len(self.files)


def _own(english: Any, name: str) -> Any:
    """The English value of field `name` of a model object or a mapping (None when it has none)."""
    if isinstance(english, dict):
        return english.get(name)
    return getattr(english, name, None)


def _given(value: Any) -> bool:
    return value is not None and value not in ((), [])


def _empty(node: yaml.Node) -> bool:
    """`- ~`, `-` alone or `- {}`: an item that keeps its English words."""
    if isinstance(node, yaml.ScalarNode):
        return node.tag == "tag:yaml.org,2002:null"
    return isinstance(node, yaml.MappingNode) and not node.value


@dataclass
class TranslationReader:
    """Checks one translation file against the English item it translates, line by line, with the fix."""

    checker: Checker
    language: str
    english_file: str
    """The file translated, for messages: `sessions/trainings/x.yaml`."""

    def read(self, node: yaml.Node, spec: s.Obj, english: Any) -> Any:
        """The translated values (a mapping shaped like the English file), or INVALID after recording why."""
        return self._value(node, spec, english, "")

    def _value(self, node: yaml.Node, spec: s.Spec, english: Any, path: str) -> Any:
        if isinstance(spec, s.Obj):
            return self._mapping(node, spec, english, path)
        if isinstance(spec, s.ListOf):
            return self._sequence(node, spec, english, path)
        return self.checker.check(node, spec, path)

    def _mapping(self, node: yaml.Node, spec: s.Obj, english: Any, path: str) -> Any:
        fail = self.checker.fail
        if not isinstance(node, yaml.MappingNode):
            return fail(node, path, "must be a mapping of fields (`name: text`), as in the English file")
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        ok = True
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                fail(key_node, path, "has a list or mapping where a field name belongs; write `name: text`")
                ok = False
                continue
            key = str(key_node.value)
            where = f"{path}.{key}" if path else key
            problem = self._key_problem(key, spec, english, lines)
            lines.setdefault(key, key_node.start_mark.line + 1)
            if problem:
                fail(key_node, where, problem)
                ok = False
                continue
            value = self._value(value_node, spec.fields[key].spec, _own(english, key), where)
            ok = ok and value is not INVALID
            values[key] = value
        return values if ok else INVALID

    def _key_problem(self, key: str, spec: s.Obj, english: Any, lines: dict[str, int]) -> str | None:
        language = LANGUAGE_NAMES[self.language]
        if key in lines:
            return f"is given twice (first on line {lines[key]}); keep one"
        declared = spec.fields.get(key)
        if declared is None:
            names = [name for name, each in spec.fields.items() if holds_text(each.spec)]
            close = difflib.get_close_matches(key, list(spec.fields), n=1, cutoff=0.6)
            if close:
                return f"unknown field; did you mean `{close[0]}`?"
            return f"unknown field; the text fields here are: {', '.join(names)}"
        if not holds_text(declared.spec):
            return f"is not text to translate: the English file's `{key}` holds in every language; remove it here"
        if not _given(_own(english, key)):
            return (
                f"is not in the English file ({self.english_file}); a translation gives the {language} of what the "
                "English says: write it there first, or remove it here"
            )
        return None

    def _sequence(self, node: yaml.Node, spec: s.ListOf, english: Any, path: str) -> Any:
        fail = self.checker.fail
        if not isinstance(node, yaml.SequenceNode):
            return fail(node, path, "must be a list (lines starting with `- `), as in the English file")
        own = list(english or ())
        if len(node.value) != len(own):
            return fail(
                node,
                path,
                f"has {len(node.value)} item{'s' if len(node.value) != 1 else ''} but the English file has "
                f"{len(own)}; keep one item per English item, in the same order (an empty item, `- ~`, keeps that "
                "one in English)",
            )
        items = [
            None if _empty(child) else self._value(child, spec.item, item, f"{path}[{index}]")
            for index, (child, item) in enumerate(zip(node.value, own, strict=True))
        ]
        return INVALID if any(item is INVALID for item in items) else items


def translated(english: Any, spec: s.Spec, values: Any) -> Any:
    """`english` (a model object, a mapping, a tuple or a text) with its text in the translation's words; text the
    translation leaves out stays English, marked `Untranslated`; everything else is the English value itself."""
    if isinstance(spec, s.Text):
        if english is None or not spec.translatable:
            return english
        return values if isinstance(values, str) else Untranslated(english)
    if isinstance(spec, s.ListOf):
        if not english or not holds_text(spec):
            return english
        given = values if isinstance(values, list) else [None] * len(english)
        return tuple(translated(item, spec.item, value) for item, value in zip(english, given, strict=True))
    if isinstance(spec, s.Obj):
        if english is None:
            return None
        own = values if isinstance(values, dict) else {}
        changes = {
            name: translated(_own(english, name), declared.spec, own.get(name))
            for name, declared in spec.fields.items()
            if holds_text(declared.spec)
        }
        if isinstance(english, dict):
            return english | changes
        return dataclasses.replace(english, **changes)
    return english


def translate_catalog(catalog: m.Catalog, translation: Translation) -> m.Catalog:
    """The catalog in the translation's language: the same items, ids and order, with the translated text."""
    kinds: dict[str, Any] = {
        kind.catalog_field: {
            item_id: translated(item, kind.spec, translation.items.get(kind.name, {}).get(item_id))
            for item_id, item in kind.items(catalog).items()
        }
        for kind in KINDS
    }
    audiences = translated(
        {"audiences": tuple(catalog.audiences.values())}, specs.AUDIENCES, translation.files.get("audiences.yaml")
    )["audiences"]
    untranslated = frozenset(
        f"{kind.name}:{item_id}"
        for kind in KINDS
        for item_id in kind.items(catalog)
        if not translation.items.get(kind.name, {}).get(item_id)
    )
    return dataclasses.replace(
        catalog,
        site=translated(catalog.site, specs.SITE, translation.files.get("site.yaml")),
        audiences={audience.id: audience for audience in audiences},
        untranslated=untranslated,
        **kinds,
    )
