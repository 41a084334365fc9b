"""Read a built site back as its users' clients read it: every string a reader would show, and any live markup.

Pages go through html5lib (the HTML5 parsing algorithm browsers use), head and attributes included; the feed
through an XML parser; calendars through icalendar; Word files as their XML paragraphs, Excel files through
openpyxl (a formula cell is an alarm), CSV through the csv module (a formula leader is an alarm); the Pagefind
index, the editor schemas and the editor's configuration as JSON and YAML. A file holding a payload's marker
that no reader reads fails the suite, so a new output gets a reader before it ships.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import html5lib
import icalendar
import openpyxl
import yaml

from macros.outputs.office import FORMULA_STARTS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Seen:
    """One string a reader shows: a text node, an attribute value, a cell, a property."""

    output: str
    """The file and the part of it: `trainings/x/index.html`, `…/plan.xlsx#Questions!B6`."""
    text: str
    """As the reader has it, white space folded to single spaces."""


@dataclass
class Reading:
    seen: list[Seen] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    """Live markup, a formula, template code that ran: each names its file."""
    unread: list[str] = field(default_factory=list)
    """Files holding a marker or a payload word that no reader reads."""


def fold(text: str) -> str:
    return " ".join(text.split())


def _tag(element: Any) -> str:
    return element.tag if isinstance(element.tag, str) else "#comment"


def _html_alarms(name: str, root: Any) -> Iterator[str]:
    for element in root.iter():
        tag = _tag(element)
        own = fold(element.text or "").lower()
        if tag.startswith("hubx"):
            yield f"{name}: a <{tag}> element from a payload"
        if tag in ("#comment", "script", "style") and "hubx" in own:
            yield f"{name}: payload text inside {tag}"
        if tag in ("strong", "em", "b", "i", "code", "a", "img", "h1", "h2", "li", "blockquote") and own.startswith(
            ("hubxbold", "hubxem", "hubxcode", "hubxlink")
        ):
            yield f"{name}: Markdown made a <{tag}> of a payload"
        for attribute, value in element.attrib.items():
            lowered = f"{attribute}={value}".lower()
            if "hubx" in attribute.lower() or (attribute.lower().startswith("on") and "hubx" in lowered):
                yield f"{name}: attribute {attribute}={value!r} from a payload"
            if attribute in ("href", "src", "action") and value.strip().lower().startswith(("javascript:", "data:")):
                yield f"{name}: {attribute}={value!r}"
            if attribute == "class" and "hubxclass" in value:
                yield f"{name}: an attribute list set class={value!r}"
            if "<span lang=" in value:
                yield f"{name}: the mark of untranslated text inside attribute {attribute}={value[:80]!r}"


def _html_strings(name: str, root: Any) -> Iterator[Seen]:
    for element in root.iter():
        tag = _tag(element)
        if tag == "script" and element.get("type", "").endswith("json"):
            yield from _json_strings(f"{name}#script", json.loads(element.text or "null"))
            continue
        if tag not in ("#comment", "script", "style") and element.text:
            yield Seen(name, fold(element.text))
        if element.tail:
            yield Seen(name, fold(element.tail))
        for attribute, value in element.attrib.items():
            if attribute.startswith("data-") and value.startswith(("[", "{")):  # data a script reads with JSON.parse
                yield from _json_strings(f"{name}@{attribute}", json.loads(value))
            else:
                yield Seen(f"{name}@{attribute}", fold(value))


def read_html(name: str, data: bytes, reading: Reading) -> None:
    """Every page is UTF-8 (the theme says so in its <meta charset>; an item page's own HTML has none to sniff)."""
    root = html5lib.parse(data.decode("utf-8"), treebuilder="etree", namespaceHTMLElements=False)
    reading.alarms += _html_alarms(name, root)
    reading.seen += _html_strings(name, root)


def _json_strings(name: str, value: Any) -> Iterator[Seen]:
    if isinstance(value, str):
        yield Seen(name, fold(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(name, key)
            yield from _json_strings(name, item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(name, item)


def read_json(name: str, data: bytes, reading: Reading) -> None:
    reading.seen += _json_strings(name, json.loads(data))


def read_yaml(name: str, data: bytes, reading: Reading) -> None:
    reading.seen += _json_strings(name, yaml.safe_load(data))


def read_feed(name: str, data: bytes, reading: Reading) -> None:
    for element in ElementTree.fromstring(data).iter():
        if element.text and element.text.strip():
            reading.seen.append(Seen(name, fold(element.text)))
        reading.seen += [Seen(f"{name}@{key}", fold(value)) for key, value in element.attrib.items()]


def read_calendar(name: str, data: bytes, reading: Reading) -> None:
    for component in icalendar.Calendar.from_ical(data).walk():
        for key, value in component.items():
            if isinstance(value, str):
                reading.seen.append(Seen(f"{name}#{key}", fold(str(value))))


def read_docx(name: str, data: bytes, reading: Reading) -> None:
    """Each paragraph's text as Word shows it, in the body, headers and footers; properties; control titles."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if not part.endswith(".xml"):
                continue
            root = ElementTree.fromstring(archive.read(part))
            for paragraph in root.iter(f"{W}p"):
                text = "".join(node.text or "" for node in paragraph.iter(f"{W}t"))
                if text:
                    reading.seen.append(Seen(f"{name}#{part}", fold(text)))
            for element in root.iter():
                if element.tag.startswith(f"{W}") and element.tag not in (f"{W}t",):
                    reading.seen += [Seen(f"{name}#{part}@", fold(value)) for value in element.attrib.values()]
                elif not element.tag.startswith(W) and element.text and element.text.strip():
                    reading.seen.append(Seen(f"{name}#{part}", fold(element.text)))


def read_xlsx(name: str, data: bytes, reading: Reading) -> None:
    """Every cell as a spreadsheet shows it (a formula cell is an alarm), header and footer text, properties."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{name}#{sheet.title}!{cell.coordinate}"
                if cell.data_type == "f":
                    reading.alarms.append(f"{where}: a formula cell ({cell.value!r})")
                elif isinstance(cell.value, str):
                    reading.seen.append(Seen(where, fold(cell.value)))
        for part in (sheet.oddHeader.center, sheet.oddFooter.left):
            if part.text:  # `&&` prints one `&` (a single `&` starts a code such as &P)
                reading.seen.append(Seen(f"{name}#{sheet.title}!header", fold(part.text.replace("&&", "&"))))
    properties = workbook.properties
    for value in (properties.title, properties.subject, properties.creator, properties.description):
        if value:
            reading.seen.append(Seen(f"{name}#properties", fold(value)))


def read_csv(name: str, data: bytes, reading: Reading) -> None:
    """Every cell; one a spreadsheet would run is an alarm, one neutralized with `'` counts as typed."""
    for number, row in enumerate(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")), start=1):
        for cell in row:
            if cell.startswith(FORMULA_STARTS):
                reading.alarms.append(f"{name}: row {number} would run as a formula: {cell[:40]!r}")
            shown = cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
            reading.seen.append(Seen(f"{name}#row{number}", fold(shown)))


def read_pagefind(site: Path, reading: Reading) -> None:
    """Each page's stored fragment as the search box shows it: title and kind as text, and the page's words as
    the text they are (Pagefind stores them unescaped and escapes the excerpt it makes of them; search.js reads
    that back as text around its <mark>s). The browser test in tests/publish/test_every_field.py checks the box."""
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        name = f"pagefind:{fragment.get('url', path.name)}"
        reading.seen += _json_strings(name, fragment.get("meta", {}))
        reading.seen.append(Seen(name, fold(fragment.get("content", ""))))


READERS: dict[str, Callable[[str, bytes, Reading], None]] = {
    ".html": read_html,
    ".json": read_json,
    ".yml": read_yaml,
    ".xml": read_feed,
    ".ics": read_calendar,
    ".docx": read_docx,
    ".xlsx": read_xlsx,
    ".csv": read_csv,
}


def read_site(site: Path, markers: re.Pattern[str] | None) -> Reading:
    """Read every file of `site` that mentions a marker or a payload word; the rest cannot show a slot's value.
    Without `markers`, every file a reader reads.

    Pagefind's own files are read through its fragments; its synonyms file (ours) is JSON like the rest."""
    reading = Reading()
    read_pagefind(site, reading)
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if not path.is_file() or (relative.parts[0] == "pagefind" and path.suffix != ".json"):
            continue
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inside = b"".join(archive.read(part) for part in archive.namelist())
        else:
            inside = data
        reader = READERS.get(path.suffix)
        if markers is None:
            if reader is not None:
                reader(name, data, reading)
            continue
        if not (markers.search(inside.decode("utf-8", "replace")) or b"hubx" in inside.lower()):
            continue
        if reader is None:
            reading.unread.append(name)
            continue
        reader(name, data, reading)
    reading.alarms += [f"{seen.output}: template code ran (1337)" for seen in reading.seen if "1337" in seen.text]
    return reading
