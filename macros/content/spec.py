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


@dataclass(frozen=True)
class Text(Spec):
    """A string. Numbers, booleans and dates written without quotes are refused, not converted."""

    one_line: bool = False
    example: str = "…"


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


def walk_refs(spec: Spec) -> Iterator[Ref]:
    """Every `Ref` inside `spec`, depth first: which kinds a kind points to."""
    if isinstance(spec, Ref):
        yield spec
    elif isinstance(spec, ListOf):
        yield from walk_refs(spec.item)
    elif isinstance(spec, Obj):
        for declared in spec.fields.values():
            yield from walk_refs(declared.spec)
