"""Items as plain records: nested dicts and lists whose leaves are the text a maintainer wrote in the YAML.

The spreadsheet export reads records from the files (dates exactly as written, `unknown` kept apart from a missing
date, which the model cannot do), the import builds records from rows and writes them with the scaffold's writer
(`--update` over an existing file's record), and the round-trip test compares records field by field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.content import spec as s
from macros.content.load import YAML_LOADER

Record = dict[str, Any]
"""Field name → text, a list, or a nested record, in spec order; empty values are left out."""


def read_record(path: Path, spec: s.Obj) -> Record:
    """The record of a file that `validate` accepts: each scalar as the loader reads it (text stripped, numbers and
    dates as written)."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    value: Record = node_record(node, spec) if node is not None else {}
    return value


def node_record(node: yaml.Node, spec: s.Spec) -> Any:
    if isinstance(spec, s.Obj):
        given = {str(key.value): value for key, value in node.value}
        return {name: node_record(given[name], field.spec) for name, field in spec.fields.items() if name in given}
    if isinstance(spec, s.ListOf):
        return [node_record(child, spec.item) for child in node.value]
    raw = str(node.value)
    return raw if isinstance(spec, (s.Integer, s.Date)) else raw.strip()


def compact(value: Any) -> Any:
    """The value without empty text, lists or records anywhere inside it (a row's empty cells)."""
    if isinstance(value, dict):
        kept = {name: compact(item) for name, item in value.items()}
        return {name: item for name, item in kept.items() if item not in ("", [], {}, None)}
    if isinstance(value, list):
        return [item for item in (compact(item) for item in value) if item not in ("", [], {}, None)]
    return value
