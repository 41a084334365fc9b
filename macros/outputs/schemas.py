"""JSON Schema for editors, derived from the same field specs the loader checks, so the two cannot drift apart.

An editor with the YAML language server underlines a mistake as it is typed. The schema is a first line of
defence only: `python -m macros validate` stays the authority (ids that exist, files that exist, real calendar
dates, cross-field rules), and every value the schema refuses the loader refuses too.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any
from zoneinfo import available_timezones

from macros.content import model as m
from macros.content import spec as s
from macros.content import specs
from macros.content.check import BIDI_CONTROLS, JOINERS, PLACEHOLDER
from macros.content.kinds import KINDS, SINGLE_FILES
from macros.content.translations import TRANSLATED_FILES, TRANSLATIONS, text_part
from macros.content.values.dates import FIRST_YEAR, LAST_YEAR
from macros.content.values.ids import ID_PATTERN
from macros.content.values.wording import AVOID
from macros.outputs.base import BuildInfo, OutputFile
from macros.site.relations import Relations

DRAFT = "https://json-schema.org/draft/2020-12/schema"
YEAR_PATTERN = r"(19[89][0-9]|20[0-9][0-9]|210[0-7])"
"""FIRST_YEAR to LAST_YEAR (1980 to 2107); a test keeps the two in step."""
DATE_PATTERN = rf"^{YEAR_PATTERN}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DAY_PATTERN = rf"^{YEAR_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


def documents(site_url: str) -> dict[str, dict[str, Any]]:
    """One schema per kind of file under sessions/, by name: training, series, …, site, audiences; and one per kind
    of translation (`training.es`: sessions/es/trainings/<id>.yaml, its text fields only)."""
    specs: dict[str, tuple[s.Obj, str]] = {
        kind.word: (kind.spec, f"sessions/{kind.folder}/<id>.yaml") for kind in KINDS
    }
    for file_name, spec in SINGLE_FILES.items():
        specs[file_name.removesuffix(".yaml")] = (spec, f"sessions/{file_name}")
    for language in TRANSLATIONS:
        for kind in KINDS:
            specs[f"{kind.word}.{language}"] = (_text_part(kind.spec), f"sessions/{language}/{kind.folder}/<id>.yaml")
        for file_name, spec in TRANSLATED_FILES.items():
            specs[f"{file_name.removesuffix('.yaml')}.{language}"] = (
                _text_part(spec),
                f"sessions/{language}/{file_name}",
            )
    result = {}
    for name, (spec, where) in specs.items():
        document = {"$schema": DRAFT, "$id": f"{site_url}schema/{name}.json", "title": f"{where} ({name})"}
        result[name] = document | convert(spec)
    return result


def _text_part(spec: s.Obj) -> s.Obj:
    part = text_part(spec)
    assert isinstance(part, s.Obj), "every kind has text"
    return part


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
        result = {
            "type": "object",
            "properties": {name: convert(declared.spec) for name, declared in spec.fields.items()},
            "required": [name for name, declared in spec.fields.items() if declared.required],
            "additionalProperties": False,
        }
        rules = [part for rule in spec.rules for part in RULES.get(rule, list)()]
        return result | {"allOf": rules} if rules else result
    if isinstance(spec, s.ListOf):
        item = convert(spec.item)
        listed: dict[str, Any] = {
            "type": "array",
            "items": {"anyOf": [item, {"type": "null"}]} if spec.empty_items else item,
        }
        if spec.min_items:
            listed["minItems"] = spec.min_items
        if spec.unique:
            listed["uniqueItems"] = True
        return listed
    if isinstance(spec, s.Integer):
        return {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    if isinstance(spec, s.Date):
        choices: list[dict[str, Any]] = [
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            {"type": "string", "pattern": DATE_PATTERN},
        ]
        if spec.allow_unknown:
            choices.append({"const": "unknown"})
        return {"anyOf": choices}
    return _string(spec)


def value_pattern(spec: s.Spec) -> str | None:
    """The pattern a one-line value of `spec` must match, or None: one source for the JSON Schemas and the
    browser editor's form, so both refuse what the build refuses (a year outside the range, a look-alike host)."""
    if isinstance(spec, s.Date):
        unknown = "|unknown" if spec.allow_unknown else ""
        return f"^({DATE_PATTERN[1:-1]}{unknown})$"
    pattern = _plain_string(spec).get("pattern")
    return str(pattern) if pattern else None


def _string(spec: s.Spec) -> dict[str, Any]:
    if isinstance(spec, s.Text):
        return _text(spec)
    result = _plain_string(spec)
    if "type" in result:
        result["allOf"] = [{"pattern": _no_hidden(allow_tab=False, allow_joiners=False)}]
        result["maxLength"] = s.most_characters(spec)
    return result


def _plain_string(spec: s.Spec) -> dict[str, Any]:
    if isinstance(spec, (s.Identifier, s.Ref)):
        return {"type": "string", "pattern": ID_PATTERN}
    if isinstance(spec, s.Choice):
        return {"enum": list(spec.options)}
    if isinstance(spec, s.Url):
        return {"type": "string", "pattern": _url_pattern(spec)}
    if isinstance(spec, s.Email):
        return {"type": "string", "pattern": r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"}
    if isinstance(spec, s.Phone):
        return {"type": "string", "pattern": r"^\+?[0-9][0-9 ().-]{1,20}[0-9]$"}
    if isinstance(spec, s.Doi):
        return {"type": "string", "pattern": r"^10\.[0-9]{4,9}/\S+$"}
    if isinstance(spec, s.LocalFile):
        suffixes = "|".join(_any_case(re.escape(suffix)) for suffix in spec.suffixes)
        tail = rf"[^/]\S*({suffixes})$" if suffixes else r"[^/]"
        path = {"type": "string", "pattern": rf"^{re.escape(spec.prefix)}(?!.*(^|/)\.\.(/|$)){tail}"}
        return {"anyOf": [path, {"enum": list(spec.keywords)}]} if spec.keywords else path
    return {}


def _text(spec: s.Text) -> dict[str, Any]:
    """Text: not empty, one line where asked, no placeholder, no hidden character, no wording to avoid."""
    shape = r"^[^\n\t]*\S[^\n\t]*$" if spec.one_line else r"\S"
    avoid = "|".join(f"({_any_case(pattern.pattern)})" for pattern, _ in AVOID)
    return {
        "type": "string",
        "pattern": shape,
        "maxLength": s.most_characters(spec),
        "allOf": [
            {"pattern": _no_hidden(allow_tab=not spec.one_line, allow_joiners=True)},
            {"not": {"type": "string", "pattern": rf"^\s*{PLACEHOLDER}"}},
            {"not": {"type": "string", "pattern": avoid}},
        ],
    }


@cache
def _no_hidden(*, allow_tab: bool, allow_joiners: bool) -> str:
    """The loader's one text rule as a pattern: no control or format character but a line break (and tab, joiners)."""
    allowed = {"\n"} | ({"\t"} if allow_tab else set()) | (set(JOINERS) if allow_joiners else set())
    refused = [
        code
        for code in range(0x10000)
        if (unicodedata.category(chr(code)) in ("Cc", "Cf") or chr(code) in BIDI_CONTROLS) and chr(code) not in allowed
    ]
    return "^[^" + "".join(_class_ranges(refused)) + "]*$"


def _class_ranges(codes: list[int]) -> list[str]:
    """Consecutive code points as `\\uXXXX-\\uYYYY` ranges of a character class."""
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], sys.maxunicode + 2]:
        if code != previous + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{previous:04x}" if previous != start else ""))
            start = code
        previous = code
    return ranges


def _any_case(pattern: str) -> str:
    """`Suicide` → `[Ss][Uu]…`: JSON Schema patterns have no ignore-case flag. Escapes (\\b, \\s) are kept."""
    return re.sub(r"(?<!\\)[A-Za-z]", lambda found: f"[{found.group(0).upper()}{found.group(0).lower()}]", pattern)


def _url_pattern(spec: s.Url) -> str:
    """What the allow-list accepts: the schemes, a host name with no user name or password, no spaces."""
    host = r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+"
    if spec.hosts:
        host = "(" + "|".join(_any_case(re.escape(name)) for name in spec.hosts) + ")"
    choices = []
    for name in spec.schemes:
        if name == "mailto":
            choices.append(_any_case("mailto") + r":[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
        elif name == "tel":
            choices.append(_any_case("tel") + r":\+?[0-9][0-9 ().-]{1,20}[0-9]")
        else:
            choices.append(_any_case(name) + rf"://{host}(:[0-9]+)?([/?#][^\s]*)?")
    return "^(" + "|".join(choices) + ")$"


def _given(*names: str) -> dict[str, Any]:
    return {"required": list(names)}


def _status_rule() -> list[dict[str, Any]]:
    available = {"properties": {"status": {"const": "available"}}, "required": ["status"]}
    return [
        {
            "if": available,
            "then": {"oneOf": [_given("file"), _given("url")]},
            "else": {"not": {"anyOf": [_given("file"), _given("url")]}},
        }
    ]


def _recording_rule() -> list[dict[str, Any]]:
    available = {"properties": {"status": {"const": "available"}}, "required": ["status"]}
    return [
        {
            "if": {"allOf": [available, {"not": _given("accessibility_note")}]},
            "then": {"allOf": [_given("captions"), {"anyOf": [_given("transcript"), _given("transcript_text")]}]},
        }
    ]


def _playable_rule() -> list[dict[str, Any]]:
    youtube_id = r"[A-Za-z0-9_-]{11}"
    youtube = (
        rf"youtu\.be/{youtube_id}([?#]\S*)?"
        rf"|(www\.|m\.)?youtube(-nocookie)?\.com/(watch\?([^#\s]*&)?v={youtube_id}(?![A-Za-z0-9_-])"
        rf"|(embed|shorts|live)/{youtube_id}/?([?#]\S*)?$)"
    )
    vimeo = r"vimeo\.com/[0-9]{1,12}([/?#]\S*)?|player\.vimeo\.com/video/[0-9]{1,12}([/?#]\S*)?"
    return [
        {"properties": {"url": {"pattern": rf"^https://({youtube}|{vimeo})"}}},
        {"if": _given("file"), "then": {"properties": {"captions": {"not": {"const": "provider"}}}}},
        {"not": _given("transcript", "transcript_text")},
    ]


def _time_rule() -> list[dict[str, Any]]:
    return [
        {"properties": {"time": {"pattern": TIME_PATTERN}}},
        {"if": _given("time"), "then": {"required": ["date"], "properties": {"date": {"pattern": DAY_PATTERN}}}},
    ]


def _timezone_rule() -> list[dict[str, Any]]:
    return [{"properties": {"timezone": {"enum": sorted(available_timezones())}}}]


def _choice_rule() -> list[dict[str, Any]]:
    choice = {"properties": {"type": {"const": "choice"}}, "required": ["type"]}
    return [
        {
            "if": choice,
            "then": {"required": ["options"], "properties": {"options": {"minItems": 2}}},
            "else": {"not": _given("options")},
        }
    ]


def _table_rule() -> list[dict[str, Any]]:
    return [
        {"properties": {"columns": {"minItems": 1}}},
        {"not": _given("rows", "row_labels")},
        {"dependentRequired": {"row_labels": ["row_heading"], "row_heading": ["row_labels"]}},
    ]


def _short_name_rule() -> list[dict[str, Any]]:
    crisis = {"properties": {"kind": {"const": "crisis"}}, "required": ["kind"]}
    return [{"if": _given("short_name"), "then": crisis}]


def _section_rule() -> list[dict[str, Any]]:
    return [{"anyOf": [_given("fields"), _given("table")]}]


RULES: dict[Callable[..., Any], Callable[[], list[dict[str, Any]]]] = {
    specs._status_matches_location: _status_rule,
    specs._accessible_recording: _recording_rule,
    specs._playable_recording: _playable_rule,
    specs._valid_time: _time_rule,
    specs._known_timezone: _timezone_rule,
    specs._options_only_for_choice: _choice_rule,
    specs._rows_or_labels: _table_rule,
    specs._fields_or_table: _section_rule,
    specs._short_name_in_the_bar: _short_name_rule,
}
"""Each cross-field rule of the loader, as JSON Schema; rules missing here are listed as build-only in the tests."""
