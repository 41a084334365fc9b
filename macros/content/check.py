"""Walk a composed YAML node against a spec, keeping every problem with its line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.content import spec as s
from macros.content.problems import Problem
from macros.content.values.dates import parse_partial_date
from macros.content.values.ids import id_problem
from macros.content.values.suggest import closest
from macros.content.values.urls import email_problem, phone_problem, url_problem
from macros.content.values.webvtt import webvtt_problem
from macros.content.values.wording import wording_problem

STR_TAG = "tag:yaml.org,2002:str"
PLACEHOLDER = "TODO:"
"""Scaffolds mark text a person must still write with this prefix; it is refused until replaced."""
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_READ_AS = {
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:timestamp": "a date",
}


class Invalid:
    """Marks a value that failed its check; the enclosing object is not built."""


INVALID = Invalid()


@dataclass(frozen=True)
class Reference:
    """An id that must name an existing item of `kind`; resolved after all files load."""

    kind: str
    id: str
    file: str
    line: int
    field: str


@dataclass
class Checker:
    """Checks one file's nodes; collects problems and references instead of stopping at the first."""

    file: str
    docs_dir: Path
    project: Path | None = None
    """Files named in the content must resolve inside this folder (the project root); None: inside docs_dir."""
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def fail(self, node: yaml.Node, path: str, message: str) -> Invalid:
        self.problems.append(Problem(self.file, node.start_mark.line + 1, path, message))
        return INVALID

    def check(self, node: yaml.Node, spec: s.Spec, path: str) -> Any:
        """The checked Python value of `node`, or INVALID after recording why."""
        if isinstance(spec, s.Obj):
            return self._object(node, spec, path)
        if isinstance(spec, s.ListOf):
            return self._list(node, spec, path)
        return self._scalar(node, spec, path)

    def _object(self, node: yaml.Node, spec: s.Obj, path: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fail(node, path, f"must be a mapping of fields ({', '.join(spec.fields)}), not {_shape(node)}")
        values: dict[str, Any] = {}
        nodes: dict[str, yaml.Node] = {}
        suggested: set[str] = set()
        ok = True
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "has a list or mapping where a field name belongs; write `name: value`")
                ok = False
                continue
            key = str(key_node.value)
            where = f"{path}.{key}" if path else key
            if key in nodes:
                first = nodes[key].start_mark.line + 1
                self.fail(key_node, where, f"is given twice (first on line {first}); keep one")
                ok = False
                continue
            nodes[key] = value_node
            if key not in spec.fields:
                close = closest(key, spec.fields)
                suggested.update(close)
                self.fail(key_node, where, _unknown_key(key, close, spec))
                ok = False
                continue
            value = self.check(value_node, spec.fields[key].spec, where)
            ok = ok and value is not INVALID
            values[key] = value
        for name, declared in spec.fields.items():
            if declared.required and name not in nodes and name not in suggested:
                where = f"{path}.{name}" if path else name
                self.fail(node, where, f"is required; add `{name}:` ({describe(declared.spec)})")
                ok = False
        if not ok:
            return INVALID
        for rule in spec.rules:
            for name, message in rule(values):
                where = f"{path}.{name}" if path else name
                self.fail(nodes.get(name, node), where, message)
                ok = False
        if not ok:
            return INVALID
        return spec.build(values, self) if spec.build else values

    def _list(self, node: yaml.Node, spec: s.ListOf, path: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self.fail(node, path, f"must be a list (lines starting with `- `), not {_shape(node)}")
        if len(node.value) < spec.min_items:
            return self.fail(node, path, f"needs at least {spec.min_items} item{'s' if spec.min_items > 1 else ''}")
        items = [self.check(child, spec.item, f"{path}[{index}]") for index, child in enumerate(node.value)]
        distinct = self._unique_by(node, spec.unique_by, path) if spec.unique_by else True
        if any(item is INVALID for item in items) or not distinct:
            return INVALID
        if spec.unique:
            seen: set[Any] = set()
            for child, item in zip(node.value, items, strict=True):
                if item in seen:
                    return self.fail(child, path, f"lists {item} twice; keep one")
                seen.add(item)
        return tuple(items)

    def _unique_by(self, node: yaml.SequenceNode, key: str, path: str) -> bool:
        """Report every item whose `key` repeats an earlier item's, at the repeated value's line."""
        first: dict[str, int] = {}
        ok = True
        for index, child in enumerate(node.value):
            pairs = child.value if isinstance(child, yaml.MappingNode) else []
            value_node = next((v for k, v in pairs if str(k.value) == key), None)
            if not isinstance(value_node, yaml.ScalarNode):
                continue
            value = str(value_node.value)
            if value in first:
                message = f"{value!r} is already used on line {first[value]}; give each a different {key}"
                self.fail(value_node, f"{path}[{index}].{key}", message)
                ok = False
            else:
                first[value] = value_node.start_mark.line + 1
        return ok

    def _scalar(self, node: yaml.Node, spec: s.Spec, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(node, path, f"must be a single value ({describe(spec)}), not {_shape(node)}")
        raw = str(node.value)
        if len(raw.strip()) > s.most_characters(spec):
            return self.fail(node, path, _too_long(spec, len(raw.strip())))
        if isinstance(spec, s.Integer):
            return self._integer(node, spec, path, raw)
        if isinstance(spec, s.Date):
            return self._date(node, spec, path, raw)
        if node.tag != STR_TAG:
            return self.fail(node, path, _not_text(node, raw, path))
        if hidden := _hidden_character(raw, spec):
            return self.fail(node, path, hidden)
        text = raw.strip()
        if not text:
            return self.fail(node, path, f"is empty; write {describe(spec)} or remove the line")
        problem = self._text_problem(spec, text)
        if problem:
            return self.fail(node, path, problem)
        if isinstance(spec, s.Text) and (wording := wording_problem(raw)):
            self.problems.append(Problem(self.file, _line_in(node, raw, wording[0]), path, wording[1]))
            return INVALID
        if isinstance(spec, s.Ref):
            self.references.append(Reference(spec.kind, text, self.file, node.start_mark.line + 1, path))
        return text

    def _text_problem(self, spec: s.Spec, text: str) -> str | None:
        if isinstance(spec, s.Text) and spec.one_line and "\n" in text:
            return "must fit on one line"
        if isinstance(spec, s.Text) and text.startswith(PLACEHOLDER):
            return "still holds the placeholder from `python -m macros new`; replace it with the real text"
        if isinstance(spec, (s.Identifier, s.Ref)) and (wrong := id_problem(text)):
            return wrong
        if isinstance(spec, s.Choice) and text not in spec.options:
            return _unknown_choice(text, spec.options)
        if isinstance(spec, s.Url):
            return url_problem(text, spec.schemes, spec.hosts)
        if isinstance(spec, s.Email):
            return email_problem(text)
        if isinstance(spec, s.Phone):
            return phone_problem(text)
        if isinstance(spec, s.Doi) and not _DOI.match(text):
            return f"{text!r} is not a DOI; write it like 10.1093/sw/52.1.63 (without https://doi.org/)"
        if isinstance(spec, s.LocalFile):
            return self._file_problem(spec, text)
        return None

    def _file_problem(self, spec: s.LocalFile, text: str) -> str | None:
        if text in spec.keywords:
            return None
        if text.startswith(("http:", "https:", "/")) or ".." in text.split("/"):
            return f"must be a path under docs/{spec.prefix}, like {spec.prefix}example.pdf"
        if not text.startswith(spec.prefix):
            return f"must be a file under docs/{spec.prefix}, like {spec.prefix}{text.rsplit('/', 1)[-1]}"
        if spec.suffixes and not text.lower().endswith(spec.suffixes):
            return f"must be one of these kinds of file: {', '.join(spec.suffixes)}"
        target = self.docs_dir / text
        if not target.is_file():
            return f"docs/{text} does not exist; add the file or correct the path"
        if not target.resolve().is_relative_to((self.project or self.docs_dir).resolve()):
            return f"docs/{text} is a shortcut to a file outside the project; put a copy of the file there instead"
        if target.stat().st_size == 0:
            return f"docs/{text} is empty; replace it with the real file"
        if text.lower().endswith(".vtt") and (caption := webvtt_problem(target)):
            return f"docs/{text}: {caption}"
        return None

    def _integer(self, node: yaml.ScalarNode, spec: s.Integer, path: str, raw: str) -> Any:
        if re.fullmatch(r"\d+:\d{2}", raw):
            hours, minutes = raw.split(":")
            return self.fail(
                node, path, f"{raw} is ambiguous; write whole minutes, like {int(hours) * 60 + int(minutes)}"
            )
        if not re.fullmatch(r"[0-9]+", raw) or (raw.startswith("0") and raw != "0"):
            hint = _octal_hint(raw)
            return self.fail(node, path, hint or f"{raw!r} is not a whole number; write digits only, like 90")
        value = int(raw)
        if not spec.minimum <= value <= spec.maximum:
            return self.fail(node, path, f"{value} is out of range; use {spec.minimum} to {spec.maximum}")
        return value

    def _date(self, node: yaml.ScalarNode, spec: s.Date, path: str, raw: str) -> Any:
        if raw == "unknown" and spec.allow_unknown:
            return None
        try:
            return parse_partial_date(raw)
        except ValueError as error:
            extra = " (or write `unknown` if it is not known)" if spec.allow_unknown else ""
            return self.fail(node, path, f"{error}{extra}")

    def file_size(self, relative: str | None) -> int | None:
        """Bytes of a checked local file, measured once when loading."""
        return (self.docs_dir / relative).stat().st_size if relative else None


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Direction overrides and isolates: they make text read differently from how it is stored (Trojan Source)."""
_RETYPE = "remove it (retype the text if you cannot see it)"
JOINERS = frozenset("\u200c\u200d")
"""Zero-width (non-)joiners shape emoji and some scripts: allowed in prose, nowhere else."""


def _hidden_character(raw: str, spec: s.Spec) -> str | None:
    """The one text rule: no control or invisible format character, except a line break (and a tab in prose).

    Feeds, calendars and office files cannot hold control characters; direction overrides and zero-width
    characters make a title, an address or an id look like something it is not."""
    prose = isinstance(spec, s.Text) and not spec.one_line
    for char in raw:
        category = unicodedata.category(char)
        if category == "Cc" and char != "\n" and not (char == "\t" and prose):
            if char == "\t":
                return "holds a tab; replace it with a space"
            return f"holds the control character U+{ord(char):04X} (an escape such as \\u{ord(char):04x}); remove it"
        if char in BIDI_CONTROLS:
            return f"holds the invisible direction control U+{ord(char):04X}, which can disguise text; {_RETYPE}"
        if category == "Cf" and not (isinstance(spec, s.Text) and char in JOINERS):
            return f"holds the invisible character U+{ord(char):04X} (zero-width or format); {_RETYPE}"
    return None


def _line_in(node: yaml.ScalarNode, raw: str, offset: int) -> int:
    """The line of `offset` inside a literal (`|`) block, whose lines are kept; other styles fold lines: their start."""
    if node.style == "|":
        return node.start_mark.line + 2 + raw[:offset].count("\n")
    return node.start_mark.line + 1


def _too_long(spec: s.Spec, length: int) -> str:
    limit = s.most_characters(spec)
    if isinstance(spec, s.Text) and spec.one_line:
        return f"is {length:,} characters long; this field is one line of at most {limit:,}: shorten it"
    if isinstance(spec, s.Text):
        return (
            f"is {length:,} characters long; this field holds at most {limit:,} (about {limit // 6:,} words): "
            "shorten it, or put the full text in a file under docs/files/ and link it"
        )
    return f"is {length:,} characters long; a value here has at most {limit:,}: check that it is the right value"


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {node.value!r}" if node.value else "an empty value"


def describe(spec: s.Spec) -> str:
    """What a value of `spec` looks like, in the words of an error message: `one of: a, b`, `a whole number`."""
    if isinstance(spec, s.Choice):
        return "one of: " + ", ".join(spec.options)
    if isinstance(spec, s.Ref):
        return f"the id of a {spec.kind}"
    if isinstance(spec, s.Date):
        return "a date like 2017, 2017-03 or 2017-03-14" + (", or unknown" if spec.allow_unknown else "")
    if isinstance(spec, s.Url):
        return "an address starting with " + " or ".join(f"{name}:" for name in spec.schemes)
    if isinstance(spec, s.ListOf):
        return "a list"
    if isinstance(spec, s.Obj):
        return "a mapping with " + ", ".join(spec.fields)
    if isinstance(spec, s.Integer):
        return "a whole number"
    if isinstance(spec, s.LocalFile):
        return f"a file path like {spec.prefix}example.pdf"
    return "text"


def _not_text(node: yaml.ScalarNode, raw: str, path: str) -> str:
    """Explain a YAML 1.1 conversion (`no` → false, `1:30` → 90, `0123` → 83) and how to keep the text."""
    if node.tag == "tag:yaml.org,2002:null":
        return "is empty; write the text or remove the line"
    read_as = _READ_AS.get(node.tag, f"the tagged value {node.tag}")
    if node.tag in _READ_AS:
        read_as = _converted(raw, read_as)
    key = path.rsplit(".", 1)[-1]
    return f'{raw} is read by YAML as {read_as}, not text; put it in quotes: {key}: "{raw}"'


def _converted(raw: str, fallback: str) -> str:
    """What YAML 1.1 turns `raw` into, to show the maintainer the surprise (`0123` → the number 83)."""
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        return fallback
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return fallback


def _octal_hint(raw: str) -> str | None:
    if re.fullmatch(r"0\d+", raw):
        return f"{raw} has a leading zero, which YAML reads as an octal number; write {int(raw)}"
    return None


def _unknown_key(key: str, close: list[str], spec: s.Obj) -> str:
    if close:
        return f"unknown field; did you mean `{close[0]}`?"
    return f"unknown field; the fields here are: {', '.join(spec.fields)}"


def _unknown_choice(text: str, options: tuple[str, ...]) -> str:
    close = closest(text, options)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{text!r} is not allowed{hint}; write one of: {', '.join(options)}"
