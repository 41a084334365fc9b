"""Declarative field specs: one description of each kind serves the loader, the docs and (later) JSON Schema."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Spec:
    """Base of every field type."""

    doc: str = ""
    """What the field is for; shown in schemas and scaffolds."""


ONE_LINE_MAX = 300
"""Characters in a one-line text (a title, a name, a label): a pasted paragraph is a slip, and breaks layouts."""
PROSE_MAX = 20_000
"""Characters in a text of paragraphs (about 3,000 words): far above any summary or bio, and well inside the
32,767 characters a spreadsheet cell holds, so every text can be exported or downloaded as a workbook."""
URL_MAX = 2_000
"""Characters in an address: what browsers and servers reliably pass on."""
VALUE_MAX = 200
"""Characters in any other value (an id, a date, a phone number, a file path, a choice)."""


@dataclass(frozen=True)
class Text(Spec):
    """A string. Numbers, booleans and dates written without quotes are refused, not converted."""

    one_line: bool = False
    example: str = "…"
    max_length: int = 0
    """The most characters it may hold; 0: ONE_LINE_MAX or PROSE_MAX."""
    translatable: bool = True
    """False for text that reads the same in every language (a name, a version, a clock time, a time zone): a
    translation may not give it, and pages in other languages show it as it is, not marked as English."""


@dataclass(frozen=True)
class Identifier(Spec):
    """Lower-case letters, digits and hyphens: ids that become parts of addresses."""


@dataclass(frozen=True)
class Integer(Spec):
    minimum: int = 0
    maximum: int = 1_000_000


@dataclass(frozen=True)
class Date(Spec):
    """`2017`, `2017-03` or `2017-03-14`; `unknown` where allowed."""

    allow_unknown: bool = False


@dataclass(frozen=True)
class Url(Spec):
    """An address that passes the allow-list: https by default, more schemes where named."""

    schemes: tuple[str, ...] = ("https",)
    hosts: tuple[str, ...] = ()
    """When set, the URL's host must be one of these (recording providers)."""


@dataclass(frozen=True)
class Email(Spec):
    """An organization's address (never a person's)."""


@dataclass(frozen=True)
class Phone(Spec):
    """Digits with optional spaces, dots, dashes, parentheses and a leading +."""


@dataclass(frozen=True)
class Doi(Spec):
    """A DOI such as 10.1093/sw/52.1.63, without the https://doi.org/ prefix."""


@dataclass(frozen=True)
class Choice(Spec):
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ref(Spec):
    """The id of another item; checked once every file is loaded."""

    kind: str = ""


@dataclass(frozen=True)
class LocalFile(Spec):
    """A file under docs/ (relative to docs/, e.g. files/slides.pdf) that must exist and not be empty."""

    suffixes: tuple[str, ...] = ()
    prefix: str = "files/"
    keywords: tuple[str, ...] = ()
    """Words accepted instead of a path (`provider` for captions embedded in the player)."""


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Spec)
    min_items: int = 0
    unique: bool = False
    unique_by: str = ""
    """When set, no two items (mappings) may share this field's value: ids that become form keys."""
    empty_items: bool = False
    """A translation's list: an empty item (`- ~`) keeps the English item it stands for."""


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False


Rule = Callable[[Mapping[str, Any]], list[tuple[str, str]]]
"""A check across fields of one mapping: returns (field, message) pairs."""


@dataclass(frozen=True)
class Obj(Spec):
    fields: Mapping[str, Field] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    build: Callable[..., Any] | None = None
    """Turns the checked values into a model object; None keeps a dict (top-level kinds add id and source)."""


def most_characters(spec: Spec) -> int:
    """The most characters a single value of `spec` may hold: every output can then show it whole."""
    if isinstance(spec, Text):
        return spec.max_length or (ONE_LINE_MAX if spec.one_line else PROSE_MAX)
    return URL_MAX if isinstance(spec, Url) else VALUE_MAX


def walk_refs(spec: Spec) -> Iterator[Ref]:
    """Every `Ref` inside `spec`, depth first: which kinds a kind points to."""
    if isinstance(spec, Ref):
        yield spec
    elif isinstance(spec, ListOf):
        yield from walk_refs(spec.item)
    elif isinstance(spec, Obj):
        for declared in spec.fields.values():
            yield from walk_refs(declared.spec)
