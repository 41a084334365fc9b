"""`python -m macros new`: write a commented YAML skeleton from the field specs, never over an existing file.

Text a person must still write is marked `"TODO: …"` and choices read `TODO`; validate refuses both with the file and
line, so a half-filled file is never published. Everything else in a fresh skeleton is already valid.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from macros.content import spec as s
from macros.content import specs
from macros.content.check import PLACEHOLDER, STR_TAG
from macros.content.kinds import KINDS, Kind
from macros.content.translations import LANGUAGE_NAMES, TRANSLATIONS, text_part
from macros.content.values.ids import slugify
from macros.content.values.suggest import closest

_FILL_OPTIONAL = {"fields"}
"""Optional lists a skeleton fills anyway because a rule needs one of them (an action-plan section's fields)."""


class ScaffoldError(Exception):
    """What went wrong and what to do instead; nothing was written."""


@dataclass(frozen=True)
class Written:
    path: Path
    item_id: str
    note: str


def kind_names() -> list[str]:
    """What `new` accepts: every kind with a folder, plus `session` (added to a series file) and `translation`."""
    return [kind.word for kind in KINDS] + ["session", "translation"]


def new_translation(content_dir: Path, kind_word: str, item_id: str, site_url: str, language: str = "es") -> Written:
    """Write `sessions/<language>/<folder>/<id>.yaml` for an English item: its text fields in its shape, each line
    commented out and each text `"TODO: <the English>"`, so a maintainer uncomments what they translate (what
    stays a comment is shown in English, marked as such) and an untranslated TODO cannot be published."""
    kind = _kind(kind_word)
    english = content_dir / kind.folder / f"{item_id}.yaml"
    if not english.is_file():
        known = sorted(path.stem for path in (content_dir / kind.folder).glob("*.yaml"))
        close = closest(item_id, known)
        hint = f"did you mean {close[0]!r}?" if close else f"the {kind.word} ids are: " + (", ".join(known) or "none")
        raise ScaffoldError(f"{shown(english)} does not exist; {hint}")
    target = content_dir / language / kind.folder / f"{item_id}.yaml"
    if target.exists():
        raise ScaffoldError(f"{shown(target)} already exists; edit it")
    part = text_part(kind.spec)
    values = _to_translate(_parsed(english, english.read_text(encoding="utf-8")), part)
    body = yaml.dump(values or {}, Dumper=_TextDumper, sort_keys=False, allow_unicode=True, width=100)
    name = LANGUAGE_NAMES[language]
    header = [
        f"# yaml-language-server: $schema={site_url}schema/{kind.word}.{language}.json",
        f"# The {name} text of {shown(english)}, started with: python -m macros new translation {kind.word} {item_id}",
        f'# To translate a field, remove the "# " in front of its lines and write the {name} in place of "TODO: …".',
        "# Keep one list item per English item, in the same order; an item left as `- ~` stays in English. What stays",
        "# a comment is shown in English, marked as such. Check your work with: python -m macros validate",
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write("\n".join([*header, *(f"# {line}" for line in body.splitlines())]) + "\n")
    return Written(target, item_id, "uncomment and translate what you translate, then run: python -m macros validate")


class _TextDumper(yaml.SafeDumper):
    """Text of paragraphs as a literal block (`|`), as a maintainer writes it; one line as YAML quotes it."""


def _text_block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_TextDumper.add_representer(str, _text_block)


def _to_translate(value: Any, spec: s.Spec | None) -> Any:
    """The English file's text fields in its shape, each text as a TODO holding the English; None when none."""
    if isinstance(spec, s.Obj) and isinstance(value, dict):
        kept = {}
        for name, declared in spec.fields.items():
            if name in value and (inner := _to_translate(value[name], declared.spec)) is not None:
                kept[name] = inner
        return kept or None
    if isinstance(spec, s.ListOf) and isinstance(value, list):
        return [_to_translate(item, spec.item) for item in value]
    if isinstance(spec, s.Text) and isinstance(value, str):
        return f"{PLACEHOLDER} {value.strip()}"
    return None


def new_item(content_dir: Path, kind_word: str, title: str, site_url: str, today: date) -> Written:
    """Write `sessions/<folder>/<slug>.yaml` for a new item; refuse a bad title or an id that is taken."""
    kind = _kind(kind_word)
    slug = id_from_title(title)
    folder = content_dir / kind.folder
    taken = sorted(folder.rglob(f"{slug}.y*ml")) if folder.is_dir() else []
    if taken:
        raise ScaffoldError(
            f"{shown(taken[0])} already exists, so the id {slug!r} is taken; "
            "edit that file, or choose a different title"
        )
    text = skeleton(kind, title, site_url, today)
    path = folder / f"{slug}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return Written(path, slug, "fill in every TODO, then run: python -m macros validate")


def skeleton(kind: Kind, title: str, site_url: str, today: date) -> str:
    """The file `new` writes: a schema line for editors, how to fill it in, then the fields in spec order."""
    name = kind.word
    header = [
        f"# yaml-language-server: $schema={site_url}schema/{name}.json",
        f"# A new {name.replace('-', ' ')}, started with: python -m macros new {name} {quoted(title)}",
        '# Replace every "TODO: …" and every TODO with the real value; the comment at the end of a line says what',
        "# fits. Optional fields are commented out: to use one, remove the '# ' in front of it.",
        "# The file name is the id and part of the page address. Check your work with: python -m macros validate",
        "",
    ]
    body = _fields(kind.spec, 0, today, {kind.title_field: quoted(title)}, "")
    return "\n".join(header + body) + "\n"


def _fields(spec: s.Obj, indent: int, today: date, given: dict[str, str], parent: str) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for name, declared in spec.fields.items():
        if name in given:
            lines.append(f"{pad}{name}: {given[name]}")
        elif declared.required or name in _FILL_OPTIONAL:
            lines.extend(_field(name, declared.spec, indent, today, parent))
        else:
            lines.append(f"{pad}# {name}: {_example(declared.spec)}".rstrip() + _comment(declared.spec))
    return lines


def _field(name: str, spec: s.Spec, indent: int, today: date, parent: str) -> list[str]:
    pad = " " * indent
    if isinstance(spec, s.Obj):
        return [f"{pad}{name}:{_comment(spec)}", *_fields(spec, indent + 2, today, {}, name)]
    if isinstance(spec, s.ListOf):
        return [f"{pad}{name}:{_comment(spec)}", *_item(spec.item, indent + 2, today, name)]
    return [f"{pad}{name}: {_placeholder(name, spec, today, parent)}{_comment(spec)}"]


def _item(spec: s.Spec, indent: int, today: date, parent: str) -> list[str]:
    """One list item: `- ` before the first line, the rest indented under it."""
    pad = " " * indent
    if isinstance(spec, s.Obj):
        lines = _fields(spec, indent + 2, today, {}, parent)
        first = next(index for index, line in enumerate(lines) if not line.lstrip().startswith("#"))
        lines[first] = f"{pad}- {lines[first].lstrip()}"
        return lines
    return [f"{pad}- {_placeholder(parent, spec, today, parent)}{_comment(spec)}"]


def _placeholder(name: str, spec: s.Spec, today: date, parent: str) -> str:
    if isinstance(spec, s.Identifier):
        return f"{parent.removesuffix('s') or 'item'}-1"
    if isinstance(spec, s.Integer):
        return str(spec.minimum)
    if isinstance(spec, s.Date):
        return "unknown" if spec.allow_unknown else today.isoformat()
    if isinstance(spec, s.Choice):
        return "TODO"
    return json.dumps(f"{PLACEHOLDER} write the {name.replace('_', ' ')}", ensure_ascii=False)


def _example(spec: s.Spec) -> str:
    if isinstance(spec, s.Obj):
        return ""
    if isinstance(spec, s.ListOf):
        item = spec.item
        return "[...]" if isinstance(item, s.Obj) else f"[{_example(item)}]"
    if isinstance(spec, s.Choice):
        return _as_yaml(spec.options[0]) if spec.options else "..."
    if isinstance(spec, s.Date):
        return "2024-05-14"
    if isinstance(spec, s.Integer):
        return str(max(spec.minimum, 1))
    if isinstance(spec, (s.Identifier, s.Ref)):
        return f"{spec.kind}-id" if isinstance(spec, s.Ref) and spec.kind else "an-id"
    if isinstance(spec, s.Url):
        return "https://example.org/page"
    return '"..."'


def _comment(spec: s.Spec) -> str:
    parts = [spec.doc.rstrip(".")] if spec.doc else []
    if isinstance(spec, s.Obj):
        parts.append("fields: " + ", ".join(spec.fields))
    if isinstance(spec, s.Choice):
        parts.append("one of: " + ", ".join(_as_yaml(option) for option in spec.options))
    if isinstance(spec, s.Date):
        parts.append("a date like 2017, 2017-03 or 2017-03-14" + (", or unknown" if spec.allow_unknown else ""))
    return "  # " + "; ".join(parts) if parts else ""


def _as_yaml(option: str) -> str:
    """`1` in quotes, because YAML would read it as a number; plain words as they are."""
    return option if isinstance(yaml.safe_load(option), str) else json.dumps(option)


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar: JSON's escapes, plus an escape for every invisible character, so a
    line separator or a zero-width space reaches the loader's text rule as the character it is."""
    return "".join(char if char.isprintable() else _escaped(char) for char in json.dumps(text, ensure_ascii=False))


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]*")
_DATE_TEXT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?|unknown")


def item_text(kind: Kind, record: Mapping[str, Any], site_url: str, origin: str) -> str:
    """A filled-in item as `new` lays a file out: the schema line, where it came from, the fields in spec order.

    `record` holds text leaves (the spreadsheet import's records); empty values are left out."""
    header = [
        f"# yaml-language-server: $schema={site_url}schema/{kind.word}.json",
        f"# {origin}. Check it with: python -m macros validate",
        "",
    ]
    return "\n".join(header + _filled(kind.spec, record, 0)) + "\n"


def _filled(spec: s.Obj, record: Mapping[str, Any], indent: int) -> list[str]:
    lines: list[str] = []
    for name, declared in spec.fields.items():
        if record.get(name) not in (None, "", [], {}):
            lines.extend(_filled_field(f"{' ' * indent}{name}:", declared.spec, record[name], indent))
    return lines


def _filled_field(lead: str, spec: s.Spec, value: Any, indent: int) -> list[str]:
    if isinstance(spec, s.Obj):
        return [lead, *_filled(spec, value, indent + 2)]
    if isinstance(spec, s.ListOf):
        return [lead, *(line for item in value for line in _filled_item(spec.item, item, indent + 2))]
    return _scalar(lead, spec, str(value), indent + 2)


def _filled_item(spec: s.Spec, value: Any, indent: int) -> list[str]:
    """One list item: `- ` before its first line, the rest indented under it."""
    if isinstance(spec, s.Obj):
        lines = _filled(spec, value, indent + 2)
        lines[0] = f"{' ' * indent}- {lines[0].lstrip()}"
        return lines
    return _scalar(f"{' ' * indent}-", spec, str(value), indent + 2)


def _scalar(lead: str, spec: s.Spec, text: str, indent: int) -> list[str]:
    """Numbers, dates, ids and choices plain where YAML reads them back as the same text; prose with line breaks
    as a literal block; everything else quoted."""
    if isinstance(spec, s.Integer) and text.isascii() and text.isdigit():
        return [f"{lead} {text}"]
    if isinstance(spec, s.Date) and _DATE_TEXT.fullmatch(text):
        return [f"{lead} {text}"]
    if isinstance(spec, (s.Identifier, s.Ref, s.Choice)) and _reads_back_as_text(text):
        return [f"{lead} {text}"]
    if (
        "\n" in text
        and all(char.isprintable() and char != "\t" for char in text.replace("\n", ""))
        and not any(line.endswith(" ") for line in text.split("\n"))
    ):
        return [f"{lead} |", *(f"{' ' * indent}{line}" if line else "" for line in text.split("\n"))]
    return [f"{lead} {quoted(text)}"]


@functools.lru_cache(maxsize=4096)
def _reads_back_as_text(text: str) -> bool:
    """True when `text` written plain is read by YAML 1.1 as this very text (not `no` → false, `1` → a number).

    Memoized: an import writes the same few ids and choices thousands of times."""
    tag = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, text, (True, False))  # type: ignore[arg-type,no-untyped-call]
    return bool(_PLAIN.fullmatch(text)) and tag == STR_TAG


def new_session(content_dir: Path, series_id: str, title: str, today: date) -> Written:
    """Add the next numbered session at the end of a series' `sessions:` list, keeping the rest of the file as is."""
    id_from_title(title)
    path = content_dir / "series" / f"{series_id}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in (content_dir / "series").glob("*.yaml"))
        close = closest(series_id, known)
        hint = f"did you mean {close[0]!r}?" if close else "the series ids are: " + (", ".join(known) or "(none yet)")
        raise ScaffoldError(f"{shown(path)} does not exist; {hint}")
    text = path.read_text(encoding="utf-8")
    before = _parsed(path, text)
    sessions = before.get("sessions") or []
    number = len(sessions) + 1
    given = {"number": str(number), "title": quoted(title)}
    lines = text.splitlines()
    at, indent = _insertion_point(path, text, lines)
    block = _fields(specs.SESSION, indent + 2, today, given, "sessions")
    block[0] = f"{' ' * indent}- {block[0].lstrip()}"
    if at is None:
        lines.extend(["sessions:", *block])
    else:
        lines[at:at] = block
    new_text = "\n".join(lines) + "\n"
    after = _parsed(path, new_text)
    expected = before | {"sessions": [*sessions, {"number": number, "title": title}]}
    if _plain(after) != _plain(expected):
        raise ScaffoldError(
            f"{shown(path)}: could not add session {number} safely; nothing was changed. "
            "Add it by hand at the end of `sessions:` (see the maintainers' guide)"
        )
    steps = _keep_translations_in_step(content_dir, series_id, number)
    replace_file(path, new_text)
    for translation, text in steps.items():
        replace_file(translation, text)
    note = f"session {number} added; fill in every TODO, then validate"
    if steps:
        note += f" (its translations keep an empty item for it: {', '.join(shown(each) for each in steps)})"
    return Written(path, f"{series_id}/{number}", note)


def _keep_translations_in_step(content_dir: Path, series_id: str, number: int) -> dict[Path, str]:
    """Each translation of the series that lists its sessions gets an empty item for the new one (`- ~`, shown in
    English until translated), so its list keeps one item per English session; nothing is written if one fails."""
    steps = {}
    for language in TRANSLATIONS:
        path = content_dir / language / "series" / f"{series_id}.yaml"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        before = _parsed(path, text)
        if "sessions" not in before:
            continue  # its sessions are all in English: nothing to keep in step
        lines = text.splitlines()
        at, indent = _insertion_point(path, text, lines)
        lines[at if at is not None else len(lines) : at] = [
            f"{' ' * indent}- ~  # session {number}: not translated yet"
        ]
        new_text = "\n".join(lines) + "\n"
        if _parsed(path, new_text).get("sessions") != [*before["sessions"], None]:
            raise ScaffoldError(
                f"{shown(path)}: could not add an empty item for session {number} safely; nothing was changed. "
                "Add `- ~` at the end of its `sessions:` by hand, then run this again"
            )
        steps[path] = new_text
    return steps


def _insertion_point(path: Path, text: str, lines: list[str]) -> tuple[int | None, int]:
    """Index of the line to insert before and the column of the list's dashes; None to append a new list."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise ScaffoldError(f"{shown(path)} is not a mapping of fields; run python -m macros validate first")
    node = next((value for key, value in root.value if key.value == "sessions"), None)
    if node is None:
        return None, 2
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise ScaffoldError(
            f"{shown(path)}:{node.start_mark.line + 1}: sessions: write it as a list with one `- number: …` "
            "item per session before adding one with this command"
        )
    last = node.value[-1]
    key_column = last.start_mark.column
    dash = lines[last.start_mark.line][:key_column].rstrip()
    if not dash.endswith("-"):
        raise ScaffoldError(f"{shown(path)}:{last.start_mark.line + 1}: sessions: cannot find the list's `- `")
    end = last.end_mark.line + (1 if last.end_mark.column else 0)
    while end - 1 > last.start_mark.line and _loose(lines[end - 1], key_column):
        end -= 1
    return end, len(dash) - 1


def _loose(line: str, column: int) -> bool:
    """A blank line, or a comment less indented than the last item's fields (it belongs to what follows)."""
    stripped = line.lstrip()
    return not stripped or (stripped.startswith("#") and len(line) - len(stripped) < column)


def _parsed(path: Path, text: str) -> dict[str, Any]:
    try:
        value = yaml.load(text, Loader=_TextDates)
    except yaml.YAMLError as error:
        raise ScaffoldError(f"{shown(path)} cannot be read as YAML; run python -m macros validate first") from error
    if not isinstance(value, dict):
        raise ScaffoldError(f"{shown(path)} is not a mapping of fields; run python -m macros validate first")
    return value


class _TextDates(yaml.SafeLoader):
    """Dates stay text, as the content loader reads them."""


_TextDates.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _plain(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def replace_file(path: Path, text: str) -> None:
    """Write beside the file, then rename over it: an interrupted run never leaves half a file."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temp).replace(path)
    finally:
        Path(temp).unlink(missing_ok=True)


def _kind(word: str) -> Kind:
    for kind in KINDS:
        if kind.word == word:
            return kind
    raise ScaffoldError(f"unknown kind {word!r}; write one of: {', '.join(kind_names())}")


def id_from_title(title: str) -> str:
    """The scaffold's rule, shared with the spreadsheet import: the id (and file name) made from a title."""
    if not title.strip():
        raise ScaffoldError(
            'the title is empty; write it in quotes, like: python -m macros new training "Peer support"'
        )
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(
            f"the title {title!r} has no letters or digits to make a file name from; "
            'write a title with words, like "Peer support basics"'
        )
    return slug


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it: what a maintainer typed."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
