"""JSON Schema for editors, derived from the same field specs the loader checks, so the two cannot drift apart.

An editor with the YAML language server underlines a mistake as it is typed. The schema is a first line of
defence only: `python -m macros validate` stays the authority (ids that exist, files that exist, real calendar
dates, cross-field rules), and every value the schema refuses the loader refuses too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from macros.content import model as m
from macros.content import spec as s
from macros.content.check import PLACEHOLDER
from macros.content.kinds import KINDS, SINGLE_FILES
from macros.content.values.ids import ID_PATTERN
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.relations import Relations

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def documents(site_url: str) -> dict[str, dict[str, Any]]:
    """One schema per kind of file under sessions/, by name: training, series, …, site, audiences."""
    specs: dict[str, tuple[s.Obj, str]] = {
        kind.word: (kind.spec, f"sessions/{kind.folder}/<id>.yaml") for kind in KINDS
    }
    for file_name, spec in SINGLE_FILES.items():
        specs[file_name.removesuffix(".yaml")] = (spec, f"sessions/{file_name}")
    result = {}
    for name, (spec, where) in specs.items():
        document = {"$schema": DRAFT, "$id": f"{site_url}schema/{name}.json", "title": f"{where} ({name})"}
        result[name] = document | convert(spec)
    return result


def schema_files(catalog: m.Catalog, relations: Relations, info: BuildInfo) -> list[OutputFile]:
    """The producer: `/schema/<kind>.json` for every kind, addressed from the site's own URL."""
    return [OutputFile(f"schema/{name}.json", encoded(document)) for name, document in documents(info.site_url).items()]


def encoded(document: dict[str, Any]) -> bytes:
    """Stable bytes: sorted keys keep a rebuild byte for byte the same."""
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def convert(spec: s.Spec) -> dict[str, Any]:
    """The JSON Schema of one field spec; a spec type this does not know accepts anything (validate still checks)."""
    result = _shape(spec)
    if spec.doc:
        result["description"] = spec.doc
    return result


def _shape(spec: s.Spec) -> dict[str, Any]:
    if isinstance(spec, s.Obj):
        return {
            "type": "object",
            "properties": {name: convert(declared.spec) for name, declared in spec.fields.items()},
            "required": [name for name, declared in spec.fields.items() if declared.required],
            "additionalProperties": False,
        }
    if isinstance(spec, s.ListOf):
        result: dict[str, Any] = {"type": "array", "items": convert(spec.item)}
        if spec.min_items:
            result["minItems"] = spec.min_items
        if spec.unique:
            result["uniqueItems"] = True
        return result
    if isinstance(spec, s.Integer):
        return {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    if isinstance(spec, s.Date):
        choices: list[dict[str, Any]] = [
            {"type": "integer", "minimum": 1000, "maximum": 9999},
            {"type": "string", "pattern": DATE_PATTERN},
        ]
        if spec.allow_unknown:
            choices.append({"const": "unknown"})
        return {"anyOf": choices}
    return _string(spec)


def _string(spec: s.Spec) -> dict[str, Any]:
    if isinstance(spec, s.Text):
        pattern = r"^\s*[^\n]*\S\s*$" if spec.one_line else r"\S"
        return {"type": "string", "pattern": pattern, "not": {"pattern": rf"^\s*{PLACEHOLDER}"}}
    if isinstance(spec, (s.Identifier, s.Ref)):
        return {"type": "string", "pattern": ID_PATTERN}
    if isinstance(spec, s.Choice):
        return {"enum": list(spec.options)}
    if isinstance(spec, s.Url):
        starts = "|".join(
            f"{re.escape(name)}:" + ("//" if name not in ("mailto", "tel") else "") for name in spec.schemes
        )
        return {"type": "string", "pattern": rf"^({starts})\S+$"}
    if isinstance(spec, s.Email):
        return {"type": "string", "pattern": r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"}
    if isinstance(spec, s.Phone):
        return {"type": "string", "pattern": r"^\+?[0-9][0-9 ().-]{1,20}[0-9]$"}
    if isinstance(spec, s.Doi):
        return {"type": "string", "pattern": r"^10\.[0-9]{4,9}/\S+$"}
    if isinstance(spec, s.LocalFile):
        path = {"type": "string", "pattern": rf"^{re.escape(spec.prefix)}[^/]"}
        return {"anyOf": [path, {"enum": list(spec.keywords)}]} if spec.keywords else path
    return {}
